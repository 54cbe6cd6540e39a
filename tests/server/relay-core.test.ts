import { afterEach, describe, expect, it } from 'vitest';
import { fakeRelays } from './fakes';
import { sleep, stopState, until } from './helpers';

const { makeRelay, connect, shutdownAll } = fakeRelays();
afterEach(shutdownAll);

describe('slow delegates', () => {
  it('skips camera updates for a slow socket, still sends it snapshots, and drops a stuck one', async () => {
    const relay = makeRelay({ slowBytes: 1000, stuckBytes: 100_000 });
    const guide = connect(relay);
    guide.send({ type: 'start' });
    await until(() => guide.peer.of('started').length === 1, 2000, 'started');
    const code = guide.peer.of('started')[0]?.code ?? '';
    const [fast, slow, stuck] = [connect(relay), connect(relay), connect(relay)];
    for (const d of [fast, slow, stuck]) d?.send({ type: 'join', code, lang: 'en', following: true });
    await until(() => [fast, slow, stuck].every((d) => d && d.peer.of('snapshot').length === 1), 2000, 'joined');
    if (!fast || !slow || !stuck) throw new Error('unreachable');
    slow.peer.bufferedAmount = 5000;
    stuck.peer.bufferedAmount = 200_000;
    guide.send({ type: 'view', view: { yaw: 1, pitch: 0, fov: 90 } });
    await sleep(30);
    guide.send({ type: 'state', rev: 1, state: stopState('gate') });
    await sleep(30);
    expect(fast.peer.of('view').length).toBe(1);
    expect(slow.peer.of('view').length).toBe(0);
    expect(slow.peer.of('snapshot').at(-1)?.rev).toBe(1);
    expect(stuck.peer.terminated).toBe(true);
    expect(relay.metrics.viewsSkipped).toBeGreaterThanOrEqual(1);
    // Caught up: it gets camera updates again.
    slow.peer.bufferedAmount = 0;
    await sleep(110);
    guide.send({ type: 'view', view: { yaw: 2, pitch: 0, fov: 90 } });
    await sleep(30);
    expect(slow.peer.of('view').at(-1)?.view.yaw).toBe(2);
  });
});

describe('a stop change and a camera turn at once', () => {
  it('go to the delegates as one snapshot that carries the view, and a turn alone as a camera update', async () => {
    const relay = makeRelay();
    const guide = connect(relay);
    guide.send({ type: 'start' });
    await until(() => guide.peer.of('started').length === 1, 2000, 'started');
    const code = guide.peer.of('started')[0]?.code ?? '';
    const delegate = connect(relay);
    delegate.send({ type: 'join', code, lang: 'zh', following: true });
    await until(() => delegate.peer.of('snapshot').length === 1, 2000, 'joined');

    // A tour step: the new stop and its view, back to back.
    guide.send({ type: 'state', rev: 1, state: stopState('library') });
    guide.send({ type: 'view', view: { yaw: 40, pitch: 5, fov: 80 } });
    await until(() => delegate.peer.of('snapshot').length === 2, 2000, 'snapshot');
    await sleep(30);
    expect(delegate.peer.of('snapshot')[1]).toMatchObject({ rev: 1, view: { yaw: 40, pitch: 5, fov: 80 } });
    expect(delegate.peer.of('view')).toHaveLength(0);

    // A turn on its own is a camera update.
    await sleep(110);
    guide.send({ type: 'view', view: { yaw: 50, pitch: 5, fov: 80 } });
    await until(() => delegate.peer.of('view').length === 1, 2000, 'view');
    expect(delegate.peer.of('view')[0]?.view.yaw).toBe(50);
    expect(delegate.peer.of('snapshot')).toHaveLength(2);
    relay.shutdown();
  });
});

describe('a relay that restarted (in memory)', () => {
  it('holds early joins until the guide resumes, then re-creates the session from the guide', async () => {
    const before = makeRelay();
    const guide = connect(before);
    guide.send({ type: 'start' });
    await until(() => guide.peer.of('started').length === 1, 2000, 'started');
    const { code, token } = guide.peer.of('started')[0] ?? { code: '', token: '' };
    before.shutdown();

    // A new process: nothing in memory, same secret.
    const after = makeRelay({ parkMs: 5000 });
    const early = connect(after);
    early.send({ type: 'join', code, lang: 'zh', following: true });
    await sleep(50);
    expect(early.peer.received).toEqual([]);

    // A delegate cannot claim the session with a made-up token.
    const impostor = connect(after);
    impostor.send({ type: 'resume', code, token: `${token.slice(0, 24)}${'A'.repeat(24)}` });
    await until(() => impostor.peer.of('error').length === 1, 2000, 'refused');
    expect(impostor.peer.of('error')[0]?.code).toBe('forbidden');

    const back = connect(after);
    back.send({ type: 'resume', code, token });
    await until(() => back.peer.of('started').length === 1, 2000, 'resumed');
    back.send({ type: 'state', rev: 12, state: stopState('canteen') });
    await until(() => early.peer.of('snapshot').some((s) => s.rev === 12), 2000, 'rev 12');
    expect(early.peer.of('joined')).toHaveLength(1);
  });

  it('lets nobody resume an ended session', async () => {
    const relay = makeRelay();
    const guide = connect(relay);
    guide.send({ type: 'start' });
    await until(() => guide.peer.of('started').length === 1, 2000, 'started');
    const { code, token } = guide.peer.of('started')[0] ?? { code: '', token: '' };
    guide.send({ type: 'end' });
    await until(() => guide.peer.of('ended').length === 1, 2000, 'ended');
    guide.send({ type: 'resume', code, token });
    await until(() => guide.peer.of('error').length === 1, 2000, 'refused');
    expect(guide.peer.of('error')[0]?.code).toBe('bad-code');
  });
});

describe('session starts', () => {
  it('are limited per address, so nobody fills the relay with sessions', async () => {
    const relay = makeRelay({ startsPerWindow: 3 });
    const guide = connect(relay);
    for (let i = 0; i < 4; i += 1) guide.send({ type: 'start' });
    await until(() => guide.peer.received.filter((m) => m.type === 'started' || m.type === 'error').length === 4, 2000, 'four answers');
    expect(guide.peer.of('started')).toHaveLength(3);
    expect(guide.peer.of('error').map((e) => e.code)).toEqual(['rate-limited']);
    const elsewhere = connect(relay, '192.0.2.7');
    elsewhere.send({ type: 'start' });
    await until(() => elsewhere.peer.of('started').length === 1, 2000, 'another address starts');
  });
});
