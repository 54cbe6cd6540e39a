/**
 * The starred words as files a learner takes elsewhere: CSV for a spreadsheet (UTF-8 with a byte
 * order mark, or Excel reads the Chinese as Latin-1) and a tab-separated file Anki imports
 * (File → Import; its header lines set the separator, no HTML, and the columns).
 */
export interface ExportRow {
  zh: string;
  pinyin: string;
  en: string;
  /** Where the word was met, in both languages. */
  stopZh: string;
  stopEn: string;
}

export const BOM = '\uFEFF';

/** RFC 4180: a field with a comma, quote or line break goes in quotes, its quotes doubled. */
const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export function wordsCsv(rows: readonly ExportRow[]): string {
  const header = ['Chinese', 'Pinyin', 'English', 'Stop (Chinese)', 'Stop (English)'];
  const lines = [header, ...rows.map((r) => [r.zh, r.pinyin, r.en, r.stopZh, r.stopEn])].map((cells) => cells.map(csvField).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** Anki reads a field in quotes when it starts with one; tabs and line breaks would split a note. */
const tsvField = (value: string) => {
  const flat = value.replace(/[\t\r\n]+/g, ' ');
  return flat.includes('"') ? `"${flat.replace(/"/g, '""')}"` : flat;
};

/** Front: the word; back: pinyin, meaning; then where it was met, as a tag-free extra field. */
export function wordsAnkiTsv(rows: readonly ExportRow[]): string {
  const header = ['#separator:tab', '#html:false', '#columns:Chinese\tPinyin\tEnglish\tStop'];
  const lines = rows.map((r) => [r.zh, r.pinyin, r.en, `${r.stopZh} ${r.stopEn}`].map(tsvField).join('\t'));
  return `${[...header, ...lines].join('\n')}\n`;
}
