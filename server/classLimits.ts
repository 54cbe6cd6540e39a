/**
 * How much each delegate may do in the class layer, whatever socket or relay it uses: token
 * buckets per delegate (by its id, so reconnecting does not refill them) for answers, hands,
 * reactions and written questions. Beyond them the relay answers `rate-limited` with when to retry.
 */
import { REACTIONS_BURST, REACTIONS_PER_SECOND, type DelegateId } from '../src/live/protocol';
import { TokenBucket } from './limits';

export type LimitedAction = 'answer' | 'hand' | 'react' | 'ask';

/** Burst, then per second: a changed mind a second; a hand up and down; a question every 20 s after three. */
export const CLASS_LIMITS: Record<LimitedAction, [burst: number, perSecond: number]> = {
  answer: [5, 1],
  hand: [4, 0.5],
  react: [REACTIONS_BURST, REACTIONS_PER_SECOND],
  ask: [3, 1 / 20],
};

export class ClassLimits {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly now: () => number) {}

  /** 0 when the delegate may, else the milliseconds until it may. */
  take(delegate: DelegateId, action: LimitedAction): number {
    const key = `${action}:${delegate}`;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      const [burst, perSecond] = CLASS_LIMITS[action];
      bucket = new TokenBucket(burst, perSecond, this.now);
      this.buckets.set(key, bucket);
    }
    return bucket.take() ? 0 : Math.max(1, bucket.waitMs());
  }
}
