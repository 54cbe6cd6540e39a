/// <reference types="vite/client" />

declare module 'virtual:content' {
  import type { Content } from './content/schema';
  /** The content as the build validated it; null only when the build skipped the check (CONTENT_CHECK=off). */
  export const content: Content | null;
  /** Raw text of every content file, keyed by repository-relative path, when `content` is null. */
  export const files: Record<string, string> | null;
}

interface ImportMetaEnv {
  /** "1" in the builds the browser tests and the benchmark make: the app exposes its store as window.__visitStore. */
  readonly VITE_TEST_HOOKS?: string;
}

declare module 'virtual:pinyin' {
  import type { PinyinData } from './learner/pinyinTypes';
  /** Pinyin of every Chinese text, read at build time; null when the build skipped the content check. */
  const data: PinyinData | null;
  export default data;
}

declare module 'virtual:vocabulary' {
  import type { VocabularyWord } from './content/schema';
  /** Each stop's words: campus id → stop id → words. */
  const vocabulary: Record<string, Record<string, VocabularyWord[]>> | null;
  export default vocabulary;
}
