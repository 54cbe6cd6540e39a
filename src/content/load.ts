/**
 * The content bundled at build time (`virtual:content`, see vite.config.ts). The build has checked
 * it; only a build that skipped the check makes the app load the validator (and zod, 27 KB gzipped) to say
 * what is wrong.
 */
import { content, files } from 'virtual:content';
import type { ValidationResult } from './validate';

/** `reservedIds`: ids no campus may take (the app's own first path segments). */
export async function loadBundledContent(reservedIds: readonly string[] = []): Promise<ValidationResult> {
  if (content) return { ok: true, content };
  const { validateContent } = await import('./validate');
  return validateContent(files ?? {}, { reservedIds });
}
