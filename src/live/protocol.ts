/**
 * The live-session wire protocol, shared by the app and the relay (server/): its constants, its
 * message types and the encoder — declared once, here, without zod, so the app's first page needs
 * no validator. The zod schemas that check frames on arrival (schemas.ts) are checked against these
 * types. The wire carries ids and numbers for content: each screen localizes the text itself, so
 * every delegate reads in their own language. The only free text is what people wrote: a delegate's
 * name and written question (shown to the guide only, as text), and a poll the guide typed.
 *
 * Guide → relay:    start | resume | state | view | end | ping
 *                   poll-open | poll-close | poll-reveal | hand-lower | question-mark | remove | bring-back
 * Delegate → relay: join (+ name) | status (+ at) | ping
 *                   answer | hand | react | ask
 * Relay → client:   started | joined | waiting | snapshot | view | stats | ended | error | pong
 * Relay → guide:    roster | tally | hands | questions | whereabouts | poll | reactions
 * Relay → delegate: poll | answered | reactions | hand | removed | bring-back
 *
 * Discrete changes (stop, open hotspot, tour step, blank screen) travel as full small snapshots with
 * a revision the relay assigns, rising, so applying one twice is harmless and a late joiner needs
 * only the last. A snapshot carries the view the guide has with it. Camera turns travel apart, at
 * most VIEW_RATE_HZ a second, latest wins.
 *
 * The class layer (issue 13), all in version 1: every message it added is new, or an optional field
 * of a client message, so a client of before still reads everything it knows (it ignores the types
 * it does not know) and no existing message changed shape.
 *
 * - A delegate is known by its pass: a delegate who rejoins with its pass keeps it (and so stays the
 *   same person: `DelegateId`, a short hash of the pass, never the pass itself) across reconnects
 *   and relays. Answers, hands and questions are keyed by it; `remove` revokes it for the session.
 * - `join.name`: optional display name, checked by displayName.ts (1–NAME_MAX characters after trim,
 *   any script; control and bidi-override/embedding/isolate characters refused): refused with the
 *   error `bad-name` (the join does not happen). Without a name the guide shows "Delegate n", n the
 *   roster number the relay gives in the order delegates first joined (stable for the session).
 * - `status.at`: the stop a delegate looking around alone is on (null elsewhere), for `whereabouts`.
 * - Polls: the guide's `poll-open` carries the question (from content by ids — tour, step, question —
 *   or typed text in one or both languages), the number of options, single or multiple choice and
 *   the correct options (optional: a survey has none). The relay numbers it (`PollId`) and sends
 *   everyone `poll` (never the correct options before `poll-reveal`). A delegate's `answer` (its
 *   chosen option indices) replaces its earlier one until the poll is closed; the relay answers
 *   `answered` with the answer as recorded, only once it is stored (over Redis: in Redis), or the
 *   error `poll-closed`. On reveal everyone's `poll` carries the result: counts per option, total
 *   and the correct options. Guides get `tally` (per option, per language) live, at most
 *   TALLY_RATE_HZ a second.
 * - `hand` up/down by the delegate (its own `hand` comes back as the relay's word); the guide sees
 *   `hands` (raised, in the order they went up) and lowers one or all (`hand-lower`).
 * - `react`: one of REACTIONS, at most REACTIONS_PER_SECOND per delegate; everyone (guide and
 *   delegates) gets `reactions`, the session's counts of the last second, at most once a second,
 *   only when there were some — never one message per reaction.
 * - `ask`: a written question (1–QUESTION_MAX characters, plain text; `bad-question` when not);
 *   only the guide sees it (`questions`), and marks it answered or hidden (`question-mark`).
 * - `remove`: the delegate hears `removed` and is closed; its pass no longer joins this session.
 * - `bring-back`: every delegate hears `bring-back` and follows the guide again.
 * - Guides' lists (`roster`, `questions`) come as a full listing on (re)connection — in pages of at
 *   most LIST_PAGE entries, the first with `reset` — then as changes, at most ROSTER_RATE_HZ a second.
 *   `hands`, `whereabouts` and `tally` are always whole (bounded), and sent when they change.
 * - Rate limits per delegate (answers, hands, reactions, questions) answer `rate-limited` with retryMs.
 */
