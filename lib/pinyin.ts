/**
 * Pinyin at build time: pinyin-pro reads each Chinese text once in Node, content overrides correct
 * its polyphones and names, and the browser gets only the readings (no dictionary).
 *
 * Overrides are word → reading maps: `pinyin` at the root of college.json for words read the same
 * everywhere (重庆 → "chóng qìng"), and `pinyin` on one text ({ zh, en, pinyin }) for that text
 * alone (了 → "le"). A reading has one syllable per character, separated by spaces.
 */
import { pinyin, polyphonic } from 'pinyin-pro';

export type PinyinOverrides = Readonly<Record<string, string>>;

/** The polyphones content:check insists on: a text holding one needs an override covering it. */
export const CHECKED_POLYPHONES: readonly string[] = [...'重行长乐还得地着了处'];

const HAN = /\p{Script=Han}/u;
export const isHan = (ch: string) => HAN.test(ch);

/** Syllables of a reading: "chóng qìng" → ["chóng", "qìng"]. */
export const syllables = (reading: string) => reading.trim().split(/\s+/).filter(Boolean);

interface Covered {
  /** Reading per character index (code points), where an override applies. */
  readings: Map<number, string>;
}

/**
 * Where the overrides apply in `chars`: the per-text map first, then the root map, longest word
 * first at each position; a matched word is skipped as a whole.
 */
function cover(chars: readonly string[], layers: readonly PinyinOverrides[]): Covered {
  const readings = new Map<number, string>();
  for (const layer of layers) {
    const words = Object.keys(layer).sort((a, b) => [...b].length - [...a].length);
    for (let i = 0; i < chars.length; ) {
      const word = words.find((w) => {
        const wc = [...w];
        return wc.every((c, k) => chars[i + k] === c) && wc.every((_, k) => !readings.has(i + k));
      });
      if (!word) {
        i += 1;
        continue;
      }
      const parts = syllables(layer[word] ?? '');
      [...word].forEach((_, k) => readings.set(i + k, parts[k] ?? ''));
      i += [...word].length;
    }
  }
  return { readings };
}

/**
 * The reading of every character of `text` (by code point): a syllable for a Chinese character, ''
 * for anything else. `overrides`: the text's own map first, then the root's.
 */
export function readingsOf(text: string, overrides: readonly PinyinOverrides[] = []): string[] {
  const chars = [...text];
  const { readings } = cover(chars, overrides);
  const auto = pinyin(text, { type: 'all' });
  // pinyin-pro gives one item per character (code point), Chinese or not.
  return chars.map((ch, i) => {
    if (!isHan(ch)) return '';
    return readings.get(i) ?? auto[i]?.pinyin ?? '';
  });
}

/** A checked polyphone in a text that no override covers: its character index and the readings it could have. */
export interface UncoveredPolyphone {
  index: number;
  char: string;
  guess: string;
  readings: string[];
}

export function uncoveredPolyphones(text: string, overrides: readonly PinyinOverrides[] = [], checked = CHECKED_POLYPHONES): UncoveredPolyphone[] {
  const chars = [...text];
  const { readings } = cover(chars, overrides);
  const found: UncoveredPolyphone[] = [];
  chars.forEach((ch, index) => {
    if (!checked.includes(ch) || readings.has(index)) return;
    const options = polyphonic(ch, { type: 'array' })[0] ?? [];
    if (options.length > 1) found.push({ index, char: ch, guess: pinyin(text, { type: 'array' })[index] ?? '', readings: options });
  });
  return found;
}

/** Pinyin compared loosely: case, spaces, apostrophes and dashes do not count ("Chóngqìng" = "chóng qìng"). */
export const normalizePinyin = (p: string) => p.normalize('NFC').toLowerCase().replace(/[\s'’-]/g, '');

/** The reading pinyin-pro (with the overrides) gives a word, as one string. */
export const wordReading = (word: string, overrides: readonly PinyinOverrides[] = []) => readingsOf(word, overrides).filter(Boolean).join(' ');
