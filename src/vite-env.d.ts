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
