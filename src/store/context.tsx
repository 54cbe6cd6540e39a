/** Hands the one tour store to components, with named selectors for what they read. */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { VisitStore } from './visitStore';

const VisitStoreContext = createContext<VisitStore | null>(null);

export function VisitStoreProvider({ store, children }: { store: VisitStore; children: ReactNode }) {
  return <VisitStoreContext.Provider value={store}>{children}</VisitStoreContext.Provider>;
}

/** The store itself, for actions and for code that subscribes outside render. */
export function useVisitStore(): VisitStore {
  const store = useContext(VisitStoreContext);
  if (!store) throw new Error('useVisitStore needs a VisitStoreProvider above it');
  return store;
}

export const useLang = () => useStore(useVisitStore(), (s) => s.lang);
export const usePlace = () => useStore(useVisitStore(), (s) => s.place);
export const useView = () => useStore(useVisitStore(), (s) => s.view);
export const useOpenHotspotId = () => useStore(useVisitStore(), (s) => s.openHotspotId);
