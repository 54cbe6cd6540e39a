/**
 * deploy/compose.yaml's topology as processes (no Docker on this machine): Redis, two app servers,
 * a reverse proxy in front. 200 delegates follow a guide through the proxy while both servers are
 * restarted in turn with SIGTERM, as an orchestrator's rolling update does.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { Guide, delegateOf, liveUrl, sleep, startRedis, until, type RetryingClient } from './helpers';
import { startApp, startProxy, type AppProcess, type Proxy } from './topology';

const DELEGATES = 200;
let redis: Awaited<ReturnType<typeof startRedis>> | undefined;
let proxy: Proxy | undefined;
const apps: AppProcess[] = [];
const clients: RetryingClient[] = [];

afterAll(async () => {
  for (const client of clients) client.stop();
  await proxy?.close();
  await Promise.all(apps.map((app) => app.stop('SIGKILL')));
  await redis?.stop();
});

describe('a rolling restart behind a proxy, two servers over Redis', () => {
  it('loses nothing: every delegate ends on the guide\'s latest revision, following', { timeout: 240_000 }, async () => {
    redis = await startRedis();
    const env = { REDIS_URL: redis.url, LIVE_SECRET: 's'.repeat(40), LIVE_REPEAT_MS: '1000', SHUTDOWN_TIMEOUT_MS: '5000' };
    const app = async () => {
      const started = await startApp(env);
      apps.push(started);
      return started;
    };
    const [a, b] = await Promise.all([app(), app()]);
    proxy = await startProxy([a.port, b.port]);
    const url = liveUrl(proxy.url);

    const guide = new Guide(url);
    clients.push(guide.client);
    await until(() => guide.code !== '', 10_000, 'a session');
    const delegates = Array.from({ length: DELEGATES }, (_, i) => delegateOf(url, guide.code, i % 3 === 0 ? 'zh' : 'en'));
    clients.push(...delegates);
    await until(() => delegates.every((d) => d.rev === 0), 60_000, 'every delegate joined');

    // The guide keeps moving through the whole restart.
    let moving = true;
    const mover = (async () => {
      for (let step = 1; moving; step += 1) {
        guide.move(`stop-${step}`);
        await sleep(150);
      }
    })();

    // A goes (graceful), comes back on a new port, then B.
    const aExit = await a.stop('SIGTERM');
    const a2 = await app();
    proxy.setUpstreams([a2.port, b.port]);
    await sleep(1500);
    const bExit = await b.stop('SIGTERM');
    const b2 = await app();
    proxy.setUpstreams([a2.port, b2.port]);
    await sleep(1500);
    moving = false;
    await mover;
    guide.move('final-stop');

    expect(aExit).toEqual({ code: 0, signal: null });
    expect(bExit).toEqual({ code: 0, signal: null });
    // Each stopped server told its clients to go elsewhere (1001) rather than dropping them.
    expect(a.output()).toContain('"event":"shutdown"');
    expect(b.output()).toContain('"event":"stopped"');

    await until(() => delegates.every((d) => d.rev === guide.rev), 60_000, `every delegate on rev ${guide.rev}`);
    for (const delegate of delegates) {
      const last = delegate.messages.filter((m) => m.type === 'snapshot').at(-1);
      expect(last).toMatchObject({ rev: guide.rev, state: { place: { stopId: 'final-stop' } } });
    }
    // Most delegates were reconnected at least once (those on A, then those on B).
    expect(delegates.filter((d) => d.connections >= 2).length).toBeGreaterThan(DELEGATES / 2);
    const stats = () => guide.client.messages.filter((m) => m.type === 'stats').at(-1);
    await until(() => JSON.stringify(stats()).includes(`"following":${DELEGATES}`), 30_000, `${DELEGATES} following`);
    expect(stats()).toMatchObject({ stats: { connected: DELEGATES, following: DELEGATES, exploring: 0 } });
  });
});
