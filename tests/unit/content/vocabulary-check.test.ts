/**
 * The learner content checks, each with a broken fixture: a stop's vocabulary (4–8 words, no
 * duplicates, pinyin with tone marks that matches pinyin-pro, an example using the word, both
 * languages, part of speech, the HSK 3.0 level of the published lists) and the polyphone rule (a
 * checked polyphone needs an override), on the small valid fixture (tests/fixtures/content/valid) with one thing changed.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assetExistsIn, readContentFiles } from '../../../lib/content';
import { checkHsk } from '../../../lib/checks/hsk';
import { checkPinyin } from '../../../lib/checks/pinyin';
import { COLLEGE_FILE, campusFile, formatIssue, validateContent } from '../../../src/content/validate';
import type { ContentIssue } from '../../../src/content/validate';

const FIXTURE = path.join(process.cwd(), 'tests/fixtures/content/valid');
const ALPHA = campusFile('alpha');
type Json = Record<string, unknown>;
type Word = { zh: string; pinyin: string; en: string; pos: string; hsk?: number | string | undefined; example: { zh: string; en: string; pinyin?: Record<string, string> } };

const word = (zh: string, pinyin: string, example: string, hsk: Word['hsk'] = 1): Word => ({ zh, pinyin, en: `the word ${zh}`, pos: 'noun', hsk, example: { zh: example, en: 'An example.' } });
const goodWords = (): Word[] => [
  word('校门', 'xiàomén', '我在校门等你。', 'beyond'),
  word('学校', 'xuéxiào', '这是我的学校。', 1),
  word('图书馆', 'túshūguǎn', '我去图书馆看书。', 1),
  word('食堂', 'shítáng', '食堂在哪儿？', 4),
];

/** The fixture with a vocabulary on its first stop, changed by `change`; and the college by `college`. */
function files(change: (words: Word[]) => void = () => undefined, college: (json: Json) => void = () => undefined) {
  const all = readContentFiles(FIXTURE);
  const campus = JSON.parse(all[ALPHA]!) as { stops: Json[] };
  const words = goodWords();
  change(words);
  campus.stops[0]!.vocabulary = words;
  all[ALPHA] = JSON.stringify(campus);
  const collegeJson = JSON.parse(all[COLLEGE_FILE]!) as Json;
  college(collegeJson);
  all[COLLEGE_FILE] = JSON.stringify(collegeJson);
  return all;
}

/** Every issue: the validator's (schema and structure) and, on valid content, pinyin-pro's and the HSK lists'. */
function issuesOf(input: Record<string, string>): ContentIssue[] {
  const result = validateContent(input, { assetExists: assetExistsIn(FIXTURE) });
  return result.ok ? [...checkPinyin(result.content), ...checkHsk(result.content)] : result.issues;
}

function expectOnly(input: Record<string, string>, jsonPath: string, message: RegExp, file = ALPHA) {
  const issues = issuesOf(input);
  expect(issues, issues.map(formatIssue).join('\n')).toHaveLength(1);
  expect(issues[0]).toMatchObject({ file, path: jsonPath });
  expect(issues[0]!.message).toMatch(message);
}

const W = '$.stops[0].vocabulary';

describe('a stop’s vocabulary', () => {
  it('passes when it is right', () => {
    expect(issuesOf(files()).map(formatIssue)).toEqual([]);
  });

  it('lists 4 to 8 words', () => {
    expectOnly(files((w) => w.splice(3)), W, /4–8 words; "gate" lists 3/);
    const nine = ['一', '二', '三', '四', '五'].map((n) => word(n, 'yī', `${n}。`));
    const tooMany = issuesOf(files((w) => w.push(...nine))).filter((i) => i.path === W);
    expect(tooMany.map((i) => i.message)).toEqual([expect.stringMatching(/lists 9/)]);
  });

  it('has no word twice', () => {
    expectOnly(files((w) => w.push(word('校门', 'xiàomén', '校门很大。', 'beyond'))), `${W}[4].zh`, /"校门" is listed twice/);
  });

  it('writes pinyin with tone marks, not tone numbers or none', () => {
    expectOnly(files((w) => (w[0]!.pinyin = 'xiao4men2')), `${W}[0].pinyin`, /not pinyin \(letters with tone marks; no tone numbers\)/);
    expectOnly(files((w) => (w[0]!.pinyin = 'xiaomen')), `${W}[0].pinyin`, /has no tone marks/);
  });

  it('gives the reading pinyin-pro gives, loosely compared (case, spaces, apostrophes)', () => {
    expect(issuesOf(files((w) => (w[2]!.pinyin = 'Tú shū guǎn')))).toEqual([]);
    expectOnly(files((w) => (w[2]!.pinyin = 'túshūguān')), `${W}[2].pinyin`, /"túshūguān" is not the reading of "图书馆" \("tú shū guǎn"\)/);
  });

  it('accepts a reading the dictionary gets wrong when college.json overrides it', () => {
    const huanshu = (w: Word[]) => w.push(word('还书', 'huánshū', '我去还书。', 'beyond'));
    expect(issuesOf(files(huanshu)).map((i) => i.path)).toContain(`${W}[4].pinyin`);
    expect(issuesOf(files(huanshu, (c) => (c.pinyin = { 还书: 'huán shū' })))).toEqual([]);
  });

  it('uses the word in its example', () => {
    expectOnly(files((w) => (w[1]!.example.zh = '这是我的大学。')), `${W}[1].example.zh`, /does not use the word "学校"/);
  });

  it('has both languages and a known part of speech', () => {
    expectOnly(files((w) => delete (w[0] as Partial<Word>).en), `${W}[0].en`, /English \(en\) text is missing/);
    expectOnly(files((w) => (w[0]!.example = { zh: '校门。', en: '' })), `${W}[0].example.en`, /English \(en\) text is empty/);
    expectOnly(files((w) => (w[0]!.pos = 'thing')), `${W}[0].pos`, /pos must be one of/);
    expectOnly(files((w) => (w[0]!.zh = 'gate')), `${W}[0].zh`, /Chinese characters only/);
  });
});

