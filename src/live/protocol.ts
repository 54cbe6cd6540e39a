/**
 * The live-session wire protocol, shared by the app and the relay (server/): its constants, its
 * message types and the encoder — declared once, here, without zod, so the app's first page needs
 * no validator. The zod schemas that check frames on arrival (schemas.ts) are checked against these
 * types. The wire carries ids and numbers only: each screen localizes the text itself, so every
 * delegate reads in their own language.
 *
 * Guide → relay:    start | resume | state | view | end | ping
 * Delegate → relay: join | status | ping
 * Relay → client:   started | joined | waiting | snapshot | view | stats | ended | error | pong
 *
 * Discrete changes (stop, open hotspot, tour step, blank screen) travel as full small snapshots with
 * a revision the relay assigns, rising, so applying one twice is harmless and a late joiner needs
 * only the last. A snapshot carries the view the guide has with it. Camera turns travel apart, at
 * most VIEW_RATE_HZ a second, latest wins.
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

export const ERROR_CODES = ['bad-message', 'bad-code', 'rate-limited', 'forbidden', 'too-large', 'flood', 'version', 'busy'] as const;
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
    | { type: 'join'; code: string; lang: Lang; following: boolean; pass?: string | undefined }
    | { type: 'status'; lang: Lang; following: boolean }
    | { type: 'ping'; t: number }
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
  );

/** A message type without its version, for senders (the encoder adds it). */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type Outgoing<M> = DistributiveOmit<M, 'v'>;

export const encode = (message: Outgoing<ClientMessage | ServerMessage>): string => JSON.stringify({ v: PROTOCOL_VERSION, ...message });
