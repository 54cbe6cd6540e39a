/**
 * `npm start` / `npm run serve`: the built app and the live relay on one port, JSON logs on stdout.
 * PORT (4173), HOST (127.0.0.1), REDIS_URL (scale-out; in memory without it), PUBLIC_ORIGIN,
 * METRICS_PORT / METRICS_HOST / METRICS_TOKEN, SHUTDOWN_DELAY_MS / SHUTDOWN_TIMEOUT_MS, LOG_LEVEL, and the LIVE_*
 * settings of config.ts (see docs/deploy.md).
 *
 * SIGTERM (or SIGINT) stops it gracefully (app.ts `shutdown()`) and exits 0; past
 * SHUTDOWN_DELAY_MS + SHUTDOWN_TIMEOUT_MS and a second more it exits 1 whatever is left.
 */
import { LIVE_PATH } from '../src/live/protocol';
import { startLiveServer } from './app';
import { optionsFromEnv } from './config';
import { createLogger } from './observability/logger';

async function main(): Promise<void> {
  const log = createLogger();
  const options = { ...optionsFromEnv(), logger: log };
  const live = await startLiveServer(options);
  const wsUrl = `${live.url.replace(/^http/, 'ws')}${LIVE_PATH}`;
  log.info(
    { event: 'listening', url: live.url, mode: live.mode, metrics: live.metricsUrl ?? (options.metricsToken ? `${live.url}/metrics (token)` : 'off') },
    `Serving ${live.url} (live relay on ${wsUrl}, ${live.mode === 'redis' ? 'Redis scale-out' : 'in memory'}; database: ${live.database.engine}; pid ${process.pid})`,
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ event: 'signal', signal }, `${signal}: shutting down`);
    setTimeout(() => {
      log.error({ event: 'shutdown-stuck' }, 'shutdown did not finish in time: exiting');
      log.flush();
      process.exit(1);
    }, options.shutdownDelayMs + options.shutdownTimeoutMs + 1000).unref();
    live.shutdown().then(
      () => {
        log.flush();
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ event: 'shutdown-failed', err: error instanceof Error ? error.message : String(error) }, 'shutdown failed');
        log.flush();
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
