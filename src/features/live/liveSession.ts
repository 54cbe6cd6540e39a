/**
 * A live session drives the one tour store, like a guided tour does: the guide's store is sent
 * out, and each delegate's store follows it — in the delegate's own language, which never leaves
 * their screen. A tab is in at most one session, as guide or as delegate.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { LiveConnection, type ConnectionStatus } from '../../live/client';
import type { LiveErrorCode, LiveState, LiveStats, LiveView } from '../../live/protocol';
import { VIEW_RATE_HZ } from '../../live/protocol';
import type { VisitState, VisitStore } from '../../store/visitStore';
import { presenterStore } from '../../store/presenterStore';

export interface LiveSessionState {
  role: 'guide' | 'delegate' | null;
  code: string | null;
  status: ConnectionStatus | 'ended';
  error: LiveErrorCode | null;
  /** For the guide: who is connected, following, exploring, in which language. */
  stats: LiveStats | null;
  /** For a delegate: whether their screen follows the guide. */
  following: boolean;
}

const idle: LiveSessionState = { role: null, code: null, status: 'closed', error: null, stats: null, following: true };
export const liveStore = createStore<LiveSessionState>()(() => idle);
export const useLive = <T,>(selector: (s: LiveSessionState) => T) => useStore(liveStore, selector);

const GUIDE_KEY = 'cbdo.live.guide';
const DELEGATE_KEY = 'cbdo.live.delegate';

let current: { close(): void } | null = null;

