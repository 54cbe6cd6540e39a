/**
 * The live relay: sessions, guide authority, delegates, rate limits and fan-out. It knows no
 * transport: a socket is a `Peer` (send, close, bufferedAmount), so the same code runs behind ws
 * (liveSocket.ts) and behind the fakes of the tests. Durable session data and cross-relay fan-out
 * go through a `Backplane` (in memory, or Redis).
 *
 * Delivery rules: discrete changes are full snapshots with a rising revision, sent to every
 * delegate and repeated every `repeatMs`; camera views are coalesced to VIEW_RATE_HZ per session,
 * latest wins, and skipped for a delegate whose socket has more than `slowBytes` unsent.
 */
import { randomInt } from 'node:crypto';
import {
  CODE_ALPHABET,
  CODE_LENGTH,
  MAX_FRAME_BYTES,
  PROTOCOL_VERSION,
  VIEW_RATE_HZ,
  clientMessage,
  encode,
  type ClientMessage,
  type LiveErrorCode,
  type LiveState,
  type LiveStats,
  type LiveView,
  type ServerMessage,
} from '../src/live/protocol';
import type { Backplane, BusEvent, RelayCounts } from './backplane';
import { JoinLimiter, TokenBucket, WindowCounter } from './limits';
import { noRelayEvents, type RelayEvents } from './observability/relayEvents';
import { hashToken, issueToken, tokenMatches, verifyToken } from './token';

/** One client connection, as the relay sees it. */
export interface Peer {
  /** The address that join limits count against. */
  readonly address: string;
  /** Bytes accepted for sending but not yet written to the network. */
  readonly bufferedAmount: number;
  send(data: Buffer): void;
  /** Closes with a WebSocket close code. */
  close(code: number, reason: string): void;
  /** Drops the connection at once. */
  terminate(): void;
}

export interface RelayOptions {
  /** The latest snapshot is re-sent this often, and sessions are checked against the backplane. */
  repeatMs: number;
  /** Distinct unknown codes an address may try per `joinWindowMs`. */
  joinCodes: number;
  joinWindowMs: number;
  /** Sessions an address may start per `startWindowMs`. */
  startsPerWindow: number;
  startWindowMs: number;
  /** Messages a socket may send at once, and per second after that. */
  floodBurst: number;
  floodPerSecond: number;
  /** Malformed messages a socket may send before it is closed. */
  maxBadMessages: number;
  /** Above this many unsent bytes a delegate misses camera updates. */
  slowBytes: number;
  /** Above this many unsent bytes a socket is dropped (it reconnects and gets a snapshot). */
  stuckBytes: number;
  /** At most one stats message per this interval to the guide. */
  statsIntervalMs: number;
  /**
   * For this long after the relay starts, a join to an unknown code waits for the session's guide
   * to `resume` it instead of failing: after a restart, delegates often reconnect before the guide.
   */
  parkMs: number;
  /** A guide's token can re-create its lost session this long after it was issued. */
  tokenMaxAgeMs: number;
  now: () => number;
  /** Where refusals, drops and message counts go (logs and metrics); nowhere by default. */
  events: RelayEvents;
}

export const defaultRelayOptions: RelayOptions = {
  repeatMs: 5_000,
  joinCodes: 10,
  joinWindowMs: 60_000,
  startsPerWindow: 30,
  startWindowMs: 10 * 60_000,
  floodBurst: 40,
  floodPerSecond: 20,
  maxBadMessages: 10,
  slowBytes: 16 * 1024,
  stuckBytes: 512 * 1024,
  statsIntervalMs: 500,
  parkMs: 30_000,
  tokenMaxAgeMs: 24 * 3600_000,
  now: Date.now,
  events: noRelayEvents,
};

/** WebSocket close codes the relay uses. */
export const CLOSE = { goingAway: 1001, policy: 1008, tooBig: 1009, unavailable: 1011, restart: 1012 } as const;

type Role = 'none' | 'guide' | 'delegate';

/** A connection's relay-side state. */
export class Conn {
  role: Role = 'none';
  code: string | null = null;
  lang: 'zh' | 'en' = 'en';
  following = true;
  parkedCode: string | null = null;
  badMessages = 0;
  closed = false;
  chain: Promise<void> = Promise.resolve();

