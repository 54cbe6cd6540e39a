/**
 * A delegate's written question, as the app and the relay both check it: trimmed, 1–QUESTION_MAX
 * characters of plain text (line breaks allowed; other control and bidi-control characters
 * refused). The guide's screen shows it as text, never as markup. Error codes as displayName.ts.
 */
import { QUESTION_MAX } from './protocol';
import { characterCount, hasBidiControl, hasControl } from './textChecks';

export type QuestionTextError = 'empty' | 'too-long' | 'control' | 'bidi';

export type QuestionTextCheck = { ok: true; text: string } | { ok: false; error: QuestionTextError };

export function checkQuestionText(raw: string): QuestionTextCheck {
  const text = raw.normalize('NFC').replace(/\r\n/g, '\n').trim();
  if (text.length === 0) return { ok: false, error: 'empty' };
  if (hasBidiControl(text)) return { ok: false, error: 'bidi' };
  if (hasControl(text, true)) return { ok: false, error: 'control' };
  if (characterCount(text) > QUESTION_MAX) return { ok: false, error: 'too-long' };
  return { ok: true, text };
}
