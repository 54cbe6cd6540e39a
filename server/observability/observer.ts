/** The relay's events (relayEvents.ts) as log lines and metrics. */
import type { LiveErrorCode } from '../../src/live/protocol';
import type { Logger } from './logger';
import type { LiveMetrics } from './metrics';
import type { RelayEvents } from './relayEvents';

/**
 * Refusals an operator wants to see one by one: join guessing, floods, limits, forged guide
 * messages. The others (malformed frames from a buggy client, a wrong version) are counted only.
 */
const LOGGED: ReadonlySet<LiveErrorCode> = new Set(['bad-code', 'rate-limited', 'flood', 'forbidden']);

export function relayObserver(log: Logger, metrics: LiveMetrics): RelayEvents {
  return {
    refused(code, address) {
      metrics.refusals.inc({ reason: code });
      if (LOGGED.has(code)) log.warn({ event: 'refused', reason: code, address }, `live: refused (${code})`);
    },
    dropped(reason, address) {
      metrics.drops.inc({ reason });
      log.warn({ event: 'dropped', reason, address }, `live: socket dropped (${reason})`);
    },
    failed(error) {
      metrics.failures.inc();
      log.error({ event: 'failed', err: error instanceof Error ? { message: error.message, type: error.name } : String(error) }, 'live: handling a message failed');
    },
    received: () => metrics.messagesIn.inc(),
    sent: (count) => {
      if (count > 0) metrics.messagesOut.inc(count);
    },
    handled: (type, seconds) => metrics.messageSeconds.observe({ type }, seconds),
  };
}
