/**
 * The one process of `npm start`: an http server that serves the built app and, on the same port,
 * the live relay, /healthz and /readyz; Prometheus metrics on a port of their own or behind a
 * token. In memory unless `redisUrl` is given. `shutdown()` is the graceful stop of a rolling
 * restart; `close()` the quick one of tests.
 */
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { LIVE_PATH } from '../src/live/protocol';
import { handleHealth } from './http/health';
import { applyHeaders, securityHeaders } from './http/securityHeaders';
import { createLive, defaultLiveOptions, type LiveOptions } from './live';
import { loggablePath, silentLogger, type Logger } from './observability/logger';
import { createMetrics, type LiveMetrics } from './observability/metrics';
import { relayObserver } from './observability/observer';
import type { Relay } from './relay';
import { createStaticHandler } from './static';
import { certSecret } from './certificates/secret';
import { loadTours } from './certificates/tours';
import { certificates } from './db/certificates';
import { liveReports } from './db/liveReports';
import { certificatesApi } from './http/certificatesApi';
import { openDatabase, type AppDatabase } from './db/open';

export interface LiveServerOptions extends LiveOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  distDir: string;
  /** Serve /metrics on this port (and `metricsHost`), apart from visitors; null: not on a port. */
  metricsPort: number | null;
  metricsHost: string;
  /** Serve /metrics on the main port to `Authorization: Bearer <token>`; null: not there. */
  metricsToken: string | null;
  /** `shutdown()` gives open requests and sockets this long, then closes them. */
  shutdownTimeoutMs: number;
  /**
   * `shutdown()` first says 503 on /readyz for this long while still serving, so a load balancer
   * that polls it stops sending new clients before the port closes (0: close at once; a proxy that
   * retries refused connections on another replica, as Caddy does, needs no delay).
   */
  shutdownDelayMs: number;
  /** Where the JSON log lines go; silent by default (index.ts logs to stdout). */
  logger: Logger;
  /** PostgreSQL (DATABASE_URL); null: SQLite in `dataDir` (server/db/open.ts). */
  databaseUrl: string | null;
  /** How often expired live reports are deleted (also once at start). */
  purgeEveryMs: number;
  /** The key of certificate codes (CERT_SECRET); null: the data directory's (certificates/secret.ts). */
  certSecret: Buffer | null;
  /** Quiz and certificate POSTs one address may make per `apiPostWindowMs`. */
  apiPostLimit: number;
  apiPostWindowMs: number;
}

export const defaultServerOptions = (): LiveServerOptions => ({
  ...defaultLiveOptions(),
  host: '127.0.0.1',
  port: 4173,
  distDir: 'dist',
  metricsPort: null,
  metricsHost: '127.0.0.1',
  metricsToken: null,
  shutdownTimeoutMs: 10_000,
  shutdownDelayMs: 0,
  logger: silentLogger(),
  databaseUrl: null,
  purgeEveryMs: 3600_000,
  certSecret: null,
  apiPostLimit: 300,
  apiPostWindowMs: 10 * 60_000,
});

export interface LiveServer {
  /** `http://host:port` */
  url: string;
  port: number;
  server: Server;
  relay: Relay;
  mode: 'memory' | 'redis';
  metrics: LiveMetrics;
  /** `http://host:port/metrics` when served on a port of its own. */
  metricsUrl: string | null;
  /** The server's database: certificates, quiz attempts, live-session reports. */
  database: AppDatabase;
  /**
   * The graceful stop (SIGTERM): /readyz says 503 and the port stops accepting at once, live
   * clients are told to reconnect (1001, going away: through the load balancer to another
   * replica), open requests finish, queued Redis writes are flushed, within `shutdownTimeoutMs`.
   */
  shutdown(): Promise<void>;
  close(): Promise<void>;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest();

function tokenAllowed(req: IncomingMessage, token: string): boolean {
  const given = /^Bearer (.+)$/i.exec(String(req.headers.authorization ?? ''))?.[1] ?? '';
  return timingSafeEqual(sha256(given), sha256(token));
}

/** A proxy's request id when it looks like one, else a new one. */
const requestId = (req: IncomingMessage): string => {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.:-]{1,64}$/.test(given) ? given : randomUUID();
};

async function serveMetrics(res: ServerResponse, metrics: LiveMetrics): Promise<void> {
  const body = await metrics.registry.metrics();
  res.writeHead(200, { 'Content-Type': metrics.registry.contentType, 'Cache-Control': 'no-store' }).end(body);
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise<number>((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      done((server.address() as AddressInfo).port);
    });
  });
}

