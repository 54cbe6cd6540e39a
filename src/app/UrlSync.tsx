/**
 * The one place where the URL and the store meet.
 *
 * URL → store: on load and on back/forward, the URL is read into the store.
 * store → URL: a new page, stop or tour step is a new history entry (so back walks the stops visited);
 * a new view, language or open hotspot replaces the current entry. While the visitor drags,
 * the view is written at most a few times a second: browsers throttle history writes.
 */
import { useEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useContent } from '../content/ContentContext';
import type { Content } from '../content/schema';
import { findTour, isAtStep } from '../features/tour/tourSteps';
import { useTourStore } from '../store/context';
import { stateToUrl, urlToState } from '../store/paths';
import { samePlace, sameTourPosition, type TourState } from '../store/tourStore';

const VIEW_WRITE_DELAY_MS = 300;

/**
 * A short link to a tour step (`…/library?tour=yubei-walk&step=2`, no view) opens the step as the
 * tour shows it: its view and its hotspot.
 */
function withTourStep(state: TourState, content: Content): TourState {
  if (!state.tour || state.view || state.place.page !== 'stop') return state;
  const tour = findTour(content, state.tour.id);
  const step = tour?.steps[state.tour.step];
  if (!step || !isAtStep(state, step)) return state;
  return { ...state, view: step.view, openHotspotId: state.openHotspotId ?? step.hotspot ?? null };
}

export function UrlSync() {
  const store = useTourStore();
  const content = useContent();
  const location = useLocation();
  const navigate = useNavigate();
  // The URL we last wrote ourselves: when the router reports it back, there is nothing to read.
  const ownWrite = useRef<string | null>(null);

  useEffect(() => {
    const url = location.pathname + location.search;
    if (url === ownWrite.current) {
      ownWrite.current = null;
      return;
    }
    ownWrite.current = null;
    const parsed = urlToState(location.pathname, location.search);
    const state = store.getState();
    const next = withTourStep(
      {
        lang: parsed.lang ?? state.lang,
        place: parsed.place,
        view: parsed.view,
        openHotspotId: parsed.openHotspotId,
        tour: parsed.tour,
      },
      content,
    );
    if (stateToUrl(next) !== stateToUrl(state) || !samePlace(next.place, state.place)) state.restore(next);
    // `/` and other non-canonical spellings become the canonical URL of what is shown.
    const canonical = stateToUrl(next);
    if (canonical !== null && canonical !== url) {
      ownWrite.current = canonical;
      void navigate(canonical, { replace: true });
    }
  }, [location.pathname, location.search, store, navigate, content]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const write = (state: TourState, replace: boolean) => {
      const url = stateToUrl(state);
      const current = window.location.pathname + window.location.search;
      if (url === null || url === current) return;
      ownWrite.current = url;
      void navigate(url, { replace });
    };
    const flushView = () => {
      clearTimeout(timer);
      timer = undefined;
      write(store.getState(), true);
    };
    const unsubscribe = store.subscribe((state, prev) => {
      // A new stop or tour step is a new history entry: back walks the stops visited.
      if (!samePlace(state.place, prev.place) || !sameTourPosition(state.tour, prev.tour)) {
        clearTimeout(timer);
        timer = undefined;
        write(state, false);
      } else if (state.lang !== prev.lang || state.openHotspotId !== prev.openHotspotId) {
        flushView();
      } else if (state.view !== prev.view && !timer) {
        timer = setTimeout(flushView, VIEW_WRITE_DELAY_MS);
      }
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [store, navigate]);

  return null;
}
