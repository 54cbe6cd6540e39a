import { describe, expect, it } from 'vitest';
import { checkDisplayName } from '../../../src/live/displayName';
import { encode, MAX_FRAME_BYTES, NAME_MAX, POLL_OPTION_MAX, POLL_PROMPT_MAX, QUESTION_MAX } from '../../../src/live/protocol';
import { checkQuestionText } from '../../../src/live/questionText';
import { parseClientMessage, parseServerMessage } from '../../../src/live/schemas';

const client = (message: object) => parseClientMessage(JSON.stringify({ v: 1, ...message }));
const server = (message: object) => parseServerMessage(JSON.stringify({ v: 1, ...message }));

const contentSource = { kind: 'content', tourId: 'campus-walk', step: 2, questionId: 'library-floors' };
const typedSource = (options: number, text = 'Option') => ({
  kind: 'typed',
  prompt: { zh: '你最喜欢哪里？', en: 'Which place do you like best?' },
  options: Array.from({ length: options }, (_, i) => ({ zh: `选项${i}`, en: `${text} ${i}` })),
});
const id12 = 'AbCdEf_-1234';

/** Each new client message: one valid, and what must be refused. */
const clientCases: Array<[name: string, valid: object, invalid: object[]]> = [
  [
    'join with a name',
    { type: 'join', code: 'K7QX2M', lang: 'zh', following: true, name: '李雷' },
    [{ type: 'join', code: 'K7QX2M', lang: 'zh', following: true, name: 'x'.repeat(NAME_MAX * 4 + 1) }, { type: 'join', code: 'K7QX2M', lang: 'zh', following: true, name: 5 }],
  ],
  [
    'status with the stop',
    { type: 'status', lang: 'en', following: false, at: { campusId: 'main', stopId: 'library' } },
    [{ type: 'status', lang: 'en', following: false, at: { campusId: 'main', stopId: '../x' } }, { type: 'status', lang: 'en', following: false, at: { stopId: 'x' } }],
  ],
  [
    'poll-open from content',
    { type: 'poll-open', source: contentSource, options: 4, multiple: false, correct: [2] },
    [
      { type: 'poll-open', source: contentSource, options: 1, multiple: false },
      { type: 'poll-open', source: contentSource, options: 7, multiple: false },
      { type: 'poll-open', source: contentSource, options: 4, multiple: false, correct: [1, 2] },
      { type: 'poll-open', source: contentSource, options: 4, multiple: true, correct: [4] },
      { type: 'poll-open', source: contentSource, options: 4, multiple: true, correct: [1, 1] },
      { type: 'poll-open', source: { ...contentSource, step: 1000 }, options: 4, multiple: false },
      { type: 'poll-open', source: { ...contentSource, questionId: 'Bad Id' }, options: 4, multiple: false },
    ],
  ],
  [
    'poll-open typed',
    { type: 'poll-open', source: typedSource(3), options: 3, multiple: true, correct: [0, 2] },
    [
      { type: 'poll-open', source: typedSource(3), options: 4, multiple: true },
      { type: 'poll-open', source: typedSource(7), options: 7, multiple: true },
      { type: 'poll-open', source: { ...typedSource(2), prompt: {} }, options: 2, multiple: false },
      { type: 'poll-open', source: { ...typedSource(2), prompt: { en: 'x'.repeat(POLL_PROMPT_MAX + 1) } }, options: 2, multiple: false },
      { type: 'poll-open', source: { ...typedSource(2), prompt: { en: 'evil \u202E' } }, options: 2, multiple: false },
      { type: 'poll-open', source: { ...typedSource(2), prompt: { en: '   ' } }, options: 2, multiple: false },
      { type: 'poll-open', source: typedSource(2, 'y'.repeat(POLL_OPTION_MAX)), options: 2, multiple: false },
      { type: 'poll-open', source: { ...typedSource(2), prompt: { fr: 'Bonjour' } }, options: 2, multiple: false },
    ],
  ],
  ['poll-close', { type: 'poll-close', poll: 3 }, [{ type: 'poll-close', poll: 0 }, { type: 'poll-close', poll: 1.5 }, { type: 'poll-close' }]],
  ['poll-reveal', { type: 'poll-reveal', poll: 3 }, [{ type: 'poll-reveal', poll: -1 }, { type: 'poll-reveal', poll: Number.MAX_SAFE_INTEGER + 2 }]],
  ['hand-lower (one)', { type: 'hand-lower', delegate: id12 }, [{ type: 'hand-lower', delegate: 'short' }, { type: 'hand-lower', delegate: `${id12}x` }]],
  ['hand-lower (all)', { type: 'hand-lower' }, [{ type: 'hand-lower', delegate: null }]],
  ['question-mark', { type: 'question-mark', question: 7, status: 'hidden' }, [{ type: 'question-mark', question: 7, status: 'deleted' }]],
  ['remove', { type: 'remove', delegate: id12 }, [{ type: 'remove' }, { type: 'remove', delegate: '<script>' }]],
  ['bring-back', { type: 'bring-back' }, [{ type: 'bring-back', all: true }]],
  [
    'answer',
    { type: 'answer', poll: 3, choices: [0, 5] },
    [{ type: 'answer', poll: 3, choices: [] }, { type: 'answer', poll: 3, choices: [6] }, { type: 'answer', poll: 3, choices: [1, 1] }, { type: 'answer', poll: 3, choices: [0, 1, 2, 3, 4, 5, 0] }],
  ],
  ['hand', { type: 'hand', raised: true }, [{ type: 'hand', raised: 'yes' }]],
  ['react', { type: 'react', reaction: 'slower' }, [{ type: 'react', reaction: 'boo' }, { type: 'react', reaction: 'clap', count: 50 }]],
  ['ask', { type: 'ask', text: '图书馆几点开门？' }, [{ type: 'ask', text: 'x'.repeat(QUESTION_MAX * 4 + 1) }, { type: 'ask' }]],
];

