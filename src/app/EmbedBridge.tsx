/**
 * An embedded tour's side of the postMessage API (embedMessages.ts): obeys the page that frames it
 * and tells that page where the visitor goes. Messages from any other window are ignored; what the
 * tour posts (the place on screen, public anyway) goes to whatever origin frames it.
 */
import { useEffect } from 'react';
import { useContent } from '../content/ContentContext';
import { arrivalView, findCampus, findStop } from '../content/lookup';
import { useVisitStore } from '../store/context';
import { stateToUrl } from '../store/paths';
import type { VisitState } from '../store/visitStore';
import { readHostMessage, type TourEvent, type TourWhere } from './embedMessages';

const VIEW_EVENT_DELAY_MS = 250;

function where(state: VisitState): TourWhere {
  const stop = state.place.page === 'stop' ? state.place : null;
  return {
    lang: state.lang,
    campus: stop?.campusId ?? null,
    stop: stop?.stopId ?? null,
    view: stop ? state.view : null,
    url: new URL(stateToUrl(state) ?? '/', window.location.origin).href,
  };
}

export default function EmbedBridge() {
  const store = useVisitStore();
  const content = useContent();
  useEffect(() => {
    const host = window.parent;
    if (host === window) return;
    const post = (type: TourEvent['type'], state: VisitState) => host.postMessage({ type, ...where(state) } satisfies TourEvent, '*');

    const onMessage = (event: MessageEvent) => {
      if (event.source !== host) return;
      const message = readHostMessage(event.data);
      if (!message) return;
      const state = store.getState();
      if (message.type === 'campus-tour:where') {
        post('campus-tour:where', state);
      } else if (message.type === 'campus-tour:go') {
        const campus = findCampus(content, message.campus);
        if (!campus || !findStop(campus, message.stop)) return;
        state.goTo({ page: 'stop', campusId: campus.id, stopId: message.stop }, message.view ?? arrivalView(campus, message.stop, undefined) ?? null);
      } else if (message.type === 'campus-tour:look') {
        if (state.place.page !== 'stop') return;
        const fov = message.view.fov ?? state.view?.fov;
        if (fov === undefined) return;
        state.setView({ yaw: message.view.yaw, pitch: message.view.pitch, fov });
      }
    };
    window.addEventListener('message', onMessage);

    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = store.subscribe((state, prev) => {
      if (JSON.stringify(state.place) !== JSON.stringify(prev.place)) {
        clearTimeout(timer);
        timer = undefined;
        post('campus-tour:place', state);
      } else if (state.view !== prev.view && !timer) {
        timer = setTimeout(() => {
          timer = undefined;
          post('campus-tour:view', store.getState());
        }, VIEW_EVENT_DELAY_MS);
      }
    });
    post('campus-tour:ready', store.getState());
    return () => {
      window.removeEventListener('message', onMessage);
      unsubscribe();
      clearTimeout(timer);
    };
  }, [store, content]);
  return null;
}
