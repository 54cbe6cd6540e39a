/** The learner's store: pinyin and starred words kept in storage, and a corrupt stored list told, not thrown. */
import { describe, expect, it } from 'vitest';
import { createWordsStore, PINYIN_KEY, WORDS_KEY, type StarredWord } from '../../../src/store/wordsStore';

function memoryStorage(initial: Record<string, string> = {}): Storage {
  const data = new Map(Object.entries(initial));
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, String(v)),
  };
}

const word: StarredWord = { campusId: 'yubei', stopId: 'library', zh: '图书馆', pinyin: 'túshūguǎn', en: 'library' };

describe('wordsStore', () => {
  it('keeps starred words and the pinyin choice for the next visit', () => {
    const storage = memoryStorage();
    const store = createWordsStore(storage);
    store.getState().toggleStar(word);
    store.getState().setPinyin(true);
    const next = createWordsStore(storage).getState();
    expect(next.starred).toEqual([word]);
    expect(next.pinyin).toBe(true);
    expect(storage.getItem(PINYIN_KEY)).toBe('on');
  });

  it('unstars a starred word', () => {
    const store = createWordsStore(memoryStorage());
    store.getState().toggleStar(word);
    store.getState().toggleStar({ ...word });
    expect(store.getState().starred).toEqual([]);
  });

  it.each([
    ['not JSON', '{oops'],
    ['not a list', '{"zh":"图书馆"}'],
    ['a list of something else', '[{"zh":1}]'],
  ])('reports a stored list that is %s, starts empty, and keeps it until a word is starred', (_, raw) => {
    const storage = memoryStorage({ [WORDS_KEY]: raw });
    const store = createWordsStore(storage);
    expect(store.getState().storageProblem).toBe('corrupt');
    expect(store.getState().starred).toEqual([]);
    expect(storage.getItem(WORDS_KEY)).toBe(raw);
    store.getState().toggleStar(word);
    expect(JSON.parse(storage.getItem(WORDS_KEY)!)).toEqual([word]);
    store.getState().dismissProblem();
    expect(store.getState().storageProblem).toBeNull();
  });

  it('works for the visit when storage refuses to be read or written', () => {
    const refusing = { ...memoryStorage(), getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('full'); } } as Storage;
    const store = createWordsStore(refusing);
    store.getState().toggleStar(word);
    store.getState().setPinyin(true);
    expect(store.getState().starred).toEqual([word]);
    expect(store.getState().pinyin).toBe(true);
    expect(createWordsStore(null).getState().starred).toEqual([]);
  });
});
