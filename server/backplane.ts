/**
 * Where a live session's durable part lives (hashed guide token, revision, snapshot, view), how
 * relays hear about each other's changes, and what they must count together (join-code guesses,
 * ended codes). `MemoryBackplane` keeps it in this process (one relay; ended codes in a file of the
 * data directory); `RedisBackplane` (redisBus.ts) keeps it in Redis with a pub/sub channel per
 * session, so delegates on one relay follow a guide on another. The relay talks to this interface only.
 */
import { z } from 'zod';
import { REACTIONS, type LiveState, type LiveView } from '../src/live/protocol';
import { liveState, liveView } from '../src/live/schemas';
import { classEvent, type ClassEvent, type Logged } from './classEvents';
import { memoryEndedCodes, type EndedCodes } from './endedCodes';
import { JoinLimiter } from './limits';

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
  z.strictObject({ t: z.literal('snap'), r: relayId, rev: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), state: liveState, view: liveView.nullable() }),
  z.strictObject({ t: z.literal('view'), r: relayId, view: liveView }),
  z.strictObject({ t: z.literal('end'), r: relayId }),
  z.strictObject({ t: z.literal('counts'), r: relayId, c: relayCounts }),
  /** An entry appended to the session's class log (classEvents.ts), numbered `n`. */
  z.strictObject({ t: z.literal('log'), r: relayId, n: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER), e: classEvent }),
  /** A relay's reactions of its last second. */
  z.strictObject({ t: z.literal('react'), r: relayId, c: z.partialRecord(z.enum(REACTIONS), z.number().int().min(1).max(1_000_000)) }),
]);
export type BusEvent = z.infer<typeof busEvent>;

/**
 * A guide's change as stored: at the session's next revision, or at the guide's when that is
 * higher (a session re-created after a restart continues where the guide's screen was). The same
 * state again stores nothing (`changed` false). The view is the session's after the change.
 */
export type Saved = { rev: number; changed: boolean; view: LiveView | null };

/** The rule every backplane applies to a guide's change. */
export function nextRevision(current: number, proposed: number): number {
  return Math.max(current + 1, proposed);
}

/** How join-code guessing is limited: distinct unknown codes per address in a sliding window. */
export interface GuessLimit {
  /** Distinct unknown codes an address may try per window. */
  codes: number;
  windowMs: number;
}

export interface Backplane {
  /** True when other relays share the sessions (counts must then be published). */
  readonly shared: boolean;
  /** This relay's id on the bus, to ignore its own echoes. */
  readonly relayId: string;
  /** Called for every event another relay publishes on a subscribed session. */
  onEvent: (code: string, event: BusEvent) => void;
  /** Creates a session at revision `rev`; false when the code is taken or was ended. */
  create(code: string, tokenHash: string, rev?: number): Promise<boolean>;
  load(code: string): Promise<SessionRecord | null>;
  /** Stores a guide's change (see `Saved`; `view` undefined keeps the view), and tells the other relays; null when the session is gone. */
  saveState(code: string, rev: number, state: LiveState, view: LiveView | null | undefined): Promise<Saved | null>;
  saveView(code: string, view: LiveView): Promise<void>;
  /** Removes the session, remembers its code as ended, and tells the other relays. */
  end(code: string): Promise<void>;
  wasEnded(code: string): Promise<boolean>;
  /** A guide is present: the session lives on for the full time-to-live from now. */
  touch(code: string): Promise<void>;
  publish(code: string, event: BusEvent): void;
  subscribe(code: string): Promise<void>;
  unsubscribe(code: string): Promise<void>;
  /** Milliseconds until this address may try a join code again (0: now), counted across relays. */
  guessWait(address: string): Promise<number>;
  /** Counts a join to a code that does not exist against the address. */
  guessMiss(address: string, code: string): Promise<void>;
  /**
   * Appends to the session's class log and tells the other relays; the entry's number, or null
   * when the session is gone. Resolves once the entry is stored (over Redis: in Redis).
   */
  append(code: string, event: ClassEvent): Promise<number | null>;
  /** The class log's entries numbered `from` and later (all of them from 1). */
  readLog(code: string, from: number): Promise<Logged[]>;
  /** Frees what expired (the memory backplane; Redis expires keys itself). */
  sweep(): void;
  close(): Promise<void>;
}

