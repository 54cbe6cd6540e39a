/**
 * The live relay: sessions, guide authority, delegates and their limits. Transport-free (a socket
 * is a `Peer`, relayConn.ts); durable session data, cross-relay fan-out and the guess limit go
 * through a `Backplane` (in memory, or Redis). A session's fan-out, camera shaping and stats are
 * relaySession.ts, cameraShaper.ts and sessionStats.ts.
 *
 * Revisions belong to the relay: a guide's change is stored at the session's next revision (or at
 * the guide's own count when that is higher), so a guide who reloads, reconnects or moves to another
 * device and counts from 0 again is never "stale"; every guide socket gets the resulting snapshot.
 */
import { randomInt } from 'node:crypto';
import type { Lang } from '../src/content/limits';
import { checkDisplayName } from '../src/live/displayName';
import {
  CODE_ALPHABET,
  CODE_LENGTH,
  MAX_FRAME_BYTES,
  PROTOCOL_VERSION,
  type ClientMessage,
  type LiveErrorCode,
  type LiveState,
  type LiveStopRef,
  type LiveView,
  type Reaction,
} from '../src/live/protocol';
import { checkQuestionText } from '../src/live/questionText';
import { clientMessage } from '../src/live/schemas';
import type { ClassEvent } from './classEvents';
import type { LimitedAction } from './classLimits';
import { ClassState } from './classState';
import { REPORT_TTL_MS, type ReportStore } from './reports';
import { buildReport, type SessionReport } from './sessionReport';
import type { Backplane, BusEvent } from './backplane';
import { TokenBucket, WindowCounter } from './limits';
import { CLOSE, Conn, frame, type Peer, type RelayMessage } from './relayConn';
import { RelaySession, type SessionHost } from './relaySession';
import { noRelayEvents, type RelayEvents } from './observability/relayEvents';
import { delegateIdOf, hashToken, issueToken, tokenMatches, verifyToken } from './token';

export interface RelayOptions {
  /** The latest snapshot is re-sent this often, and sessions are checked against the backplane. */
  repeatMs: number;
  /**
   * Distinct unknown codes an address may try per `joinWindowMs` (the backplane counts them, across
   * relays with Redis). Sized for a school or a carrier behind one address: 50 per 10 minutes.
   * A delegate who has joined rejoins with its pass and is never counted.
   */
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
   * A delegate with a pass waits for as long as its session may live, whenever it comes.
   */
  parkMs: number;
  /** A guide's token (and a delegate's pass) is good this long after it was issued. */
  tokenMaxAgeMs: number;
  /** A socket that has not said who it is (start, resume, join) this long after opening is closed. */
  helloMs: number;
  /** Sockets besides guides' (delegates, and those not yet greeted); beyond it joins are `busy`. */
  maxDelegates: number;
  now: () => number;
  /** Where refusals, drops and message counts go (logs and metrics); nowhere by default. */
  events: RelayEvents;
  /** Where a session's report is kept when it ends (and when its guide asks); nowhere by default. */
  reports: ReportStore | null;
}

export const defaultRelayOptions: RelayOptions = {
  repeatMs: 5_000,
  joinCodes: 50,
  joinWindowMs: 10 * 60_000,
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
  helloMs: 5_000,
  maxDelegates: Number.POSITIVE_INFINITY,
  now: Date.now,
  events: noRelayEvents,
  reports: null,
};

/** Relay-wide numbers, for the benchmark and for tests. */
export interface RelayMetrics {
  connections: number;
  sessions: number;
  badMessages: number;
  floods: number;
  viewsSkipped: number;
  dropped: number;
  /** Sockets closed for not saying who they are in time. */
  silent: number;
}

/** How often parked delegates are checked for their session. */
const PARK_CHECK_MS = 500;

export class Relay {
  readonly options: RelayOptions;
  private readonly sessions = new Map<string, RelaySession>();
  private readonly loading = new Map<string, Promise<RelaySession | null>>();
  private readonly parked = new Map<string, Set<Conn>>();
  private readonly conns = new Set<Conn>();
  private readonly guideConns = new Set<Conn>();
  private readonly startLimiter: WindowCounter;
  private readonly startedAt: number;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly host: SessionHost;
  private ticking = false;
  private parkCheck = false;
  /** Sockets opened here, for their keys in class logs. */
  private socketCount = 0;
  readonly metrics: RelayMetrics = { connections: 0, sessions: 0, badMessages: 0, floods: 0, viewsSkipped: 0, dropped: 0, silent: 0 };

