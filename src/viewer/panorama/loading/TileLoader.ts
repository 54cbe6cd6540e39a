/**
 * Fetches what the view needs, a few requests at a time, most wanted first. Each call to `want`
 * replaces the whole list: queued requests that are no longer wanted are dropped and those in
 * flight are aborted, so a turn of the view never leaves a queue of tiles nobody will see. A
 * failed request is tried again later (backing off), for as long as it is wanted.
 */
export interface LoadRequest<T = unknown> {
  key: string;
  load(signal: AbortSignal): Promise<T>;
  onLoad(value: T): void;
  /** Called on every failure, with how many times this key has failed in a row. */
  onError?(error: unknown, failures: number): void;
}

export interface TileLoaderOptions {
  /** Requests in flight at once. */
  concurrency?: number;
  /** Waits before the 1st, 2nd, … retry of a failed key, in ms; the last repeats. */
  retryDelays?: readonly number[];
  now?: () => number;
}

export interface LoaderStats {
  started: number;
  loaded: number;
  failed: number;
  aborted: number;
}

export class TileLoader {
  private readonly concurrency: number;
  private readonly retryDelays: readonly number[];
  private readonly now: () => number;
  private wanted: LoadRequest[] = [];
  private readonly latest = new Map<string, LoadRequest>();
  private readonly inFlight = new Map<string, AbortController>();
  private readonly failures = new Map<string, { count: number; retryAt: number }>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;
  readonly stats: LoaderStats = { started: 0, loaded: 0, failed: 0, aborted: 0 };

  constructor(options: TileLoaderOptions = {}) {
    this.concurrency = options.concurrency ?? 4;
    this.retryDelays = options.retryDelays ?? [250, 1000, 3000, 8000, 15000, 30000];
    this.now = options.now ?? (() => performance.now());
  }

  /** The keys being fetched now. */
  get active(): string[] {
    return [...this.inFlight.keys()];
  }

  /** How many times in a row `key` has failed. */
  failuresOf(key: string): number {
    return this.failures.get(key)?.count ?? 0;
  }

  /** Replaces what is wanted, most wanted first. */
  want(requests: readonly LoadRequest[]): void {
    if (this.disposed) return;
    this.wanted = [...requests];
    this.latest.clear();
    for (const r of requests) this.latest.set(r.key, r);
    for (const [key, controller] of this.inFlight) {
      if (this.latest.has(key)) continue;
      controller.abort();
      this.inFlight.delete(key);
      this.stats.aborted += 1;
    }
    this.pump();
  }

  /** Forgets past failures (of `keys`, or all), so they are tried again at once. */
  resetFailures(keys?: Iterable<string>): void {
    if (keys) for (const key of keys) this.failures.delete(key);
    else this.failures.clear();
    this.pump();
  }

  dispose(): void {
    this.disposed = true;
    for (const controller of this.inFlight.values()) controller.abort();
    this.inFlight.clear();
    this.wanted = [];
    this.latest.clear();
    if (this.timer) clearTimeout(this.timer);
  }

  private pump(): void {
    if (this.disposed) return;
    const now = this.now();
    let nextRetry = Infinity;
    for (const request of this.wanted) {
      if (this.inFlight.size >= this.concurrency) break;
      if (this.inFlight.has(request.key)) continue;
      const failed = this.failures.get(request.key);
      if (failed && failed.retryAt > now) {
        nextRetry = Math.min(nextRetry, failed.retryAt);
        continue;
      }
      this.start(request);
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = nextRetry < Infinity ? setTimeout(() => this.pump(), Math.max(0, nextRetry - now)) : null;
  }

  private start(request: LoadRequest): void {
    const controller = new AbortController();
    const { key } = request;
    this.inFlight.set(key, controller);
    this.stats.started += 1;
    const settle = () => {
      if (this.inFlight.get(key) === controller) this.inFlight.delete(key);
    };
    request.load(controller.signal).then(
      (value) => {
        if (controller.signal.aborted || this.disposed) return;
        settle();
        this.failures.delete(key);
        this.wanted = this.wanted.filter((r) => r.key !== key);
        this.stats.loaded += 1;
        (this.latest.get(key) ?? request).onLoad(value);
        this.pump();
      },
      (error: unknown) => {
        if (controller.signal.aborted || this.disposed) return;
        settle();
        const count = (this.failures.get(key)?.count ?? 0) + 1;
        const delay = this.retryDelays[Math.min(count, this.retryDelays.length) - 1] ?? 1000;
        this.failures.set(key, { count, retryAt: this.now() + delay });
        this.stats.failed += 1;
        (this.latest.get(key) ?? request).onError?.(error, count);
        this.pump();
      },
    );
  }
}
