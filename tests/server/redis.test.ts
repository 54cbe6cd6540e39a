import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Guide, TestClient, delegateOf, liveUrl, sleep, spawnRelay, startRedis, until, type RetryingClient, type SpawnedRelay } from './helpers';

let redis: Awaited<ReturnType<typeof startRedis>>;
/** Every relay of a deployment is given the same secret. */
const LIVE_SECRET = 'the one secret every relay of this deployment is given';
const relays: SpawnedRelay[] = [];
const clients: RetryingClient[] = [];

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  for (const client of clients) client.stop();
  await Promise.all(relays.map((relay) => relay.kill()));
  await redis?.stop();
});

async function relay(port?: number): Promise<SpawnedRelay> {
  const spawned = await spawnRelay({ REDIS_URL: redis.url, LIVE_SECRET, LIVE_REPEAT_MS: '1000', ...(port ? { PORT: String(port) } : {}) });
  relays.push(spawned);
  return spawned;
}

describe('two relays over Redis', () => {
  it('lets delegates on one relay follow a guide on the other, through restarts of both, to the end', async () => {
    let [a, b] = await Promise.all([relay(), relay()]);
    if (!a || !b) throw new Error('no relays');
    const guide = new Guide(liveUrl(a.url));
    clients.push(guide.client);
    await until(() => guide.code !== '', 5000, 'a session');
    const langs = ['zh', 'en', 'zh'] as const;
    const delegates = langs.map((lang) => delegateOf(liveUrl(b.url), guide.code, lang));
    clients.push(...delegates);
    await until(() => delegates.every((d) => d.rev === 0), 5000, 'joined on relay B');

    // Counts from relay B reach the guide on relay A.
    const stats = () => guide.client.messages.filter((m) => m.type === 'stats').at(-1);
    await until(() => JSON.stringify(stats()).includes('"connected":3'), 5000, 'stats of 3');
    expect(stats()).toMatchObject({ stats: { connected: 3, following: 3, exploring: 0, langs: { zh: 2, en: 1 } } });

    guide.move('library');
    await until(() => delegates.every((d) => d.rev === 1), 3000, 'rev 1 across relays');

    // Camera turns cross too, coalesced, latest wins.
    for (let i = 1; i <= 20; i += 1) {
      guide.client.send({ type: 'view', view: { yaw: i, pitch: 0, fov: 90 } });
      await sleep(25);
    }
    await sleep(300);
    for (const d of delegates) {
      const views = d.messages.filter((m) => m.type === 'view');
      expect(views.length).toBeGreaterThan(0);
      expect(views.length).toBeLessThanOrEqual(10);
      expect(views.at(-1)).toMatchObject({ view: { yaw: 20 } });
    }

    // A token cannot be forged on the other relay either.
    const attacker = await TestClient.connect(liveUrl(b.url));
    attacker.send({ type: 'resume', code: guide.code, token: 'A'.repeat(48) });
    expect((await attacker.next('error')).code).toBe('forbidden');
    attacker.close();

    // Relay B (the delegates') dies: they come back to the latest revision, kept in Redis.
    await b.kill();
    b = await relay(b.port);
    await until(() => delegates.every((d) => d.connections === 2 && d.rev === 1), 10_000, 'delegates back on relay B');
    guide.move('canteen');
    await until(() => delegates.every((d) => d.rev === 2), 3000, 'rev 2 after B restarted');

    // Relay A (the guide's) dies: the guide resumes against the hash in Redis and moves on.
    await a.kill();
    guide.move('sports-ground');
    a = await relay(a.port);
    await until(() => delegates.every((d) => d.rev === 3), 10_000, 'rev 3 after A restarted');
    expect(guide.client.messages.filter((m) => m.type === 'error')).toEqual([]);

    // A late joiner on relay A gets the same snapshot as those on B.
    const late = await TestClient.connect(liveUrl(a.url));
    late.send({ type: 'join', code: guide.code, lang: 'en', following: false });
    await late.next('joined');
    expect((await late.next('snapshot')).rev).toBe(3);
    await until(() => JSON.stringify(stats()).includes('"connected":4'), 5000, 'stats of 4');
    expect(stats()).toMatchObject({ stats: { connected: 4, exploring: 1, langs: { zh: 2, en: 2 } } });

    guide.client.send({ type: 'end' });
    await until(() => delegates.every((d) => d.messages.some((m) => m.type === 'ended')), 3000, 'ended on relay B');
    await late.next('ended');
    for (const url of [a.url, b.url]) {
      const again = await TestClient.connect(liveUrl(url));
      again.send({ type: 'join', code: guide.code, lang: 'en', following: true });
      expect((await again.next('error')).code).toBe('bad-code');
      again.send({ type: 'resume', code: guide.code, token: guide.token });
      expect((await again.next('error')).code).toBe('bad-code');
      again.close();
    }
    late.close();
  }, 60_000);
});