  constructor(
    private readonly bus: Backplane,
    private readonly secret: Buffer,
    options: Partial<RelayOptions> = {},
  ) {
    this.options = { ...defaultRelayOptions, ...options };
    const o = this.options;
    this.startedAt = o.now();
    this.startLimiter = new WindowCounter(o.startsPerWindow, o.startWindowMs, o.now);
    this.host = {
      slowBytes: o.slowBytes,
      stuckBytes: o.stuckBytes,
      statsIntervalMs: o.statsIntervalMs,
      repeatMs: o.repeatMs,
      shared: bus.shared,
      now: o.now,
      sendFrame: (conn, data) => this.sendFrame(conn, data),
      sentFrames: (count) => this.options.events.sent(count),
      skippedView: (conn) => {
        this.metrics.viewsSkipped += 1;
        if (conn.peer.bufferedAmount > o.stuckBytes) this.drop(conn, CLOSE.policy, 'too slow');
      },
      storeView: (code, view) => void this.bus.saveView(code, view).catch(() => {}),
      publishCounts: (code, counts) => this.bus.publish(code, { t: 'counts', r: this.bus.relayId, c: counts }),
      relayId: bus.relayId,
      append: (code, event) => this.bus.append(code, event),
      readLog: (code, from) => this.bus.readLog(code, from),
      publishReactions: (code, counts) => this.bus.publish(code, { t: 'react', r: this.bus.relayId, c: counts }),
      kick: (conn) => this.kick(conn),
    };
    bus.onEvent = (code, event) => this.onBusEvent(code, event);
    this.timers.push(setInterval(() => void this.tick(), o.repeatMs));
    this.timers.push(setInterval(() => void this.checkParked(), Math.min(PARK_CHECK_MS, o.repeatMs)));
    this.timers.push(setInterval(() => this.closeSilent(), Math.max(50, Math.min(1000, o.helloMs / 4))));
    for (const timer of this.timers) timer.unref();
  }

  // ── connections ────────────────────────────────────────────────────────────────────────────

  open(peer: Peer): Conn {
    const conn = new Conn(peer, new TokenBucket(this.options.floodBurst, this.options.floodPerSecond, this.options.now), this.options.now());
    this.socketCount += 1;
    conn.key = `${this.bus.relayId}:${this.socketCount}`;
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
    if (message.type === 'start' || message.type === 'resume' || message.type === 'join') conn.greeted = true;
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

  /** Closes the sockets that have not said who they are within `helloMs`. */
  private closeSilent(): void {
    const before = this.options.now() - this.options.helloMs;
    for (const conn of this.conns) {
      if (conn.greeted || conn.openedAt > before) continue;
      this.metrics.silent += 1;
      conn.peer.close(CLOSE.policy, 'no hello');
      this.closed(conn);
    }
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
        return this.resume(conn, message.code, message.token, message.rev);
      case 'state':
        return this.state(conn, message.rev, message.state, message.view);
      case 'view':
        return this.view(conn, message.view);
      case 'end':
        return this.end(conn);
      case 'join':
        return this.join(conn, message.code, message.lang, message.following, message.pass, message.name);
      case 'status':
        return this.status(conn, message.lang, message.following, message.at);
      case 'poll-open': {
        const { source, options, multiple, correct } = message;
        return this.guideCommit(conn, { k: 'poll', draft: { source, options, multiple, correct: correct ?? [] }, t: this.options.now() });
      }
      case 'poll-close':
        return this.guideCommit(conn, { k: 'close', p: message.poll, t: this.options.now() });
      case 'poll-reveal':
        return this.guideCommit(conn, { k: 'reveal', p: message.poll, t: this.options.now() });
      case 'hand-lower':
        return this.guideCommit(conn, { k: 'lower', d: message.delegate ?? null, t: this.options.now() });
      case 'question-mark':
        return this.guideCommit(conn, { k: 'mark', q: message.question, s: message.status, t: this.options.now() });
      case 'remove':
        return this.guideCommit(conn, { k: 'remove', d: message.delegate, t: this.options.now() });
      case 'bring-back':
        return this.guideCommit(conn, { k: 'back', t: this.options.now() });
      case 'answer':
        return this.answer(conn, message.poll, message.choices);
      case 'hand':
        return this.delegateCommit(conn, 'hand', (d) => ({ k: 'hand', d, up: message.raised, t: this.options.now() }));
      case 'react':
        return this.react(conn, message.reaction);
      case 'ask':
        return this.ask(conn, message.text);
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
      local.class.welcomeGuide(conn);
      local.stats.send(true);
      return;
    }
    throw new Error('no free session code');
  }

