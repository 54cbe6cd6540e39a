/**
 * A session's polls, replayed from its log, and their tallies. An answer is stored by the
 * delegate who gave it (its pass), so sending it again — after a reconnect, through another
 * relay, twice by a flaky network — replaces it instead of adding to it: every tally is counted
 * from the answers as they stand.
 */
import type { Lang } from '../src/content/limits';
import type { DelegateId, LivePoll, PollDraft, PollId, PollPhase, PollTally, TallyCounts } from '../src/live/protocol';

export interface Answer {
  choices: number[];
  lang: Lang;
  at: number;
}

export interface Poll {
  id: PollId;
  draft: PollDraft & { correct: number[] };
  phase: PollPhase;
  openedAt: number;
  closedAt: number | null;
  answers: Map<DelegateId, Answer>;
}

/** Why an answer was not taken (the delegate hears `poll-closed`). */
export type Refusal = 'no-poll' | 'not-open' | 'bad-choices';

const zeroCounts = (options: number): TallyCounts => ({ counts: new Array<number>(options).fill(0), total: 0 });

export class Polls {
  readonly polls = new Map<PollId, Poll>();
  current: Poll | null = null;

  /** A new poll (the one before, if still open, closes). */
  open(id: PollId, draft: PollDraft & { correct: number[] }, time: number): Poll {
    if (this.current?.phase === 'open') this.close(this.current.id, time);
    const poll: Poll = { id, draft, phase: 'open', openedAt: time, closedAt: null, answers: new Map() };
    this.polls.set(id, poll);
    this.current = poll;
    return poll;
  }

  /** Whether these choices could answer the poll (open, options it has, one for a single choice). */
  check(id: PollId, choices: readonly number[]): Refusal | null {
    const poll = this.polls.get(id);
    if (!poll) return 'no-poll';
    if (poll.phase !== 'open') return 'not-open';
    if (choices.length === 0 || new Set(choices).size !== choices.length) return 'bad-choices';
    if (choices.some((choice) => choice < 0 || choice >= poll.draft.options)) return 'bad-choices';
    if (!poll.draft.multiple && choices.length !== 1) return 'bad-choices';
    return null;
  }

  /** Records (or replaces) a delegate's answer; the refusal when it cannot be taken. */
  answer(id: PollId, delegate: DelegateId, choices: number[], lang: Lang, time: number): Refusal | null {
    const refusal = this.check(id, choices);
    if (refusal) return refusal;
    this.polls.get(id)?.answers.set(delegate, { choices: [...choices].sort((a, b) => a - b), lang, at: time });
    return null;
  }

  close(id: PollId, time: number): Poll | null {
    const poll = this.polls.get(id);
    if (!poll || poll.phase !== 'open') return null;
    poll.phase = 'closed';
    poll.closedAt = time;
    return poll;
  }

  reveal(id: PollId, time: number): Poll | null {
    const poll = this.polls.get(id);
    if (!poll || poll.phase === 'revealed') return null;
    if (poll.phase === 'open') this.close(id, time);
    poll.phase = 'revealed';
    return poll;
  }
}

/** Counts per option and in total, for all answers and per language. */
export function tally(poll: Poll): PollTally {
  const options = poll.draft.options;
  const all = zeroCounts(options);
  const byLang = { zh: zeroCounts(options), en: zeroCounts(options) };
  for (const answer of poll.answers.values()) {
    for (const bucket of [all, byLang[answer.lang]]) {
      bucket.total += 1;
      for (const choice of answer.choices) bucket.counts[choice] = (bucket.counts[choice] ?? 0) + 1;
    }
  }
  return { poll: poll.id, phase: poll.phase, all, zh: byLang.zh, en: byLang.en };
}

/** The poll as everyone sees it: the correct options and counts only once revealed. */
export function publicPoll(poll: Poll): LivePoll {
  const { source, options, multiple } = poll.draft;
  const shown: LivePoll = { id: poll.id, source, options, multiple, phase: poll.phase };
  if (poll.phase !== 'revealed') return shown;
  const { all } = tally(poll);
  return { ...shown, result: { counts: all.counts, total: all.total, correct: poll.draft.correct } };
}
