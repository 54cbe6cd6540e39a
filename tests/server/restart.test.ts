import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Guide, delegateOf, liveUrl, spawnRelay, until, type RetryingClient, type SpawnedRelay } from './helpers';

/** How long after a relay is back every client may take to be on the latest revision again. */
const RESYNC_TARGET_MS = 5_000;

const relays: SpawnedRelay[] = [];
const clients: RetryingClient[] = [];
afterAll(async () => {
  for (const client of clients) client.stop();
  await Promise.all(relays.map((relay) => relay.kill()));
});

describe('a relay killed and restarted mid-session (in memory)', () => {
  it('brings every client back on the latest revision', async () => {
    const env = { DATA_DIR: join(mkdtempSync(join(tmpdir(), 'relay-data-')), 'data') };
    const first = await spawnRelay(env);
    relays.push(first);
    const url = liveUrl(first.url);
    const guide = new Guide(url);
    clients.push(guide.client);
    await until(() => guide.code !== '', 5000, 'a session');
    const delegates = Array.from({ length: 6 }, (_, i) => delegateOf(url, guide.code, i % 2 ? 'en' : 'zh'));
    clients.push(...delegates);
    await until(() => delegates.every((d) => d.rev === 0), 5000, 'all joined');
    for (const stop of ['gate', 'library', 'canteen']) guide.move(stop);
    await until(() => delegates.every((d) => d.rev === 3), 5000, 'rev 3 everywhere');

    await first.kill();
    // While the relay is down the guide moves on; its screen re-sends this on reconnect.
    guide.move('sports-ground');
    const second = await spawnRelay({ ...env, PORT: String(first.port) });
    relays.push(second);
    // The resync target: every client back on the latest revision within 5 s of the relay being up
    // again (its start is not counted: spawnRelay returns once it serves). What those 5 s hold: one
    // wait of the clients' backoff (full jitter, capped at 2 s: RetryingClient in helpers.ts), the
    // reconnection, the guide's hello re-creating the session, and a snapshot to each delegate. The
    // bench measures about 1.6 s for this (README); the rest is room for a loaded machine.
    await until(() => delegates.every((d) => d.rev === 4 && d.connections === 2), RESYNC_TARGET_MS, 'everyone on rev 4 again');
    expect(guide.client.connections).toBe(2);
    // The re-created session is fully live: the guide drives it as before.
    guide.move('teaching-building');
    await until(() => delegates.every((d) => d.rev === 5), 5000, 'rev 5 everywhere');
    expect(delegates.flatMap((d) => d.messages).filter((m) => m.type === 'error')).toEqual([]);
  }, 60_000);
});