  private async resume(conn: Conn, code: string, token: string, rev: number | undefined): Promise<void> {
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
      // At the guide's last revision, so delegates who kept theirs take what follows.
      recreated = await this.bus.create(code, hashToken(token), rev ?? 0);
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
    this.sendFrame(conn, local.snapshotFrame());
    local.class.welcomeGuide(conn);
    local.stats.send(true);
    if (recreated) void this.checkParked();
  }

  /** The session this socket may drive, or null after answering `forbidden`. */
  private guided(conn: Conn): RelaySession | null {
    const local = conn.role === 'guide' && conn.code ? this.sessions.get(conn.code) : undefined;
    if (local && local.guides.has(conn)) return local;
    this.error(conn, 'forbidden');
    return null;
  }

  private async state(conn: Conn, rev: number, state: LiveState, view: LiveView | null | undefined): Promise<void> {
    const local = this.guided(conn);
    if (!local) return;
    // A camera turn still waiting belongs to the place before; the change brings its own view.
    if (view !== undefined) local.camera.cancel();
    const saved = await this.bus.saveState(local.code, rev, state, view);
    if (!saved) {
      this.endLocal(local);
      return;
    }
    if (!saved.changed) {
      // Nothing new (a guide re-sending after a reconnect): tell it where the session is.
      this.sendFrame(conn, local.snapshotFrame());
      return;
    }
    local.apply(saved.rev, state, saved.view);
    // Where the group is, for the report's stops visited together.
    const at = state.place.page === 'stop' ? { campusId: state.place.campusId, stopId: state.place.stopId } : null;
    const last = local.class.state.visits.at(-1);
    if (!last || JSON.stringify(last.at) !== JSON.stringify(at)) await local.class.commit({ k: 'place', at, t: this.options.now() });
  }

  private async view(conn: Conn, view: LiveView): Promise<void> {
    const local = this.guided(conn);
    if (local) local.camera.offer(view);
  }

  private async end(conn: Conn): Promise<void> {
    const local = this.guided(conn);
    if (!local) return;
    // The report first: the log goes with the session.
    await this.keepReport(local).catch((error: unknown) => this.options.events.failed(error));
    await this.bus.end(local.code);
    this.endLocal(local);
  }

  /** Makes the session's report from all of its log, and keeps it (when there is a store). */
  private async keepReport(local: RelaySession): Promise<void> {
    const reports = this.options.reports;
    if (!reports) return;
    await local.class.catchUp();
    const now = this.options.now();
    const report = buildReport(local.class.state, { code: local.code, madeAt: now, ended: true });
    await reports.save({ code: local.code, tokenHash: local.tokenHash, createdAt: now, expiresAt: now + REPORT_TTL_MS, report });
  }

  /**
   * A live session's report as it stands, for the holder of its token (and kept, so the guide's
   * list has it); null when there is no such session, 'forbidden' for another token.
   */
  async liveReport(code: string, token: string): Promise<SessionReport | 'forbidden' | null> {
    const record = await this.bus.load(code);
    if (!record) return null;
    if (!tokenMatches(token, record.tokenHash)) return 'forbidden';
    const state = new ClassState();
    for (const entry of await this.bus.readLog(code, 1)) state.offer(entry);
    const now = this.options.now();
    const report = buildReport(state, { code, madeAt: now, ended: false });
    await this.options.reports?.save({ code, tokenHash: record.tokenHash, createdAt: now, expiresAt: now + REPORT_TTL_MS, report });
    return report;
  }

  // ── delegates ──────────────────────────────────────────────────────────────────────────────

