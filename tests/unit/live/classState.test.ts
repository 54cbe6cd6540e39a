/**
 * The class layer on a screen: what each relay message changes (roster pages and changes, a new
 * poll forgetting the old answer, the delegate's stored answer, removal), and a guide's typed
 * poll as the form turns it into a draft.
 */
import { describe, expect, it } from 'vitest';
import { idleClass, reduceClass, type ClassState } from '../../../src/features/live/classState';
import { composePoll } from '../../../src/features/live/PollComposer';
import type { LivePoll, Outgoing, RosterEntry, ServerMessage } from '../../../src/live/protocol';

const entry = (n: number, name: string | null = null): RosterEntry => ({
  id: `delegate${String(n).padStart(4, '0')}`,
  n,
  name,
  lang: 'zh',
  following: true,
  at: null,
  connected: true,
  joinedAt: 1_000 + n,
});
const poll = (id: number, phase: LivePoll['phase'] = 'open'): LivePoll => ({ id, source: { kind: 'content', tourId: 't', step: 0, questionId: 'q' }, options: 3, multiple: false, phase });

function run(messages: ServerMessage[], from: ClassState = idleClass): ClassState {
  return messages.reduce((state, message) => ({ ...state, ...(reduceClass(state, message) ?? {}) }), from);
}
const m = (message: Outgoing<ServerMessage>) => ({ v: 1, ...message }) as ServerMessage;

describe('the class state', () => {
  it('builds the roster from pages, then applies changes and removals; a new listing starts over', () => {
    const state = run([
      m({ type: 'roster', reset: true, delegates: [entry(1, '李明'), entry(2)], gone: [] }),
      m({ type: 'roster', reset: false, delegates: [entry(3, 'Anna')], gone: [] }),
      m({ type: 'roster', reset: false, delegates: [{ ...entry(2), connected: false }], gone: [entry(1).id] }),
    ]);
    expect(state.roster.map((d) => [d.n, d.name, d.connected])).toEqual([
      [2, null, false],
      [3, 'Anna', true],
    ]);
    expect(run([m({ type: 'roster', reset: true, delegates: [entry(9)], gone: [] })], state).roster.map((d) => d.n)).toEqual([9]);
  });

  it('keeps the delegate’s stored answer for its poll, forgets it for a new poll, and keeps it when the same poll is revealed', () => {
    let state = run([m({ type: 'poll', poll: poll(1) }), m({ type: 'answered', poll: 1, choices: [2] })]);
    expect(state.myAnswer).toEqual({ poll: 1, choices: [2] });
    state = run([m({ type: 'poll', poll: { ...poll(1, 'revealed'), result: { counts: [0, 0, 1], total: 1, correct: [2] } } })], state);
    expect(state.myAnswer).toEqual({ poll: 1, choices: [2] });
    expect(state.poll?.result?.correct).toEqual([2]);
    state = run([m({ type: 'poll', poll: poll(2) })], state);
    expect(state.myAnswer).toBeNull();
  });

  it('orders written questions by id and updates their status in place', () => {
    const q = (id: number, status: 'open' | 'answered' = 'open') => ({ id, from: entry(1).id, text: `<b>${id}</b>`, at: id, status });
    const state = run([m({ type: 'questions', reset: true, questions: [q(2), q(1)] }), m({ type: 'questions', reset: false, questions: [q(1, 'answered')] })]);
    expect(state.questions.map((x) => [x.id, x.status, x.text])).toEqual([
      [1, 'answered', '<b>1</b>'],
      [2, 'open', '<b>2</b>'],
    ]);
  });

  it('counts each reactions message once (seq rises), and marks a removed delegate', () => {
    const state = run([m({ type: 'reactions', counts: { thumbs: 3 } }), m({ type: 'reactions', counts: { slower: 1 } }), m({ type: 'removed' })]);
    expect(state.reactions).toEqual({ counts: { slower: 1 }, seq: 2 });
    expect(state.removed).toBe(true);
  });
});

describe('a typed poll', () => {
  const pair = (zh: string, en: string) => ({ zh, en });
  it('goes in the languages the question is written in, without empty rows, with the correct options renumbered', () => {
    const result = composePoll(pair('', 'Which city?'), [pair('', 'Chongqing'), pair('', ''), pair('', 'Chengdu')], [2], false);
    expect(result).toEqual({
      ok: true,
      draft: { source: { kind: 'typed', prompt: { en: 'Which city?' }, options: [{ en: 'Chongqing' }, { en: 'Chengdu' }] }, options: 2, multiple: false, correct: [1] },
    });
  });

  it('refuses what the delegates could not read or answer, saying why', () => {
    expect(composePoll(pair('', ''), [pair('a', 'a'), pair('b', 'b')], [], false)).toMatchObject({ ok: false, error: 'needPrompt' });
    expect(composePoll(pair('哪个？', ''), [pair('甲', ''), pair('', '')], [], false)).toMatchObject({ ok: false, error: 'needOptions' });
    expect(composePoll(pair('哪个？', 'Which?'), [pair('甲', 'A'), pair('乙', '')], [], false)).toMatchObject({ ok: false, error: 'optionMissing', n: 2 });
    expect(composePoll(pair('', 'Which?'), [pair('', 'A'), pair('', 'B')], [0, 1], false)).toMatchObject({ ok: false, error: 'oneCorrect' });
    expect(composePoll(pair('', 'Which?'), [pair('', 'A'), pair('', 'B')], [0, 1], true)).toMatchObject({ ok: true });
    expect(composePoll(pair('', 'x'.repeat(201)), [pair('', 'A'), pair('', 'B')], [], false)).toMatchObject({ ok: false, error: 'tooLong' });
  });
});
