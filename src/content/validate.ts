/**
 * Validates the content store: each file against the schema, then the references between them.
 * Used by `npm run content:check`, by the build, and by the app when it loads, so an editor
 * sees the same message wherever a mistake surfaces.
 */
import type { z } from 'zod';
import { campus as campusSchema, college as collegeSchema, toursFile as toursSchema } from './schema';
import type { Campus, College, Content, Tour } from './schema';
import type { ContentIssue } from './issues';
import { checkQuiz } from './checks/quiz';

export { formatIssue, type ContentIssue } from './issues';

export const CONTENT_DIR = 'assets/content';
export const COLLEGE_FILE = `${CONTENT_DIR}/college.json`;
/** Guided tours; optional. */
export const TOURS_FILE = `${CONTENT_DIR}/tours.json`;
export const campusFile = (campusId: string) => `${CONTENT_DIR}/campuses/${campusId}.json`;


export type ValidationResult = { ok: true; content: Content } | { ok: false; issues: ContentIssue[] };

export interface ValidateOptions {
  /** Says whether a file under assets/ exists; left out where the files cannot be seen (the browser). */
  assetExists?: (assetPath: string) => boolean;
  /**
   * Ids no campus may take: the first path segments of the app's own pages (`about`, …), given by
   * the routes module (src/store/paths.ts `RESERVED_SEGMENTS`), which this layer does not import.
   */
  reservedIds?: readonly string[];
}


export function jsonPath(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>(
    (acc, seg) => (typeof seg === 'number' ? `${acc}[${seg}]` : `${acc}.${String(seg)}`),
    '$',
  );
}

function describeZodIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `"${k}"`).join(', ');
    return `unknown field ${keys} (check the spelling)`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return issue.message.includes('missing') ? issue.message : 'this field is required';
  }
  // Show the value that is wrong, so the editor finds it at once.
  const input = (issue as { input?: unknown }).input;
  const shown =
    (typeof input === 'string' && input.trim() !== '') || typeof input === 'number' ? ` (got ${JSON.stringify(input)})` : '';
  return issue.message + shown;
}

/** Parses one JSON file against a schema; problems go to `issues` with the file and JSON path. */
export function parseFile<T>(
  file: string,
  raw: string | undefined,
  schema: z.ZodType<T>,
  issues: ContentIssue[],
): T | undefined {
  if (raw === undefined) {
    issues.push({ file, path: '$', message: 'the file is missing' });
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    issues.push({ file, path: '$', message: `not valid JSON: ${detail}` });
    return undefined;
  }
  // reportInput: without it zod leaves `issue.input` out, and a wrong type would read as a missing field.
  const result = schema.safeParse(json, { reportInput: true });
  if (!result.success) {
    for (const issue of result.error.issues) {
      issues.push({ file, path: jsonPath(issue.path), message: describeZodIssue(issue) });
    }
    return undefined;
  }
  return result.data;
}

/** Index → value of every value seen before at a lower index. */
export function findDuplicates(ids: readonly string[]): Map<number, string> {
  const seen = new Set<string>();
  const dupes = new Map<number, string>();
  ids.forEach((value, index) => {
    if (seen.has(value)) dupes.set(index, value);
    seen.add(value);
  });
  return dupes;
}

function checkCampus(file: string, c: Campus, issues: ContentIssue[], options: ValidateOptions) {
  const add = (path: string, message: string) => issues.push({ file, path, message });
  const stopIds = new Set(c.stops.map((s) => s.id));

  for (const [index, dup] of findDuplicates(c.stops.map((s) => s.id))) {
    add(`$.stops[${index}].id`, `the stop id "${dup}" is used twice in this campus`);
  }
  if (!stopIds.has(c.firstStop)) {
    add('$.firstStop', `firstStop names "${c.firstStop}", which is not a stop of this campus`);
  }

  c.stops.forEach((s, si) => {
    const at = `$.stops[${si}]`;
    for (const [index, dup] of findDuplicates(s.hotspots.map((h) => h.id))) {
      add(`${at}.hotspots[${index}].id`, `the hotspot id "${dup}" is used twice in stop "${s.id}"`);
    }
    if (options.assetExists && !options.assetExists(s.panorama.master)) {
      add(`${at}.panorama.master`, `the image file assets/${s.panorama.master} does not exist`);
    }
    s.hotspots.forEach((h, hi) => {
      if (h.kind !== 'link') return;
      if (h.target === s.id) {
        add(`${at}.hotspots[${hi}].target`, `a link hotspot must not lead to its own stop ("${s.id}")`);
      } else if (!stopIds.has(h.target)) {
        add(`${at}.hotspots[${hi}].target`, `the link target "${h.target}" is not a stop of this campus`);
      }
    });
  });
}

