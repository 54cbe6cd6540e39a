/**
 * A session as one relay holds it — a cache of its record (revision, state, view) and the sockets
 * of its guides and delegates on this relay — and the fan-out to them: discrete changes as full
 * snapshots (to delegates, and to guides as the relay's word on what delegates see), camera turns
 * as camera updates, skipped for a delegate whose socket is backed up.
 */
import type { LiveState, LiveStats, LiveView, ReactionCounts } from '../src/live/protocol';
import type { RelayCounts, SessionRecord } from './backplane';
import { CameraShaper } from './cameraShaper';
import type { ClassEvent, Logged } from './classEvents';
import { ClassLimits } from './classLimits';
import { ClassSession } from './classSession';
import { frame, type Conn } from './relayConn';
import { SessionStats } from './sessionStats';

/** What a session needs of its relay. */
export interface SessionHost {
  readonly slowBytes: number;
  readonly stuckBytes: number;
  readonly statsIntervalMs: number;
  readonly repeatMs: number;
  readonly shared: boolean;
  now(): number;
  /** Sends a frame unless the socket is stuck (then drops it). */
  sendFrame(conn: Conn, data: Buffer): void;
  /** Frames written to sockets outside sendFrame (camera updates), for the message count. */
  sentFrames(count: number): void;
  /** A delegate's socket is too backed up for camera updates. */
  skippedView(conn: Conn): void;
  /** A camera turn left the shaper: store it for late joiners and other relays. */
  storeView(code: string, view: LiveView): void;
  publishCounts(code: string, counts: RelayCounts): void;
  /** This relay's id on the backplane (its sockets' keys in class logs begin with it). */
  readonly relayId: string;
  append(code: string, event: ClassEvent): Promise<number | null>;
  readLog(code: string, from: number): Promise<Logged[]>;
  publishReactions(code: string, counts: ReactionCounts): void;
  /** Tells a removed delegate's socket so, and closes it. */
  kick(conn: Conn): void;
}

export class RelaySession {
  rev: number;
  state: LiveState | null;
  /** The guide token's hash, to file the session's report under. */
  readonly tokenHash: string;
  view: LiveView | null;
  readonly guides = new Set<Conn>();
  readonly delegates = new Set<Conn>();
  disposed = false;
  readonly camera: CameraShaper;
  readonly stats: SessionStats;
  /** Polls, hands, questions, reactions, the roster: the class layer (classSession.ts). */
  readonly class: ClassSession;
  readonly limits: ClassLimits;
  /** What the next flush sends: a snapshot (which carries the view too), or a camera update alone. */
  private snapshotDue = false;
  private viewDue = false;
  private flushing: NodeJS.Immediate | null = null;

  constructor(
    readonly code: string,
    record: SessionRecord,
    private readonly host: SessionHost,
  ) {
    this.rev = record.rev;
    this.tokenHash = record.tokenHash;
    this.state = record.state;
    this.view = record.view;
    this.camera = new CameraShaper((view) => {
      this.setView(view);
      host.storeView(code, view);
    }, () => host.now());
    this.stats = new SessionStats(
      {
        delegates: this.delegates,
        guides: this.guides,
        isDisposed: () => this.disposed,
        tellGuides: (stats: LiveStats) => {
          const data = frame({ type: 'stats', stats });
          for (const conn of this.guides) host.sendFrame(conn, data);
        },
        publish: (counts) => host.publishCounts(code, counts),
      },
      { intervalMs: host.statsIntervalMs, staleMs: host.repeatMs * 3, shared: host.shared, now: () => host.now() },
    );
    this.limits = new ClassLimits(() => host.now());
    this.class = new ClassSession({
      guides: this.guides,
      delegates: this.delegates,
      now: () => host.now(),
      append: (event) => host.append(code, event),
      readLog: (from) => host.readLog(code, from),
      publishReactions: (counts) => host.publishReactions(code, counts),
      relayAlive: (relay) => relay === host.relayId || this.stats.hearsFrom(relay),
      sendFrame: (conn, data) => host.sendFrame(conn, data),
      kick: (conn) => host.kick(conn),
    });
  }

  get empty(): boolean {
    return this.guides.size === 0 && this.delegates.size === 0;
  }

  snapshotFrame(): Buffer {
    return frame({ type: 'snapshot', rev: this.rev, state: this.state, view: this.view });
  }

  /**
   * A change at `rev` (from a guide here, another relay, or the record): applied when newer, or
   * when the same revision carries another state. `view` undefined keeps the view.
   */
  apply(rev: number, state: LiveState, view: LiveView | null | undefined): void {
    if (rev < this.rev) return;
    const sameView = view === undefined || JSON.stringify(view) === JSON.stringify(this.view);
    if (rev === this.rev && sameView && JSON.stringify(state) === JSON.stringify(this.state)) return;
    this.rev = rev;
    this.state = state;
    if (view !== undefined) this.view = view;
    this.snapshotDue = true;
    this.scheduleFlush();
  }

  /** A camera turn to send (after shaping, or from another relay). */
  setView(view: LiveView): void {
    this.view = view;
    this.viewDue = true;
    this.scheduleFlush();
  }

  /**
   * Sends what changed at the end of this turn of the event loop. A guide who changes stop and turns
   * the camera at once (a tour step does) sends a state and a view back to back: they leave as one
   * snapshot that carries the view, one sweep of the delegates' sockets instead of two (measured: a
   * camera update that met a snapshot sweep waited for it, ~26 ms with 1,000 delegates).
   */
  private scheduleFlush(): void {
    this.flushing ??= setImmediate(() => {
      this.flushing = null;
      if (this.disposed) return;
      if (this.snapshotDue) this.broadcastSnapshot(true);
      else if (this.viewDue && this.view) this.broadcastView(this.view);
      this.snapshotDue = false;
      this.viewDue = false;
    });
  }

  /** The snapshot to every delegate, and to the guides too unless it is a mere repeat. */
  broadcastSnapshot(toGuides: boolean): void {
    const data = this.snapshotFrame();
    for (const conn of this.delegates) this.host.sendFrame(conn, data);
    if (toGuides) for (const conn of this.guides) this.host.sendFrame(conn, data);
  }

  private broadcastView(view: LiveView): void {
    const data = frame({ type: 'view', view });
    let sent = 0;
    for (const conn of this.delegates) {
      if (conn.peer.bufferedAmount > this.host.slowBytes) {
        // Slow: skip this one rather than queue it; the next view (or snapshot) supersedes it.
        this.host.skippedView(conn);
        continue;
      }
      conn.peer.send(data);
      sent += 1;
    }
    this.host.sentFrames(sent);
  }

  dispose(): void {
    this.disposed = true;
    this.camera.stop();
    this.stats.stop();
    this.class.stop();
    if (this.flushing) clearImmediate(this.flushing);
    this.flushing = null;
  }
}
