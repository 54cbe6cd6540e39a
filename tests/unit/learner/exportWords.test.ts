/** My words as files: CSV a spreadsheet opens with its Chinese intact, and a TSV Anki imports. */
import { describe, expect, it } from 'vitest';
import { wordsAnkiTsv, wordsCsv } from '../../../src/learner/exportWords';

const rows = [
  { zh: '图书馆', pinyin: 'túshūguǎn', en: 'library', stopZh: '渝北空港校区·图书馆', stopEn: 'Library, Yubei Airport Campus' },
  { zh: '安全', pinyin: 'ānquán', en: 'safe; "safety", first', stopZh: '南川校区·电气工程实训室', stopEn: 'Electrical\tRoom\nline two' },
];

describe('CSV', () => {
  it('starts with a UTF-8 byte order mark and has a header row', () => {
    const csv = wordsCsv(rows);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Array.from(new TextEncoder().encode(csv).slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.slice(1).split('\r\n')[0]).toBe('Chinese,Pinyin,English,Stop (Chinese),Stop (English)');
  });

  it('keeps Chinese as it is and quotes fields with commas, quotes or line breaks (RFC 4180)', () => {
    const lines = wordsCsv(rows).slice(1).split('\r\n');
    expect(lines[1]).toBe('图书馆,túshūguǎn,library,渝北空港校区·图书馆,"Library, Yubei Airport Campus"');
    expect(wordsCsv(rows)).toContain('安全,ānquán,"safe; ""safety"", first",南川校区·电气工程实训室,"Electrical\tRoom\nline two"');
  });
});

describe('Anki TSV', () => {
  it('declares tab separation, plain text and the columns, then one note per line', () => {
    const lines = wordsAnkiTsv(rows).trimEnd().split('\n');
    expect(lines.slice(0, 3)).toEqual(['#separator:tab', '#html:false', '#columns:Chinese\tPinyin\tEnglish\tStop']);
    expect(lines[3]).toBe('图书馆\ttúshūguǎn\tlibrary\t渝北空港校区·图书馆 Library, Yubei Airport Campus');
    expect(lines).toHaveLength(5);
  });

  it('quotes a field with quotes and flattens tabs and line breaks so a note stays one line', () => {
    const last = wordsAnkiTsv(rows).trimEnd().split('\n')[4]!;
    expect(last.split('\t')).toEqual(['安全', 'ānquán', '"safe; ""safety"", first"', '南川校区·电气工程实训室 Electrical Room line two']);
  });
});