  constructor(
    readonly peer: Peer,
    readonly bucket: TokenBucket,
  ) {}
}

interface RemoteCounts {
  counts: RelayCounts;
  at: number;
}

/** A session as this relay holds it: a cache of the record plus its local sockets. */
interface LocalSession {
  code: string;
  rev: number;
  state: LiveState | null;
  view: LiveView | null;
  guides: Set<Conn>;
  delegates: Set<Conn>;
  disposed: boolean;
  remote: Map<string, RemoteCounts>;
  pendingView: LiveView | null;
  viewTimer: NodeJS.Timeout | null;
  /** What the next `flush` sends: a snapshot (which carries the view too), or a camera update alone. */
  snapshotDue: boolean;
  viewDue: boolean;
  flushing: NodeJS.Immediate | null;
  /** A token bucket for camera updates (see `view`). */
  viewTokens: number;
  viewTokensAt: number;
  statsTimer: NodeJS.Timeout | null;
  lastStatsAt: number;
  lastStatsKey: string;
  countsTimer: NodeJS.Timeout | null;
  lastCountsAt: number;
}

/** Camera updates a session may send at once before the VIEW_RATE_HZ rate applies. */
const VIEW_BURST = 2;

const zeroCounts = (): RelayCounts => ({ connected: 0, following: 0, zh: 0, en: 0 });

/** Relay-wide numbers, for the benchmark and for tests. */
export interface RelayMetrics {
  connections: number;
  sessions: number;
  badMessages: number;
  floods: number;
  viewsSkipped: number;
  dropped: number;
}

export class Relay {
  readonly options: RelayOptions;
  private readonly sessions = new Map<string, LocalSession>();
  private readonly loading = new Map<string, Promise<LocalSession | null>>();
  private readonly parked = new Map<string, Set<Conn>>();
  private readonly conns = new Set<Conn>();
  private readonly joinLimiter: JoinLimiter;
  private readonly startLimiter: WindowCounter;
  private readonly startedAt: number;
  private readonly timers: NodeJS.Timeout[] = [];
  private ticking = false;
  private parkCheck = false;
  readonly metrics: RelayMetrics = { connections: 0, sessions: 0, badMessages: 0, floods: 0, viewsSkipped: 0, dropped: 0 };

  constructor(
    private readonly bus: Backplane,
    private readonly secret: Buffer,
    options: Partial<RelayOptions> = {},
  ) {
    this.options = { ...defaultRelayOptions, ...options };
    this.startedAt = this.options.now();
    this.joinLimiter = new JoinLimiter(this.options.joinCodes, this.options.joinWindowMs, this.options.now);
    this.startLimiter = new WindowCounter(this.options.startsPerWindow, this.options.startWindowMs, this.options.now);
    bus.onEvent = (code, event) => this.onBusEvent(code, event);
    this.timers.push(setInterval(() => void this.tick(), this.options.repeatMs));
    this.timers.push(setInterval(() => void this.checkParked(), Math.min(500, this.options.repeatMs)));
    for (const timer of this.timers) timer.unref();
  }

  // ── connections ────────────────────────────────────────────────────────────────────────────

  open(peer: Peer): Conn {
    const conn = new Conn(peer, new TokenBucket(this.options.floodBurst, this.options.floodPerSecond, this.options.now));
    this.conns.add(conn);
    this.metrics.connections = this.conns.size;
    return conn;
  }

  /** A frame arrived. Never throws: anything wrong is answered, counted, or closes the socket. */
  receive(conn: Conn, data: Buffer | string, isBinary = false): void {
    if (conn.closed) return;
    this.options.events.received();
    const arrived = performance.now();
    if (!conn.bucket.take()) {
      this.metrics.floods += 1;
      this.reject(conn, 'flood', CLOSE.policy);
      return;
    }
    const message = this.parse(conn, data, isBinary);
    if (!message) return;
    conn.chain = conn.chain
      .then(() => this.handle(conn, message))
      .then(() => this.options.events.handled(message.type, (performance.now() - arrived) / 1000))
      .catch((error: unknown) => {
        this.options.events.failed(error);
        // The backplane failed (Redis away): close, so the client reconnects and resyncs.
        if (!conn.closed) this.drop(conn, CLOSE.unavailable, 'unavailable');
      });
  }

