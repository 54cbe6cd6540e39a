/**
 * The live relay as the server runs it: its backplane (in memory, or Redis when `redisUrl` is set),
 * its secret, the relay, and its WebSockets on the app's http server.
 */
import type { Server } from 'node:http';
import { HEARTBEAT_MS } from '../src/live/protocol';
import { MemoryBackplane, type Backplane, type BackplaneTimes } from './backplane';
import { defaultDataDir } from './dataDir';
import { fileEndedCodes } from './endedCodes';
import { attachLiveSockets, defaultPublicOrigins, type LiveSocketOptions } from './liveSocket';
import { Relay, defaultRelayOptions, type RelayOptions } from './relay';
import { CLOSE } from './relayConn';
import { dataDirSecret, readSecretFile, secretFingerprint } from './secret';

export interface LiveOptions extends Omit<LiveSocketOptions, 'publicOrigins'>, BackplaneTimes {
  redisUrl: string | null;
  /** The token-signing secret (LIVE_SECRET); else `secretFile`'s; else, in memory only, the data directory's. */
  secret: Buffer | null;
  secretFile: string | null;
  /** The server's own state: the secret and the ended codes of a relay without Redis (dataDir.ts). */
  dataDir: string;
  /** The origins the app is served from (PUBLIC_ORIGIN); empty: the URL the server listens on. */
  publicOrigins: readonly string[];
  relay: Partial<RelayOptions>;
}

export const defaultLiveOptions = (): LiveOptions => ({
  redisUrl: null,
  secret: null,
  secretFile: null,
  dataDir: defaultDataDir(),
  publicOrigins: [],
  origins: [],
  requireOrigin: false,
  trustProxy: false,
  heartbeatMs: HEARTBEAT_MS,
  maxConnections: 10_000,
  guideReserve: 100,
  maxPerAddress: 1_000,
  sessionTtlMs: 30 * 60_000,
  endedTtlMs: 24 * 3600_000,
  relay: {},
});

export interface Live {
  relay: Relay;
  mode: 'memory' | 'redis';
  /** Serves the relay's WebSockets on `server`, which is reachable at `url`. */
  attach(server: Server, url: string): void;
  readonly sockets: number;
  /** Resolves when the backplane answers (Redis), at once in memory: for /readyz. */
  ping(): Promise<void>;
  /** Tells every client to go elsewhere (1001) and closes the sockets; the backplane stays. */
  goAway(): Promise<void>;
  close(): Promise<void>;
}

export async function createLive(options: LiveOptions): Promise<Live> {
  const relayOptions = { ...defaultRelayOptions, maxDelegates: options.maxConnections, ...options.relay };
  const guess = { codes: relayOptions.joinCodes, windowMs: relayOptions.joinWindowMs };
  // An ended code must stay ended for as long as its guide's token could re-create the session.
  const times = { sessionTtlMs: options.sessionTtlMs, endedTtlMs: Math.max(options.endedTtlMs, relayOptions.tokenMaxAgeMs) };
  let secret = options.secret ?? (options.secretFile ? readSecretFile(options.secretFile) : null);
  let bus: Backplane;
  let ping = (): Promise<void> => Promise.resolve();
  if (options.redisUrl) {
    if (!secret) {
      throw new Error(
        'REDIS_URL is set, so relays share sessions, and every relay must sign with the same secret: set LIVE_SECRET (at least 32 characters) or LIVE_SECRET_FILE to the same value on all of them',
      );
    }
    // Loaded only when used: ioredis costs a quarter of a second of startup and some memory.
    const { RedisBackplane } = await import('./redisBus');
    const redis = await RedisBackplane.connect(options.redisUrl, times, guess);
    try {
      await redis.checkSecret(secretFingerprint(secret));
    } catch (error) {
      await redis.close();
      throw error;
    }
    bus = redis;
    ping = () => redis.ping();
  } else {
    secret ??= dataDirSecret(options.dataDir);
    bus = new MemoryBackplane(times, relayOptions.now, guess, fileEndedCodes(options.dataDir, relayOptions.now()));
  }
  const relay = new Relay(bus, secret, relayOptions);
  let sockets: ReturnType<typeof attachLiveSockets> | null = null;
  return {
    relay,
    mode: options.redisUrl ? 'redis' : 'memory',
    attach(server, url) {
      const publicOrigins = options.publicOrigins.length > 0 ? options.publicOrigins : defaultPublicOrigins(url);
      sockets = attachLiveSockets(server, relay, { ...options, publicOrigins });
    },
    get sockets() {
      return sockets?.size ?? 0;
    },
    ping,
    async goAway() {
      if (sockets) await sockets.close(CLOSE.goingAway, 'going away');
      else relay.shutdown(CLOSE.goingAway, 'going away');
    },
    async close() {
      if (sockets) await sockets.close();
      else relay.shutdown();
      await bus.close();
    },
  };
}
