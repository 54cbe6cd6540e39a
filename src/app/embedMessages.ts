/**
 * The postMessage API of an embedded tour (documented in the README, "Phones, headsets and
 * embedding"). The host page asks; the tour answers and reports where the visitor goes. Every
 * message is an object whose `type` starts with `campus-tour:`; anything else, or a known type
 * with the wrong shape, is ignored.
 */
import { z } from '../content/zod';
import { FOV_MAX, FOV_MIN, ID_PATTERN } from '../content/limits';

const id = z.string().regex(ID_PATTERN);
const yaw = z.number().min(-180).max(180);
const pitch = z.number().min(-90).max(90);
const fov = z.number().min(FOV_MIN).max(FOV_MAX);

const view = z.strictObject({ yaw, pitch, fov });

/** Host → tour. */
export const hostMessage = z.discriminatedUnion('type', [
  /** Go to a stop (of this campus or another), at its usual arrival view or at `view`. */
  z.strictObject({ type: z.literal('campus-tour:go'), campus: id, stop: id, view: view.optional() }),
  /** Turn the view on the current stop; a missing `fov` keeps the current zoom. */
  z.strictObject({ type: z.literal('campus-tour:look'), view: z.strictObject({ yaw, pitch, fov: fov.optional() }) }),
  /** Ask where the visitor is: the tour answers with `campus-tour:where`. */
  z.strictObject({ type: z.literal('campus-tour:where') }),
]);
export type HostMessage = z.infer<typeof hostMessage>;

/** Reads a message from the host; null for anything that is not one of ours, well formed. */
export function readHostMessage(data: unknown): HostMessage | null {
  const parsed = hostMessage.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/** Where the visitor is, as the tour reports it to the host. */
export interface TourWhere {
  lang: string;
  campus: string | null;
  stop: string | null;
  view: { yaw: number; pitch: number; fov: number } | null;
  /** The full tour's link of this place and view (no embed flag): for "open in a new tab". */
  url: string;
}

/** Tour → host. `ready` once the tour runs; `place` on each new stop; `view` as the visitor looks around (a few a second at most); `where` answers `campus-tour:where`. */
export type TourEvent = { type: 'campus-tour:ready' | 'campus-tour:place' | 'campus-tour:view' | 'campus-tour:where' } & TourWhere;
