/**
 * The content store on disk (assets/content, assets/models): read the way `validateContent` takes
 * it, validated, and checked whole as `npm run content:check` and the build do. Node only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Content } from '../src/content/schema';
import { CONTENT_DIR, formatIssue, validateContent } from '../src/content/validate';
import { MODELS_DIR } from '../src/content/campusModel';
import { validateCampusModels } from '../src/content/validateModels';
import { RESERVED_SEGMENTS } from '../src/store/paths';
import { checkHsk } from './checks/hsk';
import { checkPinyin } from './checks/pinyin';

/** Raw text of every JSON file under `<root>/assets/content`, keyed by path relative to root. */
export function readContentFiles(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    const abs = path.join(root, dir);
    if (!existsSync(abs)) return;
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith('.json')) files[rel] = readFileSync(path.join(root, rel), 'utf8');
    }
  };
  walk(CONTENT_DIR);
  return files;
}

/** Says whether a file exists under `<root>/assets`. */
export const assetExistsIn = (root: string) => (assetPath: string) => existsSync(path.join(root, 'assets', assetPath));

/** Raw text of every campus model (`<root>/assets/models/*.json`), keyed by path relative to root. */
export function readModelFiles(root: string): Record<string, string> {
  const dir = path.join(root, MODELS_DIR);
  if (!existsSync(dir)) return {};
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith('.json')) files[`${MODELS_DIR}/${name}`] = readFileSync(path.join(dir, name), 'utf8');
  }
  return files;
}

/**
 * The content under `root` validated as every check does it: the files exist under assets/, and no
 * campus takes a path segment of the app's own pages.
 */
export const validateContentAt = (root: string, files = readContentFiles(root)) =>
  validateContent(files, { assetExists: assetExistsIn(root), reservedIds: RESERVED_SEGMENTS });

/** The validated content under `root`; throws with every problem, by file and JSON path, when it is not valid. */
export function readContent(root: string): Content {
  const result = validateContentAt(root);
  if (!result.ok) throw new Error(`Invalid content:\n${result.issues.map(formatIssue).join('\n')}`);
  return result.content;
}

export interface CheckResult {
  ok: boolean;
  /** The problems, one per line, or the summary when there are none. */
  lines: string[];
}

/**
 * What `npm run content:check` says of the content under `root`: the content store validated the
 * way the build and the app do it, every panorama image it names present under assets/, the
 * campus models checked against their schema and the content, and the learner content against
 * pinyin-pro and the HSK 3.0 lists.
 */
export function checkContent(root: string): CheckResult {
  const result = validateContentAt(root);
  if (!result.ok) return { ok: false, lines: result.issues.map(formatIssue) };
  const modelCheck = validateCampusModels(readModelFiles(root), result.content);
  if (modelCheck.issues.length > 0) return { ok: false, lines: modelCheck.issues.map(formatIssue) };
  const learnerIssues = [...checkPinyin(result.content), ...checkHsk(result.content)];
  if (learnerIssues.length > 0) return { ok: false, lines: learnerIssues.map(formatIssue) };
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