  private async join(conn: Conn, code: string, lang: Lang, following: boolean, pass: string | undefined, rawName: string | null | undefined): Promise<void> {
    const address = conn.peer.address;
    // Absent: the roster keeps the name it has; null: none ("Delegate n").
    let name: string | null | undefined = rawName === null ? null : undefined;
    if (typeof rawName === 'string') {
      const checked = checkDisplayName(rawName);
      if (!checked.ok) {
        this.error(conn, 'bad-name');
        return;
      }
      name = checked.name;
    }
    // A delegate who joined before comes back with its pass: no guess, never limited.
    const known = pass !== undefined && verifyToken(this.secret, code, pass, this.options.tokenMaxAgeMs, this.options.now(), 'delegate');
    if (!known) {
      const wait = await this.bus.guessWait(address);
      if (wait > 0) {
        this.error(conn, 'rate-limited', wait);
        return;
      }
    }
    this.leave(conn);
    this.unpark(conn);
    if (this.conns.size - this.guideConns.size > this.options.maxDelegates) {
      this.error(conn, 'busy', 5_000);
      conn.peer.close(CLOSE.tryLater, 'busy');
      this.closed(conn);
      return;
    }
    conn.lang = lang;
    conn.following = following;
    conn.name = name;
    // A pass that still holds is kept: the delegate stays the same person (answers, hand, roster).
    conn.pass = known ? pass : null;
    const local = await this.localSession(code);
    if (conn.closed) return;
    if (local) {
      this.attachDelegate(conn, local);
      return;
    }
    if (known) {
      if (await this.bus.wasEnded(code)) this.send(conn, { type: 'ended' });
      else {
        // Its guide is away (or this relay restarted): wait for them, as long as the session may live.
        this.park(conn, code, this.options.now() + this.options.tokenMaxAgeMs);
        this.send(conn, { type: 'waiting', code });
      }
      return;
    }
    await this.bus.guessMiss(address, code);
    if (conn.closed) return;
    if (this.options.now() - this.startedAt < this.options.parkMs && !(await this.bus.wasEnded(code))) {
      this.park(conn, code, this.startedAt + this.options.parkMs);
    } else {
      this.error(conn, 'bad-code');
    }
  }

  private attachDelegate(conn: Conn, local: RelaySession): void {
    const pass = conn.pass ?? issueToken(this.secret, local.code, this.options.now(), 'delegate');
    const id = delegateIdOf(pass);
    if (local.class.isRemoved(id)) {
      this.kick(conn);
      return;
    }
    conn.pass = pass;
    conn.delegateId = id;
    conn.role = 'delegate';
    conn.code = local.code;
    local.delegates.add(conn);
    local.class.addSocket(conn);
    this.send(conn, { type: 'joined', code: local.code, pass });
    this.sendFrame(conn, local.snapshotFrame());
    local.stats.changed();
    const joinEvent: ClassEvent = { k: 'join', d: id, lang: conn.lang, f: conn.following, at: conn.following ? null : conn.at, c: conn.key, t: this.options.now() };
    if (conn.name !== undefined) joinEvent.name = conn.name;
    // On the roster once stored; then its screen gets the poll on (and its answer, its hand).
    void local.class
      .commit(joinEvent)
      .then(() => {
        if (conn.closed || conn.code !== local.code) return;
        if (local.class.isRemoved(id)) this.kick(conn);
        else local.class.welcomeDelegate(conn);
      })
      .catch((error: unknown) => this.options.events.failed(error));
  }

  /** A removed delegate's socket: told, and closed; its pass joins this session no more. */
  private kick(conn: Conn): void {
    if (conn.closed) return;
    this.send(conn, { type: 'removed' });
    conn.peer.close(CLOSE.policy, 'removed');
    this.closed(conn);
  }

  private async status(conn: Conn, lang: Lang, following: boolean, at: LiveStopRef | null | undefined): Promise<void> {
    const local = conn.role === 'delegate' && conn.code ? this.sessions.get(conn.code) : undefined;
    if (!local || !local.delegates.has(conn)) {
      // Waiting for the guide: remember it for when the session is back.
      if (conn.parkedCode) {
        conn.lang = lang;
        conn.following = following;
        if (at !== undefined) conn.at = at;
        return;
      }
      this.error(conn, 'forbidden');
      return;
    }
    const where = following ? null : at === undefined ? conn.at : at;
    if (conn.lang === lang && conn.following === following && JSON.stringify(conn.at) === JSON.stringify(where)) return;
    const counts = conn.lang !== lang || conn.following !== following;
    conn.lang = lang;
    conn.following = following;
    conn.at = where;
    if (counts) local.stats.changed();
    if (conn.delegateId) await local.class.commit({ k: 'status', d: conn.delegateId, lang, f: following, at: where, t: this.options.now() });
  }

