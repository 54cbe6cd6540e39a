/**
 * The build's pinyin (`virtual:pinyin`), fetched the first time a visitor turns pinyin on, and how a
 * text is cut into ruby runs. The browser never computes a reading: it looks the text up.
 */
import { useEffect, useState } from 'react';
import type { PinyinData } from './pinyinTypes';

export type { PinyinData };

let loading: Promise<PinyinData | null> | null = null;
let loaded: PinyinData | null = null;

/** One load per page; a failed load may be tried again. */
export function loadPinyin(): Promise<PinyinData | null> {
  loading ??= import('virtual:pinyin').then(
    (m) => (loaded = m.default),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The readings once loaded, when `on`; null until then (the text shows without pinyin meanwhile). */
export function usePinyinData(on: boolean): PinyinData | null {
  const [data, setData] = useState<PinyinData | null>(loaded);
  useEffect(() => {
    if (!on || data) return;
    let live = true;
    loadPinyin().then(
      (d) => live && setData(d),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [on, data]);
  return on ? data : null;
}

const HAN = /\p{Script=Han}/u;

/** A piece of a text: plain, or a run of Chinese characters each with its syllable. */
export type RubyRun = { text: string } | { chars: { char: string; reading: string }[] };

/** A piece of a longer text the build read whole: its readings come from the whole (its context). */
export interface TextWithin {
  whole: string;
  /** Where the piece starts in the whole, in characters (code points). */
  offset: number;
}

/**
 * Cuts `text` into runs for `<ruby>`: the whole text's readings when the build read it, else each
 * character's (UI strings filled in at run time). A character without a reading stays plain.
 */
export function rubyRuns(text: string, data: PinyinData, within?: TextWithin): RubyRun[] {
  const chars = [...text];
  const source = within ?? { whole: text, offset: 0 };
  const wholeReadings = data.texts[source.whole]?.split(' ');
  const whole = wholeReadings?.slice(source.offset, source.offset + chars.length);
  const readings = whole && whole.length === chars.length ? whole : chars.map((c) => (HAN.test(c) ? (data.chars[c] ?? '') : ''));
  const runs: RubyRun[] = [];
  chars.forEach((char, i) => {
    const reading = readings[i] ?? '';
    const last = runs[runs.length - 1];
    if (reading) {
      if (last && 'chars' in last) last.chars.push({ char, reading });
      else runs.push({ chars: [{ char, reading }] });
    } else if (last && 'text' in last) last.text += char;
    else runs.push({ text: char });
  });
  return runs;
}
