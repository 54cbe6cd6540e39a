import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clientMessage } from '../../src/live/schemas';
import { startLiveServer } from '../../server/app';
import { createRng } from '../../src/viewer/campus/random';
import { fakeRelays } from './fakes';
import { TestClient, joinSession, liveUrl, sleep, startSession, stopState, until } from './helpers';

const { makeRelay, connect, shutdownAll, secret } = fakeRelays();
afterEach(shutdownAll);

const valid = [
  { v: 1, type: 'start' },
  { v: 1, type: 'resume', code: 'K7QX2M', token: 'A'.repeat(48) },
  { v: 1, type: 'state', rev: 3, state: stopState('library') },
  { v: 1, type: 'view', view: { yaw: 10, pitch: -3, fov: 90 } },
  { v: 1, type: 'end' },
  { v: 1, type: 'join', code: 'K7QX2M', lang: 'zh', following: true },
  { v: 1, type: 'status', lang: 'en', following: false },
  { v: 1, type: 'ping', t: 5 },
];

const weird: unknown[] = [
  null, true, 0, -1, 1e308, -0, '', 'x'.repeat(3000), '\u0000', '\ud800', '💥', [], {}, [[[[[]]]]],
  { __proto__: { polluted: true } }, Number.MAX_SAFE_INTEGER + 2, 0.5, 'K7QX2M', 'zh', { yaw: 1e9 },
];

/** One frame: random bytes, random JSON, or a valid message with one thing broken. */
function fuzzFrame(next: () => number): string | Buffer {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const kind = next();
  if (kind < 0.15) return Buffer.from(Array.from({ length: Math.floor(next() * 200) }, () => Math.floor(next() * 256)));
  if (kind < 0.25) return pick(['', '{', '}', '{"v":1', 'nul', '[1,2', '{"v":1,"type":"ping","t":1e999}', '{"__proto__":{"v":1}}', '['.repeat(3000)]);
  if (kind < 0.35) return JSON.stringify(pick(weird));
  const message = structuredClone(pick(valid)) as Record<string, unknown>;
  const keys = Object.keys(message);
  const mutation = next();
  const key = pick(keys);
  if (mutation < 0.2) delete message[key];
  else if (mutation < 0.4) message[key] = pick(weird);
  else if (mutation < 0.5) message[pick(['extra', 'constructor', '__proto__', 'prototype'])] = pick(weird);
  else if (mutation < 0.6) message.v = pick([0, 2, '1', null, 1.5]);
  else if (mutation < 0.8 && typeof message.view === 'object') (message.view as Record<string, unknown>)[pick(['yaw', 'pitch', 'fov'])] = pick([181, -91, 29, 111, 'x', null, 1e9]);
  else if (typeof message.state === 'object') (message.state as Record<string, unknown>).place = pick(weird);
  else message.type = pick(['START', 'stat', 'snapshot', 'started', 'ended', '']);
  return JSON.stringify(message);
}

