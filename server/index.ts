/**
 * `npm start` / `npm run serve`: the built app and the live relay on one port.
 * PORT (4173), HOST (127.0.0.1), REDIS_URL (scale-out; in memory without it), and the LIVE_*
 * settings of config.ts.
 */
import { LIVE_PATH } from '../src/live/protocol';
import { startLiveServer } from './app';
import { optionsFromEnv } from './config';

async function main(): Promise<void> {
  const options = optionsFromEnv();
  const live = await startLiveServer(options);
  const wsUrl = `${live.url.replace(/^http/, 'ws')}${LIVE_PATH}`;
  console.log(`Serving ${live.url} (live relay on ${wsUrl}, ${live.mode === 'redis' ? 'Redis scale-out' : 'in memory'}; pid ${process.pid})`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing`);
    live.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
