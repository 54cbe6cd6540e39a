/**
 * The relay's limiters: one token bucket (message floods per socket, camera updates per session),
 * join-code guessing per address, and session starts per address.
 */

/** A token bucket: `burst` at once, refilled at `perSecond`. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
  }

  /** Takes a token; false (and nothing taken) when there is none. */
  take(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Milliseconds until a token is there (0: now). */
  waitMs(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) * 1000) / this.perSecond);
  }
}

/**
 * Counts the distinct unknown codes each address tried within a sliding window. Guessing means many
 * different codes; a classroom behind one NAT address reconnecting to its one code counts once.
 * In memory, for one relay; over Redis the same rule runs as a script (redisBus.ts).
 */
export class JoinLimiter {
  private readonly misses = new Map<string, Map<string, number>>();

  constructor(
    private readonly maxCodes: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(address: string): Map<string, number> | undefined {
    const codes = this.misses.get(address);
    if (!codes) return undefined;
    const since = this.now() - this.windowMs;
    for (const [code, at] of codes) if (at <= since) codes.delete(code);
    if (codes.size === 0) {
      this.misses.delete(address);
      return undefined;
    }
    return codes;
  }

  /** Milliseconds until this address may try a code again (0: now). */
  waitMs(address: string): number {
    const codes = this.recent(address);
    if (!codes || codes.size < this.maxCodes) return 0;
    // The oldest miss leaving the window frees a try. Map order is insertion order.
    const oldest = codes.values().next().value ?? this.now();
    return Math.max(1, oldest + this.windowMs - this.now());
  }

  /** Notes a join to a code that does not exist (or not yet). */
  miss(address: string, code: string): void {
    const codes = this.recent(address) ?? new Map<string, number>();
    codes.delete(code);
    codes.set(code, this.now());
    this.misses.set(address, codes);
  }

  /** Drops addresses whose window has passed. */
  sweep(): void {
    for (const address of [...this.misses.keys()]) this.recent(address);
  }

  get size(): number {
    return this.misses.size;
  }
}

/** Counts events per address in a sliding window: session starts, so nobody fills the memory with them. */
export class WindowCounter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one event; false (and not counted) when the address already had `max` in the window. */
  hit(address: string): boolean {
    const since = this.now() - this.windowMs;
    const times = (this.hits.get(address) ?? []).filter((at) => at > since);
    if (times.length >= this.max) {
      this.hits.set(address, times);
      return false;
    }
    times.push(this.now());
    this.hits.set(address, times);
    return true;
  }

  sweep(): void {
    const since = this.now() - this.windowMs;
    for (const [address, times] of this.hits) if (!times.some((at) => at > since)) this.hits.delete(address);
  }
}
