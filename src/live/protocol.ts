/**
 * The live-session wire protocol, shared by the app and the relay (server/). Every message is JSON
 * with a protocol version, validated on arrival with zod, every field bounded. The wire carries
 * ids and numbers only: each screen localizes the text itself, so every delegate reads in their
 * own language.
 *
 * Guide → relay:    start | resume | state | view | end | ping
 * Delegate → relay: join | status | ping
 * Relay → client:   started | joined | snapshot | view | stats | ended | error | pong
 *
 * Discrete changes (stop, open hotspot, tour step, blank screen) travel as full small snapshots
 * with a rising revision, so applying one twice is harmless and a late joiner needs only the last.
 * Camera turns travel apart, at most ~10 a second, latest wins.
 */
import { z } from '../content/zod';
import { CODE_ALPHABET, CODE_LENGTH, MAX_FRAME_BYTES, PROTOCOL_VERSION } from './protocolBasics';

// The zod-free part, re-exported: the app's first page needs it without zod (see protocolBasics.ts).
export * from './protocolBasics';

const codePattern = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

const id = z.string().max(64).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
const code = z.string().regex(codePattern);
const token = z.string().regex(/^[A-Za-z0-9_-]{32,64}$/);
const lang = z.enum(['zh', 'en']);
const rev = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const liveView = z.strictObject({
  yaw: z.number().min(-180).max(180),
  pitch: z.number().min(-90).max(90),
  fov: z.number().min(30).max(110),
});

export const livePlace = z.discriminatedUnion('page', [
  z.strictObject({ page: z.literal('home') }),
  z.strictObject({ page: z.literal('about') }),
  z.strictObject({ page: z.literal('campus'), campusId: id }),
  z.strictObject({ page: z.literal('stop'), campusId: id, stopId: id }),
]);

/** Everything a delegate's screen follows, except the camera. */
export const liveState = z.strictObject({
  place: livePlace,
  openHotspotId: id.nullable(),
  tour: z.strictObject({ id, step: z.number().int().min(0).max(999) }).nullable(),
  blank: z.boolean(),
});
export type LiveState = z.infer<typeof liveState>;
export type LiveView = z.infer<typeof liveView>;

const v = z.literal(PROTOCOL_VERSION);

export const clientMessage = z.discriminatedUnion('type', [
  z.strictObject({ v, type: z.literal('start') }),
  z.strictObject({ v, type: z.literal('resume'), code, token }),
  z.strictObject({ v, type: z.literal('state'), rev, state: liveState }),
  z.strictObject({ v, type: z.literal('view'), view: liveView }),
  z.strictObject({ v, type: z.literal('end') }),
  z.strictObject({ v, type: z.literal('join'), code, lang, following: z.boolean() }),
  z.strictObject({ v, type: z.literal('status'), lang, following: z.boolean() }),
  z.strictObject({ v, type: z.literal('ping'), t: z.number().finite() }),
]);
export type ClientMessage = z.infer<typeof clientMessage>;

export const stats = z.strictObject({
  connected: z.number().int().min(0),
  following: z.number().int().min(0),
  exploring: z.number().int().min(0),
  langs: z.strictObject({ zh: z.number().int().min(0), en: z.number().int().min(0) }),
});
export type LiveStats = z.infer<typeof stats>;

export const errorCode = z.enum(['bad-message', 'bad-code', 'rate-limited', 'forbidden', 'too-large', 'flood', 'version']);
export type LiveErrorCode = z.infer<typeof errorCode>;

export const serverMessage = z.discriminatedUnion('type', [
  z.strictObject({ v, type: z.literal('started'), code, token }),
  z.strictObject({ v, type: z.literal('joined'), code }),
  z.strictObject({ v, type: z.literal('snapshot'), rev, state: liveState.nullable(), view: liveView.nullable() }),
  z.strictObject({ v, type: z.literal('view'), view: liveView }),
  z.strictObject({ v, type: z.literal('stats'), stats }),
  z.strictObject({ v, type: z.literal('ended') }),
  z.strictObject({ v, type: z.literal('error'), code: errorCode }),
  z.strictObject({ v, type: z.literal('pong'), t: z.number().finite() }),
]);
export type ServerMessage = z.infer<typeof serverMessage>;

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
