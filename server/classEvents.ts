/**
 * The class layer of a session as a log: every delegate's join, leave, change, answer, hand and
 * question, and every guide's poll, mark, removal and place, appended in one order (the
 * backplane's: a Redis list, or an array) and numbered by that order. Every relay of the session
 * replays the same log to the same state (classState.ts), so an answer is counted once however
 * often it is sent and wherever, a roster number means the same delegate everywhere, and a relay
 * that starts late (or after another was killed) reads everything that was acknowledged.
 * Reactions are not in it: they are counts of a second, gone the next (reactions.ts).
 */
import { z } from 'zod';
import { ID_PATTERN, LANGS } from '../src/content/limits';
import { DELEGATE_ID_PATTERN, ID_MAX, NAME_MAX, QUESTION_MAX, SERIAL_MAX } from '../src/live/protocol';
import { livePoll } from '../src/live/schemas';

const id = z.string().max(ID_MAX).regex(ID_PATTERN);
const d = z.string().regex(DELEGATE_ID_PATTERN);
const t = z.number().int().min(0).max(SERIAL_MAX);
const lang = z.enum(LANGS);
const serial = z.number().int().min(1).max(SERIAL_MAX);
const stop = z.strictObject({ campusId: id, stopId: id });
/** A socket's key (relay id + its count there): a leave counts only for the socket that joined last. */
const connKey = z.string().regex(/^[A-Za-z0-9_-]{1,32}:\d{1,15}$/);
const draft = livePoll.pick({ source: true, options: true, multiple: true }).extend({ correct: z.array(z.number().int().min(0).max(5)).max(6) });

export const classEvent = z.discriminatedUnion('k', [
  z.strictObject({ k: z.literal('join'), d, name: z.string().min(1).max(NAME_MAX * 2).nullable().optional(), lang, f: z.boolean(), at: stop.nullable(), c: connKey, t }),
  z.strictObject({ k: z.literal('leave'), d, c: connKey, t }),
  z.strictObject({ k: z.literal('status'), d, lang, f: z.boolean(), at: stop.nullable().optional(), t }),
  z.strictObject({ k: z.literal('answer'), d, p: serial, ch: z.array(z.number().int().min(0).max(5)).min(1).max(6), lang, t }),
  z.strictObject({ k: z.literal('hand'), d, up: z.boolean(), t }),
  z.strictObject({ k: z.literal('lower'), d: d.nullable(), t }),
  z.strictObject({ k: z.literal('ask'), d, q: z.string().min(1).max(QUESTION_MAX * 2), t }),
  z.strictObject({ k: z.literal('mark'), q: serial, s: z.enum(['open', 'answered', 'hidden']), t }),
  z.strictObject({ k: z.literal('poll'), draft, t }),
  z.strictObject({ k: z.literal('close'), p: serial, t }),
  z.strictObject({ k: z.literal('reveal'), p: serial, t }),
  z.strictObject({ k: z.literal('remove'), d, t }),
  z.strictObject({ k: z.literal('back'), t }),
  /** The group's place changed (the guide's): stops visited with the group, for the report. */
  z.strictObject({ k: z.literal('place'), at: stop.nullable(), t }),
]);
export type ClassEvent = z.infer<typeof classEvent>;

/** A log entry: its number in the log (1, 2, …) and the event. */
export type Logged = { n: number; e: ClassEvent };

/** Parses a stored or published entry; null for anything else. */
export function parseClassEvent(text: string): ClassEvent | null {
  try {
    const result = classEvent.safeParse(JSON.parse(text));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}
