/** Raised hands, replayed from a session's log, in the order they went up (a hand raised again goes to the back). */
import type { DelegateId, RaisedHand } from '../src/live/protocol';

export class Hands {
  private readonly raised = new Map<DelegateId, number>();

  isRaised(id: DelegateId): boolean {
    return this.raised.has(id);
  }

  /** True when the hand changed. */
  set(id: DelegateId, up: boolean, time: number): boolean {
    if (up === this.raised.has(id)) return false;
    if (up) this.raised.set(id, time);
    else this.raised.delete(id);
    return true;
  }

  /** Lowers every hand; the ones that were up. */
  lowerAll(): DelegateId[] {
    const lowered = [...this.raised.keys()];
    this.raised.clear();
    return lowered;
  }

  list(limit: number): RaisedHand[] {
    const hands: RaisedHand[] = [];
    for (const [id, at] of this.raised) {
      if (hands.length >= limit) break;
      hands.push({ id, at });
    }
    return hands;
  }

  get size(): number {
    return this.raised.size;
  }
}
