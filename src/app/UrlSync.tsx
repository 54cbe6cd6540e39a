/**
 * The one place where the URL and the store meet.
 *
 * URL → store: on load and on back/forward, the URL is read into the store. The address the app
 * starts at is read once, by `readStartUrl` (the store is made from it); UrlSync's first read takes
 * that reading.
 * store → URL: a new page, stop or tour step is a new history entry (so back walks the stops visited);
 * a new view, language or open hotspot replaces the current entry. While the visitor drags,
 * the view is written at most a few times a second: browsers throttle history writes.
 */
import { useEffect, useRef } from 'react';
import { useLocation, useNavigate, useNavigationType } from 'react-router';
import { useContent } from '../content/ContentContext';
import type { Content } from '../content/schema';
import { findTour, isAtStep } from '../features/tour/tourSteps';
import { useVisitStore } from '../store/context';
import { stateToUrl, urlToState, type ParsedUrl } from '../store/paths';
import { samePlace, sameTourPosition, type VisitState } from '../store/visitStore';
import { withEmbed } from '../store/embed';

const VIEW_WRITE_DELAY_MS = 300;

/** The URL the app writes for a state: an embedded tour's keep the embed flag (a reload stays an embed). */
function urlOf(state: Parameters<typeof stateToUrl>[0]): string | null {
  const url = stateToUrl(state);
  return url === null ? null : withEmbed(url);
}

/** The address the app started at, as read once at start. */
let startRead: { url: string; parsed: ParsedUrl } | null = null;

/** Reads the address the app starts at (main.tsx makes the store from it); UrlSync takes this reading. */
export function readStartUrl(location: { pathname: string; search: string }): ParsedUrl {
  const parsed = urlToState(location.pathname, location.search);
  startRead = { url: location.pathname + location.search, parsed };
  return parsed;
}

function readUrl(pathname: string, search: string): ParsedUrl {
  const start = startRead;
  startRead = null;
  return start && start.url === pathname + search ? start.parsed : urlToState(pathname, search);
}

/**
 * A short link to a tour step (`…/library?tour=yubei-walk&step=2`, no view) opens the step as the
 * tour shows it: its view and its hotspot.
 */
function withTourStep(state: VisitState, content: Content): VisitState {
  if (!state.tour || state.view || state.place.page !== 'stop') return state;
  const tour = findTour(content, state.tour.id);
  const step = tour?.steps[state.tour.step];
  if (!step || !isAtStep(state, step)) return state;
  return { ...state, view: step.view, openHotspotId: state.openHotspotId ?? step.hotspot ?? null };
}

export function UrlSync() {
  const store = useVisitStore();
  const content = useContent();
  const location = useLocation();
  const navigationType = useNavigationType();
  const navigate = useNavigate();
  // URLs we wrote ourselves, oldest first: when the router reports one back, there is nothing to read.
  const ownWrites = useRef<string[]>([]);
  const firstRead = useRef(true);

  useEffect(() => {
    const url = location.pathname + location.search;
    // Back and forward are always read, even into an entry we wrote: the router may report a pop
    // before it has reported our own last push (a visitor who goes back at once on a busy phone).
    const own = navigationType === 'POP' ? -1 : ownWrites.current.indexOf(url);
    if (own >= 0) {
      ownWrites.current.splice(0, own + 1);
      return;
    }
    ownWrites.current = [];
    const parsed = readUrl(location.pathname, location.search);
    const state = store.getState();
    // The language is the visitor's choice, not a place: back and forward keep it. Only the link
    // the visitor opened (the first URL read) sets it.
    const lang = firstRead.current ? (parsed.lang ?? state.lang) : state.lang;
    firstRead.current = false;
    const next = withTourStep(
      {
        lang,
        place: parsed.place,
        view: parsed.view,
        openHotspotId: parsed.openHotspotId,
        tour: parsed.tour,
      },
      content,
    );
    if (stateToUrl(next) !== stateToUrl(state) || !samePlace(next.place, state.place)) state.restore(next);
    // `/` and other non-canonical spellings become the canonical URL of what is shown.
    const canonical = urlOf(next);
    if (canonical !== null && canonical !== url) {
      ownWrites.current.push(canonical);
      void navigate(canonical, { replace: true });
    }
  }, [location.pathname, location.search, navigationType, store, navigate, content]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const write = (state: VisitState, replace: boolean) => {
      const url = urlOf(state);
      const current = window.location.pathname + window.location.search;
      if (url === null || url === current) return;
      ownWrites.current.push(url);
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
        if (timer) {
          // The entry we leave keeps the view the visitor left it with.
          clearTimeout(timer);
          timer = undefined;
          write(prev, true);
        }
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
