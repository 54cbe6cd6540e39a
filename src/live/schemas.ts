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
  ERROR_CODES,
  ID_MAX,
  MAX_FRAME_BYTES,
  PROTOCOL_VERSION,
  VIEW_LIMITS,
  type ClientMessage,
  type LivePlace,
  type LiveState,
  type LiveStats,
  type LiveView,
  type ServerMessage,
} from './protocol';

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

export const clientMessage = z.discriminatedUnion('type', [
  z.strictObject({ v, type: z.literal('start') }),
  z.strictObject({ v, type: z.literal('resume'), code, token: credential, rev: rev.optional() }),
  z.strictObject({ v, type: z.literal('state'), rev, state: liveState, view: liveView.nullable().optional() }),
  z.strictObject({ v, type: z.literal('view'), view: liveView }),
  z.strictObject({ v, type: z.literal('end') }),
  z.strictObject({ v, type: z.literal('join'), code, lang, following: z.boolean(), pass: credential.optional() }),
  z.strictObject({ v, type: z.literal('status'), lang, following: z.boolean() }),
  z.strictObject({ v, type: z.literal('ping'), t: z.number().finite() }),
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
