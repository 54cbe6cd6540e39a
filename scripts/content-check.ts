/**
 * `npm run content:check`: validates the content store (assets/content) the same way the build and
 * the app do, checks that every panorama image named in it exists under assets/, and checks the
 * campus models (assets/models) against their schema and the content (lib/content.ts).
 *
 * Usage: tsx scripts/content-check.ts [root]   (root defaults to the current directory)
 * Prints each problem as `file: $.json.path: message` on stderr and exits 1, or prints a one-line
 * summary and exits 0.
 */
import path from 'node:path';
import { checkContent } from '../lib/content';

const root = path.resolve(process.argv[2] ?? process.cwd());
const { ok, lines } = checkContent(root);
if (ok) {
  for (const line of lines) console.log(line);
} else {
  for (const line of lines) console.error(line);
  console.error(`${lines.length} problem${lines.length === 1 ? '' : 's'} in the content.`);
  process.exit(1);
}
