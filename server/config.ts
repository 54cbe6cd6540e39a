/** The server's settings from the environment (see the README's "Live sessions"). */
import { resolve } from 'node:path';
import { defaultServerOptions, type LiveServerOptions } from './app';
import { defaultDataDir } from './dataDir';
import { certSecretFromText } from './certificates/secret';
import { secretFromText } from './secret';

function number(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, not ${JSON.stringify(text)}`);
  return value;
}

const flag = (env: NodeJS.ProcessEnv, name: string): boolean => ['1', 'true', 'yes'].includes((env[name] ?? '').toLowerCase());

const list = (text: string | undefined): string[] => (text ?? '').split(',').map((item) => item.trim()).filter(Boolean);

/** A metrics token short enough to guess would open the metrics to anyone. */
function metricsToken(text: string | undefined): string | null {
  if (!text) return null;
  if (text.length < 16) throw new Error('METRICS_TOKEN must be at least 16 characters');
  return text;
}

export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): LiveServerOptions {
  const d = defaultServerOptions();
  const relay: LiveServerOptions['relay'] = {};
  if (env.LIVE_JOIN_LIMIT) relay.joinCodes = number(env, 'LIVE_JOIN_LIMIT', 50);
  if (env.LIVE_JOIN_WINDOW_MS) relay.joinWindowMs = number(env, 'LIVE_JOIN_WINDOW_MS', 600_000);
  if (env.LIVE_REPEAT_MS) relay.repeatMs = number(env, 'LIVE_REPEAT_MS', 5000);
  if (env.LIVE_PARK_MS) relay.parkMs = number(env, 'LIVE_PARK_MS', 30_000);
  if (env.LIVE_HELLO_MS) relay.helloMs = number(env, 'LIVE_HELLO_MS', 5000);
  const publicOrigins = list(env.PUBLIC_ORIGIN);
  for (const origin of publicOrigins) {
    if (!/^https?:\/\/[^/]+$/.test(origin)) throw new Error(`PUBLIC_ORIGIN must be origins like https://tour.example.edu (scheme, host, port; no path), not ${JSON.stringify(origin)}`);
  }
  return {
    ...d,
    host: env.HOST || d.host,
    port: number(env, 'PORT', d.port),
    distDir: env.DIST_DIR || d.distDir,
    dataDir: defaultDataDir(env),
    redisUrl: env.REDIS_URL || null,
    databaseUrl: env.DATABASE_URL || null,
    certSecret: env.CERT_SECRET ? certSecretFromText(env.CERT_SECRET) : null,
    apiPostLimit: number(env, 'API_POST_LIMIT', d.apiPostLimit),
    secret: env.LIVE_SECRET ? secretFromText(env.LIVE_SECRET) : null,
    secretFile: env.LIVE_SECRET_FILE ? resolve(env.LIVE_SECRET_FILE) : null,
    publicOrigins,
    origins: list(env.LIVE_ORIGINS),
    requireOrigin: flag(env, 'LIVE_REQUIRE_ORIGIN'),
    trustProxy: flag(env, 'LIVE_TRUST_PROXY'),
    heartbeatMs: number(env, 'LIVE_HEARTBEAT_MS', d.heartbeatMs),
    maxConnections: number(env, 'LIVE_MAX_CONNECTIONS', d.maxConnections),
    guideReserve: number(env, 'LIVE_GUIDE_RESERVE', d.guideReserve),
    maxPerAddress: number(env, 'LIVE_MAX_PER_ADDRESS', d.maxPerAddress),
    sessionTtlMs: number(env, 'LIVE_SESSION_TTL_MS', d.sessionTtlMs),
    relay,
    metricsPort: env.METRICS_PORT ? number(env, 'METRICS_PORT', 0) : null,
    metricsHost: env.METRICS_HOST || env.HOST || d.metricsHost,
    metricsToken: metricsToken(env.METRICS_TOKEN),
    shutdownTimeoutMs: number(env, 'SHUTDOWN_TIMEOUT_MS', d.shutdownTimeoutMs),
    shutdownDelayMs: number(env, 'SHUTDOWN_DELAY_MS', d.shutdownDelayMs),
  };
}
