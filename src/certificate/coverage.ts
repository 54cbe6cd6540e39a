/**
 * Which bundled font draws each character of a name, from the fonts' coverage (code point ranges
 * read from each subset's cmap at build: lib/certificateFonts.ts → /generated/fonts/coverage.json).
 * A name with a character no font holds is refused with the characters named, so a certificate
 * never shows an empty box.
 */

export type FontId = 'latin' | 'arabic' | 'lao' | 'han';
export type Coverage = Record<FontId, [number, number][]>;

/** The order fonts are tried in: the Latin font's digits and punctuation before the Chinese font's. */
export const FONT_ORDER: readonly FontId[] = ['latin', 'arabic', 'lao', 'han'];

function covers(ranges: readonly [number, number][], cp: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [from, to] = ranges[mid]!;
    if (cp < from) hi = mid - 1;
    else if (cp > to) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The font that draws a character: Han characters and CJK punctuation by the Chinese font first. */
export function fontFor(coverage: Coverage, char: string, prefer?: FontId): FontId | null {
  const cp = char.codePointAt(0)!;
  if (prefer && covers(coverage[prefer], cp)) return prefer;
  for (const id of FONT_ORDER) if (covers(coverage[id], cp)) return id;
  return null;
}

export interface Run {
  font: FontId;
  text: string;
}

/**
 * A text cut into runs of one font each. A space or a sign every font has stays with the run
 * before it, so "محمد علی" is one Arabic run (shaped and ordered as a whole), not three.
 */
export function splitRuns(coverage: Coverage, text: string): Run[] | null {
  const runs: Run[] = [];
  for (const char of text) {
    const last = runs[runs.length - 1];
    const font = fontFor(coverage, char, last?.font);
    if (!font) return null;
    if (last && last.font === font) last.text += char;
    else runs.push({ font, text: char });
  }
  return runs;
}

/** The characters of `text` no bundled font can draw (each once, in order). */
export function uncovered(coverage: Coverage, text: string): string[] {
  return [...new Set([...text].filter((char) => fontFor(coverage, char) === null))];
}

/** Right-to-left letters (Arabic, Urdu): the line's runs are laid out from the right. */
export const isRightToLeft = (text: string) => /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u.test(text);
