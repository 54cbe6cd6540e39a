/** The build step that reads pinyin (lib/pinyin.ts, lib/pinyinData.ts) and the browser's use of its output (src/learner/pinyin.ts). */
import { describe, expect, it } from 'vitest';
import { readingsOf, uncoveredPolyphones, wordReading } from '../../../lib/pinyin';
import { buildPinyinData, vocabularyChars } from '../../../lib/pinyinData';
import { rubyRuns } from '../../../src/learner/pinyin';
import { markWords } from '../../../src/learner/vocabulary';
import { readContent } from '../../../lib/content';

describe('readingsOf', () => {
  it('gives one syllable per character and nothing for other characters', () => {
    expect(readingsOf('图书馆A1，')).toEqual(['tú', 'shū', 'guǎn', '', '', '']);
  });

  it('applies root overrides, longest word first, and per-text overrides before them', () => {
    // pinyin-pro alone reads 理事长 with cháng and 还书 with hái.
    expect(readingsOf('理事长')).toEqual(['lǐ', 'shì', 'cháng']);
    expect(readingsOf('理事长', [{ 长: 'cháng', 理事长: 'lǐ shì zhǎng' }])).toEqual(['lǐ', 'shì', 'zhǎng']);
    expect(readingsOf('去还书', [{ 还书: 'huán shū' }])).toEqual(['qù', 'huán', 'shū']);
    const root = { 地: 'dì' };
    expect(readingsOf('整齐地停', [{ 地: 'de' }, root])).toEqual(['zhěng', 'qí', 'de', 'tíng']);
    expect(wordReading('重庆', [{ 重庆: 'chóng qìng' }])).toBe('chóng qìng');
  });

  it('finds checked polyphones that no override covers', () => {
    expect(uncoveredPolyphones('我去银行。').map((p) => p.char)).toEqual(['行']);
    expect(uncoveredPolyphones('我去银行。', [{ 银行: 'yín háng' }])).toEqual([]);
    // 是 is not polyphonic and 的 is not in the checked list: nothing to report.
    expect(uncoveredPolyphones('这是我的书。')).toEqual([]);
  });
});

describe('buildPinyinData', () => {
  // As the build reads it (the app's bundled content leaves the vocabulary out).
  const content = readContent(process.cwd());

  it('reads every content text and UI string, with the content’s overrides', () => {
    const data = buildPinyinData(content, { a: '本站词汇', b: { c: '{{campus}}的站点' } });
    const name = data.texts['重庆工业职业技术学院']!.split(' ');
    expect(name.slice(0, 2)).toEqual(['chóng', 'qìng']);
    expect(data.texts['本站词汇']).toBe('běn zhàn cí huì');
    // The interpolation is left out; the words around it are read.
    expect(data.texts['的站点']).toBe('de zhàn diǎn');
    expect(data.chars['站']).toBe('zhàn');
  });

  it('lists the characters of the vocabulary for the stroke data, each once', () => {
    const chars = vocabularyChars(content);
    expect(chars).toContain('图');
    expect(new Set(chars).size).toBe(chars.length);
  });
});

describe('in the browser', () => {
  const data = { texts: { 重庆工业: 'chóng qìng gōng yè', 'A重庆': ' chóng qìng' }, chars: { 重: 'zhòng', 庆: 'qìng' } };

  it('cuts a text into ruby runs from its whole reading, or from a longer text it is part of', () => {
    expect(rubyRuns('重庆工业', data)).toEqual([{ chars: [{ char: '重', reading: 'chóng' }, { char: '庆', reading: 'qìng' }, { char: '工', reading: 'gōng' }, { char: '业', reading: 'yè' }] }]);
    expect(rubyRuns('重庆', data, { whole: '重庆工业', offset: 0 })[0]).toEqual({ chars: [{ char: '重', reading: 'chóng' }, { char: '庆', reading: 'qìng' }] });
    expect(rubyRuns('A重庆', data)).toEqual([{ text: 'A' }, { chars: [{ char: '重', reading: 'chóng' }, { char: '庆', reading: 'qìng' }] }]);
    // A text the build never saw (a filled-in UI string) falls back to single characters.
    expect(rubyRuns('重庆!', data)).toEqual([{ chars: [{ char: '重', reading: 'zhòng' }, { char: '庆', reading: 'qìng' }] }, { text: '!' }]);
  });

  it('marks the longest word of a list first', () => {
    expect(markWords('去实训中心实训', ['实训', '实训中心'])).toEqual([
      { text: '去', word: false },
      { text: '实训中心', word: true },
      { text: '实训', word: true },
    ]);
  });
});
