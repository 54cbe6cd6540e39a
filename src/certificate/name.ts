/**
 * The name a delegate puts on a certificate: checked the same way by the certificate page (to say
 * what is wrong while typing) and by the server (which refuses to issue otherwise). Any script is
 * welcome; what is refused is what would print wrongly or could disguise itself: nothing at all,
 * more than fits the line, invisible control characters, marks that reorder the text (a name that
 * reads differently from what it holds), and markup.
 */

export const NAME_MAX_LENGTH = 80;

export type NameError = 'name-empty' | 'name-too-long' | 'name-control' | 'name-bidi' | 'name-html';

export interface NameProblem {
  error: NameError;
  message: { zh: string; en: string };
}

export type NameCheck = { ok: true; name: string } | ({ ok: false } & NameProblem);

export const NAME_MESSAGES: Record<NameError, { zh: string; en: string }> = {
  'name-empty': { zh: '请输入姓名。', en: 'Please enter a name.' },
  'name-too-long': { zh: `姓名最多${NAME_MAX_LENGTH}个字符。`, en: `A name can be at most ${NAME_MAX_LENGTH} characters long.` },
  'name-control': { zh: '姓名中不能有换行、制表符等控制字符。', en: 'A name cannot contain line breaks, tabs or other control characters.' },
  'name-bidi': { zh: '姓名中不能有改变文字方向的隐藏标记。', en: 'A name cannot contain hidden marks that change the direction of the text.' },
  'name-html': { zh: '姓名中不能有 < 或 > 符号。', en: 'A name cannot contain the signs < or >.' },
};

/** C0, DEL and C1 controls. */
const CONTROL = /\p{Cc}/u;
/** Bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069), LRM/RLM and the Arabic letter mark. */
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;
const HTML = /[<>]/;

/** Length in characters as a reader counts them (code points: an emoji or a CJK extension character is one). */
const lengthOf = (text: string) => [...text].length;

/** Checks a typed name; the name to print is the trimmed, NFC-normalized one. */
export function checkName(raw: string): NameCheck {
  const name = raw.normalize('NFC').trim();
  const fail = (error: NameError): NameCheck => ({ ok: false, error, message: NAME_MESSAGES[error] });
  if (name.length === 0) return fail('name-empty');
  if (CONTROL.test(name)) return fail('name-control');
  if (BIDI.test(name)) return fail('name-bidi');
  if (HTML.test(name)) return fail('name-html');
  if (lengthOf(name) > NAME_MAX_LENGTH) return fail('name-too-long');
  return { ok: true, name };
}
