/**
 * What a live session's class layer holds on a screen — the guide's roster, tally, hands,
 * questions and stop counts; everyone's current poll and reactions; a delegate's own answer and
 * hand — and how each relay message changes it. Pure: liveSession.ts keeps it in its store.
 */
import type {
  DelegateId,
  LiveErrorCode,
  LivePoll,
  LiveQuestion,
  PollId,
  PollTally,
  QuestionId,
  RaisedHand,
  ReactionCounts,
  RosterEntry,
  ServerMessage,
  StopCount,
} from '../../live/protocol';

/** Something a delegate's action met that the screen says where the action is (not a connection error). */
export type ClassNotice =
  | { kind: 'poll-closed' }
  | { kind: 'bad-question' }
  | { kind: 'rate-limited'; retryMs: number };

export interface ClassState {
  /** Guides: every delegate of the session, in the relay's order of first joining. */
  roster: RosterEntry[];
  /** Guides: the live count of the current poll. */
  tally: PollTally | null;
  /** Guides: raised hands, in the order they went up. */
  hands: RaisedHand[];
  /** Guides: written questions, oldest first. */
  questions: LiveQuestion[];
  /** Guides: how many delegates looking around are on each stop. */
  whereabouts: StopCount[];
  /** Everyone: the current poll (with its result once revealed). */
  poll: LivePoll | null;
  /** Everyone: the reactions of the relay's latest second; `seq` rises with each, so a screen can add them up. */
  reactions: { counts: ReactionCounts; seq: number };
  /** A delegate: their answer to the current poll, as the relay stored it. */
  myAnswer: { poll: PollId; choices: number[] } | null;
  /** A delegate: whether their hand is up (the relay's word). */
  handRaised: boolean;
  /** A delegate: the guide removed them from the session. */
  removed: boolean;
  notice: ClassNotice | null;
  /** A delegate: a written question the relay has taken (rises with each). */
  asked: number;
}

export const idleClass: ClassState = {
  roster: [],
  tally: null,
  hands: [],
  questions: [],
  whereabouts: [],
  poll: null,
  reactions: { counts: {}, seq: 0 },
  myAnswer: null,
  handRaised: false,
  removed: false,
  notice: null,
  asked: 0,
};

function merge<T, K>(list: readonly T[], reset: boolean, changed: readonly T[], key: (item: T) => K, gone: readonly K[] = []): T[] {
  const byKey = new Map<K, T>(reset ? [] : list.map((item) => [key(item), item]));
  for (const item of changed) byKey.set(key(item), item);
  for (const k of gone) byKey.delete(k);
  return [...byKey.values()];
}

/** The change a relay message makes to the class state; null when it is not a class message. */
export function reduceClass(state: ClassState, message: ServerMessage): Partial<ClassState> | null {
  switch (message.type) {
    case 'roster':
      return { roster: merge<RosterEntry, DelegateId>(state.roster, message.reset, message.delegates, (d) => d.id, message.gone) };
    case 'questions':
      return { questions: merge<LiveQuestion, QuestionId>(state.questions, message.reset, message.questions, (q) => q.id).sort((a, b) => a.id - b.id) };
    case 'tally':
      return { tally: message.tally };
    case 'hands':
      return { hands: message.raised };
    case 'whereabouts':
      return { whereabouts: message.stops };
    case 'poll': {
      const samePoll = message.poll !== null && message.poll.id === state.poll?.id;
      return {
        poll: message.poll,
        // A new poll starts with no answer; the guide's tally of another poll is not this one's.
        ...(samePoll ? {} : { myAnswer: null, notice: null }),
        ...(message.poll === null || (state.tally && state.tally.poll !== message.poll.id) ? { tally: null } : {}),
      };
    }
    case 'answered':
      return { myAnswer: { poll: message.poll, choices: message.choices }, notice: null };
    case 'reactions':
      return { reactions: { counts: message.counts, seq: state.reactions.seq + 1 } };
    case 'hand':
      return { handRaised: message.raised };
    case 'removed':
      return { removed: true };
    default:
      return null;
  }
}

/** The notice for an error the relay sent a joined delegate about one of their actions; null: not one of those. */
export function classNotice(code: LiveErrorCode, retryMs: number | undefined): ClassNotice | null {
  if (code === 'poll-closed') return { kind: 'poll-closed' };
  if (code === 'bad-question') return { kind: 'bad-question' };
  if (code === 'rate-limited') return { kind: 'rate-limited', retryMs: retryMs ?? 1000 };
  return null;
}
