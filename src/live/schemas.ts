/**
 * The live protocol's validators: every frame is checked on arrival, every field bounded. Each
 * schema `satisfies` the type of protocol.ts it checks, so the two cannot drift apart. This module
 * brings zod: the app loads it with the first live connection, the relay at start.
 */
import { z } from '../content/zod';
import { ID_PATTERN, LANGS } from '../content/limits';
import {
  CODE_PATTERN,
  CREDENTIAL_PATTERN,
  DELEGATE_ID_PATTERN,
  ERROR_CODES,
  HANDS_MAX,
  ID_MAX,
  LIST_PAGE,
  MAX_FRAME_BYTES,
  NAME_MAX,
  POLL_OPTION_MAX,
  POLL_OPTIONS_MAX,
  POLL_OPTIONS_MIN,
  POLL_PROMPT_MAX,
  PROTOCOL_VERSION,
  QUESTION_MAX,
  REACTIONS,
  SERIAL_MAX,
  STOPS_MAX,
  VIEW_LIMITS,
  type ClientMessage,
  type LivePlace,
  type LivePoll,
  type LiveQuestion,
  type LiveState,
  type LiveStats,
  type LiveStopRef,
  type LiveView,
  type PollDraft,
  type PollResult,
  type PollSource,
  type PollTally,
  type RaisedHand,
  type RosterEntry,
  type ServerMessage,
  type StopCount,
  type TallyCounts,
  type TypedText,
} from './protocol';
import { hasBidiControl, hasControl } from './textChecks';

const id = z.string().max(ID_MAX).regex(ID_PATTERN);
const code = z.string().regex(CODE_PATTERN);
const credential = z.string().regex(CREDENTIAL_PATTERN);
const lang = z.enum(LANGS);
const rev = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const count = z.number().int().min(0);
const bounded = ([min, max]: readonly [number, number]) => z.number().min(min).max(max);

export const liveView = z.strictObject({
  yaw: bounded(VIEW_LIMITS.yaw),
  pitch: bounded(VIEW_LIMITS.pitch),
  fov: bounded(VIEW_LIMITS.fov),
}) satisfies z.ZodType<LiveView>;

const livePlace = z.discriminatedUnion('page', [
  z.strictObject({ page: z.literal('home') }),
  z.strictObject({ page: z.literal('about') }),
  z.strictObject({ page: z.literal('campus'), campusId: id }),
  z.strictObject({ page: z.literal('stop'), campusId: id, stopId: id }),
]) satisfies z.ZodType<LivePlace>;

export const liveState = z.strictObject({
  place: livePlace,
  openHotspotId: id.nullable(),
  tour: z.strictObject({ id, step: z.number().int().min(0).max(999) }).nullable(),
  blank: z.boolean(),
}) satisfies z.ZodType<LiveState>;

const v = z.literal(PROTOCOL_VERSION);

// ── the class layer ───────────────────────────────────────────────────────────────────────────

const serial = z.number().int().min(1).max(SERIAL_MAX);
const delegateId = z.string().regex(DELEGATE_ID_PATTERN);
const time = z.number().int().min(0).max(SERIAL_MAX);
const optionIndex = z.number().int().min(0).max(POLL_OPTIONS_MAX - 1);
/** Option indices: distinct, at most one per option. */
const choices = z
  .array(optionIndex)
  .max(POLL_OPTIONS_MAX)
  .refine((list) => new Set(list).size === list.length, 'repeated option');
/**
 * People's text arrives within a raw bound (UTF-16 units: room for surrounding blanks and
 * characters beyond the BMP); the exact rule (trim, characters, refused characters) is
 * displayName.ts / questionText.ts, whose refusal names the reason (`bad-name`, `bad-question`).
 */
