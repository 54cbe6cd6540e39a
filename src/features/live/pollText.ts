/**
 * A poll's words in a reader's language. The wire names a content question by ids (tour, step,
 * question) and carries a typed one as the guide's text in one or both languages; each screen
 * finds the words here. A typed text missing in the reader's language falls back to the other,
 * tagged with the language it is in (so it is pronounced right).
 */
import type { Content, Lang, StepQuestion } from '../../content/schema';
import type { PollSource, TypedText } from '../../live/protocol';

/** A text and the language it is written in. */
export interface ShownText {
  text: string;
  lang: Lang;
}

export interface PollWords {
  prompt: ShownText;
  options: ShownText[];
}

/** The content question a poll names, if it still exists. */
export function contentQuestion(content: Content, tourId: string, step: number, questionId: string): StepQuestion | undefined {
  return content.tours.find((t) => t.id === tourId)?.steps[step]?.questions?.find((q) => q.id === questionId);
}

function typed(text: TypedText, lang: Lang): ShownText | null {
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const own = text[lang]?.trim();
  if (own) return { text: own, lang };
  const fallback = text[other]?.trim();
  return fallback ? { text: fallback, lang: other } : null;
}

/** The poll's prompt and options in `lang`; null when a content question is not in this build's content. */
export function pollWords(source: PollSource, optionCount: number, content: Content, lang: Lang): PollWords | null {
  if (source.kind === 'content') {
    const q = contentQuestion(content, source.tourId, source.step, source.questionId);
    if (!q) return null;
    return { prompt: { text: q.prompt[lang], lang }, options: q.options.slice(0, optionCount).map((o) => ({ text: o[lang], lang })) };
  }
  const prompt = typed(source.prompt, lang);
  if (!prompt) return null;
  const options = source.options.slice(0, optionCount).map((o, i) => typed(o, lang) ?? { text: String(i + 1), lang });
  return { prompt, options };
}

/** The share of `count` in `total`, in whole percent (0 when nobody answered). */
export const percent = (count: number, total: number): number => (total > 0 ? Math.round((count / total) * 100) : 0);
