/**
 * The content's pinyin, checked with pinyin-pro (Node only, so not in src/content/validate.ts):
 * - a Chinese text holding a checked polyphone (重 行 长 乐 还 得 地 着 了 处) that the dictionary
 *   lists as polyphonic needs an override covering that occurrence (root or per-text `pinyin`);
 * - a vocabulary word's pinyin equals the dictionary's reading (with the overrides), loosely
 *   compared (case, spaces, apostrophes).
 */
import type { Content } from '../../src/content/schema';
import type { ContentIssue } from '../../src/content/issues';
import { COLLEGE_FILE, TOURS_FILE, campusFile } from '../../src/content/validate';
import { normalizePinyin, uncoveredPolyphones, wordReading, type PinyinOverrides } from '../pinyin';

interface ZhText {
  file: string;
  path: string;
  zh: string;
  /** The text's own overrides. */
  own: PinyinOverrides | undefined;
  /** A vocabulary word: its declared reading. */
  declared: string | undefined;
}

/** Every Chinese text of the content with its file and JSON path. */
export function zhTexts(content: Content): ZhText[] {
  const found: ZhText[] = [];
  const walk = (file: string, value: unknown, path: string) => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(file, v, `${path}[${i}]`));
    if (!value || typeof value !== 'object') return;
    const obj = value as Record<string, unknown>;
    if (typeof obj.zh === 'string') {
      const isWord = typeof obj.pinyin === 'string';
      found.push({
        file,
        path: `${path}.zh`,
        zh: obj.zh,
        own: !isWord && obj.pinyin && typeof obj.pinyin === 'object' ? (obj.pinyin as PinyinOverrides) : undefined,
        declared: isWord ? (obj.pinyin as string) : undefined,
      });
    }
    for (const [key, v] of Object.entries(obj)) if (key !== 'pinyin') walk(file, v, `${path}.${key}`);
  };
  // The root's `pinyin` map holds readings, not texts: walk() skips every `pinyin` key.
  walk(COLLEGE_FILE, content.college, '$');
  for (const c of content.campuses) walk(campusFile(c.id), c, '$');
  walk(TOURS_FILE, { tours: content.tours }, '$');
  return found;
}

export function checkPinyin(content: Content): ContentIssue[] {
  const root = content.college.pinyin ?? {};
  const issues: ContentIssue[] = [];
  for (const t of zhTexts(content)) {
    if (t.declared !== undefined) {
      const expected = wordReading(t.zh, [root]);
      if (normalizePinyin(t.declared) !== normalizePinyin(expected)) {
        issues.push({
          file: t.file,
          path: t.path.replace(/\.zh$/, '.pinyin'),
          message: `"${t.declared}" is not the reading of "${t.zh}" ("${expected}"); correct it, or add the word to college.json "pinyin" if the dictionary is wrong`,
        });
      }
      continue;
    }
    for (const p of uncoveredPolyphones(t.zh, t.own ? [t.own, root] : [root])) {
      const context = [...t.zh].slice(Math.max(0, p.index - 3), p.index + 4).join('');
      issues.push({
        file: t.file,
        path: t.path,
        message: `"${p.char}" in "…${context}…" can be read ${p.readings.join(' or ')} (the dictionary guesses ${p.guess}): add a pinyin override for this word, in the text's "pinyin" or in college.json "pinyin"`,
      });
    }
  }
  return issues;
}
