/**
 * What the relay tells the outside about its work: refusals, drops, failures, messages and their
 * handling time. The relay calls these at a few points and knows nothing of logs or metrics;
 * `observability/observer.ts` turns them into both. Nothing here carries a token, a join code or
 * a message body, so nothing that reaches a log can leak one.
 */
import type { LiveErrorCode } from '../../src/live/protocol';

export interface RelayEvents {
  /** A message was answered with an error (a refused join, a flood, a forbidden guide message…). */
  refused(code: LiveErrorCode, address: string): void;
  /** A socket was dropped by the relay (too slow, the backplane away). */
  dropped(reason: string, address: string): void;
  /** Handling a message failed unexpectedly (e.g. Redis unreachable). */
  failed(error: unknown): void;
  /** A frame arrived. */
  received(): void;
  /** Frames were written to sockets. */
  sent(count: number): void;
  /** A valid message was handled, `seconds` after it arrived. */
  handled(type: string, seconds: number): void;
}

export const noRelayEvents: RelayEvents = {
  refused: () => {},
  dropped: () => {},
  failed: () => {},
  received: () => {},
  sent: () => {},
  handled: () => {},
};
