/**
 * /healthz: the process is alive and serving. /readyz: it should get traffic — not while it shuts
 * down, and not while Redis (when configured) does not answer. Load balancers and orchestrators
 * poll these; the bodies are for the people reading them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface Readiness {
  draining(): boolean;
  /** Resolves when every dependency answers; rejects (with a reason) otherwise. */
  dependencies(): Promise<void>;
  /** Told why a check failed (for the log: the reply says only "not ready"). */
  onFailure?(error: unknown): void;
  /** Named dependencies shown in the ready reply, e.g. `{ db: 'sqlite' }`. */
  details?(): Record<string, string>;
}

const CHECK_TIMEOUT_MS = 1000;

function reply(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(`${JSON.stringify(body)}\n`);
}

/** Answers the health paths; false for any other request. */
export function handleHealth(req: IncomingMessage, res: ServerResponse, readiness: Readiness): boolean {
  const path = (req.url ?? '').split('?')[0];
  if (path === '/healthz') {
    reply(res, 200, { status: 'ok' });
    return true;
  }
  if (path !== '/readyz') return false;
  if (readiness.draining()) {
    reply(res, 503, { status: 'shutting down' });
    return true;
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  Promise.race([readiness.dependencies(), timeout])
    .then(
      () => reply(res, readiness.draining() ? 503 : 200, { status: readiness.draining() ? 'shutting down' : 'ready', ...readiness.details?.() }),
      (error: unknown) => {
        readiness.onFailure?.(error);
        reply(res, 503, { status: 'not ready' });
      },
    )
    .finally(() => clearTimeout(timer));
  return true;
}
