import { afterEach, describe, expect, it } from 'vitest';
import type { ClientMessage, Outgoing as Out, RosterEntry, ServerMessage } from '../../src/live/protocol';

type Outgoing = Out<ClientMessage>;
import type { Relay } from '../../server/relay';
import { fakeRelays } from './fakes';
import { sleep, stopState, until } from './helpers';

const { makeRelay, connect, shutdownAll } = fakeRelays();
afterEach(shutdownAll);

type Client = ReturnType<typeof connect>;

async function startGuide(relay: Relay): Promise<{ guide: Client; code: string }> {
  const guide = connect(relay);
  guide.send({ type: 'start' });
  await until(() => guide.peer.of('started').length === 1, 2000, 'started');
  return { guide, code: guide.peer.of('started')[0]?.code ?? '' };
}

async function joinAs(relay: Relay, code: string, lang: 'zh' | 'en', extra: { name?: string | null; pass?: string; following?: boolean } = {}): Promise<Client & { pass: string }> {
  const delegate = connect(relay);
  delegate.send({ type: 'join', code, lang, following: extra.following ?? true, ...(extra.name !== undefined ? { name: extra.name } : {}), ...(extra.pass ? { pass: extra.pass } : {}) });
  await until(() => delegate.peer.of('joined').length > 0 || delegate.peer.of('error').length > 0 || delegate.peer.of('removed').length > 0, 2000, 'join answered');
  return { ...delegate, pass: delegate.peer.of('joined')[0]?.pass ?? '' };
}

/** The guide's roster as its messages build it: a reset, then changes. */
function rosterOf(guide: Client): Map<string, RosterEntry> {
  const roster = new Map<string, RosterEntry>();
  for (const message of guide.peer.of('roster')) {
    if (message.reset) roster.clear();
    for (const entry of message.delegates) roster.set(entry.id, entry);
    for (const id of message.gone) roster.delete(id);
  }
  return roster;
}

const contentPoll: Outgoing = { type: 'poll-open', source: { kind: 'content', tourId: 'campus-walk', step: 2, questionId: 'library-floors' }, options: 3, multiple: false, correct: [1] };

/** Everything a delegate's socket received that carries what another delegate wrote. */
const othersWriting = (messages: ServerMessage[]) => messages.filter((m) => m.type === 'roster' || m.type === 'questions' || m.type === 'hands' || m.type === 'tally');

