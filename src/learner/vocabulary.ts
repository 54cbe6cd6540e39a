/**
 * Each stop's words (`virtual:vocabulary`), loaded on the first stop page that shows them: the
 * welcome page carries none of it.
 */
import { useEffect, useState } from 'react';
import type { VocabularyWord } from '../content/schema';

type Vocabulary = Record<string, Record<string, VocabularyWord[]>>;

let loading: Promise<Vocabulary> | null = null;
let loaded: Vocabulary | null = null;

export function loadVocabulary(): Promise<Vocabulary> {
  loading ??= import('virtual:vocabulary').then(
    (m) => (loaded = m.default ?? {}),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

const NONE: VocabularyWord[] = [];

/** The stop's words; [] while they load or when it has none. */
export function useStopVocabulary(campusId: string, stopId: string): VocabularyWord[] {
  const [all, setAll] = useState<Vocabulary | null>(loaded);
  useEffect(() => {
    if (all) return;
    let live = true;
    loadVocabulary().then(
      (v) => live && setAll(v),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [all]);
  return all?.[campusId]?.[stopId] ?? NONE;
}

/**
 * Cuts a Chinese text at the words of a list, longest first, so 实训中心 is found before 实训.
 * Returns the pieces in order, each a word of the list or plain text.
 */
export function markWords(text: string, words: readonly string[]): { text: string; word: boolean }[] {
  const sorted = [...new Set(words)].filter(Boolean).sort((a, b) => b.length - a.length);
  const pieces: { text: string; word: boolean }[] = [];
  let plain = '';
  for (let i = 0; i < text.length; ) {
    const found = sorted.find((w) => text.startsWith(w, i));
    if (found) {
      if (plain) pieces.push({ text: plain, word: false });
      plain = '';
      pieces.push({ text: found, word: true });
      i += found.length;
    } else {
      plain += text[i];
      i += 1;
    }
  }
  if (plain) pieces.push({ text: plain, word: false });
  return pieces;
}
