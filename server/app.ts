/**
 * The one process of `npm start`: an http server that serves the built app and, on the same port,
 * the live relay. In memory unless `redisUrl` is given.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HEARTBEAT_MS, LIVE_PATH } from '../src/live/protocol';
import { MemoryBackplane, type Backplane, type BackplaneTimes } from './backplane';
import { attachLiveSockets, type LiveSocketOptions } from './liveSocket';
import { Relay, type RelayOptions } from './relay';
import { loadSecretFile, defaultSecretFile } from './secret';
import { createStaticHandler } from './static';

export interface LiveServerOptions extends LiveSocketOptions, BackplaneTimes {
  host: string;
  /** 0 picks a free port. */
  port: number;
  distDir: string;
  redisUrl: string | null;
  /** The token-signing secret; when absent, LIVE_SECRET_FILE's (in memory) or Redis's. */
  secret: Buffer | null;
  secretFile: string;
  relay: Partial<RelayOptions>;
}

export const defaultServerOptions: LiveServerOptions = {
  host: '127.0.0.1',
  port: 4173,
  distDir: 'dist',
  redisUrl: null,
  secret: null,
  secretFile: defaultSecretFile(),
  origins: [],
  requireOrigin: false,
  trustProxy: false,
  heartbeatMs: HEARTBEAT_MS,
  maxConnections: 10_000,
  sessionTtlMs: 30 * 60_000,
  endedTtlMs: 24 * 3600_000,
  relay: {},
};

export interface LiveServer {
  /** `http://host:port` */
  url: string;
  port: number;
  server: Server;
  relay: Relay;
  mode: 'memory' | 'redis';
  close(): Promise<void>;
}

export async function startLiveServer(overrides: Partial<LiveServerOptions> = {}): Promise<LiveServer> {
  const options = { ...defaultServerOptions, ...overrides };
  let bus: Backplane;
  let secret = options.secret;
  if (options.redisUrl) {
    // Loaded only when used: ioredis costs a quarter of a second of startup and some memory.
    const { RedisBackplane } = await import('./redisBus');
    const redis = await RedisBackplane.connect(options.redisUrl, options);
    secret ??= await redis.sharedSecret();
    bus = redis;
  } else {
    bus = new MemoryBackplane(options, options.relay.now);
    secret ??= loadSecretFile(options.secretFile);
  }
  const relay = new Relay(bus, secret, options.relay);
  const serveFile = createStaticHandler(options.distDir);
  const server = createServer((req, res) => {
    if ((req.url ?? '').split('?')[0] === LIVE_PATH) {
      res.writeHead(426, { Upgrade: 'websocket', 'Content-Type': 'text/plain; charset=utf-8' }).end('Upgrade to a WebSocket\n');
      return;
    }
    serveFile(req, res);
  });
  const sockets = attachLiveSockets(server, relay, options);
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host, () => {
      server.off('error', fail);
      done();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    port,
    server,
    relay,
    mode: options.redisUrl ? 'redis' : 'memory',
    async close() {
      await sockets.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await bus.close();
    },
  };
}
