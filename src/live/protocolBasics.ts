/**
 * The part of the live protocol (protocol.ts) that needs no validator: version, limits, the join
 * code's format and the encoder. The app's pages use it without loading zod; the parsers, which
 * need zod, come with the first live connection.
 */
import type { ClientMessage, ServerMessage } from './protocol';

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

/** `k7q-x2m`, `K7QX2M` and `K7Q X2M` all name the same session. */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

/** `K7QX2M` → `K7Q-X2M`, for reading aloud and typing. */
export function formatCode(code: string): string {
  return `${code.slice(0, 3)}-${code.slice(3)}`;
}

/** Distributes a message type over a union, so `Omit` keeps each variant apart. */
type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

export const encode = (message: DistributiveOmit<ClientMessage | ServerMessage, 'v'>): string =>
  JSON.stringify({ v: PROTOCOL_VERSION, ...message });
