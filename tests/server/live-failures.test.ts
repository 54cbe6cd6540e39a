/**
 * The live-session failures of issue 11, each as the relay sees it (the browser's side is in
 * tests/e2e/live.test.ts, the client's in tests/unit/live/). Each of these failed on the relay before.
 */
import { chmodSync, chownSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLiveServer, type LiveServer, type LiveServerOptions } from '../../server/app';
import { defaultDataDir } from '../../server/dataDir';
import { dataDirSecret } from '../../server/secret';
import { TestClient, joinSession, liveUrl, sleep, startRedis, startSession, stopState } from './helpers';

const secret = Buffer.from('a test secret that is long enough to sign tokens');
const emptyDist = mkdtempSync(join(tmpdir(), 'failures-dist-'));
const servers: LiveServer[] = [];

async function serve(options: Partial<LiveServerOptions> = {}): Promise<LiveServer & { ws: string }> {
  const live = await startLiveServer({
    port: 0,
    distDir: emptyDist,
    dataDir: mkdtempSync(join(tmpdir(), 'failures-data-')),
    secret,
    ...options,
    relay: { parkMs: 0, ...options.relay },
  });
  servers.push(live);
  return Object.assign(live, { ws: liveUrl(live.url) });
}
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close().catch(() => {})));
});

const wrongCode = (i: number) => `${'23456789ABCDEFGHJKMNPQRSTUVWXYZ'[i % 31]}${'23456789ABCDEFGHJKMNPQRSTUVWXYZ'[Math.floor(i / 31) % 31]}ZZZZ`;

describe('1: a guide who reloads, reconnects or takes another device', () => {
  it('reaches every delegate with every later change, and is told what the delegates see', async () => {
    const live = await serve();
    const { guide, code, token } = await startSession(live.ws);
    const { delegate } = await joinSession(live.ws, code);
    const stops = ['gate', 'library', 'canteen', 'lakeside'];
    for (const [i, stop] of stops.entries()) {
      guide.send({ type: 'state', rev: i + 1, state: stopState(stop) });
      await delegate.waitFor((m) => m.type === 'snapshot' && m.rev === i + 1, 3000, `move ${i + 1}`);
    }
    guide.close();

    // The reloaded tab counts from 1 again.
    const reloaded = await TestClient.connect(live.ws);
    reloaded.send({ type: 'resume', code, token });
    expect(await reloaded.next('snapshot')).toMatchObject({ rev: 4, state: stopState('lakeside') });
    const later = ['sports-ground', 'teaching-building', 'dormitory'];
    for (const [i, stop] of later.entries()) {
      reloaded.send({ type: 'state', rev: i + 1, state: stopState(stop) });
      await delegate.waitFor((m) => m.type === 'snapshot' && m.rev === 5 + i, 3000, `move ${5 + i} after the reload`);
    }
    const seen = delegate.of('snapshot').map((s) => (s.state?.place.page === 'stop' ? s.state.place.stopId : null));
    expect(seen.filter((stop, i) => stop !== seen[i - 1])).toEqual([null, ...stops, ...later]);
    // The guide's screen hears the relay's word, not its own guess.
    await reloaded.waitFor((m) => m.type === 'snapshot' && m.rev === 7, 3000, 'rev 7 to the guide');

    // A second device of the same guide follows the first, and can drive too.
    const second = await TestClient.connect(live.ws);
    second.send({ type: 'resume', code, token });
    expect((await second.next('snapshot')).rev).toBe(7);
    reloaded.send({ type: 'state', rev: 8, state: stopState('canteen') });
    await second.waitFor((m) => m.type === 'snapshot' && m.rev === 8, 3000, 'the other device moved');
    second.send({ type: 'state', rev: 1, state: stopState('library') });
    await delegate.waitFor((m) => m.type === 'snapshot' && m.rev === 9, 3000, 'the second device drives');
    for (const client of [reloaded, second, delegate]) client.close();
  });

  it('sends the view the guide has with a change of place, not the camera of the place before', async () => {
    const live = await serve();
    const { guide, code } = await startSession(live.ws);
    const { delegate } = await joinSession(live.ws, code);
    guide.send({ type: 'state', rev: 1, state: stopState('main-gate'), view: null });
    guide.send({ type: 'view', view: { yaw: 120, pitch: 0, fov: 90 } });
    // (A turn right after a change of place leaves with its snapshot.)
    await delegate.waitFor((m) => (m.type === 'view' || m.type === 'snapshot') && m.view?.yaw === 120, 3000, 'the turn at the gate');
    // Picked from the list: the new stop at its initial view (null), and a late turn still queued is dropped.
    guide.send({ type: 'view', view: { yaw: 121, pitch: 0, fov: 90 } });
    guide.send({ type: 'view', view: { yaw: 122, pitch: 0, fov: 90 } });
    guide.send({ type: 'state', rev: 2, state: stopState('training-centre'), view: null });
    const snapshot = (await delegate.waitFor((m) => m.type === 'snapshot' && m.rev === 2, 3000, 'the new stop')) as { view: unknown };
    expect(snapshot.view).toBeNull();
    await sleep(300);
    const after = delegate.received.slice(delegate.received.indexOf(snapshot as never) + 1);
    expect(after.filter((m) => m.type === 'view')).toEqual([]);
    // A late joiner gets the same.
    const { snapshot: late } = await joinSession(live.ws, code);
    expect(late).toMatchObject({ rev: 2, view: null });
    guide.close();
    delegate.close();
  });
});

