/** Hands the one tour store to components, with named selectors for what they read. */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { TourStore } from './tourStore';

const TourStoreContext = createContext<TourStore | null>(null);

export function TourStoreProvider({ store, children }: { store: TourStore; children: ReactNode }) {
  return <TourStoreContext.Provider value={store}>{children}</TourStoreContext.Provider>;
}

/** The store itself, for actions and for code that subscribes outside render. */
export function useTourStore(): TourStore {
  const store = useContext(TourStoreContext);
  if (!store) throw new Error('useTourStore needs a TourStoreProvider above it');
  return store;
}

export const useLang = () => useStore(useTourStore(), (s) => s.lang);
export const usePlace = () => useStore(useTourStore(), (s) => s.place);
export const useView = () => useStore(useTourStore(), (s) => s.view);
export const useOpenHotspotId = () => useStore(useTourStore(), (s) => s.openHotspotId);
