/**
 * Camera rate shaping for one session: camera turns leave at VIEW_RATE_HZ on average, latest wins.
 * A token bucket (two at once, then VIEW_RATE_HZ a second) rather than a fixed interval: a guide
 * sending at exactly the rate goes straight through, where a fixed interval would phase-lock behind
 * its arrivals and hold each update back by up to a whole period.
 */
import { VIEW_RATE_HZ, type LiveView } from '../src/live/protocol';
import { TokenBucket } from './limits';

/** Camera updates a session may send at once before the VIEW_RATE_HZ rate applies. */
export const VIEW_BURST = 2;

export class CameraShaper {
  private readonly bucket: TokenBucket;
  private pending: LiveView | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    /** Called with each view that may leave now. */
    private readonly release: (view: LiveView) => void,
    now: () => number,
  ) {
    this.bucket = new TokenBucket(VIEW_BURST, VIEW_RATE_HZ, now);
  }

  offer(view: LiveView): void {
    this.pending = view;
    if (this.timer) return;
    const wait = this.bucket.waitMs();
    if (wait === 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Forgets a turn still waiting: a change of place brought its own view. */
  cancel(): void {
    this.pending = null;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
  }

  private flush(): void {
    this.timer = null;
    const view = this.pending;
    if (!view || !this.bucket.take()) return;
    this.pending = null;
    this.release(view);
  }
}
