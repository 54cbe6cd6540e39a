/**
 * Prometheus metrics (prom-client), each server on a registry of its own (tests run several in
 * one process). Served on METRICS_PORT, or at /metrics with METRICS_TOKEN: never open to visitors.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface LiveMetrics {
  registry: Registry;
  refusals: Counter<'reason'>;
  drops: Counter<'reason'>;
  failures: Counter;
  messagesIn: Counter;
  messagesOut: Counter;
  messageSeconds: Histogram<'type'>;
  httpSeconds: Histogram<'status'>;
}

/** `read` gives the live numbers at scrape time (no bookkeeping on the hot path for gauges). */
export function createMetrics(read: { sessions(): number; sockets(): number; draining(): boolean }): LiveMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const gauge = (name: string, help: string, value: () => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(value());
      },
    });
  gauge('live_sessions', 'Live sessions this relay holds (with a guide or delegates connected here)', read.sessions);
  gauge('live_sockets', 'Open live-relay WebSockets', read.sockets);
  gauge('server_draining', '1 while the server is shutting down', () => (read.draining() ? 1 : 0));
  return {
    registry,
    refusals: new Counter({ name: 'live_refusals_total', help: 'Messages answered with an error, by reason', labelNames: ['reason'], registers: [registry] }),
    drops: new Counter({ name: 'live_drops_total', help: 'Sockets the relay dropped, by reason', labelNames: ['reason'], registers: [registry] }),
    failures: new Counter({ name: 'live_failures_total', help: 'Messages whose handling failed (e.g. Redis away)', registers: [registry] }),
    messagesIn: new Counter({ name: 'live_messages_in_total', help: 'Frames received from clients', registers: [registry] }),
    messagesOut: new Counter({ name: 'live_messages_out_total', help: 'Frames sent to clients', registers: [registry] }),
    messageSeconds: new Histogram({
      name: 'live_message_seconds',
      help: 'From a message arriving to its handling done (Redis round trips included), by type',
      labelNames: ['type'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers: [registry],
    }),
    httpSeconds: new Histogram({
      name: 'http_request_seconds',
      help: 'HTTP requests, from arrival to the response finished, by status',
      labelNames: ['status'],
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
      registers: [registry],
    }),
  };
}