function checkTours(tours: readonly Tour[], campuses: readonly Campus[], issues: ContentIssue[]) {
  const add = (path: string, message: string) => issues.push({ file: TOURS_FILE, path, message });
  for (const [index, dup] of findDuplicates(tours.map((t) => t.id))) {
    add(`$.tours[${index}].id`, `the tour id "${dup}" is used twice`);
  }
  tours.forEach((t, ti) => {
    checkQuiz(TOURS_FILE, t, `$.tours[${ti}]`, issues);
    t.steps.forEach((step, si) => {
      const at = `$.tours[${ti}].steps[${si}]`;
      const c = campuses.find((x) => x.id === step.campus);
      if (!c) return add(`${at}.campus`, `the campus "${step.campus}" does not exist`);
      const s = c.stops.find((x) => x.id === step.stop);
      if (!s) return add(`${at}.stop`, `the stop "${step.stop}" is not a stop of campus "${c.id}"`);
      if (step.hotspot === undefined) return;
      const h = s.hotspots.find((x) => x.id === step.hotspot);
      if (!h) add(`${at}.hotspot`, `the hotspot "${step.hotspot}" is not in stop "${s.id}"`);
      else if (h.kind !== 'info') add(`${at}.hotspot`, `the hotspot "${step.hotspot}" is a link; a step can open only an info hotspot`);
    });
  });
}

/**
 * Validates every content file.
 * @param files raw file text by repository-relative path (`assets/content/college.json`, …).
 */
export function validateContent(
  files: Readonly<Record<string, string>>,
  options: ValidateOptions = {},
): ValidationResult {
  const issues: ContentIssue[] = [];
  const collegeData: College | undefined = parseFile(COLLEGE_FILE, files[COLLEGE_FILE], collegeSchema, issues);
  const campuses: Campus[] = [];

  if (collegeData) {
    for (const [index, dup] of findDuplicates(collegeData.campuses)) {
      issues.push({ file: COLLEGE_FILE, path: `$.campuses[${index}]`, message: `the campus "${dup}" is listed twice` });
    }
    for (const [index, dup] of findDuplicates(collegeData.about.map((s) => s.id))) {
      issues.push({ file: COLLEGE_FILE, path: `$.about[${index}].id`, message: `the section id "${dup}" is used twice` });
    }
    collegeData.campuses.forEach((campusId, index) => {
      if (options.reservedIds?.includes(campusId)) {
        issues.push({
          file: COLLEGE_FILE,
          path: `$.campuses[${index}]`,
          message: `"${campusId}" cannot be a campus id: /<lang>/${campusId} is a page of the app (reserved: ${options.reservedIds.join(', ')})`,
        });
      }
      const file = campusFile(campusId);
      if (files[file] === undefined) {
        issues.push({
          file: COLLEGE_FILE,
          path: `$.campuses[${index}]`,
          message: `the campus "${campusId}" is listed, but ${file} does not exist`,
        });
        return;
      }
      const c = parseFile(file, files[file], campusSchema, issues);
      if (!c) return;
      if (c.id !== campusId) {
        issues.push({ file, path: '$.id', message: `the id "${c.id}" must match the file name ("${campusId}")` });
      }
      checkCampus(file, c, issues, options);
      campuses.push(c);
    });
  }

  const tours = files[TOURS_FILE] === undefined ? [] : (parseFile(TOURS_FILE, files[TOURS_FILE], toursSchema, issues)?.tours ?? []);
  if (collegeData) checkTours(tours, campuses, issues);

  const listed = new Set((collegeData?.campuses ?? []).map(campusFile));
  for (const file of Object.keys(files)) {
    if (file !== COLLEGE_FILE && file !== TOURS_FILE && !listed.has(file) && collegeData) {
      issues.push({ file, path: '$', message: 'this campus file is not listed in college.json "campuses"' });
    }
  }

  if (issues.length > 0 || !collegeData) return { ok: false, issues };
  return { ok: true, content: { college: collegeData, campuses, tours } };
}