import { FOV_MAX, FOV_MIN, PITCH_MAX, PITCH_MIN, YAW_MAX, YAW_MIN, type Lang } from '../content/limits';

export const PROTOCOL_VERSION = 1;
/** Frames larger than this close the socket. */
export const MAX_FRAME_BYTES = 4096;
/** Camera updates a guide may send per second; more are dropped by the client and cut by the relay. */
export const VIEW_RATE_HZ = 10;
export const HEARTBEAT_MS = 10_000;
export const LIVE_PATH = '/live';

/** Join codes: 6 characters from an alphabet without 0/O/1/I/L, shown as `K7Q-X2M`. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 6;
export const CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);
/** Guide tokens and delegate passes: URL-safe base64. */
export const CREDENTIAL_PATTERN = /^[A-Za-z0-9_-]{32,64}$/;
/** Ids of campuses, stops, hotspots and tours, as the content schema allows them. */
export const ID_MAX = 64;

// ── the class layer's bounds ──────────────────────────────────────────────────────────────────

/** A display name: at most this many characters (code points) after trimming. */
export const NAME_MAX = 40;
/** A written question: at most this many characters (code points) after trimming. */
export const QUESTION_MAX = 280;
/** A typed poll: the prompt and each option, per language, at most this many characters. */
export const POLL_PROMPT_MAX = 200;
export const POLL_OPTION_MAX = 80;
/** A poll has this many options at least and at most. */
export const POLL_OPTIONS_MIN = 2;
export const POLL_OPTIONS_MAX = 6;
/** Entries in one page of a guide's list (`roster`, `questions`), so no frame grows with the class. */
export const LIST_PAGE = 250;
/** Raised hands and stop counts a guide is sent at most (more are not shown anyway). */
export const HANDS_MAX = 1000;
export const STOPS_MAX = 500;
/** How often a guide hears list changes and the live tally, at most. */
export const ROSTER_RATE_HZ = 2;
export const TALLY_RATE_HZ = 10;
/** Reactions a delegate may send per second (a short burst of REACTIONS_BURST first). */
export const REACTIONS_PER_SECOND = 1;
export const REACTIONS_BURST = 3;
/** The reactions there are: 👍 👏 ❤️ ❓ and "slower please". */
export const REACTIONS = ['thumbs', 'clap', 'heart', 'question', 'slower'] as const;
export type Reaction = (typeof REACTIONS)[number];
/** A delegate as the guide sees it: a short hash of its pass (12 URL-safe characters). */
export const DELEGATE_ID_PATTERN = /^[A-Za-z0-9_-]{12}$/;
/** Roster numbers, poll ids and question ids are relay-given positive integers. */
export const SERIAL_MAX = Number.MAX_SAFE_INTEGER;

/** The bounds of a view on the wire: the content's own. */
export const VIEW_LIMITS = {
  yaw: [YAW_MIN, YAW_MAX],
  pitch: [PITCH_MIN, PITCH_MAX],
  fov: [FOV_MIN, FOV_MAX],
} as const;

/** `k7q-x2m`, `K7QX2M` and `K7Q X2M` all name the same session. */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

/** Whether a (normalized) code can name a session at all: its length and alphabet. */
export const isCode = (code: string): boolean => CODE_PATTERN.test(code);

/** `K7QX2M` → `K7Q-X2M`, for reading aloud and typing. */
export function formatCode(code: string): string {
  return `${code.slice(0, 3)}-${code.slice(3)}`;
}

// ── what travels ───────────────────────────────────────────────────────────────────────────────

export type LiveView = {
  yaw: number;
  pitch: number;
  fov: number;
};

