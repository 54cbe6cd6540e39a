import { describe, expect, it } from 'vitest';
import type { ClassEvent, Logged } from '../../server/classEvents';
import { ClassState } from '../../server/classState';
import { tally } from '../../server/pollTally';
import { buildReport, csvField, reportCsv } from '../../server/sessionReport';

const T0 = Date.UTC(2026, 10, 30, 8, 0, 0);
const A = 'aaaaaaaaaaaa';
const B = 'bbbbbbbbbbbb';
const C = 'cccccccccccc';
const content = { kind: 'content', tourId: 'campus-walk', step: 1, questionId: 'library-floors' } as const;

/** Numbers events as a log does. */
const logOf = (events: ClassEvent[]): Logged[] => events.map((e, i) => ({ n: i + 1, e }));

function replay(entries: Logged[]): ClassState {
  const state = new ClassState();
  for (const entry of entries) state.offer(entry);
  return state;
}

const join = (d: string, lang: 'zh' | 'en', c: string, t: number, name?: string | null): ClassEvent => ({ k: 'join', d, lang, f: true, at: null, c, t, ...(name !== undefined ? { name } : {}) });

describe('a session\'s class, replayed from its log', () => {
  const events: ClassEvent[] = [
    join(A, 'zh', 'r1:1', T0, '李雷'),
    join(B, 'en', 'r1:2', T0 + 1000, 'Sam "the man", Jr.'),
    { k: 'poll', draft: { source: content, options: 3, multiple: false, correct: [1] }, t: T0 + 2000 },
    { k: 'answer', d: A, p: 3, ch: [1], lang: 'zh', t: T0 + 3000 },
    // A's network hiccups: the same answer again, then through another relay after a reconnect.
    { k: 'answer', d: A, p: 3, ch: [1], lang: 'zh', t: T0 + 3100 },
    { k: 'leave', d: A, c: 'r1:1', t: T0 + 4000 },
    join(A, 'zh', 'r2:9', T0 + 5000),
    { k: 'answer', d: A, p: 3, ch: [1], lang: 'zh', t: T0 + 5100 },
    // B changes its mind.
    { k: 'answer', d: B, p: 3, ch: [0], lang: 'en', t: T0 + 6000 },
    { k: 'answer', d: B, p: 3, ch: [2], lang: 'en', t: T0 + 6500 },
    { k: 'close', p: 3, t: T0 + 7000 },
    // Too late: not counted.
    { k: 'answer', d: B, p: 3, ch: [1], lang: 'en', t: T0 + 7500 },
    { k: 'reveal', p: 3, t: T0 + 8000 },
  ];

  it('counts each delegate\'s answer once, as last given before the close, whatever the duplicates and reconnects', () => {
    const state = replay(logOf(events));
    const poll = state.polls.polls.get(3);
    if (!poll) throw new Error('no poll');
    expect(tally(poll)).toEqual({
      poll: 3,
      phase: 'revealed',
      all: { counts: [0, 1, 1], total: 2 },
      zh: { counts: [0, 1, 0], total: 1 },
      en: { counts: [0, 0, 1], total: 1 },
    });
    // The roster knows A as one delegate, number 1, named as it first said (a rejoin without a name keeps it).
    expect([...state.roster.members.values()].map((m) => [m.n, m.name, m.conn])).toEqual([
      [1, '李雷', 'r2:9'],
      [2, 'Sam "the man", Jr.', 'r1:2'],
    ]);
  });

  it('reaches the same state whatever order the entries arrive in, and from the same log on another relay', () => {
    const entries = logOf(events);
    const shuffled = [...entries].reverse();
    const a = replay(entries);
    const b = new ClassState();
    for (const entry of shuffled) b.offer(entry);
    // And duplicates (the bus's echo and a read of the log) are applied once.
    for (const entry of entries) b.offer(entry);
    expect(b.applied).toBe(entries.length);
    expect(tally(b.polls.polls.get(3) ?? (undefined as never))).toEqual(tally(a.polls.polls.get(3) ?? (undefined as never)));
  });

  it('waits for a missing entry before applying the later ones', () => {
    const entries = logOf(events);
    const state = new ClassState();
    state.offer(entries[0] as Logged);
    state.offer(entries[2] as Logged);
    expect(state.applied).toBe(1);
    expect(state.hasGap).toBe(true);
    state.offer(entries[1] as Logged);
    expect(state.applied).toBe(3);
    expect(state.hasGap).toBe(false);
  });

  it('ignores a leave of an older socket once the delegate joined again elsewhere', () => {
    const state = replay(logOf([join(A, 'en', 'r1:1', T0), join(A, 'en', 'r2:1', T0 + 10), { k: 'leave', d: A, c: 'r1:1', t: T0 + 20 }]));
    expect(state.roster.get(A)?.conn).toBe('r2:1');
  });

  it('keeps a removed delegate out: no rejoin, no answer, no hand, no question', () => {
    const state = replay(
      logOf([
        join(A, 'en', 'r1:1', T0),
        { k: 'poll', draft: { source: content, options: 2, multiple: false, correct: [] }, t: T0 },
        { k: 'remove', d: A, t: T0 + 1 },
        join(A, 'en', 'r1:2', T0 + 2),
        { k: 'answer', d: A, p: 2, ch: [0], lang: 'en', t: T0 + 3 },
        { k: 'hand', d: A, up: true, t: T0 + 4 },
        { k: 'ask', d: A, q: 'let me in', t: T0 + 5 },
      ]),
    );
    expect(state.roster.get(A)).toMatchObject({ removed: true, conn: null });
    expect(state.polls.polls.get(2)?.answers.size).toBe(0);
    expect(state.hands.size).toBe(0);
    expect(state.questions.items.size).toBe(0);
  });
});