  // ── the class ──────────────────────────────────────────────────────────────────────────────

  /** A guide's class action, stored in the session's log (everyone concerned hears it from there). */
  private async guideCommit(conn: Conn, event: ClassEvent): Promise<void> {
    const local = this.guided(conn);
    if (local) await local.class.commit(event);
  }

  /** The session of a joined delegate and its id, or null after answering `forbidden` (or `rate-limited`). */
  private delegateIn(conn: Conn, action: LimitedAction): { local: RelaySession; id: string } | null {
    const local = conn.role === 'delegate' && conn.code ? this.sessions.get(conn.code) : undefined;
    if (!local || !local.delegates.has(conn) || !conn.delegateId) {
      this.error(conn, 'forbidden');
      return null;
    }
    const wait = local.limits.take(conn.delegateId, action);
    if (wait > 0) {
      this.error(conn, 'rate-limited', wait);
      return null;
    }
    return { local, id: conn.delegateId };
  }

  private async delegateCommit(conn: Conn, action: LimitedAction, event: (id: string) => ClassEvent): Promise<void> {
    const found = this.delegateIn(conn, action);
    if (found) await found.local.class.commit(event(found.id));
  }

  /** Stores the answer (Redis or memory), then tells the delegate what was recorded — never before. */
  private async answer(conn: Conn, poll: number, choices: number[]): Promise<void> {
    const found = this.delegateIn(conn, 'answer');
    if (!found) return;
    if (found.local.class.state.polls.check(poll, choices)) {
      this.error(conn, 'poll-closed');
      return;
    }
    const outcome = await found.local.class.answer({ k: 'answer', d: found.id, p: poll, ch: choices, lang: conn.lang, t: this.options.now() });
    if (!outcome) return;
    if (outcome.refusal) this.error(conn, 'poll-closed');
    else this.send(conn, { type: 'answered', poll, choices: outcome.choices });
  }

  private async react(conn: Conn, reaction: Reaction): Promise<void> {
    const found = this.delegateIn(conn, 'react');
    if (found) found.local.class.reactions.add(reaction);
  }

  private async ask(conn: Conn, raw: string): Promise<void> {
    const checked = checkQuestionText(raw);
    if (!checked.ok) {
      this.error(conn, 'bad-question');
      return;
    }
    await this.delegateCommit(conn, 'ask', (d) => ({ k: 'ask', d, q: checked.text, t: this.options.now() }));
  }

  private park(conn: Conn, code: string, until: number): void {
    conn.parkedCode = code;
    conn.parkedUntil = until;
    const waiting = this.parked.get(code) ?? new Set<Conn>();
    waiting.add(conn);
    this.parked.set(code, waiting);
  }

  private unpark(conn: Conn): void {
    if (!conn.parkedCode) return;
    const waiting = this.parked.get(conn.parkedCode);
    waiting?.delete(conn);
    if (waiting?.size === 0) this.parked.delete(conn.parkedCode);
    conn.parkedCode = null;
  }

  /** Joins the parked delegates whose session is back; tells them when it ended or their wait is over. */
  private async checkParked(): Promise<void> {
    if (this.parkCheck || this.parked.size === 0) return;
    this.parkCheck = true;
    try {
      for (const [code, waiting] of [...this.parked]) {
        // A read of the record first: subscribing for every parked code on every check would churn.
        const exists = this.sessions.has(code) || (await this.bus.load(code).catch(() => null)) !== null;
        const local = exists ? await this.localSession(code).catch(() => null) : null;
        const ended = !local && (await this.bus.wasEnded(code).catch(() => false));
        const now = this.options.now();
        for (const conn of [...waiting]) {
          if (conn.closed) {
            this.unpark(conn);
            continue;
          }
          if (local && !local.disposed) {
            this.unpark(conn);
            this.attachDelegate(conn, local);
          } else if (ended || conn.parkedUntil <= now) {
            this.unpark(conn);
            this.error(conn, 'bad-code');
          }
        }
      }
    } finally {
      this.parkCheck = false;
    }
  }

  // ── sessions ───────────────────────────────────────────────────────────────────────────────

