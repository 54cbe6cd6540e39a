/**
 * How the tour is shown, not where the visitor is: presenter mode, both languages, blank screen,
 * the help card. It stays apart from the tour store, which only holds the visitor's place.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export interface PresenterState {
  presenting: boolean;
  /** Captions and panels in Chinese and English at once, for mixed classes. */
  bilingual: boolean;
  blank: boolean;
  help: boolean;
}

export const presenterStore = createStore<PresenterState>()(() => ({
  presenting: false,
  bilingual: false,
  blank: false,
  help: false,
}));

export const usePresenter = <T,>(selector: (s: PresenterState) => T) => useStore(presenterStore, selector);

export const presenter = {
  enter() {
    presenterStore.setState({ presenting: true, blank: false, help: false });
    // Full screen needs a user gesture; where it is refused (an iframe, a test browser) the mode still works.
    document.documentElement.requestFullscreen?.().catch(() => undefined);
  },
  leave() {
    presenterStore.setState({ presenting: false, blank: false, help: false });
    if (document.fullscreenElement) document.exitFullscreen?.().catch(() => undefined);
  },
  toggleFullscreen() {
    if (document.fullscreenElement) document.exitFullscreen?.().catch(() => undefined);
    else document.documentElement.requestFullscreen?.().catch(() => undefined);
  },
  toggle(key: 'bilingual' | 'blank' | 'help') {
    presenterStore.setState((s) => ({ [key]: !s[key] }));
  },
};
