import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientMessage, Outgoing, ReactionCounts } from '../../src/live/protocol';
import { TestClient, sleep, spawnRelay, startRedis, until, type SpawnedRelay } from './helpers';

let redis: Awaited<ReturnType<typeof startRedis>>;
const LIVE_SECRET = 'the one secret every relay of this class deployment is given';
const relays: SpawnedRelay[] = [];
const clients: TestClient[] = [];

/** Two relays for the whole file (spawning is the slow part); the last test kills them. */
let a: SpawnedRelay;
let b: SpawnedRelay;

beforeAll(async () => {
  redis = await startRedis();
  [a, b] = await Promise.all([relay(), relay()]);
}, 120_000);
afterAll(async () => {
  for (const client of clients) client.close();
  await Promise.all(relays.map((relay) => relay.kill()));
  await redis?.stop();
});

async function relay(): Promise<SpawnedRelay> {
  const spawned = await spawnRelay({ REDIS_URL: redis.url, LIVE_SECRET, LIVE_REPEAT_MS: '1000' });
  relays.push(spawned);
  return spawned;
}

async function connect(at: SpawnedRelay): Promise<TestClient> {
  const client = await TestClient.connect(at.wsUrl);
  clients.push(client);
  return client;
}

async function guideOn(at: SpawnedRelay): Promise<{ guide: TestClient; code: string; token: string }> {
  const guide = await connect(at);
  guide.send({ type: 'start' });
  const started = await guide.next('started');
  return { guide, code: started.code, token: started.token };
}

async function delegateOn(at: SpawnedRelay, code: string, lang: 'zh' | 'en', pass?: string): Promise<{ client: TestClient; pass: string }> {
  const client = await connect(at);
  client.send({ type: 'join', code, lang, following: true, ...(pass ? { pass } : {}) });
  const joined = await client.next('joined', 5000);
  return { client, pass: joined.pass };
}

const lastTally = (guide: TestClient) => guide.of('tally').at(-1)?.tally;
const poll: Outgoing<ClientMessage> = { type: 'poll-open', source: { kind: 'content', tourId: 'campus-walk', step: 0, questionId: 'gate-year' }, options: 4, multiple: false, correct: [2] };

describe('the class layer across relays over Redis', () => {
  it('counts an answer given on relay B once for the guide on relay A, through duplicates and a move to relay A', async () => {
    const { guide, code } = await guideOn(a);
    const d = await delegateOn(b, code, 'zh');
    guide.send(poll);
    const shown = await d.client.next('poll', 5000);
    const id = shown.poll?.id ?? 0;
    d.client.send({ type: 'answer', poll: id, choices: [2] });
    d.client.send({ type: 'answer', poll: id, choices: [2] });
    await d.client.next('answered', 5000);
    await d.client.next('answered', 5000);
    await until(() => lastTally(guide)?.all.total === 1, 5000, 'tally on A');
    // The delegate's phone moves to relay A (say a load balancer sent it there) and sends it again.
    d.client.close();
    const again = await delegateOn(a, code, 'zh', d.pass);
    const restored = await again.client.next('answered', 5000);
    expect(restored.choices).toEqual([2]);
    again.client.send({ type: 'answer', poll: id, choices: [2] });
    await again.client.next('answered', 5000);
    await sleep(500);
    expect(lastTally(guide)).toMatchObject({ all: { counts: [0, 0, 1, 0], total: 1 }, zh: { total: 1 }, en: { total: 0 } });
  });

  it('removes a delegate on the other relay, who then cannot rejoin on either with its pass', async () => {
    const { guide, code } = await guideOn(a);
    const d = await delegateOn(b, code, 'en');
    d.client.send({ type: 'hand', raised: true });
    await d.client.next('hand', 5000);
    await until(() => (guide.of('hands').at(-1)?.raised.length ?? 0) === 1, 5000, 'hand on A');
    const id = guide.of('hands').at(-1)?.raised[0]?.id ?? '';
    guide.send({ type: 'remove', delegate: id });
    await d.client.next('removed', 5000);
    expect((await d.client.closed).code).toBe(1008);
    await until(() => guide.of('hands').at(-1)?.raised.length === 0, 5000, 'its hand gone');
    for (const at of [a, b]) {
      const again = await connect(at);
      again.send({ type: 'join', code, lang: 'en', following: true, pass: d.pass });
      await again.next('removed', 5000);
      expect(again.of('joined')).toHaveLength(0);
    }
  });

  it('sums reactions from both relays for the guide, a second at a time', async () => {
    const { guide, code } = await guideOn(a);
    const onA = await delegateOn(a, code, 'zh');
    const onB = await Promise.all([delegateOn(b, code, 'en'), delegateOn(b, code, 'zh')]);
    onA.client.send({ type: 'react', reaction: 'heart' });
    for (const d of onB) d.client.send({ type: 'react', reaction: 'clap' });
    const total: ReactionCounts = {};
    await until(
      () => {
        const sum = { heart: 0, clap: 0 };
        for (const m of guide.of('reactions')) {
          sum.heart += m.counts.heart ?? 0;
          sum.clap += m.counts.clap ?? 0;
        }
        Object.assign(total, sum);
        return sum.heart === 1 && sum.clap === 2;
      },
      5000,
      'reactions from both relays',
    );
    expect(total).toEqual({ heart: 1, clap: 2 });
    // Delegates on B hear A's heart too.
    await until(() => onB[0]?.client.of('reactions').some((m) => m.counts.heart === 1) ?? false, 5000, 'heart on B');
  });

  it('loses no acknowledged answer when the delegates\' relay and then the guide\'s are killed mid-poll', async () => {
    const { guide, code, token } = await guideOn(a);
    const delegates = await Promise.all(Array.from({ length: 12 }, (_, i) => delegateOn(b, code, i % 3 === 0 ? 'en' : 'zh')));
    guide.send(poll);
    const id = (await delegates[0]?.client.next('poll', 5000))?.poll?.id ?? 0;
    delegates.forEach((d, i) => d.client.send({ type: 'answer', poll: id, choices: [i % 4] }));
    await Promise.all(delegates.map((d) => d.client.next('answered', 5000)));
    // Every answer was acknowledged: kill the relay that took them, at once.
    await b.kill();
    await until(() => lastTally(guide)?.all.total === 12, 5000, 'all twelve on A');
    // And the guide's relay too: the guide resumes on a new relay, which reads the log.
    await a.kill();
    const c = await relay();
    const resumed = await connect(c);
    resumed.send({ type: 'resume', code, token });
    await resumed.next('started', 5000);
    const tally = await resumed.next('tally', 5000);
    expect(tally.tally).toMatchObject({ poll: id, all: { counts: [3, 3, 3, 3], total: 12 }, zh: { total: 8 }, en: { total: 4 } });
    // The delegates come back (to C) with their passes: still their answers, still twelve.
    const back = await Promise.all(delegates.map((d, i) => delegateOn(c, code, i % 3 === 0 ? 'en' : 'zh', d.pass)));
    const answers = await Promise.all(back.map((d) => d.client.next('answered', 5000)));
    expect(answers.map((m) => m.choices[0])).toEqual(delegates.map((_, i) => i % 4));
    back.forEach((d, i) => d.client.send({ type: 'answer', poll: id, choices: [i % 4] }));
    await Promise.all(back.map((d) => d.client.next('answered', 5000)));
    await sleep(500);
    expect(resumed.of('tally').at(-1)?.tally.all.total).toBe(12);
  });
});
