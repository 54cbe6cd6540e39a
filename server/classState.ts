/**
 * A session's class, as its log makes it: roster, polls, hands, questions and the places the group
 * went. Entries are applied strictly in log order (`offer` keeps early ones until the gap before
 * them is filled), so every relay — and the report — reaches the same state from the same log.
 * `apply` says what changed, for the relay to tell the people concerned.
 */
import type { DelegateId, LiveQuestion, LiveStopRef, PollId } from '../src/live/protocol';
import type { ClassEvent, Logged } from './classEvents';
import { Hands } from './hands';
import { Polls, type Poll, type Refusal } from './pollTally';
import { Questions } from './questions';
import { Roster, type Member } from './roster';

export type Change =
  | { kind: 'member'; member: Member }
  | { kind: 'removed'; member: Member }
  | { kind: 'answer'; n: number; delegate: DelegateId; poll: PollId; refusal: Refusal | null; choices: number[] }
  | { kind: 'hand'; delegate: DelegateId; raised: boolean }
  | { kind: 'question'; question: LiveQuestion }
  | { kind: 'poll'; poll: Poll; opened: boolean }
  | { kind: 'back'; moved: Member[] }
  | { kind: 'place' };

/** A stretch the group spent at one place (null: not on a stop — the campus map, home, about). */
export type Visit = { at: LiveStopRef | null; from: number };

export class ClassState {
  readonly roster = new Roster();
  readonly polls = new Polls();
  readonly hands = new Hands();
  readonly questions = new Questions();
  readonly visits: Visit[] = [];
  /** The time of the log's first entry (the session's class began). */
  startedAt: number | null = null;
  /** The last entry applied: everything up to it, and nothing after. */
  applied = 0;
  private readonly early = new Map<number, ClassEvent>();

  /** An entry from anywhere (this relay's append, the bus, a read of the log): applied in order, once. */
  offer(entry: Logged): Change[] {
    if (entry.n <= this.applied) return [];
    this.early.set(entry.n, entry.e);
    const changes: Change[] = [];
    for (let next = this.early.get(this.applied + 1); next; next = this.early.get(this.applied + 1)) {
      this.early.delete(this.applied + 1);
      this.applied += 1;
      this.startedAt ??= next.t;
      changes.push(...this.apply(this.applied, next));
    }
    return changes;
  }

  /** Whether entries wait for one that has not come (the relay then reads the log from `applied`). */
  get hasGap(): boolean {
    return this.early.size > 0;
  }

  private apply(n: number, e: ClassEvent): Change[] {
    const member = (m: Member | null): Change[] => (m ? [{ kind: 'member', member: m }] : []);
    switch (e.k) {
      case 'join':
        return member(this.roster.join(e.d, e.name, e.lang, e.f, e.at, e.c, e.t));
      case 'leave':
        return member(this.roster.leave(e.d, e.c, e.t));
      case 'status':
        return member(this.roster.status(e.d, e.lang, e.f, e.at));
      case 'answer': {
        const removed = this.roster.get(e.d)?.removed ?? true;
        const refusal = removed ? 'no-poll' : this.polls.answer(e.p, e.d, e.ch, e.lang, e.t);
        return [{ kind: 'answer', n, delegate: e.d, poll: e.p, refusal, choices: this.polls.polls.get(e.p)?.answers.get(e.d)?.choices ?? [] }];
      }
      case 'hand': {
        if (this.roster.get(e.d)?.removed !== false) return [];
        return this.hands.set(e.d, e.up, e.t) ? [{ kind: 'hand', delegate: e.d, raised: e.up }] : [];
      }
      case 'lower':
        if (e.d === null) return this.hands.lowerAll().map((delegate) => ({ kind: 'hand', delegate, raised: false }));
        return this.hands.set(e.d, false, e.t) ? [{ kind: 'hand', delegate: e.d, raised: false }] : [];
      case 'ask':
        if (this.roster.get(e.d)?.removed !== false) return [];
        return [{ kind: 'question', question: this.questions.ask(n, e.d, e.q, e.t) }];
      case 'mark': {
        const question = this.questions.mark(e.q, e.s);
        return question ? [{ kind: 'question', question }] : [];
      }
      case 'poll': {
        const before = this.polls.current;
        const closed = before?.phase === 'open' ? before : null;
        const poll = this.polls.open(n, { ...e.draft, correct: e.draft.correct }, e.t);
        const changes: Change[] = [{ kind: 'poll', poll, opened: true }];
        if (closed) changes.unshift({ kind: 'poll', poll: closed, opened: false });
        return changes;
      }
      case 'close': {
        const poll = this.polls.close(e.p, e.t);
        return poll ? [{ kind: 'poll', poll, opened: false }] : [];
      }
      case 'reveal': {
        const poll = this.polls.reveal(e.p, e.t);
        return poll ? [{ kind: 'poll', poll, opened: false }] : [];
      }
      case 'remove': {
        const removed = this.roster.remove(e.d, e.t);
        if (!removed) return [];
        const changes: Change[] = [{ kind: 'removed', member: removed }];
        if (this.hands.set(e.d, false, e.t)) changes.push({ kind: 'hand', delegate: e.d, raised: false });
        return changes;
      }
      case 'back':
        return [{ kind: 'back', moved: this.roster.bringBack() }];
      case 'place': {
        const last = this.visits.at(-1);
        if (last && JSON.stringify(last.at) === JSON.stringify(e.at)) return [];
        this.visits.push({ at: e.at, from: e.t });
        return [{ kind: 'place' }];
      }
    }
  }
}