/** What of the visitor's state goes on the wire: places of the tour, ids and numbers only. */
export function toLiveState(state: VisitState, blank: boolean): LiveState | null {
  const p = state.place;
  if (p.page !== 'home' && p.page !== 'about' && p.page !== 'campus' && p.page !== 'stop') return null;
  return { place: p, openHotspotId: state.openHotspotId, tour: state.tour, blank };
}

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function readSaved<T>(key: string): T | null {
  try {
    const raw = storage()?.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

export function leaveSession(): void {
  current?.close();
  current = null;
  storage()?.removeItem(GUIDE_KEY);
  storage()?.removeItem(DELEGATE_KEY);
  liveStore.setState(idle);
}

/** Starts a session as its guide (or takes it up again after a reload: the token stays in this tab). */
export function startGuiding(store: VisitStore): void {
  current?.close();
  let saved = readSaved<{ code: string; token: string }>(GUIDE_KEY);
  let rev = 0;
  let lastSent = '';
  let viewTimer: ReturnType<typeof setTimeout> | undefined;
  let lastViewAt = 0;
  liveStore.setState({ ...idle, role: 'guide', code: saved?.code ?? null, status: 'connecting' });

  const stateMessage = () => {
    const state = toLiveState(store.getState(), presenterStore.getState().blank);
    return state ? ({ type: 'state', rev, state } as const) : null;
  };
  const viewMessage = () => {
    const view = store.getState().view;
    return view ? ({ type: 'view', view: view as LiveView } as const) : null;
  };

  const connection = new LiveConnection({
    hello: () => {
      if (!saved) return [{ type: 'start' }];
      // After any reconnect (or a relay restart) the guide says who it is and what is on screen.
      const messages = [{ type: 'resume', code: saved.code, token: saved.token } as const];
      const state = stateMessage();
      const view = viewMessage();
      return [...messages, ...(state ? [state] : []), ...(view ? [view] : [])];
    },
    onMessage: (message) => {
      if (message.type === 'started') {
        saved = { code: message.code, token: message.token };
        storage()?.setItem(GUIDE_KEY, JSON.stringify(saved));
        liveStore.setState({ code: message.code, error: null });
        sendState(true);
        sendView();
      } else if (message.type === 'stats') {
        liveStore.setState({ stats: message.stats });
      } else if (message.type === 'error') {
        liveStore.setState({ error: message.code });
        // The session is gone or no longer ours: stop retrying, and forget the token.
        if (message.code === 'forbidden' || message.code === 'bad-code') {
          storage()?.removeItem(GUIDE_KEY);
          connection.close();
        }
      } else if (message.type === 'ended') {
        liveStore.setState({ status: 'ended' });
      }
    },
    onStatus: (status) => liveStore.setState({ status }),
  });

  const sendState = (force = false) => {
    const state = toLiveState(store.getState(), presenterStore.getState().blank);
    if (!state) return;
    const json = JSON.stringify(state);
    if (json === lastSent && !force) return;
    if (json !== lastSent) rev += 1;
    lastSent = json;
    connection.send({ type: 'state', rev, state });
  };
  // Camera turns: at most VIEW_RATE_HZ a second, the latest wins; a backed-up socket skips one.
  const sendView = () => {
    clearTimeout(viewTimer);
    const wait = 1000 / VIEW_RATE_HZ - (Date.now() - lastViewAt);
    if (wait > 0) {
      viewTimer = setTimeout(sendView, wait);
      return;
    }
    const message = viewMessage();
    if (!message) return;
    if (connection.congested) {
      viewTimer = setTimeout(sendView, 1000 / VIEW_RATE_HZ);
      return;
    }
    lastViewAt = Date.now();
    connection.send(message);
  };

  const unsubscribeStore = store.subscribe((state, prev) => {
    if (state.view !== prev.view) sendView();
    if (state.place !== prev.place || state.openHotspotId !== prev.openHotspotId || state.tour !== prev.tour) sendState();
  });
  const unsubscribeBlank = presenterStore.subscribe((s, p) => s.blank !== p.blank && sendState());

  current = {
    close: () => {
      if (liveStore.getState().status !== 'ended') connection.send({ type: 'end' });
      clearTimeout(viewTimer);
      unsubscribeStore();
      unsubscribeBlank();
      // Let the end message leave before the socket closes.
      setTimeout(() => connection.close(), 50);
    },
  };
}

/** Joins a guide's session as a delegate; the screen follows the guide until they break away. */
export function joinAsDelegate(store: VisitStore, code: string): void {
  current?.close();
  let latest: { rev: number; state: LiveState | null; view: LiveView | null } = { rev: -1, state: null, view: null };
  let applying = false;
  liveStore.setState({ ...idle, role: 'delegate', code, status: 'connecting' });

  const apply = () => {
    const { state, view } = latest;
    if (!state) return;
    applying = true;
    try {
      const own = store.getState();
      store.getState().restore({ lang: own.lang, place: state.place, view, openHotspotId: state.openHotspotId, tour: state.tour });
      presenterStore.setState({ blank: state.blank });
    } finally {
      applying = false;
    }
  };
  const status = () =>
    connection.send({ type: 'status', lang: store.getState().lang, following: liveStore.getState().following });

  const connection = new LiveConnection({
    hello: () => [{ type: 'join', code, lang: store.getState().lang, following: liveStore.getState().following }],
    onMessage: (message) => {
      if (message.type === 'joined') {
        storage()?.setItem(DELEGATE_KEY, JSON.stringify({ code }));
        liveStore.setState({ error: null });
      } else if (message.type === 'snapshot') {
        // Snapshots repeat and may arrive twice: an older or equal revision changes nothing.
        if (message.rev < latest.rev) return;
        latest = { rev: message.rev, state: message.state, view: message.view ?? latest.view };
        if (liveStore.getState().following) apply();
      } else if (message.type === 'view') {
        latest = { ...latest, view: message.view };
        if (liveStore.getState().following && latest.state) {
          applying = true;
          store.getState().setView(message.view);
          applying = false;
        }
      } else if (message.type === 'ended') {
        storage()?.removeItem(DELEGATE_KEY);
        presenterStore.setState({ blank: false });
        liveStore.setState({ status: 'ended' });
        connection.close();
      } else if (message.type === 'error') {
        liveStore.setState({ error: message.code });
        if (message.code === 'bad-code' || message.code === 'rate-limited') {
          storage()?.removeItem(DELEGATE_KEY);
          connection.close();
        }
      }
    },
    onStatus: (s) => liveStore.getState().status !== 'ended' && liveStore.setState({ status: s }),
  });

  // A delegate who moves on their own breaks away; their language is theirs and changes nothing.
  const unsubscribeStore = store.subscribe((state, prev) => {
    if (state.lang !== prev.lang) status();
    if (applying || !liveStore.getState().following) return;
    if (state.place !== prev.place || state.view !== prev.view || state.openHotspotId !== prev.openHotspotId || state.tour !== prev.tour) {
      liveStore.setState({ following: false });
      status();
    }
  });

  current = {
    close: () => {
      unsubscribeStore();
      presenterStore.setState({ blank: false });
      connection.close();
    },
  };
  followGuide = () => {
    liveStore.setState({ following: true });
    status();
    apply();
  };
  breakAway = () => {
    liveStore.setState({ following: false });
    presenterStore.setState({ blank: false });
    status();
  };
}

/** Back to the guide's screen, at once. */
export let followGuide: () => void = () => undefined;
/** Look around on one's own; the session stays. */
export let breakAway: () => void = () => undefined;

/** After a reload, takes up the session this tab was in. */
export function resumeSavedSession(store: VisitStore): void {
  if (liveStore.getState().role) return;
  if (readSaved(GUIDE_KEY)) startGuiding(store);
  else {
    const delegate = readSaved<{ code: string }>(DELEGATE_KEY);
    if (delegate) joinAsDelegate(store, delegate.code);
  }
}
