/**
 * A live session drives the one visit store, like a guided tour does: the guide's store is sent
 * out, and each delegate's store follows it — in the delegate's own language, which never leaves
 * their screen. A tab is in at most one session, as guide or as delegate.
 *
 * Made like the visit store: `createLiveSession` builds a zustand vanilla store with its actions;
 * the app makes one and hands it down through context (LiveSessionContext.tsx), tests make fresh
 * ones. Everything a session holds lives in the run that `startGuiding`/`joinAsDelegate` begins,
 * and `leave` ends the run and resets the store.
 *
 * What the guide's screen shows of the session is the relay's word (every snapshot the relay
 * stores comes back to every guide screen), never a guess: the guide's own changes are `sending`
 * until the relay's snapshot carries them.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { LiveConnection, type Connection, type ConnectionStatus, type LiveConnectionOptions } from '../../live/client';
import {
  VIEW_RATE_HZ,
  type ClientMessage,
  type DelegateId,
  type LiveErrorCode,
  type LiveState,
  type LiveStats,
  type LiveStopRef,
  type LiveView,
  type Outgoing,
  type PollDraft,
  type PollId,
  type QuestionId,
  type QuestionStatus,
  type Reaction,
} from '../../live/protocol';
import { classNotice, idleClass, reduceClass, type ClassState } from './classState';
import { rememberGuided } from './guidedSessions';
import type { PresenterStore } from '../../store/presenterStore';
import type { VisitState, VisitStore } from '../../store/visitStore';

/** Where a delegate is in their session. */
export type DelegatePhase =
  /** Asked to join, no answer yet. */
  | 'joining'
  /** In the session: following the guide, or looking around on their own. */
  | 'joined'
  /** The session is known but its guide is away; they are joined when the guide is back. */
  | 'waiting'
  /** Too many tries (or a full relay): trying again at `retryAt`. */
  | 'limited';

export interface LiveSessionState extends ClassState {
  role: 'guide' | 'delegate' | null;
  code: string | null;
  status: ConnectionStatus | 'ended';
  error: LiveErrorCode | null;
  /** For a delegate. */
  phase: DelegatePhase | null;
  /** When a limited client tries again (epoch ms). */
  retryAt: number | null;
  /** For the guide: who is connected, following, exploring, in which language. */
  stats: LiveStats | null;
  /**
   * What the relay says the delegates see (its latest snapshot): the guide's screen shows it as
   * the truth, and a delegate looking around on their own is told where the guide is.
   */
  shown: { rev: number; state: LiveState | null } | null;
  /** For the guide: a change of theirs the relay has not confirmed yet. */
  sending: boolean;
  /** For a delegate: whether their screen follows the guide. */
  following: boolean;
  /** For a guide who has just ended their session here: its code (its report stays to download). */
  endedCode: string | null;
}

export interface LiveSessionActions {
  /** Starts a session as its guide, or takes up `lead` (a session of this guide's, from another device). */
  startGuiding(lead?: { code: string; token: string }): void;
  /**
   * Joins a guide's session as a delegate; the screen follows the guide until they break away.
   * `name`: the display name the guide sees (checked by live/displayName.ts first); none: "Delegate n".
   */
  joinAsDelegate(code: string, name?: string | null): void;
  /** Back to the guide's screen, at once. */
  followGuide(): void;
  /** Look around on one's own; the session stays. */
  breakAway(): void;
  /** Leaves (a guide: ends) the session and forgets it. */
  leave(): void;
  /** After a reload, takes up the session this tab was in. */
  resumeSaved(): void;
  /** The guide's credential, for leading from another device. */
  guideToken(): string | null;
  // The class (issue 13). A guide's:
  openPoll(draft: PollDraft): void;
  closePoll(poll: PollId): void;
  revealPoll(poll: PollId): void;
  /** Lowers one delegate's hand, or every hand. */
  lowerHand(delegate?: DelegateId): void;
  markQuestion(question: QuestionId, status: QuestionStatus): void;
  removeDelegate(delegate: DelegateId): void;
  bringBack(): void;
  // A delegate's:
  answer(poll: PollId, choices: number[]): void;
  setHand(raised: boolean): void;
  react(reaction: Reaction): void;
  /** Sends a written question (already checked by live/questionText.ts); false when not connected. */
  ask(text: string): boolean;
  clearNotice(): void;
}

