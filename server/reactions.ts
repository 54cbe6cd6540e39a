/**
 * Reactions of a session, a second at a time: each relay counts its own delegates' reactions, and
 * once a second sends its guides and delegates the session's counts of that second (its own plus
 * what the other relays published since) — one small message a second however many react, and
 * none in a quiet second. With Redis it publishes its own counts for the others.
 */
import { REACTIONS, type Reaction, type ReactionCounts } from '../src/live/protocol';

export const REACTION_WINDOW_MS = 1000;

export interface ReactionsHost {
  /** Sends the session's counts of the second to this relay's guides and delegates. */
  tell(counts: ReactionCounts): void;
  /** Publishes this relay's own counts to the other relays (shared backplane only). */
  publish(counts: ReactionCounts): void;
}

const add = (into: ReactionCounts, from: ReactionCounts): void => {
  for (const reaction of REACTIONS) {
    const count = from[reaction];
    if (count) into[reaction] = (into[reaction] ?? 0) + count;
  }
};

export class Reactions {
  private own: ReactionCounts = {};
  private heard: ReactionCounts = {};
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly host: ReactionsHost) {}

  /** One of this relay's delegates reacted. */
  add(reaction: Reaction): void {
    this.own[reaction] = (this.own[reaction] ?? 0) + 1;
    this.arm();
  }

  /** Another relay's counts of its last second. */
  heardFrom(counts: ReactionCounts): void {
    add(this.heard, counts);
    this.arm();
  }

  private arm(): void {
    this.timer ??= setTimeout(() => this.flush(), REACTION_WINDOW_MS);
  }

  private flush(): void {
    this.timer = null;
    const own = this.own;
    const total: ReactionCounts = {};
    add(total, own);
    add(total, this.heard);
    this.own = {};
    this.heard = {};
    if (Object.keys(own).length > 0) this.host.publish(own);
    if (Object.keys(total).length > 0) this.host.tell(total);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
