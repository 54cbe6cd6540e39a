import { afterEach, describe, expect, it } from 'vitest';
import { clientMessage } from '../../src/live/schemas';
import { createRng } from '../../src/viewer/campus/random';
import { fakeRelays } from './fakes';
import { sleep, until } from './helpers';

const { makeRelay, connect, shutdownAll } = fakeRelays();
afterEach(shutdownAll);

/** Text only a fuzzer writes: found anywhere another delegate's socket received, it leaked. */
const MARK = 'FUZZ⚑';

const templates = (code: string, poll: number): Record<string, unknown>[] => [
  { v: 1, type: 'answer', poll, choices: [1] },
  { v: 1, type: 'answer', poll, choices: [0, 2] },
  { v: 1, type: 'hand', raised: true },
  { v: 1, type: 'hand', raised: false },
  { v: 1, type: 'react', reaction: 'clap' },
  { v: 1, type: 'ask', text: `${MARK} <img src=x onerror=alert(1)>` },
  { v: 1, type: 'status', lang: 'zh', following: false, at: { campusId: 'main', stopId: 'library' } },
  { v: 1, type: 'join', code, lang: 'en', following: true, name: `${MARK} name` },
  { v: 1, type: 'poll-open', source: { kind: 'typed', prompt: { en: `${MARK} poll` }, options: [{ en: `${MARK} a` }, { en: 'b' }] }, options: 2, multiple: false },
  { v: 1, type: 'poll-close', poll },
  { v: 1, type: 'poll-reveal', poll },
  { v: 1, type: 'hand-lower' },
  { v: 1, type: 'question-mark', question: 5, status: 'hidden' },
  { v: 1, type: 'remove', delegate: 'AAAAAAAAAAAA' },
  { v: 1, type: 'bring-back' },
];

const weird: unknown[] = [null, true, -1, 1e308, 0.5, '', `${MARK}\u202E`, 'x'.repeat(5000), [], {}, [[[]]], { __proto__: { polluted: true } }, Number.MAX_SAFE_INTEGER + 2, [0, 0], [9], '\ud800'];

function mutate(message: Record<string, unknown>, next: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const copy = structuredClone(message);
  const roll = next();
  // A fifth go out whole (valid, or refused by role or state): the rest with one thing broken.
  if (roll < 0.2) return JSON.stringify(copy);
  const keys = Object.keys(copy).filter((key) => key !== 'v' && key !== 'type');
  const key = keys.length > 0 ? pick(keys) : 'type';
  if (roll < 0.45) copy[key] = pick(weird);
  else if (roll < 0.6) delete copy[key];
  else if (roll < 0.7) copy[pick(['extra', 'constructor', '__proto__'])] = pick(weird);
  else if (roll < 0.8 && typeof copy[key] === 'object' && copy[key] !== null) (copy[key] as Record<string, unknown>)[pick(['zh', 'en', 'kind', '0', 'stopId'])] = pick(weird);
  else if (roll < 0.9) copy.type = pick(['answered', 'roster', 'removed', 'hands', 'Answer', '']);
  else return JSON.stringify(copy).slice(0, Math.floor(next() * 60));
  return JSON.stringify(copy);
}

describe('fuzzed class messages', () => {
  it('never crash the relay: 12,000 frames from delegates; nothing reaches another delegate; the class works on', async () => {
    const relay = makeRelay({ floodBurst: 1e9, floodPerSecond: 1e9, maxBadMessages: 1e9 });
    const guide = connect(relay);
    guide.send({ type: 'start' });
    await until(() => guide.peer.of('started').length === 1, 2000, 'started');
    const code = guide.peer.of('started')[0]?.code ?? '';
    guide.send({ type: 'poll-open', source: { kind: 'content', tourId: 'campus-walk', step: 0, questionId: 'q' }, options: 3, multiple: true });
    const join = (lang: 'zh' | 'en') => {
      const d = connect(relay);
      d.send({ type: 'join', code, lang, following: true });
      return d;
    };
    const bystanders = [join('zh'), join('en'), join('zh')];
    const fuzzers = Array.from({ length: 40 }, (_, i) => join(i % 2 ? 'zh' : 'en'));
    await until(() => [...bystanders, ...fuzzers].every((d) => d.peer.of('poll').length === 1), 3000, 'all joined, poll shown');
    const poll = bystanders[0]?.peer.of('poll')[0]?.poll?.id ?? 0;

    const next = createRng(13_000_013); // seeded, so a failure can be replayed
    const messages = templates(code, poll);
    let valid = 0;
    for (let i = 0; i < 12_000; i += 1) {
      const fuzzer = fuzzers[i % fuzzers.length];
      if (!fuzzer) continue;
      const frame = mutate(messages[Math.floor(next() * messages.length)] as Record<string, unknown>, next);
      try {
        if (clientMessage.safeParse(JSON.parse(frame)).success) valid += 1;
      } catch {
        // not JSON: refused as it is
      }
      expect(() => relay.receive(fuzzer.conn, Buffer.from(frame))).not.toThrow();
      // Let the stored entries apply now and then, as a real socket's pace would.
      if (i % 500 === 0) await sleep(1);
    }
    await sleep(1200);
    expect(valid).toBeGreaterThan(1000);

    // Bystanders heard only what a delegate may hear, and nothing any fuzzer wrote.
    for (const bystander of bystanders) {
      expect(bystander.peer.invalid).toBe(0);
      expect(new Set(bystander.peer.received.map((m) => m.type))).toSatisfy((types: Set<string>) => [...types].every((t) => ['joined', 'snapshot', 'view', 'stats', 'poll', 'reactions'].includes(t)));
      expect(JSON.stringify(bystander.peer.received)).not.toContain(MARK);
      expect(bystander.peer.closedWith).toBeNull();
    }
    // Fuzzers never got what is the guide's either (the poll is the guide's, not theirs to change).
    for (const fuzzer of fuzzers) {
      expect(fuzzer.peer.invalid).toBe(0);
      expect(fuzzer.peer.received.some((m) => m.type === 'roster' || m.type === 'questions' || m.type === 'tally' || m.type === 'hands')).toBe(false);
    }
    expect(bystanders[0]?.peer.of('poll')).toHaveLength(1);
    // The guide's messages all parse (its screen shows the fuzzers' questions, as text).
    expect(guide.peer.invalid).toBe(0);

    // And the class goes on: a bystander answers and is acknowledged; the tally counts it.
    bystanders[0]?.send({ type: 'answer', poll, choices: [2] });
    await until(() => bystanders[0]?.peer.of('answered').length === 1, 2000, 'ack');
    await until(() => (guide.peer.of('tally').at(-1)?.tally.all.counts[2] ?? 0) >= 1, 2000, 'tally');
  });
});