describe('2: wrong guesses from a shared address', () => {
  it('never lock out a delegate who joined, allow a school’s typos, and say when to try again', async () => {
    const live = await serve({ relay: { parkMs: 0, floodBurst: 1000 } });
    const { guide, code } = await startSession(live.ws);
    const member = await TestClient.connect(live.ws);
    member.send({ type: 'join', code, lang: 'zh', following: true });
    const { pass } = await member.next('joined');
    // Ten wrong codes from this address (everyone here is 127.0.0.1): a classroom's typos.
    const typist = await TestClient.connect(live.ws);
    for (let i = 0; i < 10; i += 1) {
      typist.send({ type: 'join', code: wrongCode(i), lang: 'en', following: true });
      expect((await typist.next('error')).code).toBe('bad-code');
    }
    const newcomer = await TestClient.connect(live.ws);
    newcomer.send({ type: 'join', code, lang: 'en', following: true });
    await newcomer.next('joined');
    // A guesser runs into the limit, told when to try again…
    for (let i = 10; i < 50; i += 1) {
      typist.send({ type: 'join', code: wrongCode(i), lang: 'en', following: true });
      expect((await typist.next('error')).code).toBe('bad-code');
    }
    typist.send({ type: 'join', code, lang: 'en', following: true });
    const limited = await typist.next('error');
    expect(limited).toMatchObject({ code: 'rate-limited' });
    expect(limited.retryMs).toBeGreaterThan(60_000);
    // …but a delegate who joined comes back with its pass.
    member.close();
    const back = await TestClient.connect(live.ws);
    back.send({ type: 'join', code, lang: 'zh', following: true, pass });
    await back.next('joined');
    expect((await back.next('snapshot')).rev).toBe(0);
    // A pass is for its own session only.
    const other = await startSession(live.ws);
    const stolen = await TestClient.connect(live.ws);
    stolen.send({ type: 'join', code: other.code, lang: 'zh', following: true, pass });
    expect((await stolen.next('error')).code).toBe('rate-limited');
    for (const client of [guide, typist, newcomer, back, other.guide, stolen]) client.close();
  });

  it('counts an address’s guesses together on every relay over Redis', async () => {
    const redis = await startRedis();
    try {
      const options = { redisUrl: redis.url, relay: { parkMs: 0, joinCodes: 5 } };
      const [a, b] = [await serve(options), await serve(options)];
      for (let i = 0; i < 3; i += 1) {
        const client = await TestClient.connect(a.ws);
        client.send({ type: 'join', code: wrongCode(i), lang: 'en', following: true });
        expect((await client.next('error')).code).toBe('bad-code');
        client.close();
      }
      const onB = await TestClient.connect(b.ws);
      for (let i = 3; i < 5; i += 1) {
        onB.send({ type: 'join', code: wrongCode(i), lang: 'en', following: true });
        expect((await onB.next('error')).code).toBe('bad-code');
      }
      onB.send({ type: 'join', code: wrongCode(5), lang: 'en', following: true });
      expect((await onB.next('error')).code).toBe('rate-limited');
      onB.close();
      await a.close();
      await b.close();
    } finally {
      await redis.stop();
    }
  });
});