describe('the session report', () => {
  const events: ClassEvent[] = [
    { k: 'place', at: { campusId: 'main', stopId: 'gate' }, t: T0 },
    join(A, 'zh', 'r1:1', T0 + 60_000, '王小明'),
    join(B, 'en', 'r1:2', T0 + 120_000, '=HYPERLINK("http://evil")'),
    join(C, 'en', 'r1:3', T0 + 120_000),
    { k: 'place', at: { campusId: 'main', stopId: 'library' }, t: T0 + 300_000 },
    {
      k: 'poll',
      draft: { source: { kind: 'typed', prompt: { zh: '你喜欢"图书馆"吗？', en: 'Do you like the "library", really?' }, options: [{ zh: '喜欢', en: 'Yes' }, { en: 'No' }] }, options: 2, multiple: false, correct: [0] },
      t: T0 + 310_000,
    },
    { k: 'answer', d: A, p: 6, ch: [0], lang: 'zh', t: T0 + 320_000 },
    { k: 'answer', d: B, p: 6, ch: [1], lang: 'en', t: T0 + 321_000 },
    { k: 'close', p: 6, t: T0 + 330_000 },
    { k: 'ask', d: A, q: '图书馆,几点开门?\n"周末"也开吗?', t: T0 + 340_000 },
    { k: 'leave', d: B, c: 'r1:2', t: T0 + 400_000 },
    { k: 'mark', q: 10, s: 'answered', t: T0 + 410_000 },
    { k: 'place', at: null, t: T0 + 500_000 },
  ];
  const madeAt = T0 + 600_000;

  it('lists the roster with join and leave times and time connected, the stops, the polls per language and the questions', () => {
    const report = buildReport(replay(logOf(events)), { code: 'K7QX2M', madeAt, ended: true });
    expect(report.startedAt).toBe(new Date(T0).toISOString());
    expect(report.delegates).toEqual([
      { n: 1, name: '王小明', lang: 'zh', joinedAt: new Date(T0 + 60_000).toISOString(), leftAt: null, connectedSeconds: 540, removed: false, answered: 1, correct: 1 },
      { n: 2, name: '=HYPERLINK("http://evil")', lang: 'en', joinedAt: new Date(T0 + 120_000).toISOString(), leftAt: new Date(T0 + 400_000).toISOString(), connectedSeconds: 280, removed: false, answered: 1, correct: 0 },
      { n: 3, name: null, lang: 'en', joinedAt: new Date(T0 + 120_000).toISOString(), leftAt: null, connectedSeconds: 480, removed: false, answered: 0, correct: 0 },
    ]);
    expect(report.stops.map((s) => [s.stop.stopId, s.seconds])).toEqual([
      ['gate', 300],
      ['library', 200],
    ]);
    expect(report.polls[0]).toMatchObject({ id: 6, phase: 'closed', all: { counts: [1, 1], total: 2 }, zh: { counts: [1, 0], total: 1 }, en: { counts: [0, 1], total: 1 }, correct: [0] });
    expect(report.questions).toEqual([{ n: 1, name: '王小明', text: '图书馆,几点开门?\n"周末"也开吗?', at: new Date(T0 + 340_000).toISOString(), status: 'answered' }]);
  });

  it('writes CSV with a BOM, quoting and Chinese intact, and typed formulas defused', () => {
    const csv = reportCsv(buildReport(replay(logOf(events)), { code: 'K7QX2M', madeAt, ended: true }));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    const find = (first: string) => rows.find((row) => row[0] === first && row.length > 5);
    expect(find('1')?.slice(0, 3)).toEqual(['1', '王小明', 'zh']);
    expect(find('2')?.[1]).toBe('\'=HYPERLINK("http://evil")');
    expect(find('3')?.[1]).toBe('Delegate 3');
    const question = rows.find((row) => row[4]?.includes('周末'));
    expect(question?.[4]).toBe('图书馆,几点开门?\n"周末"也开吗?');
    const pollRow = rows.find((row) => row[0] === '6' && row[2]?.startsWith('A'));
    expect(pollRow).toEqual(['6', '你喜欢"图书馆"吗？ / Do you like the "library", really?', 'A: 喜欢 / Yes', 'yes', '1', '1', '0']);
    expect(csvField(' padded ')).toBe('" padded "');
    expect(csvField('-5', true)).toBe("'-5");
    expect(csvField(-5)).toBe('-5');
  });
});

/** RFC 4180, as a spreadsheet reads it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += ch;
  }
  return rows;
}
