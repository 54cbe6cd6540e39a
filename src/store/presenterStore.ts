/**
 * How the tour is shown, not where the visitor is: presenter mode, both languages, blank screen,
 * the help card. It stays apart from the visit store, which only holds the visitor's place.
 *
 * Made like the visit store: a factory over zustand's framework-free `createStore`, one instance
 * per app (src/app/main.tsx) handed down through React context (src/store/context.tsx), a fresh one
 * per test. Plain data and actions only: the browser's full screen is the tour feature's business
 * (src/features/tour/presenterMode.ts).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';

export interface PresenterState {
  presenting: boolean;
  /** Captions and panels in Chinese and English at once, for mixed classes. */
  bilingual: boolean;
  blank: boolean;
  help: boolean;
  /**
   * The tour player reads the narration aloud: the captions then stop being a live region, or a
   * screen reader would speak each step at the same moment as the voice.
   */
  readingAloud: boolean;
  /**
   * The visitor went past the tour's last step: the closing card shows (a clicker's Next at 10/10
   * does something). No place and no URL, only the show's last slide; any move to a step ends it.
   */
  tourEnded: boolean;
}

export interface PresenterActions {
  /** Into presenter mode, with nothing blanked and no help card. */
  enter(): void;
  leave(): void;
  toggle(key: 'bilingual' | 'blank' | 'help'): void;
  /** Blanks or shows the screen (a live session's guide decides it for the delegates). */
  setBlank(blank: boolean): void;
  setReadingAloud(reading: boolean): void;
  setTourEnded(ended: boolean): void;
}

export type PresenterStore = StoreApi<PresenterState & PresenterActions>;

export const initialPresenterState: PresenterState = { presenting: false, bilingual: false, blank: false, help: false, readingAloud: false, tourEnded: false };

export function createPresenterStore(initial: PresenterState = initialPresenterState): PresenterStore {
  return createStore<PresenterState & PresenterActions>()((set) => ({
    ...initial,
    enter: () => set({ presenting: true, blank: false, help: false }),
    leave: () => set({ presenting: false, blank: false, help: false }),
    toggle: (key) => set((s) => ({ [key]: !s[key] })),
    setBlank: (blank) => set({ blank }),
    setReadingAloud: (readingAloud) => set({ readingAloud }),
    setTourEnded: (tourEnded) => set({ tourEnded }),
  }));
}
