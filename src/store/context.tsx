/**
 * Hands the app's stores to components, with thin hooks for what they read. Each store is made by
 * its factory (createVisitStore, createPresenterStore) once by the app, or fresh by a test, and
 * provided here; no store is a module singleton.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { PresenterActions, PresenterState, PresenterStore } from './presenterStore';
import type { VisitStore } from './visitStore';
import type { WordsActions, WordsState, WordsStore } from './wordsStore';

const VisitStoreContext = createContext<VisitStore | null>(null);
const PresenterStoreContext = createContext<PresenterStore | null>(null);
const WordsStoreContext = createContext<WordsStore | null>(null);

export function VisitStoreProvider({ store, children }: { store: VisitStore; children: ReactNode }) {
  return <VisitStoreContext.Provider value={store}>{children}</VisitStoreContext.Provider>;
}

export function PresenterStoreProvider({ store, children }: { store: PresenterStore; children: ReactNode }) {
  return <PresenterStoreContext.Provider value={store}>{children}</PresenterStoreContext.Provider>;
}

export function WordsStoreProvider({ store, children }: { store: WordsStore; children: ReactNode }) {
  return <WordsStoreContext.Provider value={store}>{children}</WordsStoreContext.Provider>;
}

/** The learner's store (pinyin, starred words, open word card). */
export function useWordsStore(): WordsStore {
  const store = useContext(WordsStoreContext);
  if (!store) throw new Error('useWordsStore needs a WordsStoreProvider above it');
  return store;
}

/** The store itself, for actions and for code that subscribes outside render. */
export function useVisitStore(): VisitStore {
  const store = useContext(VisitStoreContext);
  if (!store) throw new Error('useVisitStore needs a VisitStoreProvider above it');
  return store;
}

/** The presenter store itself, for actions and for code that reads it outside render. */
export function usePresenterStore(): PresenterStore {
  const store = useContext(PresenterStoreContext);
  if (!store) throw new Error('usePresenterStore needs a PresenterStoreProvider above it');
  return store;
}

export const useLang = () => useStore(useVisitStore(), (s) => s.lang);
export const usePlace = () => useStore(useVisitStore(), (s) => s.place);
export const useView = () => useStore(useVisitStore(), (s) => s.view);
export const useOpenHotspotId = () => useStore(useVisitStore(), (s) => s.openHotspotId);
export const usePresenter = <T,>(selector: (s: PresenterState & PresenterActions) => T) => useStore(usePresenterStore(), selector);
export const useWords = <T,>(selector: (s: WordsState & WordsActions) => T) => useStore(useWordsStore(), selector);
