import { beforeEach, describe, expect, it } from 'vitest';
import type { Connection, ConnectionStatus, LiveConnectionOptions } from '../../../src/live/client';
import type { ClientMessage, Outgoing, ServerMessage } from '../../../src/live/protocol';
import { createLiveSession, DELEGATE_KEY, GUIDE_KEY } from '../../../src/features/live/liveSession';
import { createPresenterStore } from '../../../src/store/presenterStore';
import { createVisitStore, initialVisitState } from '../../../src/store/visitStore';

/** A connection stand-in: the test opens it, delivers the relay's messages, and reads what was sent. */
class FakeConnection implements Connection {
  readonly sent: Outgoing<ClientMessage>[] = [];
  retries: number[] = [];
  closed = false;
  open = false;
  congested = false;
  constructor(readonly options: LiveConnectionOptions) {}
  connect() {
    this.open = true;
    this.options.onStatus('open');
    for (const message of this.options.hello()) this.send(message);
  }
  drop() {
    this.open = false;
    this.options.onStatus('reconnecting');
  }
  deliver(message: Outgoing<ServerMessage>) {
    this.options.onMessage({ v: 1, ...message } as ServerMessage);
  }
  send(message: Outgoing<ClientMessage>) {
    if (!this.open) return false;
    this.sent.push(message);
    return true;
  }
  retryIn(ms: number) {
    this.retries.push(ms);
    this.drop();
  }
  close() {
    this.closed = true;
    this.open = false;
    this.options.onStatus('closed' as ConnectionStatus);
  }
  of<T extends ClientMessage['type']>(type: T) {
    return this.sent.filter((m): m is Extract<Outgoing<ClientMessage>, { type: T }> => m.type === type);
  }
}

const stop = (stopId: string) => ({ page: 'stop' as const, campusId: 'yubei', stopId });
const wire = (stopId: string, openHotspotId: string | null = null) => ({ place: stop(stopId), openHotspotId, tour: null, blank: false });

let saved: Map<string, string>;
let connections: FakeConnection[];
const storage = () =>
  ({
    getItem: (key: string) => saved.get(key) ?? null,
    setItem: (key: string, value: string) => void saved.set(key, value),
    removeItem: (key: string) => void saved.delete(key),
  }) as Storage;

function setUp(place = stop('main-gate')) {
  const visit = createVisitStore({ ...initialVisitState, place });
  const presenter = createPresenterStore();
  const session = createLiveSession({
    visit,
    presenter,
    storage,
    connect: (options) => {
      const connection = new FakeConnection(options);
      connections.push(connection);
      return connection;
    },
  });
  return { visit, presenter, session, live: () => connections.at(-1)! };
}

beforeEach(() => {
  saved = new Map();
  connections = [];
});

