/** Hands the app's one live session to components, as the visit store is handed down (store/context.tsx). */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { LiveSession, LiveSessionActions, LiveSessionState } from './liveSession';

const LiveSessionContext = createContext<LiveSession | null>(null);

export function LiveSessionProvider({ session, children }: { session: LiveSession; children: ReactNode }) {
  return <LiveSessionContext.Provider value={session}>{children}</LiveSessionContext.Provider>;
}

/** The session itself, for its actions and for code that reads it outside render. */
export function useLiveSession(): LiveSession {
  const session = useContext(LiveSessionContext);
  if (!session) throw new Error('useLiveSession needs a LiveSessionProvider above it');
  return session;
}

export const useLive = <T,>(selector: (s: LiveSessionState & LiveSessionActions) => T): T => useStore(useLiveSession(), selector);
