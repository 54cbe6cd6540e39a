/// <reference types="vite/client" />

declare module 'virtual:content' {
  import type { Content } from './content/schema';
  /** The content as the build validated it; null only when the build skipped the check (CONTENT_CHECK=off). */
  export const content: Content | null;
  /** Raw text of every content file, keyed by repository-relative path, when `content` is null. */
  export const files: Record<string, string> | null;
}