describe('a delegate’s live session', () => {
  it('applies snapshots in revision order, and takes a re-created session’s count on a new connection', () => {
    const { visit, session, live } = setUp({ page: 'home' } as never);
    session.getState().joinAsDelegate('K7QX2M');
    live().connect();
    live().deliver({ type: 'joined', code: 'K7QX2M', pass: 'P'.repeat(48) });
    live().deliver({ type: 'snapshot', rev: 5, state: wire('library'), view: null });
    live().deliver({ type: 'snapshot', rev: 4, state: wire('canteen'), view: null });
    expect(visit.getState().place).toEqual(stop('library'));
    live().deliver({ type: 'snapshot', rev: 5, state: wire('library'), view: null });
    expect(visit.getState().place).toEqual(stop('library'));
    // The relay restarted and the session began again at 1: a new connection takes it.
    live().drop();
    live().connect();
    live().deliver({ type: 'joined', code: 'K7QX2M', pass: 'P'.repeat(48) });
    live().deliver({ type: 'snapshot', rev: 1, state: wire('lakeside'), view: null });
    expect(visit.getState().place).toEqual(stop('lakeside'));
  });

  it('breaks away when the delegate moves, not when they change language, and follows again at once', () => {
    const { visit, session, live } = setUp();
    session.getState().joinAsDelegate('K7QX2M');
    live().connect();
    live().deliver({ type: 'joined', code: 'K7QX2M', pass: 'P'.repeat(48) });
    live().deliver({ type: 'snapshot', rev: 1, state: wire('library'), view: { yaw: 10, pitch: 0, fov: 90 } });
    expect(session.getState().following).toBe(true);
    visit.getState().setLang('zh');
    expect(session.getState().following).toBe(true);
    expect(live().of('status').at(-1)).toEqual({ type: 'status', lang: 'zh', following: true });
    visit.getState().setView({ yaw: 50, pitch: 0, fov: 90 });
    expect(session.getState().following).toBe(false);
    // Looking around, it says on which stop (the guide's stop list counts them).
    expect(live().of('status').at(-1)).toEqual({ type: 'status', lang: 'zh', following: false, at: { campusId: 'yubei', stopId: 'library' } });
    live().deliver({ type: 'snapshot', rev: 2, state: wire('canteen'), view: null });
    expect(visit.getState().place).toEqual(stop('library'));
    session.getState().followGuide();
    expect(visit.getState().place).toEqual(stop('canteen'));
    expect(session.getState().following).toBe(true);
  });

  it('turns to the view that comes with a change of place, not the last camera turn (issue 18)', () => {
    const { visit, session, live } = setUp();
    session.getState().joinAsDelegate('K7QX2M');
    live().connect();
    live().deliver({ type: 'joined', code: 'K7QX2M', pass: 'P'.repeat(48) });
    live().deliver({ type: 'snapshot', rev: 1, state: wire('main-gate'), view: null });
    live().deliver({ type: 'view', view: { yaw: 120, pitch: 0, fov: 90 } });
    expect(visit.getState().view?.yaw).toBe(120);
    live().deliver({ type: 'snapshot', rev: 2, state: wire('training-centre'), view: null });
    expect(visit.getState().place).toEqual(stop('training-centre'));
    expect(visit.getState().view).toBeNull();
  });

  it('after a limit counts down and tries again with its pass, never saying it follows meanwhile', () => {
    const { session, live } = setUp();
    saved.set(DELEGATE_KEY, JSON.stringify({ code: 'K7QX2M', pass: 'P'.repeat(48) }));
    session.getState().resumeSaved();
    live().connect();
    expect(live().of('join')[0]).toMatchObject({ code: 'K7QX2M', pass: 'P'.repeat(48) });
    live().deliver({ type: 'error', code: 'rate-limited', retryMs: 30_000 });
    expect(session.getState()).toMatchObject({ phase: 'limited', role: 'delegate' });
    expect(session.getState().retryAt).toBeGreaterThan(Date.now() + 29_000);
    expect(live().retries).toEqual([30_000]);
    expect(live().closed).toBe(false);
    expect(saved.has(DELEGATE_KEY)).toBe(true);
  });

  it('waits for a guide who is away instead of giving up', () => {
    const { session, live } = setUp();
    saved.set(DELEGATE_KEY, JSON.stringify({ code: 'K7QX2M', pass: 'P'.repeat(48) }));
    session.getState().resumeSaved();
    live().connect();
    live().deliver({ type: 'waiting', code: 'K7QX2M' });
    expect(session.getState().phase).toBe('waiting');
    // An older relay that answers bad-code to a known session: still waiting, asking again.
    live().deliver({ type: 'error', code: 'bad-code' });
    expect(session.getState().phase).toBe('waiting');
    expect(live().closed).toBe(false);
    expect(live().retries.length).toBe(1);
    // Without a pass, a wrong code is the end of it.
    const { session: other, live: otherLive } = setUp();
    saved.delete(DELEGATE_KEY);
    other.getState().joinAsDelegate('ZZZZZZ');
    otherLive().connect();
    otherLive().deliver({ type: 'error', code: 'bad-code' });
    expect(otherLive().closed).toBe(true);
    expect(other.getState().error).toBe('bad-code');
  });
});