const urlOf = (host: string, port: number) => `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

export async function startLiveServer(overrides: Partial<LiveServerOptions> = {}): Promise<LiveServer> {
  const options = { ...defaultServerOptions(), ...overrides };
  const log = options.logger;
  let draining = false;
  let relay: Relay | null = null;
  let sockets = () => 0;
  const metrics = createMetrics({
    sessions: () => relay?.metrics.sessions ?? 0,
    sockets: () => sockets(),
    draining: () => draining,
  });
  // Checked before anything opens: a server without its certificate key must not start.
  const certKey = certSecret(options);
  const tours = loadTours();
  const database = await openDatabase(options);
  const purge = () =>
    liveReports(database.db)
      .purgeExpired()
      .then(
        (deleted) => deleted > 0 && log.info({ event: 'live-reports-purged', deleted }, 'expired live-session reports deleted'),
        (error: unknown) => log.error({ event: 'purge-failed', err: error instanceof Error ? error.message : String(error) }, 'deleting expired live-session reports failed'),
      );
  await purge();
  const purgeTimer = setInterval(() => void purge(), options.purgeEveryMs);
  purgeTimer.unref();
  let live: Awaited<ReturnType<typeof createLive>>;
  try {
    live = await createLive({ ...options, relay: { events: relayObserver(log, metrics), ...options.relay } });
  } catch (error) {
    clearInterval(purgeTimer);
    await database.close();
    throw error;
  }
  relay = live.relay;
  sockets = () => live.sockets;
  const serveFile = createStaticHandler(options.distDir);
  const api = certificatesApi({
    tours,
    certificates: certificates(database.db),
    secret: certKey,
    trustProxy: options.trustProxy,
    postLimit: options.apiPostLimit,
    postWindowMs: options.apiPostWindowMs,
    logger: log,
  });
  const headers = securityHeaders(options.publicOrigins);
  const readiness = {
    draining: () => draining,
    dependencies: async () => {
      if (options.redisUrl) await live.ping().catch(() => Promise.reject(new Error('Redis does not answer')));
      await database.ping().catch(() => Promise.reject(new Error(`the database (${database.engine}) does not answer`)));
    },
    details: () => ({ db: database.engine }),
    onFailure: (error: unknown) => log.error({ event: 'not-ready', reason: error instanceof Error ? error.message : String(error) }, 'readyz: not ready'),
  };

  const server = createServer((req, res) => {
    const started = performance.now();
    const id = requestId(req);
    applyHeaders(res, headers);
    res.setHeader('X-Request-Id', id);
    if (draining) res.setHeader('Connection', 'close');
    res.once('finish', () => {
      const seconds = (performance.now() - started) / 1000;
      metrics.httpSeconds.observe({ status: String(res.statusCode) }, seconds);
      const line = { event: 'request', id, method: req.method, path: loggablePath(req.url), status: res.statusCode, ms: Math.round(seconds * 1000) };
      if (res.statusCode >= 500) log.error(line, 'request failed');
      else log.info(line, 'request');
    });
    const path = (req.url ?? '').split('?')[0];
    if (handleHealth(req, res, readiness)) return;
    if (path === '/metrics' && options.metricsToken !== null) {
      if (!tokenAllowed(req, options.metricsToken)) {
        res.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8', 'WWW-Authenticate': 'Bearer' }).end('Unauthorized\n');
        return;
      }
      void serveMetrics(res, metrics);
      return;
    }
    if (api(req, res, path ?? '')) return;
    if (path === LIVE_PATH) {
      res.writeHead(426, { Upgrade: 'websocket', 'Content-Type': 'text/plain; charset=utf-8' }).end('Upgrade to a WebSocket\n');
      return;
    }
    serveFile(req, res);
  });
  // While shutting down, a new WebSocket on a kept-alive connection is refused: the client goes
  // to another replica. (ws sees the socket destroyed and leaves it.)
  server.prependListener('upgrade', (_req: IncomingMessage, socket: Duplex) => {
    if (!draining) return;
    socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    socket.destroy();
  });
  const port = await listen(server, options.port, options.host);
  live.attach(server, urlOf(options.host, port));

  let metricsServer: Server | null = null;
  let metricsUrl: string | null = null;
  if (options.metricsPort !== null) {
    const ownServer = createServer((req, res) => {
      if ((req.url ?? '').split('?')[0] === '/metrics') void serveMetrics(res, metrics);
      else res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
    });
    metricsServer = ownServer;
    metricsUrl = `${urlOf(options.metricsHost, await listen(ownServer, options.metricsPort, options.metricsHost))}/metrics`;
  }

  let stopped: Promise<void> | null = null;
  const closeRest = async () => {
    if (metricsServer) {
      metricsServer.closeAllConnections();
      await new Promise<void>((done) => metricsServer.close(() => done()));
    }
    await live.close();
    clearInterval(purgeTimer);
    // Last: requests still finishing above may write to it.
    await database.close();
  };

  return {
    url: urlOf(options.host, port),
    port,
    server,
    relay: live.relay,
    mode: live.mode,
    metrics,
    metricsUrl,
    database,
    shutdown() {
      stopped ??= (async () => {
        draining = true;
        const begun = performance.now();
        log.info({ event: 'shutdown', sockets: live.sockets }, 'shutting down: not ready, then not accepting, telling live clients to reconnect');
        if (options.shutdownDelayMs > 0) await new Promise((done) => setTimeout(done, options.shutdownDelayMs));
        const httpClosed = new Promise<void>((done) => server.close(() => done()));
        server.closeIdleConnections();
        await live.goAway();
        let timer: NodeJS.Timeout | undefined;
        const timedOut = await Promise.race([
          httpClosed.then(() => false),
          new Promise<boolean>((done) => {
            timer = setTimeout(() => done(true), options.shutdownTimeoutMs);
          }),
        ]);
        clearTimeout(timer);
        if (timedOut) {
          log.warn({ event: 'shutdown-timeout' }, 'requests still open at the shutdown bound: closing them');
          server.closeAllConnections();
          await httpClosed;
        }
        // ioredis's QUIT goes after every queued command: the writes already sent are flushed.
        await closeRest();
        log.info({ event: 'stopped', ms: Math.round(performance.now() - begun) }, 'stopped');
      })();
      return stopped;
    },
    close() {
      stopped ??= (async () => {
        draining = true;
        await live.goAway();
        server.closeAllConnections();
        await new Promise<void>((done) => server.close(() => done()));
        await closeRest();
      })();
      return stopped;
    },
  };
}