describe('3: sockets that never speak, and many from one address', () => {
  it('closes silent sockets, caps sockets per address, and keeps room for guides', async () => {
    const live = await serve({ maxPerAddress: 20, maxConnections: 25, guideReserve: 3, relay: { parkMs: 0, helloMs: 400 } });
    const opened = await Promise.allSettled(Array.from({ length: 30 }, () => TestClient.connect(live.ws)));
    const silent = opened.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(silent).toHaveLength(20);
    expect(opened.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toContain('Error: HTTP 429');
    const closes = await Promise.all(silent.map((client) => client.closed));
    expect(new Set(closes.map((c) => c.code))).toEqual(new Set([1008]));
    // The real delegate (and guide) after them gets in.
    const { guide, code } = await startSession(live.ws);
    const { delegate } = await joinSession(live.ws, code);
    expect(delegate.of('error')).toEqual([]);
    guide.close();
    delegate.close();
  });

  it('refuses delegates past the cap with busy, but lets a guide in', async () => {
    const live = await serve({ maxConnections: 3, guideReserve: 2, relay: { parkMs: 0 } });
    const { guide, code } = await startSession(live.ws);
    const delegates = await Promise.all([0, 1, 2].map(() => joinSession(live.ws, code)));
    const extra = await TestClient.connect(live.ws);
    extra.send({ type: 'join', code, lang: 'en', following: true });
    expect(await extra.next('error')).toMatchObject({ code: 'busy' });
    expect((await extra.closed).code).toBe(1013);
    const second = await startSession(live.ws);
    expect(second.code).toMatch(/^[A-Z0-9]{6}$/);
    for (const client of [guide, second.guide, ...delegates.map((d) => d.delegate)]) client.close();
  });
});

describe('4: one secret for all relays', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(() => redis.stop());

  it('refuses to start over Redis without a secret it was given, or with another relay’s', async () => {
    await expect(startLiveServer({ port: 0, distDir: emptyDist, redisUrl: redis.url })).rejects.toThrow(/LIVE_SECRET/);
    await serve({ redisUrl: redis.url });
    await expect(serve({ redisUrl: redis.url, secret: Buffer.from('another secret that is long enough to sign tokens') })).rejects.toThrow(/differs/);
  });

  it('keeps a guide’s token good on every relay after Redis lost its data and one relay restarted', async () => {
    const a = await serve({ redisUrl: redis.url });
    const { guide, code, token } = await startSession(a.ws);
    guide.send({ type: 'state', rev: 3, state: stopState('library') });
    await guide.waitFor((m) => m.type === 'snapshot' && m.rev === 3, 3000, 'stored');
    const flush = new Redis(redis.url);
    await flush.flushall();
    flush.disconnect();
    const b = await serve({ redisUrl: redis.url });
    for (const relay of [b, a]) {
      const client = await TestClient.connect(relay.ws);
      client.send({ type: 'resume', code, token, rev: 3 });
      await client.next('started');
      client.close();
    }
    guide.close();
  });
});

describe('5: delegates of a known session whose guide is away', () => {
  it('wait, told so, past the start-up grace, and follow when the guide is back', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'failures-data-'));
    const first = await serve({ dataDir });
    const { guide, code, token } = await startSession(first.ws);
    guide.send({ type: 'state', rev: 2, state: stopState('library') });
    const joined = await TestClient.connect(first.ws);
    joined.send({ type: 'join', code, lang: 'zh', following: true });
    const { pass } = await joined.next('joined');
    await first.close();

    // Restarted; the grace for unknown codes is over long before the guide is back.
    const second = await serve({ dataDir, port: first.port, relay: { parkMs: 50 } });
    await sleep(200);
    const delegate = await TestClient.connect(second.ws);
    delegate.send({ type: 'join', code, lang: 'zh', following: true, pass });
    expect(await delegate.next('waiting')).toMatchObject({ code });
    await sleep(1500);
    expect(delegate.of('error')).toEqual([]);
    const back = await TestClient.connect(second.ws);
    back.send({ type: 'resume', code, token, rev: 2 });
    back.send({ type: 'state', rev: 3, state: stopState('canteen') });
    await delegate.next('joined', 5000);
    await delegate.waitFor((m) => m.type === 'snapshot' && m.rev === 3, 5000, 'the guide’s next move');
    // A stranger with no pass still gets bad-code for an unknown code.
    const stranger = await TestClient.connect(second.ws);
    stranger.send({ type: 'join', code: wrongCode(7), lang: 'en', following: true });
    expect((await stranger.next('error')).code).toBe('bad-code');
    for (const client of [delegate, back, stranger]) client.close();
  });
});