describe('fuzzed and malformed frames', () => {
  it('never crash the relay: 5,000 frames, each invalid one rejected, a real session unharmed', async () => {
    const relay = makeRelay({ floodBurst: 1e9, floodPerSecond: 1e9, maxBadMessages: 1e9 });
    const guide = connect(relay);
    guide.send({ type: 'start' });
    await until(() => guide.peer.of('started').length === 1, 2000, 'started');
    const code = guide.peer.of('started')[0]?.code ?? '';
    guide.send({ type: 'state', rev: 5, state: stopState('gate') });
    const delegate = connect(relay);
    delegate.send({ type: 'join', code, lang: 'zh', following: true });
    await until(() => delegate.peer.of('snapshot').length > 0, 2000, 'snapshot');

    const next = createRng(20_240_611); // seeded, so a failure can be replayed
    const fuzzers = Array.from({ length: 50 }, () => connect(relay));
    let invalid = 0;
    for (let i = 0; i < 5000; i += 1) {
      const fuzzer = fuzzers[i % fuzzers.length];
      if (!fuzzer) continue;
      const frame = fuzzFrame(next);
      let isValid = false;
      try {
        isValid = typeof frame === 'string' && clientMessage.safeParse(JSON.parse(frame)).success;
      } catch {
        isValid = false;
      }
      if (!isValid) invalid += 1;
      const before = fuzzer.peer.of('error').length;
      expect(() => relay.receive(fuzzer.conn, typeof frame === 'string' ? Buffer.from(frame) : frame, typeof frame !== 'string' && next() < 0.5)).not.toThrow();
      if (!isValid) {
        // Rejected at once, before any session logic.
        const errors = fuzzer.peer.of('error');
        expect(errors.length).toBe(before + 1);
        expect(['bad-message', 'version', 'too-large']).toContain(errors.at(-1)?.code);
      }
    }
    await sleep(50);
    expect(invalid).toBeGreaterThan(3000);
    for (const fuzzer of fuzzers) expect(fuzzer.peer.invalid).toBe(0);
    expect(relay.metrics.badMessages).toBe(invalid);

    // The real session saw none of it, and still works.
    expect(delegate.peer.of('snapshot').every((s) => s.rev === 5)).toBe(true);
    expect(delegate.peer.of('ended')).toEqual([]);
    guide.send({ type: 'state', rev: 6, state: stopState('library') });
    await until(() => delegate.peer.of('snapshot').some((s) => s.rev === 6), 2000, 'rev 6');
  });

  it('over real sockets: 2,000 malformed frames from 200 clients are all answered, and the relay serves on', async () => {
    // The fuzzers never say who they are: give them longer than the frames take on a loaded machine.
    const live = await startLiveServer({ port: 0, distDir: '/nonexistent', dataDir: mkdtempSync(join(tmpdir(), 'fuzz-data-')), secret, relay: { parkMs: 0, helloMs: 120_000 } });
    const url = liveUrl(live.url);
    const { guide, code } = await startSession(url);
    const { delegate } = await joinSession(url, code);
    const next = createRng(7);
    const clients: TestClient[] = [];
    for (let batch = 0; batch < 4; batch += 1) {
      clients.push(...(await Promise.all(Array.from({ length: 50 }, () => TestClient.connect(url)))));
    }
    for (const client of clients) {
      for (let i = 0; i < 10; i += 1) {
        let frame = fuzzFrame(next);
        // Keep to frames the schema rejects, so every one must come back as an error.
        if (typeof frame === 'string') {
          try {
            if (clientMessage.safeParse(JSON.parse(frame)).success) frame = 'not json';
          } catch {
            // not JSON: rejected as it is
          }
        }
        client.sendRaw(frame, typeof frame !== 'string');
      }
    }
    await until(() => clients.every((client) => client.of('error').length === 10), 10_000, 'every frame answered');
    for (const client of clients) expect(client.invalid).toBe(0);

    // Broken WebSocket framing and invalid UTF-8 close those sockets (ws's own checks), nothing else.
    const broken = await Promise.all(Array.from({ length: 5 }, () => TestClient.connect(url)));
    for (const client of broken.slice(0, 3)) (client.ws as unknown as { _socket: { write(data: Buffer): void } })._socket.write(Buffer.from([0x8f, 0x80, 1, 2, 3, 4, 0xff]));
    for (const client of broken.slice(3)) client.sendRaw(Buffer.from([0xc3, 0x28, 0xff]));
    for (const client of broken) expect([1002, 1006, 1007]).toContain((await client.closed).code);

    guide.send({ type: 'state', rev: 1, state: stopState('library') });
    // (The relay's repeat of rev 0 may come first on a slow machine.)
    await delegate.waitFor((m) => m.type === 'snapshot' && m.rev === 1, 5000, 'rev 1');
    for (const client of [...clients, guide, delegate]) client.close();
    await live.close();
  });
});
