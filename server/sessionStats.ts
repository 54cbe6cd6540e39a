/**
 * Who follows a session, for its guide: this relay's delegates plus the counts other relays
 * publish. Guides hear the totals when they change, at most once per `intervalMs`; with Redis this
 * relay publishes its own counts as often, and on every repeat.
 */
import type { LiveStats } from '../src/live/protocol';
import type { RelayCounts } from './backplane';
import type { Conn } from './relayConn';

export const zeroCounts = (): RelayCounts => ({ connected: 0, following: 0, zh: 0, en: 0 });

export interface StatsHost {
  readonly delegates: ReadonlySet<Conn>;
  readonly guides: ReadonlySet<Conn>;
  isDisposed(): boolean;
  /** Sends the guides a stats message. */
  tellGuides(stats: LiveStats): void;
  /** Publishes this relay's counts to the other relays (only when the backplane is shared). */
  publish(counts: RelayCounts): void;
}

export class SessionStats {
  private readonly remote = new Map<string, { counts: RelayCounts; at: number }>();
  private timer: NodeJS.Timeout | null = null;
  private lastAt = 0;
  private lastKey = '';
  private countsTimer: NodeJS.Timeout | null = null;
  private lastCountsAt = 0;

  constructor(
    private readonly host: StatsHost,
    private readonly options: { intervalMs: number; staleMs: number; shared: boolean; now: () => number },
  ) {}

  local(): RelayCounts {
    const counts = zeroCounts();
    for (const conn of this.host.delegates) {
      counts.connected += 1;
      if (conn.following) counts.following += 1;
      counts[conn.lang] += 1;
    }
    return counts;
  }

  /** Another relay's counts arrived. */
  heard(relay: string, counts: RelayCounts): void {
    this.remote.set(relay, { counts, at: this.options.now() });
    this.send();
  }

  /** Whether another relay published its counts lately (it still holds its delegates' sockets). */
  hearsFrom(relay: string): boolean {
    const remote = this.remote.get(relay);
    return remote !== undefined && remote.at >= this.options.now() - this.options.staleMs;
  }

  /** A delegate came, went, or changed: tell the guides, and the other relays. */
  changed(): void {
    this.send();
    if (!this.options.shared || this.countsTimer) return;
    const wait = this.lastCountsAt + this.options.intervalMs - this.options.now();
    if (wait <= 0) this.publish();
    else this.countsTimer = setTimeout(() => this.publish(), wait);
  }

  publish(): void {
    this.countsTimer = null;
    this.lastCountsAt = this.options.now();
    this.host.publish(this.local());
  }

  /** Whether this relay ever published counts (it then publishes its zeros when it lets the session go). */
  get published(): boolean {
    return this.lastCountsAt > 0;
  }

  totals(): LiveStats {
    const total = this.local();
    const fresh = this.options.now() - this.options.staleMs;
    for (const [relay, remote] of this.remote) {
      if (remote.at < fresh) {
        this.remote.delete(relay);
        continue;
      }
      total.connected += remote.counts.connected;
      total.following += remote.counts.following;
      total.zh += remote.counts.zh;
      total.en += remote.counts.en;
    }
    return { connected: total.connected, following: total.following, exploring: total.connected - total.following, langs: { zh: total.zh, en: total.en } };
  }

  /** Sends the guides the counts when they changed, at most once per interval; `now` sends at once, even unchanged. */
  send(now = false): void {
    if (this.host.guides.size === 0 || this.host.isDisposed()) return;
    if (now) {
      this.lastKey = '';
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.timer) return;
    const wait = now ? 0 : this.lastAt + this.options.intervalMs - this.options.now();
    const flush = () => {
      this.timer = null;
      if (this.host.isDisposed()) return;
      const stats = this.totals();
      const key = JSON.stringify(stats);
      if (key === this.lastKey) return;
      this.lastKey = key;
      this.lastAt = this.options.now();
      this.host.tellGuides(stats);
    };
    if (wait <= 0) flush();
    else this.timer = setTimeout(flush, wait);
  }

  stop(): void {
    for (const timer of [this.timer, this.countsTimer]) if (timer) clearTimeout(timer);
    this.timer = null;
    this.countsTimer = null;
  }
}