describe('6: an ended session', () => {
  it('stays ended after the relay restarts (in memory, kept in the data directory)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'failures-data-'));
    const first = await serve({ dataDir });
    const { guide, code, token } = await startSession(first.ws);
    guide.send({ type: 'end' });
    await guide.next('ended');
    await first.close();
    const second = await serve({ dataDir });
    const again = await TestClient.connect(second.ws);
    again.send({ type: 'resume', code, token });
    expect((await again.next('error')).code).toBe('bad-code');
    const { guide: other } = await startSession(second.ws);
    other.close();
    again.close();
  });
});

describe('7: the server’s state on disk', () => {
  it('lives in a private data directory, never under /tmp by default', () => {
    expect(defaultDataDir({})).toBe(resolve('data'));
    expect(defaultDataDir({ XDG_STATE_HOME: '/var/lib/state' })).toBe('/var/lib/state/chinese-bridge-delegation-online');
    expect(defaultDataDir({ DATA_DIR: '/srv/tour' })).toBe('/srv/tour');
    const dir = join(mkdtempSync(join(tmpdir(), 'failures-state-')), 'data');
    const made = dataDirSecret(dir);
    expect(made.length).toBeGreaterThanOrEqual(32);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'live-secret')).mode & 0o777).toBe(0o600);
    expect(dataDirSecret(dir).equals(made)).toBe(true);
  });

  it('refuses a secret file others can read or that another user owns, and a directory open to others', () => {
    const planted = mkdtempSync(join(tmpdir(), 'failures-planted-'));
    writeFileSync(join(planted, 'live-secret'), 'x'.repeat(43), { mode: 0o644 });
    chmodSync(join(planted, 'live-secret'), 0o644);
    expect(() => dataDirSecret(planted)).toThrow(/mode 644 lets other users in/);
    chmodSync(join(planted, 'live-secret'), 0o600);
    if (process.getuid?.() === 0) {
      chownSync(join(planted, 'live-secret'), 4242, 4242);
      expect(() => dataDirSecret(planted)).toThrow(/belongs to user 4242/);
    }
    const open = join(mkdtempSync(join(tmpdir(), 'failures-open-')), 'data');
    mkdirSync(open, { mode: 0o755 });
    chmodSync(open, 0o755);
    expect(() => dataDirSecret(open)).toThrow(/mode 755/);
  });
});

describe('8: the Origin check', () => {
  it('compares scheme, host and port with the public origin, and trusts no Host header', async () => {
    const live = await serve();
    const { host, port } = new URL(live.url);
    const own = await TestClient.connect(live.ws, { origin: `http://${host}` });
    own.close();
    await expect(TestClient.connect(live.ws, { origin: `https://${host}` })).rejects.toThrow('HTTP 403');
    // DNS rebinding: the attacker's name resolves to this server, and the browser sends it as Host too.
    await expect(TestClient.connect(live.ws, { origin: `http://rebound.example:${port}`, headers: { Host: `rebound.example:${port}` } })).rejects.toThrow('HTTP 403');

    const deployed = await serve({ publicOrigins: ['https://tour.example.edu'] });
    const ok = await TestClient.connect(deployed.ws, { origin: 'https://tour.example.edu' });
    ok.close();
    await expect(TestClient.connect(deployed.ws, { origin: 'http://tour.example.edu' })).rejects.toThrow('HTTP 403');
    await expect(TestClient.connect(deployed.ws, { origin: new URL(deployed.url).origin })).rejects.toThrow('HTTP 403');
  });
});