describe('the class layer on one relay', () => {
  it('shows the guide a roster with names, languages and stable numbers, across a reconnect with the pass', async () => {
    const relay = makeRelay({ statsIntervalMs: 50 });
    const { guide, code } = await startGuide(relay);
    const li = await joinAs(relay, code, 'zh', { name: '  李雷  ' });
    const anon = await joinAs(relay, code, 'en');
    await until(() => rosterOf(guide).size === 2, 2000, 'two on the roster');
    const first = [...rosterOf(guide).values()].sort((a, b) => a.n - b.n);
    expect(first.map((e) => [e.n, e.name, e.lang, e.connected])).toEqual([
      [1, '李雷', 'zh', true],
      [2, null, 'en', true],
    ]);

    // Li drops and comes back with the pass: the same person, number and name; not a third delegate.
    relay.closed(li.conn);
    await until(() => rosterOf(guide).get(first[0]?.id ?? '')?.connected === false, 2000, 'dropped');
    const back = await joinAs(relay, code, 'zh', { pass: li.pass });
    expect(back.pass).toBe(li.pass);
    await until(() => rosterOf(guide).get(first[0]?.id ?? '')?.connected === true, 2000, 'back');
    expect(rosterOf(guide).size).toBe(2);
    expect(rosterOf(guide).get(first[0]?.id ?? '')).toMatchObject({ n: 1, name: '李雷' });
    // Delegates never see the roster.
    expect(othersWriting([...back.peer.received, ...anon.peer.received])).toEqual([]);
  });

  it('refuses a name with a bidi override or over 40 characters, and does not join', async () => {
    const relay = makeRelay();
    const { code } = await startGuide(relay);
    for (const name of ['evil\u202Eeman', 'x'.repeat(41), '   ', 'tab\there']) {
      const d = await joinAs(relay, code, 'en', { name });
      expect(d.peer.of('error').at(-1)?.code).toBe('bad-name');
      expect(d.peer.of('joined')).toHaveLength(0);
    }
    const ok = await joinAs(relay, code, 'en', { name: 'Ана-Мария 🌸' });
    expect(ok.peer.of('joined')).toHaveLength(1);
  });

  it('runs a poll from content: answers acknowledged as stored, counted once per delegate, changeable until closed, revealed to all', async () => {
    const relay = makeRelay();
    const { guide, code } = await startGuide(relay);
    const zh = await joinAs(relay, code, 'zh');
    const en = await joinAs(relay, code, 'en');
    guide.send(contentPoll);
    await until(() => zh.peer.of('poll').length === 1 && en.peer.of('poll').length === 1, 2000, 'poll shown');
    const poll = zh.peer.of('poll')[0]?.poll;
    expect(poll).toMatchObject({ source: { kind: 'content', tourId: 'campus-walk', step: 2, questionId: 'library-floors' }, options: 3, multiple: false, phase: 'open' });
    expect(poll?.result).toBeUndefined();
    const id = poll?.id ?? 0;

    zh.send({ type: 'answer', poll: id, choices: [1] });
    zh.send({ type: 'answer', poll: id, choices: [1] });
    en.send({ type: 'answer', poll: id, choices: [0] });
    await until(() => zh.peer.of('answered').length === 2 && en.peer.of('answered').length === 1, 2000, 'acks');
    expect(zh.peer.of('answered')[0]).toMatchObject({ poll: id, choices: [1] });
    // The English delegate changes its mind; then drops and rejoins, answering the same again.
    en.send({ type: 'answer', poll: id, choices: [1] });
    await until(() => en.peer.of('answered').length === 2, 2000, 'changed');
    relay.closed(en.conn);
    const en2 = await joinAs(relay, code, 'en', { pass: en.pass });
    await until(() => en2.peer.of('answered').length === 1, 2000, 'its answer on rejoin');
    expect(en2.peer.of('answered')[0]).toMatchObject({ poll: id, choices: [1] });
    en2.send({ type: 'answer', poll: id, choices: [1] });
    await until(() => en2.peer.of('answered').length === 2, 2000, 'ack');

    // Two answers not allowed for a single choice, an option it has not: refused.
    en2.send({ type: 'answer', poll: id, choices: [0, 1] });
    en2.send({ type: 'answer', poll: id, choices: [4] });
    await until(() => en2.peer.of('error').length === 2, 2000, 'refusals');
    expect(en2.peer.of('error').map((e) => e.code)).toEqual(['poll-closed', 'poll-closed']);

    await sleep(250);
    const tally = guide.peer.of('tally').at(-1)?.tally;
    expect(tally).toMatchObject({ poll: id, all: { counts: [0, 2, 0], total: 2 }, zh: { counts: [0, 1, 0], total: 1 }, en: { counts: [0, 1, 0], total: 1 } });

    guide.send({ type: 'poll-close', poll: id });
    await until(() => zh.peer.of('poll').at(-1)?.poll?.phase === 'closed', 2000, 'closed');
    zh.send({ type: 'answer', poll: id, choices: [2] });
    await until(() => zh.peer.of('error').length === 1, 2000, 'too late');
    expect(zh.peer.of('error')[0]?.code).toBe('poll-closed');

    guide.send({ type: 'poll-reveal', poll: id });
    await until(() => en2.peer.of('poll').at(-1)?.poll?.phase === 'revealed', 2000, 'revealed');
    expect(en2.peer.of('poll').at(-1)?.poll?.result).toEqual({ counts: [0, 2, 0], total: 2, correct: [1] });
  });

  it('keeps the correct answer from delegates until revealed, and takes typed polls in one or both languages', async () => {
    const relay = makeRelay();
    const { guide, code } = await startGuide(relay);
    const d = await joinAs(relay, code, 'zh');
    guide.send({
      type: 'poll-open',
      source: { kind: 'typed', prompt: { zh: '你最喜欢哪个？', en: 'Which do you like best?' }, options: [{ zh: '图书馆', en: 'Library' }, { en: 'Gym' }, { zh: '食堂' }] },
      options: 3,
      multiple: true,
      correct: [0, 2],
    });
    await until(() => d.peer.of('poll').length === 1, 2000, 'poll');
    expect(JSON.stringify(d.peer.received)).not.toContain('correct');
    const id = d.peer.of('poll')[0]?.poll?.id ?? 0;
    d.send({ type: 'answer', poll: id, choices: [2, 0] });
    await until(() => d.peer.of('answered').length === 1, 2000, 'ack');
    expect(d.peer.of('answered')[0]?.choices).toEqual([0, 2]);
  });

  it('keeps hands in the order raised; the guide lowers one, then all', async () => {
    const relay = makeRelay();
    const { guide, code } = await startGuide(relay);
    const [a, b, c] = [await joinAs(relay, code, 'zh'), await joinAs(relay, code, 'en'), await joinAs(relay, code, 'en')];
    for (const d of [b, a, c]) {
      d.send({ type: 'hand', raised: true });
      await until(() => d.peer.of('hand').at(-1)?.raised === true, 2000, 'hand up');
    }
    const ids = (d: Client) => d.conn.delegateId;
    await until(() => guide.peer.of('hands').at(-1)?.raised.length === 3, 2000, 'three hands');
    expect(guide.peer.of('hands').at(-1)?.raised.map((h) => h.id)).toEqual([ids(b), ids(a), ids(c)]);
    guide.send({ type: 'hand-lower', delegate: ids(a) ?? '' });
    await until(() => a.peer.of('hand').at(-1)?.raised === false, 2000, 'a lowered');
    await until(() => guide.peer.of('hands').at(-1)?.raised.length === 2, 2000, 'two hands');
    guide.send({ type: 'hand-lower' });
    await until(() => [b, c].every((d) => d.peer.of('hand').at(-1)?.raised === false), 2000, 'all lowered');
  });

  it('sends written questions to the guide only, as the text written; the guide marks them', async () => {
    const relay = makeRelay();
    const { guide, code } = await startGuide(relay);
    const asker = await joinAs(relay, code, 'en', { name: 'Sam' });
    const other = await joinAs(relay, code, 'zh');
    const text = 'What is <img src=x onerror=alert(1)> "this", 这是什么?';
    asker.send({ type: 'ask', text });
    await until(() => guide.peer.of('questions').some((m) => m.questions.length > 0), 2000, 'question');
    const question = guide.peer.of('questions').flatMap((m) => m.questions)[0];
    expect(question).toMatchObject({ text, from: asker.conn.delegateId, status: 'open' });
    asker.send({ type: 'ask', text: 'x'.repeat(281) });
    await until(() => asker.peer.of('error').length === 1, 2000, 'refused');
    expect(asker.peer.of('error')[0]?.code).toBe('bad-question');
    guide.send({ type: 'question-mark', question: question?.id ?? 0, status: 'answered' });
    await until(() => guide.peer.of('questions').flatMap((m) => m.questions).at(-1)?.status === 'answered', 2000, 'marked');
    await sleep(50);
    expect(JSON.stringify(other.peer.received)).not.toContain('onerror');
    expect(JSON.stringify(asker.peer.received)).not.toContain('onerror');
  });

  it('removes a delegate, who cannot rejoin with its pass; brings everyone back; counts who looks around where', async () => {
    const relay = makeRelay();
    const { guide, code } = await startGuide(relay);
    const bad = await joinAs(relay, code, 'en', { name: 'Troll' });
    const explorers = [await joinAs(relay, code, 'zh'), await joinAs(relay, code, 'en'), await joinAs(relay, code, 'zh')];
    const at = (stopId: string) => ({ campusId: 'main', stopId });
    explorers[0]?.send({ type: 'status', lang: 'zh', following: false, at: at('library') });
    explorers[1]?.send({ type: 'status', lang: 'en', following: false, at: at('library') });
    explorers[2]?.send({ type: 'status', lang: 'zh', following: false, at: at('gym') });
    await until(() => guide.peer.of('whereabouts').at(-1)?.stops.length === 2, 2000, 'whereabouts');
    expect(guide.peer.of('whereabouts').at(-1)?.stops).toEqual([
      { campusId: 'main', stopId: 'library', count: 2 },
      { campusId: 'main', stopId: 'gym', count: 1 },
    ]);

    guide.send({ type: 'remove', delegate: bad.conn.delegateId ?? '' });
    await until(() => bad.peer.of('removed').length === 1, 2000, 'removed');
    expect(bad.peer.closedWith).toBe(1008);
    await until(() => !rosterOf(guide).has(bad.conn.delegateId ?? ''), 2000, 'off the roster');
    const again = await joinAs(relay, code, 'en', { pass: bad.pass });
    expect(again.peer.of('removed')).toHaveLength(1);
    expect(again.peer.of('joined')).toHaveLength(0);

    guide.send({ type: 'bring-back' });
    await until(() => explorers.every((d) => d.peer.of('bring-back').length === 1), 2000, 'brought back');
    await until(() => guide.peer.of('whereabouts').at(-1)?.stops.length === 0, 2000, 'nobody exploring');
    expect([...rosterOf(guide).values()].every((e) => e.following)).toBe(true);
  });

  it('aggregates reactions per second for everyone, and limits each delegate', async () => {
    const relay = makeRelay({ floodBurst: 1000, floodPerSecond: 1000 });
    const { guide, code } = await startGuide(relay);
    const delegates = [await joinAs(relay, code, 'zh'), await joinAs(relay, code, 'en')];
    for (let i = 0; i < 10; i += 1) for (const d of delegates) d.send({ type: 'react', reaction: 'clap' });
    delegates[0]?.send({ type: 'react', reaction: 'slower' });
    await until(() => guide.peer.of('reactions').length === 1, 3000, 'one aggregate');
    // Three each (the burst); the rest refused with when to retry.
    expect(guide.peer.of('reactions')[0]?.counts).toEqual({ clap: 6 });
    expect(delegates[0]?.peer.of('reactions')[0]?.counts).toEqual({ clap: 6 });
    expect(delegates[0]?.peer.of('error').filter((e) => e.code === 'rate-limited').length).toBe(8);
    expect(delegates[0]?.peer.of('error')[0]?.retryMs).toBeGreaterThan(0);
    for (let i = 0; i < 10; i += 1) delegates[1]?.send({ type: 'ask', text: `question ${i}` });
    await until(() => (delegates[1]?.peer.of('error').filter((e) => e.code === 'rate-limited').length ?? 0) >= 7 + 7, 2000, 'questions limited');
  });

  it('refuses class actions from the wrong role', async () => {
    const relay = makeRelay();
    const { guide, code } = await startGuide(relay);
    const d = await joinAs(relay, code, 'en');
    d.send(contentPoll);
    d.send({ type: 'bring-back' });
    d.send({ type: 'remove', delegate: d.conn.delegateId ?? '' });
    guide.send({ type: 'answer', poll: 1, choices: [0] });
    guide.send({ type: 'ask', text: 'hi' });
    await until(() => d.peer.of('error').length === 3 && guide.peer.of('error').length === 2, 2000, 'forbidden');
    expect([...d.peer.of('error'), ...guide.peer.of('error')].every((e) => e.code === 'forbidden')).toBe(true);
    expect(d.peer.of('poll')).toHaveLength(0);
    expect(d.peer.of('removed')).toHaveLength(0);
  });
});

describe('the group\'s places', () => {
  it('are logged as the guide moves, once per change', async () => {
    const relay = makeRelay();
    const { guide } = await startGuide(relay);
    guide.send({ type: 'state', rev: 1, state: stopState('gate') });
    guide.send({ type: 'state', rev: 2, state: stopState('gate', { openHotspotId: 'sign' }) });
    guide.send({ type: 'state', rev: 3, state: stopState('library') });
    await sleep(50);
    expect(guide.peer.of('error')).toHaveLength(0);
  });
});
