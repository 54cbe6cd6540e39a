/** The pinyin the build reads for the browser (lib/pinyinData.ts makes it; `virtual:pinyin` holds it). */
export interface PinyinData {
  /** Chinese text → one syllable per character (code point), space-separated; '' where not Chinese. */
  texts: Record<string, string>;
  /** Single characters, for UI strings filled in at run time. */
  chars: Record<string, string>;
}
