import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKOFF_MAX_MS, BACKOFF_MIN_MS, LiveConnection, SILENCE_MS, backoffDelay, type ConnectionStatus } from '../../../src/live/client';
import { HEARTBEAT_MS } from '../../../src/live/protocol';

/** A WebSocket stand-in: opens when told, records what is sent, closes asynchronously like the real one. */
class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 3;
  static all: FakeSocket[] = [];
  readyState = FakeSocket.CONNECTING;
  bufferedAmount = 0;
  readonly sent: string[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  open() {
    this.readyState = FakeSocket.OPEN;
    this.onopen?.();
  }
  receive(message: object) {
    this.onmessage?.({ data: JSON.stringify({ v: 1, ...message }) });
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    if (this.readyState === FakeSocket.CLOSED) return;
    this.readyState = FakeSocket.CLOSED;
    void Promise.resolve().then(() => this.onclose?.());
  }
}

const events = new EventTarget();
let statuses: ConnectionStatus[] = [];
let random = 0.5;

function connection() {
  return new LiveConnection({
    url: 'ws://relay.test/live',
    hello: () => [{ type: 'join', code: 'K7QX2M', lang: 'zh', following: true }],
    onMessage: () => {},
    onStatus: (status) => statuses.push(status),
    env: {
      WebSocket: FakeSocket as unknown as typeof WebSocket,
      loadParser: async () => (data: string) => JSON.parse(data),
      random: () => random,
      now: () => Date.now(),
      events,
    },
  });
}

const latest = () => FakeSocket.all.at(-1)!;
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.all = [];
  statuses = [];
  random = 0.5;
});
afterEach(() => vi.useRealTimers());

describe('the live connection', () => {
  it('backs off exponentially with full jitter, within its bounds', () => {
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** attempt);
      expect(backoffDelay(attempt, () => 0)).toBe(BACKOFF_MIN_MS / 2);
      expect(backoffDelay(attempt, () => 0.999999)).toBeLessThan(BACKOFF_MIN_MS / 2 + ceiling);
      expect(backoffDelay(attempt, () => 0.999999)).toBeGreaterThan(BACKOFF_MIN_MS / 2 + ceiling * 0.99);
    }
    expect(backoffDelay(30, () => 0.999999)).toBeLessThan(BACKOFF_MIN_MS / 2 + BACKOFF_MAX_MS);
  });

  it('says hello on every connection, and reconnects after the jittered delay, not before', async () => {
    const live = connection();
    await settle();
    expect(FakeSocket.all).toHaveLength(1);
    latest().open();
    expect(latest().sent.map((s) => JSON.parse(s).type)).toEqual(['join']);
    latest().close();
    await settle();
    expect(statuses.at(-1)).toBe('reconnecting');
    // attempt 0: 250 + 0.5 × 500 = 500 ms.
    await vi.advanceTimersByTimeAsync(499);
    expect(FakeSocket.all).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeSocket.all).toHaveLength(2);
    // It never opened: the next wait doubles (250 + 0.5 × 1000).
    latest().close();
    await settle();
    await vi.advanceTimersByTimeAsync(749);
    expect(FakeSocket.all).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeSocket.all).toHaveLength(3);
    latest().open();
    expect(latest().sent.map((s) => JSON.parse(s).type)).toEqual(['join']);
    live.close();
  });

  it('pings every heartbeat, and drops a line that has been silent too long', async () => {
    const live = connection();
    await settle();
    latest().open();
    const first = latest();
    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS);
    expect(first.sent.map((s) => JSON.parse(s).type)).toEqual(['join', 'ping']);
    // A word from the relay keeps it alive…
    first.receive({ type: 'pong', t: 1 });
    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS * 2);
    expect(first.readyState).toBe(FakeSocket.OPEN);
    // …silence past SILENCE_MS does not.
    await vi.advanceTimersByTimeAsync(SILENCE_MS);
    expect(first.readyState).toBe(FakeSocket.CLOSED);
    await vi.advanceTimersByTimeAsync(1000);
    expect(FakeSocket.all.length).toBeGreaterThan(1);
    live.close();
  });

  it('drops the socket when the device goes offline, and reconnects the moment it is back', async () => {
    const live = connection();
    await settle();
    latest().open();
    // Failed attempts before: a long backoff would be due.
    events.dispatchEvent(new Event('offline'));
    expect(latest().readyState).toBe(FakeSocket.CLOSED);
    await settle();
    const before = FakeSocket.all.length;
    events.dispatchEvent(new Event('online'));
    expect(FakeSocket.all.length).toBe(before + 1);
    latest().open();
    expect(statuses.at(-1)).toBe('open');
    live.close();
    expect(statuses.at(-1)).toBe('closed');
    // Closed for good: the network coming back changes nothing.
    events.dispatchEvent(new Event('online'));
    expect(FakeSocket.all.length).toBe(before + 1);
  });

  it('comes back when a limit says, not on its backoff', async () => {
    const live = connection();
    await settle();
    latest().open();
    live.retryIn(30_000);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(FakeSocket.all).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeSocket.all).toHaveLength(2);
    live.close();
  });
});