const entry = { id: id12, n: 17, name: null, lang: 'zh', following: false, at: { campusId: 'main', stopId: 'gym' }, connected: true, joinedAt: 1_700_000_000_000 };
const counts = (n: number) => ({ counts: Array.from({ length: n }, () => 0), total: 0 });

const serverCases: Array<[name: string, valid: object, invalid: object[]]> = [
  ['roster', { type: 'roster', reset: true, delegates: [entry], gone: [] }, [{ type: 'roster', reset: true, delegates: Array.from({ length: 251 }, () => entry), gone: [] }, { type: 'roster', reset: true, delegates: [{ ...entry, n: 0 }], gone: [] }]],
  ['tally', { type: 'tally', tally: { poll: 1, phase: 'open', all: counts(3), zh: counts(3), en: counts(3) } }, [{ type: 'tally', tally: { poll: 1, phase: 'open', all: counts(7), zh: counts(3), en: counts(3) } }]],
  ['hands', { type: 'hands', raised: [{ id: id12, at: 5 }] }, [{ type: 'hands', raised: Array.from({ length: 1001 }, () => ({ id: id12, at: 5 })) }]],
  ['questions', { type: 'questions', reset: false, questions: [{ id: 4, from: id12, text: '<b>hi</b>', at: 1, status: 'open' }] }, [{ type: 'questions', reset: false, questions: [{ id: 4, from: id12, text: '', at: 1, status: 'open' }] }]],
  ['whereabouts', { type: 'whereabouts', stops: [{ campusId: 'main', stopId: 'gym', count: 3 }] }, [{ type: 'whereabouts', stops: [{ campusId: 'main', stopId: 'gym', count: 0 }] }]],
  ['poll', { type: 'poll', poll: { id: 2, source: contentSource, options: 3, multiple: false, phase: 'revealed', result: { counts: [1, 2, 0], total: 3, correct: [1] } } }, [{ type: 'poll', poll: { id: 2, source: contentSource, options: 3, multiple: false, phase: 'gone' } }]],
  ['poll (none)', { type: 'poll', poll: null }, []],
  ['reactions', { type: 'reactions', counts: { clap: 12, slower: 3 } }, [{ type: 'reactions', counts: { clap: 0 } }, { type: 'reactions', counts: { boo: 1 } }]],
  ['answered', { type: 'answered', poll: 2, choices: [1] }, [{ type: 'answered', poll: 2, choices: [] }]],
  ['hand', { type: 'hand', raised: false }, []],
  ['removed', { type: 'removed' }, [{ type: 'removed', why: 'x' }]],
  ['bring-back', { type: 'bring-back' }, []],
  ['error bad-name', { type: 'error', code: 'bad-name' }, [{ type: 'error', code: 'bad-everything' }]],
];