export type LivePlace =
  | { page: 'home' }
  | { page: 'about' }
  | { page: 'campus'; campusId: string }
  | { page: 'stop'; campusId: string; stopId: string };

/** Everything a delegate's screen follows, except the camera. */
export interface LiveState {
  place: LivePlace;
  openHotspotId: string | null;
  tour: { id: string; step: number } | null;
  blank: boolean;
}

export type LiveStats = {
  connected: number;
  following: number;
  exploring: number;
  langs: { zh: number; en: number };
};

// ── the class layer ───────────────────────────────────────────────────────────────────────────

/** A delegate's id on the guide's screen (DELEGATE_ID_PATTERN): stable across reconnects and relays. */
export type DelegateId = string;
/** Relay-given, rising, unique in a session. */
export type PollId = number;
export type QuestionId = number;

/** Text a person typed, in one or both languages (at least one). */
export type TypedText = { zh?: string | undefined; en?: string | undefined };

/** Where a poll's question comes from: the content (by ids), or typed by the guide. */
export type PollSource =
  | { kind: 'content'; tourId: string; step: number; questionId: string }
  | { kind: 'typed'; prompt: TypedText; options: TypedText[] };

/** What the guide launches. `options`: how many (a typed poll's must match its texts); `correct`: option indices, none for a survey. */
export type PollDraft = { source: PollSource; options: number; multiple: boolean; correct?: number[] | undefined };

export type PollPhase = 'open' | 'closed' | 'revealed';

/** A revealed poll's result, for everyone: answers per option, how many answered, and the correct options (empty: a survey). */
export type PollResult = { counts: number[]; total: number; correct: number[] };

/** A poll as everyone sees it; `result` only once revealed. */
export type LivePoll = {
  id: PollId;
  source: PollSource;
  options: number;
  multiple: boolean;
  phase: PollPhase;
  result?: PollResult | undefined;
};

/** Answers per option and in total, for one language or all. */
export type TallyCounts = { counts: number[]; total: number };

/** The live tally, for guides only: all answers, and per language (the language the delegate answered in). */
export type PollTally = { poll: PollId; phase: PollPhase; all: TallyCounts; zh: TallyCounts; en: TallyCounts };

/** The stop a delegate looking around alone is on. */
export type LiveStopRef = { campusId: string; stopId: string };

/** One delegate on the guide's roster. `joinedAt`: ms since the epoch of the first join this session. */
export type RosterEntry = {
  id: DelegateId;
  /** "Delegate n": the order of first joining, stable for the session. */
  n: number;
  name: string | null;
  lang: Lang;
  following: boolean;
  /** Where a delegate looking around is (null: following, or not on a stop). */
  at: LiveStopRef | null;
  connected: boolean;
  joinedAt: number;
};

export type RaisedHand = { id: DelegateId; at: number };

export type QuestionStatus = 'open' | 'answered' | 'hidden';

/** A written question, as text only (never markup). `from`: the delegate, to find them on the roster. */
export type LiveQuestion = { id: QuestionId; from: DelegateId; text: string; at: number; status: QuestionStatus };

export type StopCount = LiveStopRef & { count: number };

/** Reactions of the last second, per kind (absent: none). */
export type ReactionCounts = Partial<Record<Reaction, number>>;

export const ERROR_CODES = [
  'bad-message',
  'bad-code',
  'rate-limited',
  'forbidden',
  'too-large',
  'flood',
  'version',
  'busy',
  /** A display name displayName.ts refuses (the UI says why, with the same check). */
  'bad-name',
  /** A written question questionText.ts refuses. */
  'bad-question',
  /** An answer to a poll that is not open (closed, revealed, replaced) or with options it has not. */
  'poll-closed',
] as const;
export type LiveErrorCode = (typeof ERROR_CODES)[number];

type V = { v: typeof PROTOCOL_VERSION };

