/** The content bundled at build time (`virtual:content`, see vite.config.ts), validated as the app starts. */
import { files } from 'virtual:content';
import { validateContent, type ValidationResult } from './validate';

export function loadBundledContent(): ValidationResult {
  return validateContent(files);
}