const rawName = z.string().max(NAME_MAX * 4);
const rawQuestion = z.string().max(QUESTION_MAX * 4);
/** Text the guide typed for everyone: one line, no controls, no bidi controls. */
const typedLine = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((text) => text.trim().length > 0 && !hasControl(text) && !hasBidiControl(text), 'empty or control characters');
const typedText = (max: number) =>
  z
    .strictObject({ zh: typedLine(max).optional(), en: typedLine(max).optional() })
    .refine((text) => text.zh !== undefined || text.en !== undefined, 'no language') satisfies z.ZodType<TypedText>;

const stopRef = z.strictObject({ campusId: id, stopId: id }) satisfies z.ZodType<LiveStopRef>;

export const pollSource = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('content'), tourId: id, step: z.number().int().min(0).max(999), questionId: id }),
  z.strictObject({
    kind: z.literal('typed'),
    prompt: typedText(POLL_PROMPT_MAX),
    options: z.array(typedText(POLL_OPTION_MAX)).min(POLL_OPTIONS_MIN).max(POLL_OPTIONS_MAX),
  }),
]) satisfies z.ZodType<PollSource>;

const optionCount = z.number().int().min(POLL_OPTIONS_MIN).max(POLL_OPTIONS_MAX);

/** A draft's parts agree: a typed poll's texts are its options, correct options exist, a single choice has one. */
function draftAgrees(draft: PollDraft): boolean {
  if (draft.source.kind === 'typed' && draft.source.options.length !== draft.options) return false;
  const correct = draft.correct ?? [];
  if (correct.some((index) => index >= draft.options)) return false;
  return draft.multiple || correct.length <= 1;
}

const pollOpen = z
  .strictObject({ v, type: z.literal('poll-open'), source: pollSource, options: optionCount, multiple: z.boolean(), correct: choices.optional() })
  .refine(draftAgrees, 'options disagree');

const tallyCounts = z.strictObject({ counts: z.array(count).max(POLL_OPTIONS_MAX), total: count }) satisfies z.ZodType<TallyCounts>;
const pollPhase = z.enum(['open', 'closed', 'revealed']);

const pollResult = z.strictObject({ counts: z.array(count).max(POLL_OPTIONS_MAX), total: count, correct: choices }) satisfies z.ZodType<PollResult>;

export const livePoll = z.strictObject({
  id: serial,
  source: pollSource,
  options: optionCount,
  multiple: z.boolean(),
  phase: pollPhase,
  result: pollResult.optional(),
}) satisfies z.ZodType<LivePoll>;

const pollTally = z.strictObject({ poll: serial, phase: pollPhase, all: tallyCounts, zh: tallyCounts, en: tallyCounts }) satisfies z.ZodType<PollTally>;

const rosterEntry = z.strictObject({
  id: delegateId,
  n: serial,
  name: z.string().min(1).max(NAME_MAX * 2).nullable(),
  lang,
  following: z.boolean(),
  at: stopRef.nullable(),
  connected: z.boolean(),
  joinedAt: time,
}) satisfies z.ZodType<RosterEntry>;

const raisedHand = z.strictObject({ id: delegateId, at: time }) satisfies z.ZodType<RaisedHand>;
const questionStatus = z.enum(['open', 'answered', 'hidden']);
const liveQuestion = z.strictObject({
  id: serial,
  from: delegateId,
  text: z.string().min(1).max(QUESTION_MAX * 2),
  at: time,
  status: questionStatus,
}) satisfies z.ZodType<LiveQuestion>;
const stopCount = z.strictObject({ campusId: id, stopId: id, count: z.number().int().min(1) }) satisfies z.ZodType<StopCount>;
const reaction = z.enum(REACTIONS);
const reactionCounts = z.partialRecord(reaction, z.number().int().min(1));