export type ClientMessage = V &
  (
    | { type: 'start' }
    /** `rev`: the last revision the guide's screen had, so a session re-created after a restart continues from it. */
    | { type: 'resume'; code: string; token: string; rev?: number | undefined }
    /**
     * A change on the guide's screen. `rev` is the guide's own count; the relay stores the change at
     * the next revision of the session (or at `rev` when that is higher) and answers with the
     * snapshot. `view` is the guide's view of that place (null: the place's initial view); without
     * it the session's view stays.
     */
    | { type: 'state'; rev: number; state: LiveState; view?: LiveView | null | undefined }
    | { type: 'view'; view: LiveView }
    | { type: 'end' }
    /** `pass`: the credential of an earlier `joined`, which rejoins without counting as a guess. */
    /** `name`: the display name (displayName.ts); absent or null: "Delegate n". */
    | { type: 'join'; code: string; lang: Lang; following: boolean; pass?: string | undefined; name?: string | null | undefined }
    /** `at`: the stop a delegate looking around is on; absent keeps what the relay knew. */
    | { type: 'status'; lang: Lang; following: boolean; at?: LiveStopRef | null | undefined }
    | { type: 'ping'; t: number }
    // guide: the class
    | ({ type: 'poll-open' } & PollDraft)
    | { type: 'poll-close'; poll: PollId }
    | { type: 'poll-reveal'; poll: PollId }
    /** One delegate's hand, or (no `delegate`) every hand. */
    | { type: 'hand-lower'; delegate?: DelegateId | undefined }
    | { type: 'question-mark'; question: QuestionId; status: QuestionStatus }
    | { type: 'remove'; delegate: DelegateId }
    | { type: 'bring-back' }
    // delegate: the class
    /** `choices`: option indices (one for a single-choice poll); replaces the delegate's earlier answer. */
    | { type: 'answer'; poll: PollId; choices: number[] }
    | { type: 'hand'; raised: boolean }
    | { type: 'react'; reaction: Reaction }
    | { type: 'ask'; text: string }
  );

export type ServerMessage = V &
  (
    | { type: 'started'; code: string; token: string }
    | { type: 'joined'; code: string; pass: string }
    /** The session is known but its guide is away: the delegate is joined when the guide is back. */
    | { type: 'waiting'; code: string }
    | { type: 'snapshot'; rev: number; state: LiveState | null; view: LiveView | null }
    | { type: 'view'; view: LiveView }
    | { type: 'stats'; stats: LiveStats }
    | { type: 'ended' }
    /** `retryMs`: when a `rate-limited` or `busy` client may try again. */
    | { type: 'error'; code: LiveErrorCode; retryMs?: number | undefined }
    | { type: 'pong'; t: number }
    // to guides
    /** `reset`: the first page of a full listing (forget the list you had); else changes. `gone`: removed delegates. */
    | { type: 'roster'; reset: boolean; delegates: RosterEntry[]; gone: DelegateId[] }
    | { type: 'tally'; tally: PollTally }
    /** Every raised hand, in the order raised (at most HANDS_MAX). */
    | { type: 'hands'; raised: RaisedHand[] }
    | { type: 'questions'; reset: boolean; questions: LiveQuestion[] }
    /** How many delegates looking around are on each stop (stops with none are left out). */
    | { type: 'whereabouts'; stops: StopCount[] }
    // to everyone in the session
    /** The current poll (null: none, or the guide took it away by opening none). */
    | { type: 'poll'; poll: LivePoll | null }
    | { type: 'reactions'; counts: ReactionCounts }
    // to a delegate
    /** Your answer, as stored (sent again when you rejoin while the poll is on). */
    | { type: 'answered'; poll: PollId; choices: number[] }
    | { type: 'hand'; raised: boolean }
    | { type: 'removed' }
    | { type: 'bring-back' }
  );

/** A message type without its version, for senders (the encoder adds it). */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type Outgoing<M> = DistributiveOmit<M, 'v'>;

export const encode = (message: Outgoing<ClientMessage | ServerMessage>): string => JSON.stringify({ v: PROTOCOL_VERSION, ...message });