describe('the class layer of the live protocol', () => {
  it.each(clientCases)('takes a valid %s and refuses it out of bounds', (_name, valid, invalid) => {
    expect(client(valid)).toMatchObject(valid);
    for (const message of invalid) expect(client(message), JSON.stringify(message).slice(0, 200)).toBeNull();
    // Another version is never read as this one.
    expect(parseClientMessage(JSON.stringify({ ...valid, v: 2 }))).toBeNull();
  });

  it.each(serverCases)('reads a valid %s and refuses it out of bounds', (_name, valid, invalid) => {
    expect(server(valid)).toMatchObject(valid);
    for (const message of invalid) expect(server(message), JSON.stringify(message).slice(0, 200)).toBeNull();
  });

  it('fits the largest typed poll, in Chinese and English, in one frame', () => {
    const zh = '测'.repeat(POLL_PROMPT_MAX);
    const option = (i: number) => ({ zh: `${i}${'选'.repeat(POLL_OPTION_MAX - 1)}`, en: `${i}${'o'.repeat(POLL_OPTION_MAX - 1)}` });
    const message = { type: 'poll-open', source: { kind: 'typed', prompt: { zh, en: 'e'.repeat(POLL_PROMPT_MAX) }, options: Array.from({ length: 6 }, (_, i) => option(i)) }, options: 6, multiple: true, correct: [0, 1, 2, 3, 4, 5] } as const;
    const frame = encode(message as never);
    expect(Buffer.byteLength(frame)).toBeLessThanOrEqual(MAX_FRAME_BYTES);
    expect(parseClientMessage(frame)).not.toBeNull();
  });
});

describe('display names', () => {
  it('trims and takes any script up to 40 characters', () => {
    expect(checkDisplayName('  李雷  ')).toEqual({ ok: true, name: '李雷' });
    expect(checkDisplayName('Ана-Мария 🌸')).toEqual({ ok: true, name: 'Ана-Мария 🌸' });
    expect(checkDisplayName('محمد')).toEqual({ ok: true, name: 'محمد' });
    expect(checkDisplayName('汉'.repeat(NAME_MAX))).toMatchObject({ ok: true });
    expect(checkDisplayName('😀'.repeat(NAME_MAX))).toMatchObject({ ok: true });
  });

  it('refuses empty, too long, control and bidi characters, with a code', () => {
    expect(checkDisplayName('   ')).toEqual({ ok: false, error: 'empty' });
    expect(checkDisplayName('汉'.repeat(NAME_MAX + 1))).toEqual({ ok: false, error: 'too-long' });
    expect(checkDisplayName('a\tb')).toEqual({ ok: false, error: 'control' });
    expect(checkDisplayName('a\nb')).toEqual({ ok: false, error: 'control' });
    expect(checkDisplayName('a\u0000b')).toEqual({ ok: false, error: 'control' });
    for (const bidi of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(checkDisplayName(`admin${bidi}txt`)).toEqual({ ok: false, error: 'bidi' });
    }
  });
});

describe('written questions', () => {
  it('keep lines and markup as text, up to 280 characters', () => {
    expect(checkQuestionText(' <img src=x onerror=alert(1)>\r\nsecond line ')).toEqual({ ok: true, text: '<img src=x onerror=alert(1)>\nsecond line' });
    expect(checkQuestionText('问'.repeat(QUESTION_MAX))).toMatchObject({ ok: true });
  });

  it('refuse empty, too long, control and bidi characters', () => {
    expect(checkQuestionText(' \n ')).toEqual({ ok: false, error: 'empty' });
    expect(checkQuestionText('问'.repeat(QUESTION_MAX + 1))).toEqual({ ok: false, error: 'too-long' });
    expect(checkQuestionText('a\u0007b')).toEqual({ ok: false, error: 'control' });
    expect(checkQuestionText('a\u2067b')).toEqual({ ok: false, error: 'bidi' });
  });
});