describe('a guide’s live session', () => {
  it('takes up the relay’s revision after a reload, so every later change goes out', () => {
    saved.set(GUIDE_KEY, JSON.stringify({ code: 'K7QX2M', token: 'T'.repeat(48), rev: 4 }));
    const { visit, session, live } = setUp(stop('lakeside'));
    session.getState().resumeSaved();
    live().connect();
    expect(live().sent).toEqual([{ type: 'resume', code: 'K7QX2M', token: 'T'.repeat(48), rev: 4 }]);
    live().deliver({ type: 'started', code: 'K7QX2M', token: 'T'.repeat(48) });
    live().deliver({ type: 'snapshot', rev: 4, state: wire('lakeside'), view: null });
    expect(session.getState().shown).toEqual({ rev: 4, state: wire('lakeside') });
    visit.getState().goTo(stop('dormitory'));
    expect(live().of('state').at(-1)).toEqual({ type: 'state', rev: 5, state: wire('dormitory'), view: null });
    // Until the relay's snapshot carries it, the change is only being sent.
    expect(session.getState().sending).toBe(true);
    live().deliver({ type: 'snapshot', rev: 5, state: wire('dormitory'), view: null });
    expect(session.getState().sending).toBe(false);
    expect(session.getState().shown?.state).toEqual(wire('dormitory'));
  });

  it('sends a change made offline when back, and shows another screen’s change when it has none', () => {
    saved.set(GUIDE_KEY, JSON.stringify({ code: 'K7QX2M', token: 'T'.repeat(48), rev: 2 }));
    const { visit, session, live } = setUp(stop('library'));
    session.getState().resumeSaved();
    live().connect();
    live().deliver({ type: 'snapshot', rev: 2, state: wire('library'), view: null });
    live().drop();
    visit.getState().goTo(stop('canteen'));
    live().connect();
    expect(live().sent.slice(-2)).toEqual([
      { type: 'resume', code: 'K7QX2M', token: 'T'.repeat(48), rev: 2 },
      { type: 'state', rev: 3, state: wire('canteen'), view: null },
    ]);
    // The relay's old snapshot (answering the resume) does not pull this screen back.
    live().deliver({ type: 'snapshot', rev: 2, state: wire('library'), view: null });
    expect(visit.getState().place).toEqual(stop('canteen'));
    live().deliver({ type: 'snapshot', rev: 3, state: wire('canteen'), view: null });
    // The guide's other device moves the session: this screen follows.
    live().deliver({ type: 'snapshot', rev: 4, state: wire('lakeside', null), view: { yaw: 30, pitch: 0, fov: 90 } });
    expect(visit.getState().place).toEqual(stop('lakeside'));
    expect(visit.getState().view?.yaw).toBe(30);
    expect(live().of('state')).toHaveLength(1);
  });

  it('keeps its token when refused (forbidden) and tries again; forgets it when the session is over or it leaves', () => {
    saved.set(GUIDE_KEY, JSON.stringify({ code: 'K7QX2M', token: 'T'.repeat(48), rev: 0 }));
    const { session, live } = setUp();
    session.getState().resumeSaved();
    live().connect();
    live().deliver({ type: 'error', code: 'forbidden' });
    expect(saved.has(GUIDE_KEY)).toBe(true);
    expect(live().retries).toHaveLength(1);
    expect(live().closed).toBe(false);
    expect(session.getState().role).toBe('guide');
    session.getState().leave();
    expect(saved.has(GUIDE_KEY)).toBe(false);
    expect(session.getState()).toMatchObject({ role: null, code: null, shown: null, stats: null, error: null });
    // A fresh start asks for a new session; nothing of the old one is left.
    session.getState().startGuiding();
    live().connect();
    expect(live().sent).toEqual([{ type: 'start' }]);
  });

  it('sends the view it has with a change of place', () => {
    const { visit, session, live } = setUp(stop('main-gate'));
    session.getState().startGuiding();
    live().connect();
    live().deliver({ type: 'started', code: 'K7QX2M', token: 'T'.repeat(48) });
    live().deliver({ type: 'snapshot', rev: 1, state: wire('main-gate'), view: null });
    visit.getState().setView({ yaw: 120, pitch: 0, fov: 90 });
    visit.getState().goTo(stop('training-centre'));
    expect(live().of('state').at(-1)).toMatchObject({ state: wire('training-centre'), view: null });
  });
});
