/**
 * The learner's own things: whether pinyin shows, the words they starred, and the word card open
 * on a stop. Made like the other stores (a factory over zustand's `createStore`, provided through
 * src/store/context.tsx, a fresh one per test), and kept in localStorage: the choice of pinyin
 * like the language (src/i18n/language.ts), the starred words as a small JSON list.
 *
 * A stored list that cannot be read (edited by hand, written by another version) is reported in
 * `storageProblem`, not thrown: the app works, the list starts empty, and the stored value is only
 * replaced when the visitor stars a word again.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';

export const PINYIN_KEY = 'cbdo.pinyin';
export const WORDS_KEY = 'cbdo.words';

/** A starred word, with what the My words page and the exports show without loading the vocabulary. */
export interface StarredWord {
  campusId: string;
  stopId: string;
  zh: string;
  pinyin: string;
  en: string;
}

/** A word of a stop's list, as the card and the star know it. */
export type WordRef = Pick<StarredWord, 'campusId' | 'stopId' | 'zh'>;

export interface WordsState {
  pinyin: boolean;
  starred: StarredWord[];
  /** The stored list could not be read: the visitor is told, and the list starts empty. */
  storageProblem: 'corrupt' | null;
  /** The word whose card is open on the stop page. */
  openWord: WordRef | null;
}

export interface WordsActions {
  setPinyin(on: boolean): void;
  toggleStar(word: StarredWord): void;
  open(word: WordRef | null): void;
  dismissProblem(): void;
}

export type WordsStore = StoreApi<WordsState & WordsActions>;

export const sameWord = (a: WordRef, b: WordRef) => a.campusId === b.campusId && a.stopId === b.stopId && a.zh === b.zh;

/** localStorage where the browser lets the app use it; null in private modes that refuse it. */
export function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

const isStarredWord = (v: unknown): v is StarredWord =>
  !!v && typeof v === 'object' && ['campusId', 'stopId', 'zh', 'pinyin', 'en'].every((k) => typeof (v as Record<string, unknown>)[k] === 'string');

/** Reads the stored list: [] when there is none; 'corrupt' when there is one the app cannot read. */
export function readStarred(raw: string | null): StarredWord[] | 'corrupt' {
  if (raw === null) return [];
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) && value.every(isStarredWord) ? value : 'corrupt';
  } catch {
    return 'corrupt';
  }
}

function read(storage: Storage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(storage: Storage | null, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // Storage full or refused: the change lasts for this visit only.
  }
}

export function createWordsStore(storage: Storage | null = browserStorage()): WordsStore {
  const stored = readStarred(read(storage, WORDS_KEY));
  return createStore<WordsState & WordsActions>()((set, get) => ({
    pinyin: read(storage, PINYIN_KEY) === 'on',
    starred: stored === 'corrupt' ? [] : stored,
    storageProblem: stored === 'corrupt' ? 'corrupt' : null,
    openWord: null,
    setPinyin: (pinyin) => {
      write(storage, PINYIN_KEY, pinyin ? 'on' : 'off');
      set({ pinyin });
    },
    toggleStar: (word) => {
      const { starred } = get();
      const next = starred.some((w) => sameWord(w, word)) ? starred.filter((w) => !sameWord(w, word)) : [...starred, word];
      write(storage, WORDS_KEY, JSON.stringify(next));
      set({ starred: next });
    },
    open: (openWord) => set({ openWord }),
    dismissProblem: () => set({ storageProblem: null }),
  }));
}
