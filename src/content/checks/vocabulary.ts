/**
 * The vocabulary of a stop, checked for what needs no dictionary: 4–8 words, none twice, pinyin
 * written with tone marks, and an example sentence that uses its word. The pinyin itself is checked
 * against pinyin-pro at build time (lib/checks/pinyin.ts), which the browser does not load.
 */
import type { Stop } from '../schema';
import type { ContentIssue } from '../issues';

export const VOCABULARY_MIN = 4;
export const VOCABULARY_MAX = 8;

const TONE_MARK = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/u;
/** Letters of pinyin, tone-marked vowels and ü, with spaces or apostrophes between syllables. */
const PINYIN_SHAPE = /^[a-zA-ZāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüÜ]+([ '’][a-zA-ZāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüÜ]+)*$/u;

export function checkVocabulary(file: string, at: string, s: Stop, issues: ContentIssue[]): void {
  const words = s.vocabulary;
  if (words === undefined) return;
  const add = (path: string, message: string) => issues.push({ file, path, message });
  if (words.length < VOCABULARY_MIN || words.length > VOCABULARY_MAX) {
    add(`${at}.vocabulary`, `a stop lists ${VOCABULARY_MIN}–${VOCABULARY_MAX} words; "${s.id}" lists ${words.length}`);
  }
  const seen = new Set<string>();
  words.forEach((w, wi) => {
    const path = `${at}.vocabulary[${wi}]`;
    if (seen.has(w.zh)) add(`${path}.zh`, `the word "${w.zh}" is listed twice in stop "${s.id}"`);
    seen.add(w.zh);
    if (!PINYIN_SHAPE.test(w.pinyin)) add(`${path}.pinyin`, `"${w.pinyin}" is not pinyin (letters with tone marks; no tone numbers)`);
    else if (!TONE_MARK.test(w.pinyin)) add(`${path}.pinyin`, `"${w.pinyin}" has no tone marks: write them, like "túshūguǎn"`);
    if (!w.example.zh.includes(w.zh)) add(`${path}.example.zh`, `the example does not use the word "${w.zh}"`);
  });
}