  /** The socket closed (either side). */
  closed(conn: Conn): void {
    if (conn.closed && !this.conns.has(conn)) return;
    conn.closed = true;
    this.conns.delete(conn);
    this.metrics.connections = this.conns.size;
    this.unpark(conn);
    this.detach(conn);
  }

  /** The message in a frame, or null after answering `bad-message` (binary frames are never valid). */
  private parse(conn: Conn, data: Buffer | string, isBinary: boolean): ClientMessage | null {
    const size = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
    let raw: unknown;
    if (size <= MAX_FRAME_BYTES && !isBinary) {
      try {
        raw = JSON.parse(typeof data === 'string' ? data : data.toString('utf8'));
      } catch {
        raw = undefined;
      }
    }
    const result = raw === undefined ? null : clientMessage.safeParse(raw);
    if (result?.success) return result.data;
    this.metrics.badMessages += 1;
    conn.badMessages += 1;
    const wrongVersion = typeof raw === 'object' && raw !== null && 'v' in raw && raw.v !== PROTOCOL_VERSION;
    if (conn.badMessages > this.options.maxBadMessages) this.reject(conn, 'bad-message', CLOSE.policy);
    else this.error(conn, size > MAX_FRAME_BYTES ? 'too-large' : wrongVersion ? 'version' : 'bad-message');
    return null;
  }

  private async handle(conn: Conn, message: ClientMessage): Promise<void> {
    if (conn.closed) return;
    switch (message.type) {
      case 'ping':
        this.send(conn, { type: 'pong', t: message.t });
        return;
      case 'start':
        return this.start(conn);
      case 'resume':
        return this.resume(conn, message.code, message.token);
      case 'state':
        return this.state(conn, message.rev, message.state);
      case 'view':
        return this.view(conn, message.view);
      case 'end':
        return this.end(conn);
      case 'join':
        return this.join(conn, message.code, message.lang, message.following);
      case 'status':
        return this.status(conn, message.lang, message.following);
    }
  }

  // ── guide ──────────────────────────────────────────────────────────────────────────────────

