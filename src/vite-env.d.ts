/// <reference types="vite/client" />

declare module 'virtual:content' {
  /** Raw text of every content file, keyed by repository-relative path. */
  export const files: Record<string, string>;
}