describe('a word’s HSK 3.0 level', () => {
  it('is given for every word', () => {
    expectOnly(files((w) => delete w[1]!.hsk), `${W}[1].hsk`, /the word has no HSK level: write 1, 2, 3, 4, 5, 6, "7-9" or "beyond"/);
  });

  it('is written as HSK 3.0 publishes it: 1–6, the band "7-9", or "beyond"', () => {
    for (const wrong of [0, 7, 8, 9, '7', '7–9', 'none']) {
      expectOnly(files((w) => (w[1]!.hsk = wrong)), `${W}[1].hsk`, /not an HSK 3.0 level: write 1, 2, 3, 4, 5, 6, "7-9" or "beyond"/);
    }
    // 车间 and 零件 are in the 7–9 list.
    expect(issuesOf(files((w) => w.push(word('车间', 'chējiān', '车间里很安静。', '7-9'))))).toEqual([]);
  });

  it('is the level of the published lists, reported with file and JSON path when it is not', () => {
    expectOnly(files((w) => (w[2]!.hsk = 2)), `${W}[2].hsk`, /"图书馆" is HSK 3.0 level 1: write 1, not 2/);
    expectOnly(files((w) => (w[3]!.hsk = 'beyond')), `${W}[3].hsk`, /"食堂" is HSK 3.0 level 4: write 4, not "beyond"/);
    expectOnly(files((w) => w.push(word('零件', 'língjiàn', '这是一个零件。', 6))), `${W}[4].hsk`, /"零件" is HSK 3.0 level 7–9: write "7-9", not 6/);
  });

  it('is "beyond" for a word none of the lists holds', () => {
    expectOnly(files((w) => (w[0]!.hsk = 3)), `${W}[0].hsk`, /"校门" is in none of the HSK 3.0 lists: write "beyond", not 3/);
  });
});

describe('polyphones', () => {
  const withText = (zh: string, own?: Record<string, string>) =>
    files(undefined, (c) => {
      const about = (c.about as Json[])[0]!;
      about.body = [{ zh, en: 'A text.', ...(own ? { pinyin: own } : {}) }];
    });

  it('reports a checked polyphone no override covers, with file, JSON path and the readings', () => {
    expectOnly(withText('学校在重庆。'), '$.about[0].body[0].zh', /"重" in "…学校在重庆。…" can be read (zhòng or chóng|chóng or zhòng)/, COLLEGE_FILE);
    expectOnly(withText('学生整齐地站好。'), '$.about[0].body[0].zh', /"地" .* dì or de/, COLLEGE_FILE);
  });

  it('is satisfied by a root override for the word or a per-text override', () => {
    expect(issuesOf(files(undefined, (c) => ((c.pinyin = { 重庆: 'chóng qìng' }), ((c.about as Json[])[0]!.body = [{ zh: '学校在重庆。', en: 'x' }]))))).toEqual([]);
    expect(issuesOf(withText('学生整齐地站好。', { 地: 'de' }))).toEqual([]);
  });

  it('rejects an override whose reading is not pinyin syllables', () => {
    const issues = issuesOf(withText('学校在重庆。', { 重庆: 'chong2 qing4' }));
    expect(issues.map((i) => i.path)).toEqual(['$.about[0].body[0].pinyin.重庆']);
  });
});
