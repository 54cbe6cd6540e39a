/**
 * `npm run content:check`: validates the content store (assets/content) the same way the build and
 * the app do, checks that every panorama image named in it exists under assets/, and checks the
 * campus models (assets/models) against their schema and the content.
 *
 * Usage: tsx scripts/content-check.ts [root]   (root defaults to the current directory)
 * Prints each problem as `file: $.json.path: message` on stderr and exits 1, or prints a one-line
 * summary and exits 0.
 */
import path from 'node:path';
import { assetExistsIn, readContentFiles, readModelFiles } from './content-files';
import { formatIssue, validateContent } from '../src/content/validate';
import { validateCampusModels } from '../src/content/validateModels';

export interface CheckResult {
  ok: boolean;
  /** The problems, one per line, or the summary when there are none. */
  lines: string[];
}

export function checkContent(root: string): CheckResult {
  const files = readContentFiles(root);
  const result = validateContent(files, { assetExists: assetExistsIn(root) });
  if (!result.ok) return { ok: false, lines: result.issues.map(formatIssue) };
  const modelCheck = validateCampusModels(readModelFiles(root), result.content);
  if (modelCheck.issues.length > 0) return { ok: false, lines: modelCheck.issues.map(formatIssue) };
  const { campuses } = result.content;
  const stops = campuses.reduce((n, c) => n + c.stops.length, 0);
  const hotspots = campuses.reduce((n, c) => n + c.stops.reduce((m, s) => m + s.hotspots.length, 0), 0);
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const models = Object.values(modelCheck.models);
  const viewpoints = models.reduce((n, m) => n + Object.keys(m.viewpoints).length, 0);
  const modelLine = models.length > 0 ? ` ${plural(models.length, 'campus model', 'campus models')} with ${plural(viewpoints, 'viewpoint', 'viewpoints')}.` : '';
  return {
    ok: true,
    lines: [`Content OK: ${plural(campuses.length, 'campus', 'campuses')}, ${plural(stops, 'stop', 'stops')}, ${plural(hotspots, 'hotspot', 'hotspots')}.${modelLine}`],
  };
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  const root = path.resolve(process.argv[2] ?? process.cwd());
  const { ok, lines } = checkContent(root);
  if (ok) {
    for (const line of lines) console.log(line);
  } else {
    for (const line of lines) console.error(line);
    console.error(`${lines.length} problem${lines.length === 1 ? '' : 's'} in the content.`);
    process.exit(1);
  }
}