export interface BackplaneTimes {
  /** A session whose guide has been away this long expires. */
  sessionTtlMs: number;
  /** An ended code cannot be resumed for this long (at least as long as a guide token is valid). */
  endedTtlMs: number;
}

interface MemoryEntry extends SessionRecord {
  expiresAt: number;
}

/** One relay, no other service: sessions live in this process; ended codes in `ended` (a file). */
export class MemoryBackplane implements Backplane {
  readonly shared = false;
  readonly relayId = 'local';
  onEvent: (code: string, event: BusEvent) => void = () => {};
  private readonly sessions = new Map<string, MemoryEntry>();
  /** Class logs, kept with their session (and dropped with it: the report is made before the end). */
  private readonly logs = new Map<string, ClassEvent[]>();
  private readonly guesses: JoinLimiter;

  constructor(
    private readonly times: BackplaneTimes,
    private readonly now: () => number = Date.now,
    guess: GuessLimit = { codes: 50, windowMs: 10 * 60_000 },
    private readonly ended: EndedCodes = memoryEndedCodes(),
  ) {
    this.guesses = new JoinLimiter(guess.codes, guess.windowMs, now);
  }

  private live(code: string): MemoryEntry | null {
    const entry = this.sessions.get(code);
    if (!entry) return null;
    if (entry.expiresAt <= this.now()) {
      this.sessions.delete(code);
      this.logs.delete(code);
      return null;
    }
    return entry;
  }

  async create(code: string, tokenHash: string, rev = 0): Promise<boolean> {
    if (this.live(code) || (await this.wasEnded(code))) return false;
    this.sessions.set(code, { tokenHash, rev, state: null, view: null, expiresAt: this.now() + this.times.sessionTtlMs });
    return true;
  }

  async load(code: string): Promise<SessionRecord | null> {
    const entry = this.live(code);
    return entry ? { tokenHash: entry.tokenHash, rev: entry.rev, state: entry.state, view: entry.view } : null;
  }

  async saveState(code: string, rev: number, state: LiveState, view: LiveView | null | undefined): Promise<Saved | null> {
    const entry = this.live(code);
    if (!entry) return null;
    const sameView = view === undefined || JSON.stringify(view) === JSON.stringify(entry.view);
    if (entry.state && sameView && JSON.stringify(state) === JSON.stringify(entry.state)) return { rev: entry.rev, changed: false, view: entry.view };
    entry.rev = nextRevision(entry.rev, rev);
    entry.state = state;
    if (view !== undefined) entry.view = view;
    return { rev: entry.rev, changed: true, view: entry.view };
  }

  async saveView(code: string, view: LiveView): Promise<void> {
    const entry = this.live(code);
    if (entry) entry.view = view;
  }

  async end(code: string): Promise<void> {
    this.sessions.delete(code);
    this.logs.delete(code);
    this.ended.add(code, this.now() + this.times.endedTtlMs);
  }

  async wasEnded(code: string): Promise<boolean> {
    const until = this.ended.until(code);
    if (until === undefined) return false;
    if (until > this.now()) return true;
    this.ended.delete(code);
    return false;
  }

  async touch(code: string): Promise<void> {
    const entry = this.live(code);
    if (entry) entry.expiresAt = this.now() + this.times.sessionTtlMs;
  }

  async append(code: string, event: ClassEvent): Promise<number | null> {
    if (!this.live(code)) return null;
    const log = this.logs.get(code) ?? [];
    log.push(event);
    this.logs.set(code, log);
    return log.length;
  }

  async readLog(code: string, from: number): Promise<Logged[]> {
    const log = this.live(code) ? (this.logs.get(code) ?? []) : [];
    return log.slice(Math.max(0, from - 1)).map((e, index) => ({ n: Math.max(1, from) + index, e }));
  }

  publish(): void {}
  async subscribe(): Promise<void> {}
  async unsubscribe(): Promise<void> {}

  async guessWait(address: string): Promise<number> {
    return this.guesses.waitMs(address);
  }

  async guessMiss(address: string, code: string): Promise<void> {
    this.guesses.miss(address, code);
  }

  sweep(): void {
    const now = this.now();
    for (const [code, entry] of this.sessions) {
      if (entry.expiresAt > now) continue;
      this.sessions.delete(code);
      this.logs.delete(code);
    }
    for (const [code, until] of [...this.ended.entries()]) if (until <= now) this.ended.delete(code);
    this.guesses.sweep();
  }

  async close(): Promise<void> {}
}