  private async start(conn: Conn): Promise<void> {
    if (!this.startLimiter.hit(conn.peer.address)) {
      this.error(conn, 'rate-limited');
      return;
    }
    this.leave(conn);
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const code = randomCode();
      if (this.sessions.has(code) || this.parked.has(code)) continue;
      const token = issueToken(this.secret, code, this.options.now());
      if (!(await this.bus.create(code, hashToken(token)))) continue;
      const local = await this.localSession(code);
      if (!local || conn.closed) return;
      this.attachGuide(conn, local);
      this.send(conn, { type: 'started', code, token });
      this.sendStats(local, true);
      return;
    }
    throw new Error('no free session code');
  }

  private async resume(conn: Conn, code: string, token: string): Promise<void> {
    let record = await this.bus.load(code);
    let recreated = false;
    if (!record) {
      // Lost with a restarted relay (or an emptied Redis): the token itself proves the guide.
      if (!verifyToken(this.secret, code, token, this.options.tokenMaxAgeMs, this.options.now())) {
        this.error(conn, 'forbidden');
        return;
      }
      if (await this.bus.wasEnded(code)) {
        this.error(conn, 'bad-code');
        return;
      }
      recreated = await this.bus.create(code, hashToken(token));
      record = await this.bus.load(code);
      if (!record) {
        this.error(conn, 'bad-code');
        return;
      }
    }
    if (!tokenMatches(token, record.tokenHash)) {
      this.error(conn, 'forbidden');
      return;
    }
    if (!(conn.role === 'guide' && conn.code === code)) this.leave(conn);
    const local = await this.localSession(code);
    if (!local || conn.closed) return;
    this.attachGuide(conn, local);
    this.send(conn, { type: 'started', code, token });
    this.send(conn, { type: 'snapshot', rev: local.rev, state: local.state, view: local.view });
    this.sendStats(local, true);
    if (recreated) void this.checkParked();
  }

  /** The session this socket may drive, or null after answering `forbidden`. */
  private guided(conn: Conn): LocalSession | null {
    const local = conn.role === 'guide' && conn.code ? this.sessions.get(conn.code) : undefined;
    if (local && local.guides.has(conn)) return local;
    this.error(conn, 'forbidden');
    return null;
  }

  private async state(conn: Conn, rev: number, state: LiveState): Promise<void> {
    const local = this.guided(conn);
    if (!local) return;
    const result = await this.bus.saveState(local.code, rev, state);
    if (result === 'missing') {
      this.endLocal(local);
      return;
    }
    if (result === 'stale') {
      // The guide is behind the relay (another guide screen moved on): show it where things are.
      this.send(conn, { type: 'snapshot', rev: local.rev, state: local.state, view: local.view });
      return;
    }
    this.applyState(local, rev, state);
  }

  /**
   * Camera updates leave at VIEW_RATE_HZ on average, latest wins. A token bucket (two at once, then
   * VIEW_RATE_HZ a second) rather than a fixed interval: a guide sending at exactly the rate goes
   * straight through, where a fixed interval would phase-lock behind its arrivals and hold each
   * update back by up to a whole period.
   */
  private async view(conn: Conn, view: LiveView): Promise<void> {
    const local = this.guided(conn);
    if (!local) return;
    local.pendingView = view;
    if (local.viewTimer) return;
    const now = this.options.now();
    local.viewTokens = Math.min(VIEW_BURST, local.viewTokens + ((now - local.viewTokensAt) * VIEW_RATE_HZ) / 1000);
    local.viewTokensAt = now;
    if (local.viewTokens >= 1) this.flushView(local);
    else local.viewTimer = setTimeout(() => this.flushView(local), Math.ceil(((1 - local.viewTokens) * 1000) / VIEW_RATE_HZ));
  }

  private flushView(local: LocalSession): void {
    local.viewTimer = null;
    const view = local.pendingView;
    if (!view || local.disposed) return;
    const now = this.options.now();
    local.viewTokens = Math.min(VIEW_BURST, local.viewTokens + ((now - local.viewTokensAt) * VIEW_RATE_HZ) / 1000) - 1;
    local.viewTokensAt = now;
    local.pendingView = null;
    local.view = view;
    local.viewDue = true;
    this.scheduleFlush(local);
    this.bus.saveView(local.code, view).catch(() => {});
  }

  private async end(conn: Conn): Promise<void> {
    const local = this.guided(conn);
    if (!local) return;
    await this.bus.end(local.code);
    this.endLocal(local);
  }

  // ── delegates ──────────────────────────────────────────────────────────────────────────────

  private async join(conn: Conn, code: string, lang: 'zh' | 'en', following: boolean): Promise<void> {
    const address = conn.peer.address;
    if (this.joinLimiter.blocked(address)) {
      this.error(conn, 'rate-limited');
      return;
    }
    this.leave(conn);
    this.unpark(conn);
    conn.lang = lang;
    conn.following = following;
    const local = await this.localSession(code);
    if (conn.closed) return;
    if (!local) {
      this.joinLimiter.miss(address, code);
      if (this.options.now() - this.startedAt < this.options.parkMs && !(await this.bus.wasEnded(code))) {
        conn.parkedCode = code;
        const waiting = this.parked.get(code) ?? new Set<Conn>();
        waiting.add(conn);
        this.parked.set(code, waiting);
      } else {
        this.error(conn, 'bad-code');
      }
      return;
    }
    this.attachDelegate(conn, local);
  }

  private attachDelegate(conn: Conn, local: LocalSession): void {
    conn.role = 'delegate';
    conn.code = local.code;
    local.delegates.add(conn);
    this.send(conn, { type: 'joined', code: local.code });
    this.send(conn, { type: 'snapshot', rev: local.rev, state: local.state, view: local.view });
    this.countsChanged(local);
  }

  private async status(conn: Conn, lang: 'zh' | 'en', following: boolean): Promise<void> {
    const local = conn.role === 'delegate' && conn.code ? this.sessions.get(conn.code) : undefined;
    if (!local || !local.delegates.has(conn)) {
      this.error(conn, 'forbidden');
      return;
    }
    if (conn.lang === lang && conn.following === following) return;
    conn.lang = lang;
    conn.following = following;
    this.countsChanged(local);
  }

  private unpark(conn: Conn): void {
    if (!conn.parkedCode) return;
    const waiting = this.parked.get(conn.parkedCode);
    waiting?.delete(conn);
    if (waiting?.size === 0) this.parked.delete(conn.parkedCode);
    conn.parkedCode = null;
  }

  /** Joins the parked delegates whose session now exists; fails them once the grace is over. */
  private async checkParked(): Promise<void> {
    if (this.parkCheck || this.parked.size === 0) return;
    this.parkCheck = true;
    try {
      const graceOver = this.options.now() - this.startedAt >= this.options.parkMs;
      for (const [code, waiting] of [...this.parked]) {
        const local = await this.localSession(code).catch(() => null);
        if (!local && !graceOver) continue;
        this.parked.delete(code);
        for (const conn of waiting) {
          conn.parkedCode = null;
          if (conn.closed) continue;
          if (local && !local.disposed) this.attachDelegate(conn, local);
          else this.error(conn, 'bad-code');
        }
      }
    } finally {
      this.parkCheck = false;
    }
  }

  // ── sessions ───────────────────────────────────────────────────────────────────────────────

  /** This relay's copy of a session, loaded (and subscribed) on first use; null when none. */
  private async localSession(code: string): Promise<LocalSession | null> {
    for (;;) {
      const existing = this.sessions.get(code);
      if (existing && !existing.disposed) return existing;
      let pending = this.loading.get(code);
      if (!pending) {
        pending = this.loadSession(code).finally(() => this.loading.delete(code));
        this.loading.set(code, pending);
      }
      const local = await pending;
      if (!local || !local.disposed) return local;
    }
  }

  private async loadSession(code: string): Promise<LocalSession | null> {
    // Subscribe before reading, so no change falls between the read and the subscription.
    await this.bus.subscribe(code);
    const record = await this.bus.load(code).catch((error: unknown) => {
      void this.bus.unsubscribe(code);
      throw error;
    });
    if (!record) {
      await this.bus.unsubscribe(code);
      return null;
    }
    const local: LocalSession = {
      code,
      rev: record.rev,
      state: record.state,
      view: record.view,
      guides: new Set(),
      delegates: new Set(),
      disposed: false,
      remote: new Map(),
      pendingView: null,
      viewTimer: null,
      snapshotDue: false,
      viewDue: false,
      flushing: null,
      viewTokens: VIEW_BURST,
      viewTokensAt: 0,
      statsTimer: null,
      lastStatsAt: 0,
      lastStatsKey: '',
      countsTimer: null,
      lastCountsAt: 0,
    };
    this.sessions.set(code, local);
    this.metrics.sessions = this.sessions.size;
    // Nobody attached by the end of this turn (e.g. the joiner closed meanwhile): let it go.
    setImmediate(() => this.disposeIfEmpty(local));
    return local;
  }

  private attachGuide(conn: Conn, local: LocalSession): void {
    conn.role = 'guide';
    conn.code = local.code;
    local.guides.add(conn);
    this.bus.touch(local.code).catch(() => {});
  }

  /** Takes a socket out of whatever session it was in. */
  private leave(conn: Conn): void {
    this.detach(conn);
    conn.role = 'none';
    conn.code = null;
  }

  private detach(conn: Conn): void {
    const local = conn.code ? this.sessions.get(conn.code) : undefined;
    if (!local) return;
    if (local.guides.delete(conn)) {
      // The guide-less countdown to expiry starts now.
      this.bus.touch(local.code).catch(() => {});
    }
    if (local.delegates.delete(conn)) this.countsChanged(local);
    this.disposeIfEmpty(local);
  }

  private disposeIfEmpty(local: LocalSession): void {
    if (local.disposed || local.guides.size > 0 || local.delegates.size > 0) return;
    if (this.bus.shared && local.lastCountsAt > 0) this.publishCounts(local);
    this.dispose(local);
  }

  private dispose(local: LocalSession): void {
    local.disposed = true;
    for (const timer of [local.viewTimer, local.statsTimer, local.countsTimer]) if (timer) clearTimeout(timer);
    if (local.flushing) clearImmediate(local.flushing);
    if (this.sessions.get(local.code) === local) this.sessions.delete(local.code);
    this.metrics.sessions = this.sessions.size;
    this.bus.unsubscribe(local.code).catch(() => {});
  }

  /** The session is over: everyone in it hears `ended`, and this relay forgets it. */
  private endLocal(local: LocalSession): void {
    if (local.disposed) return;
    const ended = frame({ type: 'ended' });
    for (const conn of [...local.guides, ...local.delegates]) {
      this.sendFrame(conn, ended);
      conn.role = 'none';
      conn.code = null;
    }
    local.guides.clear();
    local.delegates.clear();
    this.dispose(local);
  }

  private applyState(local: LocalSession, rev: number, state: LiveState): void {
    if (rev < local.rev) return;
    if (rev === local.rev && JSON.stringify(state) === JSON.stringify(local.state)) return;
    local.rev = rev;
    local.state = state;
    local.snapshotDue = true;
    this.scheduleFlush(local);
  }

  /**
   * Sends what changed at the end of this turn of the event loop. A guide who changes stop and turns
   * the camera at once (a tour step does) sends a state and a view back to back: they leave as one
   * snapshot that carries the view, one sweep of the delegates' sockets instead of two (measured: a
   * camera update that met a snapshot sweep waited for it, ~26 ms with 1,000 delegates).
   */
  private scheduleFlush(local: LocalSession): void {
    local.flushing ??= setImmediate(() => {
      local.flushing = null;
      if (local.disposed) return;
      if (local.snapshotDue) this.broadcastSnapshot(local);
      else if (local.viewDue && local.view) this.broadcastView(local, local.view);
      local.snapshotDue = false;
      local.viewDue = false;
    });
  }

  private broadcastSnapshot(local: LocalSession): void {
    const data = frame({ type: 'snapshot', rev: local.rev, state: local.state, view: local.view });
    for (const conn of local.delegates) this.sendFrame(conn, data);
  }

  private broadcastView(local: LocalSession, view: LiveView): void {
    const data = frame({ type: 'view', view });
    let sent = 0;
    for (const conn of local.delegates) {
      if (conn.peer.bufferedAmount > this.options.slowBytes) {
        // Slow: skip this one rather than queue it; the next view (or snapshot) supersedes it.
        this.metrics.viewsSkipped += 1;
        if (conn.peer.bufferedAmount > this.options.stuckBytes) this.drop(conn, CLOSE.policy, 'too slow');
        continue;
      }
      conn.peer.send(data);
      sent += 1;
    }
    this.options.events.sent(sent);
  }

  private onBusEvent(code: string, event: BusEvent): void {
    if (event.r === this.bus.relayId) return;
    const local = this.sessions.get(code);
    if (!local || local.disposed) return;
    switch (event.t) {
      case 'snap':
        this.applyState(local, event.rev, event.state);
        return;
      case 'view':
        local.view = event.view;
        local.viewDue = true;
        this.scheduleFlush(local);
        return;
      case 'end':
        this.endLocal(local);
        return;
      case 'counts':
        local.remote.set(event.r, { counts: event.c, at: this.options.now() });
        this.sendStats(local);
        return;
    }
  }

  // ── stats ──────────────────────────────────────────────────────────────────────────────────

  private localCounts(local: LocalSession): RelayCounts {
    const counts = zeroCounts();
    for (const conn of local.delegates) {
      counts.connected += 1;
      if (conn.following) counts.following += 1;
      counts[conn.lang] += 1;
    }
    return counts;
  }

  private countsChanged(local: LocalSession): void {
    this.sendStats(local);
    if (!this.bus.shared || local.countsTimer) return;
    const wait = local.lastCountsAt + this.options.statsIntervalMs - this.options.now();
    if (wait <= 0) this.publishCounts(local);
    else local.countsTimer = setTimeout(() => this.publishCounts(local), wait);
  }

  private publishCounts(local: LocalSession): void {
    local.countsTimer = null;
    local.lastCountsAt = this.options.now();
    this.bus.publish(local.code, { t: 'counts', r: this.bus.relayId, c: this.localCounts(local) });
  }

  private stats(local: LocalSession): LiveStats {
    const total = this.localCounts(local);
    const fresh = this.options.now() - this.options.repeatMs * 3;
    for (const [relay, remote] of local.remote) {
      if (remote.at < fresh) {
        local.remote.delete(relay);
        continue;
      }
      total.connected += remote.counts.connected;
      total.following += remote.counts.following;
      total.zh += remote.counts.zh;
      total.en += remote.counts.en;
    }
    return {
      connected: total.connected,
      following: total.following,
      exploring: total.connected - total.following,
      langs: { zh: total.zh, en: total.en },
    };
  }

  /** Sends the guides the counts when they changed, at most once per `statsIntervalMs`. */
  private sendStats(local: LocalSession, now = false): void {
    if (local.guides.size === 0 || local.disposed) return;
    if (now) {
      local.lastStatsKey = '';
      if (local.statsTimer) clearTimeout(local.statsTimer);
      local.statsTimer = null;
    }
    if (local.statsTimer) return;
    const wait = now ? 0 : local.lastStatsAt + this.options.statsIntervalMs - this.options.now();
    const flush = () => {
      local.statsTimer = null;
      if (local.disposed) return;
      const stats = this.stats(local);
      const key = JSON.stringify(stats);
      if (key === local.lastStatsKey) return;
      local.lastStatsKey = key;
      local.lastStatsAt = this.options.now();
      const data = frame({ type: 'stats', stats });
      for (const conn of local.guides) this.sendFrame(conn, data);
    };
    if (wait <= 0) flush();
    else local.statsTimer = setTimeout(flush, wait);
  }

  // ── periodic work ──────────────────────────────────────────────────────────────────────────

  /** Re-sends every snapshot, keeps guided sessions alive, and notices ended or expired ones. */
  async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      this.bus.sweep();
      this.joinLimiter.sweep();
      this.startLimiter.sweep();
      for (const local of [...this.sessions.values()]) {
        if (local.disposed) continue;
        if (local.guides.size > 0) await this.bus.touch(local.code).catch(() => {});
        const record = await this.bus.load(local.code).catch(() => undefined);
        if (record === undefined || local.disposed) continue;
        if (record === null) {
          this.endLocal(local);
          continue;
        }
        if (record.state && record.rev >= local.rev) this.applyState(local, record.rev, record.state);
        if (!local.view && record.view) local.view = record.view;
        // The repeat that heals a lost frame; delegates ignore a revision they already have.
        this.broadcastSnapshot(local);
        if (this.bus.shared && local.delegates.size > 0) this.publishCounts(local);
        this.sendStats(local);
      }
    } finally {
      this.ticking = false;
    }
  }

  /**
   * Closes every socket, by default with 1012 (service restart), so clients reconnect, and stops
   * the timers. A process leaving for good behind a load balancer says 1001 (going away).
   */
  shutdown(code: number = CLOSE.restart, reason = 'restart'): void {
    for (const timer of this.timers) clearInterval(timer);
    for (const conn of [...this.conns]) {
      conn.peer.close(code, reason);
      this.closed(conn);
    }
    for (const local of [...this.sessions.values()]) this.dispose(local);
  }

  // ── sending ────────────────────────────────────────────────────────────────────────────────

  private send(conn: Conn, message: RelayMessage): void {
    this.sendFrame(conn, frame(message));
  }

  private sendFrame(conn: Conn, data: Buffer): void {
    if (conn.closed) return;
    if (conn.peer.bufferedAmount > this.options.stuckBytes) {
      this.drop(conn, CLOSE.policy, 'too slow');
      return;
    }
    conn.peer.send(data);
    this.options.events.sent(1);
  }

  private error(conn: Conn, code: LiveErrorCode): void {
    this.options.events.refused(code, conn.peer.address);
    this.send(conn, { type: 'error', code });
  }

  /** Answers with an error, then closes. */
  private reject(conn: Conn, code: LiveErrorCode, closeCode: number): void {
    this.error(conn, code);
    conn.peer.close(closeCode, code);
    this.closed(conn);
  }

  private drop(conn: Conn, closeCode: number, reason: string): void {
    this.metrics.dropped += 1;
    this.options.events.dropped(reason, conn.peer.address);
    if (closeCode === CLOSE.policy && reason === 'too slow') conn.peer.terminate();
    else conn.peer.close(closeCode, reason);
    this.closed(conn);
  }
}

type WithoutVersion<T> = T extends unknown ? Omit<T, 'v'> : never;
type RelayMessage = WithoutVersion<ServerMessage>;

/** Encodes once, so a broadcast costs one JSON.stringify however many delegates there are. */
const frame = (message: RelayMessage): Buffer => Buffer.from(encode(message));

export function randomCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i += 1) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}
