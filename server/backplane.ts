/**
 * Where a live session's durable part lives (hashed guide token, revision, snapshot, view) and how
 * relays hear about each other's changes. `MemoryBackplane` keeps it in this process (one relay);
 * `RedisBackplane` (redisBus.ts) keeps it in Redis with a pub/sub channel per session, so delegates
 * on one relay follow a guide on another. The relay talks to this interface only.
 */
import { z } from 'zod';
import { liveState, liveView, type LiveState, type LiveView } from '../src/live/protocol';

/** What survives while a session lives: the guide's token only as its SHA-256. */
export interface SessionRecord {
  tokenHash: string;
  rev: number;
  state: LiveState | null;
  view: LiveView | null;
}

/** Delegate counts one relay holds for one session. */
export const relayCounts = z.strictObject({
  connected: z.number().int().min(0).max(1_000_000),
  following: z.number().int().min(0).max(1_000_000),
  zh: z.number().int().min(0).max(1_000_000),
  en: z.number().int().min(0).max(1_000_000),
});
export type RelayCounts = z.infer<typeof relayCounts>;

const relayId = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/);

/** What relays tell each other on a session's channel. `r` names the relay that sent it. */
export const busEvent = z.discriminatedUnion('t', [
  z.strictObject({ t: z.literal('snap'), r: relayId, rev: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), state: liveState }),
  z.strictObject({ t: z.literal('view'), r: relayId, view: liveView }),
  z.strictObject({ t: z.literal('end'), r: relayId }),
  z.strictObject({ t: z.literal('counts'), r: relayId, c: relayCounts }),
]);
export type BusEvent = z.infer<typeof busEvent>;

export type SaveResult = 'stored' | 'stale' | 'missing';

export interface Backplane {
  /** True when other relays share the sessions (counts must then be published). */
  readonly shared: boolean;
  /** This relay's id on the bus, to ignore its own echoes. */
  readonly relayId: string;
  /** Called for every event another relay publishes on a subscribed session. */
  onEvent: (code: string, event: BusEvent) => void;
  /** Creates a session; false when the code is taken or was ended recently. */
  create(code: string, tokenHash: string): Promise<boolean>;
  load(code: string): Promise<SessionRecord | null>;
  /** Stores a state when `rev` is not below the stored one, and tells the other relays. */
  saveState(code: string, rev: number, state: LiveState): Promise<SaveResult>;
  saveView(code: string, view: LiveView): Promise<void>;
  /** Removes the session, remembers its code as ended, and tells the other relays. */
  end(code: string): Promise<void>;
  wasEnded(code: string): Promise<boolean>;
  /** A guide is present: the session lives on for the full time-to-live from now. */
  touch(code: string): Promise<void>;
  publish(code: string, event: BusEvent): void;
  subscribe(code: string): Promise<void>;
  unsubscribe(code: string): Promise<void>;
  /** Frees what expired (the memory backplane; Redis expires keys itself). */
  sweep(): void;
  close(): Promise<void>;
}

export interface BackplaneTimes {
  /** A session whose guide has been away this long expires. */
  sessionTtlMs: number;
  /** An ended code cannot be resumed for this long. */
  endedTtlMs: number;
}

interface MemoryEntry extends SessionRecord {
  expiresAt: number;
}

/** One relay, no other service: sessions live in this process and die with it. */
export class MemoryBackplane implements Backplane {
  readonly shared = false;
  readonly relayId = 'local';
  onEvent: (code: string, event: BusEvent) => void = () => {};
  private readonly sessions = new Map<string, MemoryEntry>();
  private readonly ended = new Map<string, number>();

  constructor(
    private readonly times: BackplaneTimes,
    private readonly now: () => number = Date.now,
  ) {}

  private live(code: string): MemoryEntry | null {
    const entry = this.sessions.get(code);
    if (!entry) return null;
    if (entry.expiresAt <= this.now()) {
      this.sessions.delete(code);
      return null;
    }
    return entry;
  }

  async create(code: string, tokenHash: string): Promise<boolean> {
    if (this.live(code) || (await this.wasEnded(code))) return false;
    this.sessions.set(code, { tokenHash, rev: 0, state: null, view: null, expiresAt: this.now() + this.times.sessionTtlMs });
    return true;
  }

  async load(code: string): Promise<SessionRecord | null> {
    const entry = this.live(code);
    return entry ? { tokenHash: entry.tokenHash, rev: entry.rev, state: entry.state, view: entry.view } : null;
  }

  async saveState(code: string, rev: number, state: LiveState): Promise<SaveResult> {
    const entry = this.live(code);
    if (!entry) return 'missing';
    if (rev < entry.rev) return 'stale';
    entry.rev = rev;
    entry.state = state;
    return 'stored';
  }

  async saveView(code: string, view: LiveView): Promise<void> {
    const entry = this.live(code);
    if (entry) entry.view = view;
  }

  async end(code: string): Promise<void> {
    this.sessions.delete(code);
    this.ended.set(code, this.now() + this.times.endedTtlMs);
  }

  async wasEnded(code: string): Promise<boolean> {
    const until = this.ended.get(code);
    if (until === undefined) return false;
    if (until > this.now()) return true;
    this.ended.delete(code);
    return false;
  }

  async touch(code: string): Promise<void> {
    const entry = this.live(code);
    if (entry) entry.expiresAt = this.now() + this.times.sessionTtlMs;
  }

  publish(): void {}
  async subscribe(): Promise<void> {}
  async unsubscribe(): Promise<void> {}

  sweep(): void {
    const now = this.now();
    for (const [code, entry] of this.sessions) if (entry.expiresAt <= now) this.sessions.delete(code);
    for (const [code, until] of this.ended) if (until <= now) this.ended.delete(code);
  }

  async close(): Promise<void> {}
}