export const clientMessage = z.discriminatedUnion('type', [
  z.strictObject({ v, type: z.literal('start') }),
  z.strictObject({ v, type: z.literal('resume'), code, token: credential, rev: rev.optional() }),
  z.strictObject({ v, type: z.literal('state'), rev, state: liveState, view: liveView.nullable().optional() }),
  z.strictObject({ v, type: z.literal('view'), view: liveView }),
  z.strictObject({ v, type: z.literal('end') }),
  z.strictObject({ v, type: z.literal('join'), code, lang, following: z.boolean(), pass: credential.optional(), name: rawName.nullable().optional() }),
  z.strictObject({ v, type: z.literal('status'), lang, following: z.boolean(), at: stopRef.nullable().optional() }),
  z.strictObject({ v, type: z.literal('ping'), t: z.number().finite() }),
  pollOpen,
  z.strictObject({ v, type: z.literal('poll-close'), poll: serial }),
  z.strictObject({ v, type: z.literal('poll-reveal'), poll: serial }),
  z.strictObject({ v, type: z.literal('hand-lower'), delegate: delegateId.optional() }),
  z.strictObject({ v, type: z.literal('question-mark'), question: serial, status: questionStatus }),
  z.strictObject({ v, type: z.literal('remove'), delegate: delegateId }),
  z.strictObject({ v, type: z.literal('bring-back') }),
  z.strictObject({ v, type: z.literal('answer'), poll: serial, choices: choices.min(1) }),
  z.strictObject({ v, type: z.literal('hand'), raised: z.boolean() }),
  z.strictObject({ v, type: z.literal('react'), reaction }),
  z.strictObject({ v, type: z.literal('ask'), text: rawQuestion }),
]) satisfies z.ZodType<ClientMessage>;

const stats = z.strictObject({
  connected: count,
  following: count,
  exploring: count,
  langs: z.strictObject({ zh: count, en: count }),
}) satisfies z.ZodType<LiveStats>;

export const serverMessage = z.discriminatedUnion('type', [
  z.strictObject({ v, type: z.literal('started'), code, token: credential }),
  z.strictObject({ v, type: z.literal('joined'), code, pass: credential }),
  z.strictObject({ v, type: z.literal('waiting'), code }),
  z.strictObject({ v, type: z.literal('snapshot'), rev, state: liveState.nullable(), view: liveView.nullable() }),
  z.strictObject({ v, type: z.literal('view'), view: liveView }),
  z.strictObject({ v, type: z.literal('stats'), stats }),
  z.strictObject({ v, type: z.literal('ended') }),
  z.strictObject({ v, type: z.literal('error'), code: z.enum(ERROR_CODES), retryMs: count.optional() }),
  z.strictObject({ v, type: z.literal('pong'), t: z.number().finite() }),
  z.strictObject({ v, type: z.literal('roster'), reset: z.boolean(), delegates: z.array(rosterEntry).max(LIST_PAGE), gone: z.array(delegateId).max(LIST_PAGE) }),
  z.strictObject({ v, type: z.literal('tally'), tally: pollTally }),
  z.strictObject({ v, type: z.literal('hands'), raised: z.array(raisedHand).max(HANDS_MAX) }),
  z.strictObject({ v, type: z.literal('questions'), reset: z.boolean(), questions: z.array(liveQuestion).max(LIST_PAGE) }),
  z.strictObject({ v, type: z.literal('whereabouts'), stops: z.array(stopCount).max(STOPS_MAX) }),
  z.strictObject({ v, type: z.literal('poll'), poll: livePoll.nullable() }),
  z.strictObject({ v, type: z.literal('reactions'), counts: reactionCounts }),
  z.strictObject({ v, type: z.literal('answered'), poll: serial, choices: choices.min(1) }),
  z.strictObject({ v, type: z.literal('hand'), raised: z.boolean() }),
  z.strictObject({ v, type: z.literal('removed') }),
  z.strictObject({ v, type: z.literal('bring-back') }),
]) satisfies z.ZodType<ServerMessage>;

/** Parses a frame; null for anything that is not a valid message of this version. */
export function parseClientMessage(data: string): ClientMessage | null {
  if (data.length > MAX_FRAME_BYTES) return null;
  try {
    const result = clientMessage.safeParse(JSON.parse(data));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

export function parseServerMessage(data: string): ServerMessage | null {
  try {
    const result = serverMessage.safeParse(JSON.parse(data));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}
