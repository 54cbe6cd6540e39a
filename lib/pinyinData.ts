/**
 * The pinyin the browser gets (`virtual:pinyin`, vite.config.ts): every Chinese text of the content
 * and of the zh UI strings, read once here, so no dictionary ships. Readings are one string per
 * text, a syllable per character separated by spaces ('' for a character that is not Chinese), and
 * `chars` reads single characters for UI strings filled in at run time ("{{campus}}的站点").
 */
import type { Content } from '../src/content/schema';
import { zhTexts } from './checks/pinyin';
import { isHan, readingsOf, type PinyinOverrides } from './pinyin';

export interface PinyinData {
  texts: Record<string, string>;
  chars: Record<string, string>;
}

function uiStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) uiStrings(v, out);
  return out;
}

export function buildPinyinData(content: Content, zhUi: unknown): PinyinData {
  const root: PinyinOverrides = content.college.pinyin ?? {};
  const texts: Record<string, string> = {};
  const chars: Record<string, string> = {};
  const add = (text: string, own?: PinyinOverrides) => {
    if (![...text].some(isHan)) return;
    const readings = readingsOf(text, own ? [own, root] : [root]);
    // A text met twice with different overrides keeps the first reading: overrides are per word.
    texts[text] ??= readings.join(' ');
  };
  for (const t of zhTexts(content)) add(t.zh, t.own);
  for (const s of uiStrings(zhUi)) {
    // Interpolations stay out of the reading; the parts around them are read as their own texts.
    for (const part of s.split(/\{\{[^}]*\}\}/)) add(part);
  }
  for (const text of Object.keys(texts)) {
    const readings = texts[text]!.split(' ');
    [...text].forEach((ch, i) => {
      if (isHan(ch) && readings[i]) chars[ch] ??= readings[i];
    });
  }
  return { texts, chars };
}

/** The characters of the content's vocabulary: the stroke-order data the build copies. */
export function vocabularyChars(content: Content): string[] {
  const set = new Set<string>();
  for (const c of content.campuses) for (const s of c.stops) for (const w of s.vocabulary ?? []) for (const ch of w.zh) set.add(ch);
  return [...set].sort();
}