export type LiveSession = StoreApi<LiveSessionState & LiveSessionActions>;

export interface LiveSessionDeps {
  visit: VisitStore;
  presenter: PresenterStore;
  /** Where the tab keeps its session across reloads (sessionStorage); null: nowhere. */
  storage?: () => Storage | null;
  connect?: (options: LiveConnectionOptions) => Connection;
  now?: () => number;
  /** Where the browser remembers sessions its guide removed it from (localStorage): it does not join them again. */
  lasting?: () => Storage | null;
}

const idle: LiveSessionState = {
  role: null,
  code: null,
  status: 'closed',
  error: null,
  phase: null,
  retryAt: null,
  stats: null,
  shown: null,
  sending: false,
  following: true,
  endedCode: null,
  ...idleClass,
};

export const GUIDE_KEY = 'cbdo.live.guide';
export const DELEGATE_KEY = 'cbdo.live.delegate';
/** Codes of sessions this browser was removed from (localStorage). */
export const REMOVED_KEY = 'cbdo.live.removed';
/** How many of those a browser keeps (a session lives a day at most; these are a handful). */
const REMOVED_KEPT = 20;

/** A rate-limited client without a time to come back tries again after this long. */
const DEFAULT_RETRY_MS = 60_000;
/** A guide refused (`forbidden`) keeps its token and tries again, slower each time, up to this. */
const FORBIDDEN_RETRY_MAX_MS = 60_000;

/** What of the visitor's state goes on the wire: places of the tour, ids and numbers only. */
export function toLiveState(state: VisitState, blank: boolean): LiveState | null {
  const p = state.place;
  if (p.page !== 'home' && p.page !== 'about' && p.page !== 'campus' && p.page !== 'stop') return null;
  return { place: p, openHotspotId: state.openHotspotId, tour: state.tour, blank };
}