  /** This relay's copy of a session, loaded (and subscribed) on first use; null when none. */
  private async localSession(code: string): Promise<RelaySession | null> {
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

  private async loadSession(code: string): Promise<RelaySession | null> {
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
    const local = new RelaySession(code, record, this.host);
    try {
      await local.class.catchUp();
    } catch (error) {
      local.dispose();
      void this.bus.unsubscribe(code);
      throw error;
    }
    this.sessions.set(code, local);
    this.metrics.sessions = this.sessions.size;
    // Nobody attached by the end of this turn (e.g. the joiner closed meanwhile): let it go.
    setImmediate(() => this.disposeIfEmpty(local));
    return local;
  }

  private attachGuide(conn: Conn, local: RelaySession): void {
    conn.role = 'guide';
    conn.code = local.code;
    local.guides.add(conn);
    this.guideConns.add(conn);
    this.bus.touch(local.code).catch(() => {});
  }

  /** Takes a socket out of whatever session it was in. */
  private leave(conn: Conn): void {
    this.detach(conn);
    conn.role = 'none';
    conn.code = null;
  }

  private detach(conn: Conn): void {
    this.guideConns.delete(conn);
    const local = conn.code ? this.sessions.get(conn.code) : undefined;
    if (!local) return;
    if (local.guides.delete(conn)) {
      // The guide-less countdown to expiry starts now.
      this.bus.touch(local.code).catch(() => {});
    }
    if (local.delegates.delete(conn)) {
      local.stats.changed();
      local.class.removeSocket(conn);
      if (conn.delegateId) void local.class.commit({ k: 'leave', d: conn.delegateId, c: conn.key, t: this.options.now() }).catch(() => {});
    }
    this.disposeIfEmpty(local);
  }

  private disposeIfEmpty(local: RelaySession): void {
    if (local.disposed || !local.empty) return;
    if (this.bus.shared && local.stats.published) local.stats.publish();
    this.dispose(local);
  }

  private dispose(local: RelaySession): void {
    local.dispose();
    if (this.sessions.get(local.code) === local) this.sessions.delete(local.code);
    this.metrics.sessions = this.sessions.size;
    this.bus.unsubscribe(local.code).catch(() => {});
  }

  /** The session is over: everyone in it hears `ended`, and this relay forgets it. */
  private endLocal(local: RelaySession): void {
    if (local.disposed) return;
    const ended = frame({ type: 'ended' });
    for (const conn of [...local.guides, ...local.delegates]) {
      this.sendFrame(conn, ended);
      this.guideConns.delete(conn);
      conn.role = 'none';
      conn.code = null;
    }
    local.guides.clear();
    local.delegates.clear();
    this.dispose(local);
  }

  private onBusEvent(code: string, event: BusEvent): void {
    if (event.r === this.bus.relayId) return;
    const local = this.sessions.get(code);
    if (!local || local.disposed) return;
    switch (event.t) {
      case 'snap':
        local.apply(event.rev, event.state, event.view);
        return;
      case 'view':
        local.setView(event.view);
        return;
      case 'end':
        this.endLocal(local);
        return;
      case 'counts':
        local.stats.heard(event.r, event.c);
        return;
      case 'log':
        local.class.heard({ n: event.n, e: event.e });
        return;
      case 'react':
        local.class.reactions.heardFrom(event.c);
        return;
    }
  }

  // ── periodic work ──────────────────────────────────────────────────────────────────────────

  /** Re-sends every snapshot, keeps guided sessions alive, and notices ended or expired ones. */
  async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      this.bus.sweep();
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
        if (record.state && record.rev > local.rev) local.apply(record.rev, record.state, record.view);
        if (!local.view && record.view) local.view = record.view;
        // The repeat that heals a lost frame; delegates ignore a revision they already have.
        local.broadcastSnapshot(false);
        if (this.bus.shared && local.delegates.size > 0) local.stats.publish();
        local.stats.send();
        // Heals a log entry lost on the bus; turns the delegates of a relay gone quiet dropped.
        await local.class.catchUp().catch(() => {});
        local.class.checkRelays();
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

  /** Answers with an error (and, for a limit, when to try again); every refusal is observed. */
  private error(conn: Conn, code: LiveErrorCode, retryMs?: number): void {
    this.options.events.refused(code, conn.peer.address);
    this.send(conn, retryMs === undefined ? { type: 'error', code } : { type: 'error', code, retryMs });
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

export function randomCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i += 1) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}
