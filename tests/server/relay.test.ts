import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CODE_ALPHABET, CODE_LENGTH, MAX_FRAME_BYTES, VIEW_RATE_HZ } from '../../src/live/protocol';
import { startLiveServer, type LiveServer, type LiveServerOptions } from '../../server/app';
import { TestClient, joinSession, liveUrl, sleep, startSession, stopState, until } from './helpers';

const secret = Buffer.from('a test secret that is long enough to sign tokens');
const emptyDist = mkdtempSync(join(tmpdir(), 'relay-dist-'));
const dataDir = mkdtempSync(join(tmpdir(), 'relay-data-'));

async function serve(options: Partial<LiveServerOptions> = {}): Promise<LiveServer & { ws: string }> {
  const live = await startLiveServer({ port: 0, distDir: emptyDist, dataDir, secret, ...options, relay: { parkMs: 0, ...options.relay } });
  return Object.assign(live, { ws: liveUrl(live.url) });
}

describe('a live session on one relay', () => {
  let live: LiveServer & { ws: string };
  beforeAll(async () => {
    live = await serve();
  });
  afterAll(() => live.close());

  it('lets a guide lead three delegates in two languages from start to end', async () => {
    const { guide, code, token } = await startSession(live.ws);
    expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`));
    expect(token).toMatch(/^[A-Za-z0-9_-]{32,64}$/);
    expect((await guide.next('stats')).stats.connected).toBe(0);

    const joined = await Promise.all([joinSession(live.ws, code, 'zh'), joinSession(live.ws, code, 'en'), joinSession(live.ws, code, 'zh')]);
    for (const { snapshot } of joined) expect(snapshot).toMatchObject({ rev: 0, state: null, view: null });
    const delegates = joined.map(({ delegate }) => delegate);

    await guide.waitFor((m) => m.type === 'stats' && m.stats.connected === 3, 3000, 'three delegates counted');
    const stats = guide.of('stats').at(-1)?.stats;
    expect(stats).toEqual({ connected: 3, following: 3, exploring: 0, langs: { zh: 2, en: 1 } });

    guide.send({ type: 'state', rev: 1, state: stopState('library') });
    for (const delegate of delegates) expect(await delegate.next('snapshot')).toMatchObject({ rev: 1, state: stopState('library') });
    guide.send({ type: 'state', rev: 2, state: stopState('library', { openHotspotId: 'library-books' }) });
    for (const delegate of delegates) expect((await delegate.next('snapshot')).rev).toBe(2);

    // The same state again (a guide re-sending after a reconnect) changes nothing; the guide is told where the session is.
    guide.clear();
    guide.send({ type: 'state', rev: 2, state: stopState('library', { openHotspotId: 'library-books' }) });
    expect((await guide.next('snapshot')).rev).toBe(2);
    await sleep(100);
    for (const delegate of delegates) expect(delegate.of('snapshot').map((s) => s.rev)).toEqual([0, 1, 2]);
    // A guide whose count starts again (a reload) is not "stale": the relay numbers its change.
    guide.send({ type: 'state', rev: 1, state: stopState('gate') });
    for (const delegate of delegates) expect(await delegate.next('snapshot')).toMatchObject({ rev: 3, state: stopState('gate') });
    // Every guide screen hears the relay's word on what the delegates see.
    await guide.waitFor((m) => m.type === 'snapshot' && m.rev === 3 && JSON.stringify(m.state) === JSON.stringify(stopState('gate')), 3000, 'rev 3 to the guide');

    // A delegate who wanders off is counted as exploring.
    delegates[1]?.send({ type: 'status', lang: 'en', following: false });
    await guide.waitFor((m) => m.type === 'stats' && m.stats.exploring === 1, 3000, 'one exploring');

    guide.send({ type: 'end' });
    for (const client of [guide, ...delegates]) await client.next('ended');
    const late = await TestClient.connect(live.ws);
    late.send({ type: 'join', code, lang: 'en', following: true });
    expect((await late.next('error')).code).toBe('bad-code');
    guide.send({ type: 'resume', code, token });
    expect((await guide.next('error')).code).toBe('bad-code');
    for (const client of [guide, late, ...delegates]) client.close();
  });

  it('gives a late joiner the latest snapshot and view, and repeats nothing twice to others', async () => {
    const { guide, code } = await startSession(live.ws);
    guide.send({ type: 'state', rev: 7, state: stopState('canteen') });
    guide.send({ type: 'view', view: { yaw: 42, pitch: -5, fov: 80 } });
    await sleep(150);
    const { snapshot } = await joinSession(live.ws, code, 'en');
    expect(snapshot).toEqual({ v: 1, type: 'snapshot', rev: 7, state: stopState('canteen'), view: { yaw: 42, pitch: -5, fov: 80 } });
    guide.close();
  });

  it('coalesces camera turns to at most VIEW_RATE_HZ a second, latest wins', async () => {
    const { guide, code } = await startSession(live.ws);
    const { delegate } = await joinSession(live.ws, code);
    const started = Date.now();
    for (let i = 1; i <= 40; i += 1) {
      guide.send({ type: 'view', view: { yaw: i, pitch: 0, fov: 90 } });
      await sleep(25);
    }
    await sleep(250);
    const seconds = (Date.now() - started) / 1000;
    const views = delegate.of('view');
    expect(views.length).toBeGreaterThanOrEqual(5);
    // VIEW_RATE_HZ a second, plus the two the relay lets through at once.
    expect(views.length).toBeLessThanOrEqual(Math.ceil(seconds * VIEW_RATE_HZ) + 2);
    expect(views.at(-1)?.view.yaw).toBe(40);
    const yaws = views.map((v) => v.view.yaw);
    expect([...yaws].sort((a, b) => a - b)).toEqual(yaws);
    guide.close();
    delegate.close();
  });

  it('answers ping with pong', async () => {
    const client = await TestClient.connect(live.ws);
    client.send({ type: 'ping', t: 12.5 });
    expect((await client.next('pong')).t).toBe(12.5);
    client.close();
  });
});

describe('guide authority', () => {
  let live: LiveServer & { ws: string };
  beforeAll(async () => {
    live = await serve();
  });
  afterAll(() => live.close());

  it('refuses guide messages from a delegate and from a socket that never authenticated', async () => {
    const { guide, code } = await startSession(live.ws);
    const { delegate: other } = await joinSession(live.ws, code);
    const { delegate: intruder } = await joinSession(live.ws, code);
    const stranger = await TestClient.connect(live.ws);
    for (const client of [intruder, stranger]) {
      client.send({ type: 'state', rev: 99, state: stopState('hijacked') });
      expect((await client.next('error')).code).toBe('forbidden');
      client.send({ type: 'view', view: { yaw: 1, pitch: 1, fov: 60 } });
      expect((await client.next('error')).code).toBe('forbidden');
      client.send({ type: 'end' });
      expect((await client.next('error')).code).toBe('forbidden');
    }
    await sleep(200);
    expect(other.of('snapshot').map((s) => s.rev)).toEqual([0]);
    expect(other.of('view')).toEqual([]);
    expect(other.of('ended')).toEqual([]);
    for (const client of [guide, other, intruder, stranger]) client.close();
  });

  it('refuses a forged token and a token of another session, and accepts the real one on a new socket', async () => {
    const a = await startSession(live.ws);
    const b = await startSession(live.ws);
    const { delegate } = await joinSession(live.ws, a.code);
    const attacker = await TestClient.connect(live.ws);
    const forged = [
      b.token, // a real token, of another session
      `${a.token.slice(0, -1)}${a.token.endsWith('A') ? 'B' : 'A'}`, // one character off
      'A'.repeat(48),
      `${a.token.slice(0, 24)}${b.token.slice(24)}`, // a's payload, b's signature
    ];
    for (const token of forged) {
      attacker.send({ type: 'resume', code: a.code, token });
      expect((await attacker.next('error')).code).toBe('forbidden');
      attacker.send({ type: 'state', rev: 50, state: stopState('hijacked') });
      expect((await attacker.next('error')).code).toBe('forbidden');
    }
    // Malformed tokens do not even pass the schema.
    attacker.sendRaw(JSON.stringify({ v: 1, type: 'resume', code: a.code, token: 'short' }));
    expect((await attacker.next('error')).code).toBe('bad-message');

    // b's guide drives b only: its state never reaches a's delegates.
    b.guide.send({ type: 'state', rev: 3, state: stopState('b-stop') });
    await sleep(150);
    expect(delegate.of('snapshot').map((s) => s.rev)).toEqual([0]);

    // The real guide, on a second screen (or after a reconnect), resumes and drives.
    const second = await TestClient.connect(live.ws);
    second.send({ type: 'resume', code: a.code, token: a.token });
    expect(await second.next('started')).toMatchObject({ code: a.code, token: a.token });
    expect((await second.next('snapshot')).rev).toBe(0);
    second.send({ type: 'state', rev: 1, state: stopState('library') });
    await delegate.waitFor((m) => m.type === 'snapshot' && m.rev === 1, 3000, 'rev 1');
    for (const client of [a.guide, b.guide, delegate, attacker, second]) client.close();
  });
});

describe('limits', () => {
  let live: LiveServer & { ws: string };
  beforeAll(async () => {
    live = await serve({ heartbeatMs: 150, relay: { parkMs: 0, joinCodes: 10, joinWindowMs: 60_000 } });
  });
  afterAll(() => live.close());

  it('rate-limits join-code guessing per address, but not a classroom rejoining its one code', async () => {
    const { guide, code } = await startSession(live.ws);
    // Many delegates behind one address reconnecting to the same code do not trip the limit.
    const rejoiner = await TestClient.connect(live.ws);
    for (let i = 0; i < 30; i += 1) {
      rejoiner.send({ type: 'join', code, lang: 'en', following: true });
      await rejoiner.next('joined');
    }
    const guesser = await TestClient.connect(live.ws);
    const wrong = (i: number) => `${'23456789ABCDEFGHJK'[i] ?? 'X'}ZZZZZ`;
    for (let i = 0; i < 10; i += 1) {
      guesser.send({ type: 'join', code: wrong(i), lang: 'en', following: true });
      expect((await guesser.next('error')).code).toBe('bad-code');
    }
    guesser.send({ type: 'join', code: wrong(10), lang: 'en', following: true });
    expect((await guesser.next('error')).code).toBe('rate-limited');
    // Once limited, even the right code is refused: a lucky guess is worth nothing.
    guesser.send({ type: 'join', code, lang: 'en', following: true });
    expect((await guesser.next('error')).code).toBe('rate-limited');
    const fresh = await TestClient.connect(live.ws);
    fresh.send({ type: 'join', code, lang: 'en', following: true });
    expect((await fresh.next('error')).code).toBe('rate-limited');
    for (const client of [guide, rejoiner, guesser, fresh]) client.close();
  });

  it('closes a socket that sends a frame over MAX_FRAME_BYTES', async () => {
    const client = await TestClient.connect(live.ws);
    client.sendRaw(JSON.stringify({ v: 1, type: 'ping', t: 1, pad: 'x'.repeat(MAX_FRAME_BYTES) }));
    expect((await client.closed).code).toBe(1009);
    const again = await TestClient.connect(live.ws);
    again.send({ type: 'ping', t: 2 });
    expect((await again.next('pong')).t).toBe(2);
    again.close();
  });

  it('cuts off a client that floods', async () => {
    const client = await TestClient.connect(live.ws);
    for (let i = 0; i < 200; i += 1) client.send({ type: 'ping', t: i });
    expect((await client.next('error')).code).toBe('flood');
    expect((await client.closed).code).toBe(1008);
    expect(client.of('pong').length).toBeLessThan(60);
  });

  it('answers malformed frames with bad-message, then closes a socket that keeps sending them', async () => {
    const client = await TestClient.connect(live.ws);
    const frames = ['not json', '{}', '[]', 'null', '{"v":1,"type":"nope"}', '{"v":1,"type":"view","view":{"yaw":500,"pitch":0,"fov":90}}'];
    for (const frame of frames) client.sendRaw(frame);
    client.sendRaw(Buffer.from([1, 2, 3]), true);
    for (let i = 0; i <= frames.length; i += 1) expect((await client.next('error')).code).toBe('bad-message');
    client.sendRaw(JSON.stringify({ v: 2, type: 'ping', t: 1 }));
    expect((await client.next('error')).code).toBe('version');
    for (let i = 0; i < 5; i += 1) client.sendRaw('garbage');
    expect((await client.closed).code).toBe(1008);
  });

  it('drops a socket that stops answering heartbeats', async () => {
    const silent = new WebSocket(live.ws, { autoPong: false });
    const closed = new Promise<number>((done) => silent.on('close', (code) => done(code)));
    silent.on('error', () => {});
    const started = Date.now();
    await closed;
    expect(Date.now() - started).toBeLessThan(2000);
    const alive = await TestClient.connect(live.ws);
    await sleep(600);
    alive.send({ type: 'ping', t: 3 });
    expect((await alive.next('pong')).t).toBe(3);
    alive.close();
  });
});

describe('origins', () => {
  it('accepts its own origin and clients without one, and refuses other origins', async () => {
    const live = await serve();
    const host = new URL(live.url).host;
    const own = await TestClient.connect(live.ws, { origin: `http://${host}` });
    const none = await TestClient.connect(live.ws);
    await expect(TestClient.connect(live.ws, { origin: 'https://evil.example' })).rejects.toThrow('HTTP 403');
    await expect(TestClient.connect(live.ws, { origin: `http://${host}.evil.example` })).rejects.toThrow('HTTP 403');
    own.close();
    none.close();
    await live.close();
  });

  it('refuses clients without an Origin when told to, and allows listed origins', async () => {
    const live = await serve({ requireOrigin: true, origins: ['http://127.0.0.1:5173'] });
    await expect(TestClient.connect(live.ws)).rejects.toThrow('HTTP 403');
    const dev = await TestClient.connect(live.ws, { origin: 'http://127.0.0.1:5173' });
    dev.close();
    await live.close();
  });
});

describe('session lifetime', () => {
  it('repeats the latest snapshot, and expires a session whose guide has been away too long', async () => {
    const live = await serve({ sessionTtlMs: 600, relay: { parkMs: 0, repeatMs: 150 } });
    const { guide, code } = await startSession(live.ws);
    guide.send({ type: 'state', rev: 4, state: stopState('gate') });
    const { delegate } = await joinSession(live.ws, code);
    await until(() => delegate.of('snapshot').filter((s) => s.rev === 4).length >= 3, 3000, 'repeated snapshots');
    guide.close();
    const left = Date.now();
    await delegate.next('ended', 5000);
    expect(Date.now() - left).toBeGreaterThanOrEqual(400);
    const late = await TestClient.connect(live.ws);
    late.send({ type: 'join', code, lang: 'en', following: true });
    expect((await late.next('error')).code).toBe('bad-code');
    for (const client of [delegate, late]) client.close();
    await live.close();
  });
});
