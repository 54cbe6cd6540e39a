/**
 * The one store of where the visitor is: language, page, campus, stop, view and open hotspot.
 *
 * It is plain, serializable data built with zustand's framework-free `createStore`, so a guided
 * tour, a presenter remote or a live session can drive it from outside React exactly as the
 * visitor's own clicks do. The URL mirrors it (src/app/UrlSync.tsx); the viewer never sees it.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Lang, View } from '../content/schema';

/** The page the visitor is on. Ids are as the URL gave them; pages check them against content. */
export type Place =
  | { page: 'home' }
  | { page: 'about' }
  /** The learner's starred words. */
  | { page: 'words' }
  | { page: 'campus'; campusId: string }
  | { page: 'stop'; campusId: string; stopId: string }
  /** The presenter's speaker-notes window of a tour. */
  | { page: 'notes'; tourId: string }
  /** Joining a guide's live session by its code. */
  | { page: 'live'; code: string }
  /** The delegate's participation record ("Delegation passport"). */
  | { page: 'passport' }
  /** A tour's quiz. */
  | { page: 'quiz'; tourId: string }
  /** Making the certificate of a tour. */
  | { page: 'certificate'; tourId: string }
  /** Checking a certificate's verification code (null: the form to enter one). */
  | { page: 'verify'; code: string | null }
  | { page: 'notFound' };

/** Where the visitor is in a guided tour; `step` counts from 0. */
export interface TourPosition {
  id: string;
  step: number;
}

export interface VisitState {
  lang: Lang;
  place: Place;
  /** The camera on a stop; null until the stop's initial view applies. */
  view: View | null;
  /** The info hotspot whose panel is open, on the current stop. */
  openHotspotId: string | null;
  /** The guided tour being followed; it stays while the visitor looks around on their own. */
  tour: TourPosition | null;
}

export interface VisitActions {
  setLang(lang: Lang): void;
  /** Goes to a page; on a stop, `view` (or the stop's initial view when null) applies. */
  goTo(place: Place, view?: View | null): void;
  setView(view: View): void;
  openHotspot(hotspotId: string | null): void;
  /** Moves to a tour step: place, view, open hotspot and tour position change together. */
  goToStep(tour: TourPosition, place: Place, view: View, openHotspotId: string | null): void;
  /** Sets the tour position alone (the presenter's notes window, which shows no stop). */
  setTour(tour: TourPosition | null): void;
  leaveTour(): void;
  /** Replaces the whole state, e.g. from the URL or a guide's snapshot. */
  restore(state: VisitState): void;
}

export type VisitStore = StoreApi<VisitState & VisitActions>;

export const initialVisitState: VisitState = {
  lang: 'en',
  place: { page: 'home' },
  view: null,
  openHotspotId: null,
  tour: null,
};

export function createVisitStore(initial: VisitState = initialVisitState): VisitStore {
  return createStore<VisitState & VisitActions>()((set) => ({
    ...initial,
    setLang: (lang) => set({ lang }),
    goTo: (place, view = null) => set({ place, view, openHotspotId: null }),
    setView: (view) => set({ view }),
    openHotspot: (openHotspotId) => set({ openHotspotId }),
    goToStep: (tour, place, view, openHotspotId) => set({ tour, place, view, openHotspotId }),
    setTour: (tour) => set({ tour }),
    leaveTour: () => set({ tour: null }),
    restore: (state) => set(pickState(state)),
  }));
}

/** The serializable part of the store, without its actions. */
export function pickState(s: VisitState): VisitState {
  return { lang: s.lang, place: s.place, view: s.view, openHotspotId: s.openHotspotId, tour: s.tour };
}

export function samePlace(a: Place, b: Place): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function sameTourPosition(a: TourPosition | null, b: TourPosition | null): boolean {
  return a?.id === b?.id && a?.step === b?.step;
}