function sessionStorageOrNull(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The stop a delegate looking around is on, for the guide's stop counts; null elsewhere. */
function stopOf(state: VisitState): LiveStopRef | null {
  return state.place.page === 'stop' ? { campusId: state.place.campusId, stopId: state.place.stopId } : null;
}

export function createLiveSession(deps: LiveSessionDeps): LiveSession {
  const { visit, presenter } = deps;
  const storage = deps.storage ?? sessionStorageOrNull;
  const connect = deps.connect ?? ((options) => new LiveConnection(options));
  const now = deps.now ?? Date.now;
  const lasting = deps.lasting ?? localStorageOrNull;
  const removedCodes = (): string[] => {
    try {
      const list: unknown = JSON.parse(lasting()?.getItem(REMOVED_KEY) ?? '[]');
      return Array.isArray(list) ? list.filter((c): c is string => typeof c === 'string') : [];
    } catch {
      return [];
    }
  };
  const rememberRemoved = (code: string) => {
    try {
      lasting()?.setItem(REMOVED_KEY, JSON.stringify([...removedCodes().filter((c) => c !== code), code].slice(-REMOVED_KEPT)));
    } catch {
      // Nowhere to keep it: the relay still refuses the pass it revoked.
    }
  };

  const readSaved = <T,>(key: string): T | null => {
    try {
      const raw = storage()?.getItem(key);
      return raw ? (JSON.parse(raw) as T) : null;
    } catch {
      return null;
    }
  };
  const save = (key: string, value: unknown) => {
    try {
      storage()?.setItem(key, JSON.stringify(value));
    } catch {
      // Private mode: the session lasts as long as the tab.
    }
  };
  const forget = (key: string) => {
    try {
      storage()?.removeItem(key);
    } catch {
      // Nothing was kept.
    }
  };

  /** The run in progress: its connection and subscriptions, and what followGuide/breakAway do in it. */
  let run: { close(): void; follow(): void; breakAway(): void; send(message: Outgoing<ClientMessage>): boolean } | null = null;

  const store = createStore<LiveSessionState & LiveSessionActions>()((set, get) => {
    const endRun = () => {
      run?.close();
      run = null;
    };

    function startGuiding(lead?: { code: string; token: string }): void {
      endRun();
      let saved = lead ? { ...lead, rev: 0 } : readSaved<{ code: string; token: string; rev?: number }>(GUIDE_KEY);
      if (lead) save(GUIDE_KEY, saved);
      /** The relay's latest revision this screen knows. */
      let rev = saved?.rev ?? 0;
      /** A change of this screen the relay has not confirmed. */
      let dirty = false;
      let lastView = JSON.stringify(visit.getState().view);
      let applying = false;
      let viewTimer: ReturnType<typeof setTimeout> | undefined;
      let lastViewAt = 0;
      let forbidden = 0;
      set({ ...idle, role: 'guide', code: saved?.code ?? null, status: 'connecting' });

      const mine = () => toLiveState(visit.getState(), presenter.getState().blank);
      const stateMessage = () => {
        const state = mine();
        return state ? ({ type: 'state', rev: rev + 1, state, view: visit.getState().view } as const) : null;
      };
      const markSending = (value: boolean) => {
        dirty = value;
        if (get().sending !== value) set({ sending: value });
      };

      const connection = connect({
        hello: () => {
          if (!saved) return [{ type: 'start' }];
          // After any reconnect (or a relay restart) the guide says who it is; a change the relay
          // has not confirmed goes again.
          const state = dirty ? stateMessage() : null;
          return [{ type: 'resume', code: saved.code, token: saved.token, rev }, ...(state ? [state] : [])];
        },
        onMessage: (message) => {
          if (message.type === 'started') {
            const fresh = !saved;
            saved = { code: message.code, token: message.token, rev };
            save(GUIDE_KEY, saved);
            // Its report is asked for with this token, after the session too (guidedSessions.ts).
            if (fresh) rememberGuided(lasting(), { code: message.code, token: message.token, startedAt: now() });
            forbidden = 0;
            set({ code: message.code, error: null });
            if (fresh) sendState(true);
          } else if (message.type === 'snapshot') {
            if (message.rev < rev) return;
            rev = message.rev;
            if (saved) save(GUIDE_KEY, { ...saved, rev });
            set({ shown: { rev: message.rev, state: message.state } });
            const own = mine();
            if (JSON.stringify(message.state) === JSON.stringify(own)) markSending(false);
            else if (message.state === null) sendState(true);
            else if (!dirty) {
              // Another screen of this guide moved the session (or this tab came back to it): show it.
              applying = true;
              try {
                visit.getState().restore({ ...visit.getState(), place: message.state.place, view: message.view, openHotspotId: message.state.openHotspotId, tour: message.state.tour });
                presenter.getState().setBlank(message.state.blank);
                lastView = JSON.stringify(message.view);
              } finally {
                applying = false;
              }
            }
          } else if (message.type === 'stats') {
            set({ stats: message.stats });
          } else if (message.type === 'error') {
            // A refusal of a class action (say, a poll the guide closed on another device) is not the session's error.
            if (message.code === 'poll-closed' || message.code === 'bad-question') return;
            set({ error: message.code });
            if (message.code === 'bad-code') {
              // The session ended (or expired): it cannot come back.
              forget(GUIDE_KEY);
              set({ status: 'ended' });
              connection.close();
            } else if (message.code === 'forbidden') {
              // Maybe only this relay, for now: keep the token and try again, slower each time.
              forbidden += 1;
              connection.retryIn(Math.min(FORBIDDEN_RETRY_MAX_MS, 2_000 * 2 ** forbidden));
            }
          } else if (message.type === 'ended') {
            forget(GUIDE_KEY);
            set({ status: 'ended' });
          } else {
            const change = reduceClass(get(), message);
            if (change) set(change);
          }
        },
        onStatus: (status) => get().status !== 'ended' && set({ status }),
      });

      const sendState = (force = false) => {
        const message = stateMessage();
        if (!message) return;
        if (!force && JSON.stringify(message.state) === JSON.stringify(get().shown?.state ?? null) && !dirty) return;
        markSending(true);
        lastView = JSON.stringify(message.view);
        connection.send(message);
      };
      // Camera turns: at most VIEW_RATE_HZ a second, the latest wins; a backed-up socket skips one.
      const sendView = () => {
        clearTimeout(viewTimer);
        const wait = 1000 / VIEW_RATE_HZ - (now() - lastViewAt);
        if (wait > 0) {
          viewTimer = setTimeout(sendView, wait);
          return;
        }
        const view = visit.getState().view;
        if (!view || JSON.stringify(view) === lastView) return;
        if (connection.congested) {
          viewTimer = setTimeout(sendView, 1000 / VIEW_RATE_HZ);
          return;
        }
        lastViewAt = now();
        lastView = JSON.stringify(view);
        connection.send({ type: 'view', view: view as LiveView });
      };

      const unsubscribeVisit = visit.subscribe((state, prev) => {
        if (applying) return;
        if (state.place !== prev.place || state.openHotspotId !== prev.openHotspotId || state.tour !== prev.tour) sendState();
        else if (state.view !== prev.view) sendView();
      });
      const unsubscribePresenter = presenter.subscribe((s, p) => !applying && s.blank !== p.blank && sendState());

      run = {
        close: () => {
          if (get().status !== 'ended') connection.send({ type: 'end' });
          clearTimeout(viewTimer);
          unsubscribeVisit();
          unsubscribePresenter();
          // Let the end message leave before the socket closes.
          setTimeout(() => connection.close(), 50);
        },
        follow: () => undefined,
        breakAway: () => undefined,
        send: (message) => connection.send(message),
      };
    }

    function joinAsDelegate(code: string, name: string | null = null): void {
      endRun();
      if (removedCodes().includes(code)) {
        // The guide removed this browser: it does not knock again (the relay would refuse its pass anyway).
        set({ ...idle, role: 'delegate', code, status: 'ended', removed: true });
        return;
      }
      let pass = readSaved<{ code: string; pass?: string; name?: string | null }>(DELEGATE_KEY);
      if (pass?.code !== code) pass = null;
      // A reload takes up the name given when joining.
      if (name === null && pass?.name) name = pass.name;
      let latest: { rev: number; state: LiveState | null; view: LiveView | null } = { rev: -1, state: null, view: null };
      /** A new connection takes the relay's snapshot whatever its revision (a re-created session may count anew). */
      let fresh = true;
      let applying = false;
      set({ ...idle, role: 'delegate', code, status: 'connecting', phase: 'joining' });

      const apply = () => {
        const { state, view } = latest;
        if (!state) return;
        applying = true;
        try {
          const own = visit.getState();
          own.restore({ lang: own.lang, place: state.place, view, openHotspotId: state.openHotspotId, tour: state.tour });
          presenter.getState().setBlank(state.blank);
        } finally {
          applying = false;
        }
      };
      const status = () =>
        connection.send({
          type: 'status',
          lang: visit.getState().lang,
          following: get().following,
          // Where one looks around, for the guide's stop counts (a follower is where the guide is).
          ...(get().following ? {} : { at: stopOf(visit.getState()) }),
        });
      const limited = (ms: number) => {
        set({ phase: 'limited', retryAt: now() + ms });
        connection.retryIn(ms);
      };

      const connection = connect({
        hello: () => {
          fresh = true;
          return [
            { type: 'join', code, lang: visit.getState().lang, following: get().following, ...(pass?.pass ? { pass: pass.pass } : {}), ...(name ? { name } : {}) },
            // Looking around when the line came back: the guide's stop counts learn where.
            ...(get().following ? [] : [{ type: 'status', lang: visit.getState().lang, following: false, at: stopOf(visit.getState()) } as const]),
          ];
        },
        onMessage: (message) => {
          if (message.type === 'joined') {
            pass = { code, pass: message.pass, name };
            save(DELEGATE_KEY, pass);
            set({ error: null, phase: 'joined', retryAt: null });
          } else if (message.type === 'waiting') {
            set({ error: null, phase: 'waiting', retryAt: null });
          } else if (message.type === 'snapshot') {
            // Snapshots repeat and may arrive twice: an older or equal revision changes nothing.
            if (message.rev < latest.rev && !fresh) return;
            fresh = false;
            latest = { rev: message.rev, state: message.state, view: message.view };
            set({ shown: { rev: message.rev, state: message.state } });
            if (get().following) apply();
          } else if (message.type === 'view') {
            latest = { ...latest, view: message.view };
            if (get().following && latest.state) {
              applying = true;
              visit.getState().setView(message.view);
              applying = false;
            }
          } else if (message.type === 'ended') {
            forget(DELEGATE_KEY);
            presenter.getState().setBlank(false);
            set({ status: 'ended', phase: null });
            connection.close();
          } else if (message.type === 'removed') {
            forget(DELEGATE_KEY);
            rememberRemoved(code);
            presenter.getState().setBlank(false);
            set({ status: 'ended', phase: null, removed: true, poll: null });
            connection.close();
          } else if (message.type === 'bring-back') {
            run?.follow();
          } else if (message.type === 'error') {
            const notice = get().phase === 'joined' ? classNotice(message.code, message.retryMs) : null;
            if (notice) {
              // About one of the delegate's own actions (an answer too late, a question refused, too many reactions): said there.
              set({ notice });
            } else if (message.code === 'bad-name') {
              // The relay refused the name (the join page checks it first, so this is rare): the join does not happen.
              forget(DELEGATE_KEY);
              set({ error: message.code, phase: null });
              connection.close();
            } else if (message.code === 'rate-limited' || message.code === 'busy') {
              set({ error: message.code });
              limited(message.retryMs ?? DEFAULT_RETRY_MS);
            } else if (message.code === 'bad-code' && pass?.pass) {
              // Joined before: the session exists, its guide is away. Wait, and ask again.
              set({ error: null, phase: 'waiting' });
              connection.retryIn(5_000);
            } else {
              set({ error: message.code });
              if (message.code === 'bad-code') {
                forget(DELEGATE_KEY);
                connection.close();
              }
            }
          } else {
            const change = reduceClass(get(), message);
            if (change) set(change);
          }
        },
        onStatus: (s) => get().status !== 'ended' && set({ status: s }),
      });

      // A delegate who moves on their own breaks away; their language is theirs and changes nothing.
      const unsubscribeVisit = visit.subscribe((state, prev) => {
        if (state.lang !== prev.lang) status();
        if (!applying && !get().following && JSON.stringify(stopOf(state)) !== JSON.stringify(stopOf(prev))) {
          // Looking around: the guide's stop list counts who is where.
          status();
          return;
        }
        if (applying || !get().following) return;
        if (state.place !== prev.place || state.view !== prev.view || state.openHotspotId !== prev.openHotspotId || state.tour !== prev.tour) {
          set({ following: false });
          status();
        }
      });

      run = {
        close: () => {
          unsubscribeVisit();
          presenter.getState().setBlank(false);
          connection.close();
        },
        follow: () => {
          set({ following: true });
          status();
          apply();
        },
        breakAway: () => {
          set({ following: false });
          presenter.getState().setBlank(false);
          status();
        },
        send: (message) => connection.send(message),
      };
    }

    const send = (message: Outgoing<ClientMessage>) => run?.send(message) ?? false;

    return {
      ...idle,
      startGuiding,
      joinAsDelegate,
      followGuide: () => run?.follow(),
      breakAway: () => run?.breakAway(),
      leave: () => {
        const { role, code } = get();
        endRun();
        forget(GUIDE_KEY);
        forget(DELEGATE_KEY);
        // A guide's screen says the session has ended and offers its report.
        set({ ...idle, endedCode: role === 'guide' ? code : null });
      },
      resumeSaved: () => {
        if (get().role) return;
        if (readSaved(GUIDE_KEY)) startGuiding();
        else {
          const delegate = readSaved<{ code: string }>(DELEGATE_KEY);
          if (delegate) joinAsDelegate(delegate.code);
        }
      },
      guideToken: () => (get().role === 'guide' ? (readSaved<{ token: string }>(GUIDE_KEY)?.token ?? null) : null),
      openPoll: (draft) => void send({ type: 'poll-open', ...draft }),
      closePoll: (poll) => void send({ type: 'poll-close', poll }),
      revealPoll: (poll) => void send({ type: 'poll-reveal', poll }),
      lowerHand: (delegate) => void send({ type: 'hand-lower', ...(delegate ? { delegate } : {}) }),
      markQuestion: (question, status) => void send({ type: 'question-mark', question, status }),
      removeDelegate: (delegate) => void send({ type: 'remove', delegate }),
      bringBack: () => void send({ type: 'bring-back' }),
      answer: (poll, choices) => {
        set({ notice: null });
        send({ type: 'answer', poll, choices });
      },
      setHand: (raised) => void send({ type: 'hand', raised }),
      react: (reaction) => void send({ type: 'react', reaction }),
      ask: (text) => {
        set({ notice: null });
        const sent = send({ type: 'ask', text });
        if (sent) set({ asked: get().asked + 1 });
        return sent;
      },
      clearNotice: () => set({ notice: null }),
    };
  });
  return store;
}
