/** Hands the participation record (recordStore.ts) to components, as context.tsx hands the visit store. */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { RecordActions, RecordState, RecordStore } from './recordStore';

const RecordStoreContext = createContext<RecordStore | null>(null);

export function RecordStoreProvider({ store, children }: { store: RecordStore; children: ReactNode }) {
  return <RecordStoreContext.Provider value={store}>{children}</RecordStoreContext.Provider>;
}

/** The record store itself, for actions and for code that reads it outside render. */
export function useRecordStore(): RecordStore {
  const store = useContext(RecordStoreContext);
  if (!store) throw new Error('useRecordStore needs a RecordStoreProvider above it');
  return store;
}

export const useRecord = <T,>(selector: (s: RecordState & RecordActions) => T): T => useStore(useRecordStore(), selector);
