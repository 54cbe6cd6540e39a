/**
 * The content validator, as an editor meets it: each kind of mistake gives a specific message,
 * named by file and JSON path. Cases start from a small valid fixture
 * (tests/fixtures/content/valid) and change one thing in the parsed JSON.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assetExistsIn, checkContent, readContentFiles } from '../../../lib/content';
import { COLLEGE_FILE, campusFile, formatIssue, validateContent } from '../../../src/content/validate';
import { RESERVED_SEGMENTS, stateToUrl } from '../../../src/store/paths';
import type { ContentIssue } from '../../../src/content/validate';

const ROOT = process.cwd();
const FIXTURE = path.join(ROOT, 'tests/fixtures/content/valid');
const ALPHA = campusFile('alpha');

type Json = Record<string, unknown>;

/** Reads a nested value of parsed JSON by path, for mutation. */
function at(json: unknown, ...keys: (string | number)[]): Json {
  let node: unknown = json;
  for (const key of keys) node = (node as Record<string | number, unknown>)[key];
  if (node === null || typeof node !== 'object') throw new Error(`no object at ${keys.join('.')}`);
  return node as Json;
}

/** The fixture's files with one file's JSON changed by `change`. */
function mutate(file: string, change: (json: Json) => void): Record<string, string> {
  const files = readContentFiles(FIXTURE);
  const raw = files[file];
  if (raw === undefined) throw new Error(`fixture has no ${file}`);
  const json = JSON.parse(raw) as Json;
  change(json);
  files[file] = JSON.stringify(json, null, 2);
  return files;
}

function issuesOf(files: Record<string, string>): ContentIssue[] {
  const result = validateContent(files, { assetExists: assetExistsIn(FIXTURE) });
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.issues;
}

/** Asserts exactly one issue, with this file, path and message. */
function expectOnly(files: Record<string, string>, file: string, jsonPath: string, message: string | RegExp) {
  const issues = issuesOf(files);
  expect(issues, issues.map(formatIssue).join('\n')).toHaveLength(1);
  const [issue] = issues;
  expect(issue?.file).toBe(file);
  expect(issue?.path).toBe(jsonPath);
  if (typeof message === 'string') expect(issue?.message).toBe(message);
  else expect(issue?.message).toMatch(message);
}

describe('the valid fixture', () => {
  it('passes, and checkContent gives a one-line summary', () => {
    const result = validateContent(readContentFiles(FIXTURE), { assetExists: assetExistsIn(FIXTURE) });
    expect(result.ok).toBe(true);
    expect(checkContent(FIXTURE)).toEqual({ ok: true, lines: ['Content OK: 1 campus, 2 stops, 4 hotspots.'] });
  });
});

describe('content errors name the file, the JSON path and the problem', () => {
  it('invalid JSON', () => {
    const files = readContentFiles(FIXTURE);
    files[ALPHA] = '{ "id": "alpha", "name": ';
    expectOnly(files, ALPHA, '$', /^not valid JSON: .+/);
  });

  it('a missing required field', () => {
    const files = mutate(ALPHA, (c) => delete at(c, 'stops', 0).summary);
    expectOnly(files, ALPHA, '$.stops[0].summary', 'this text is missing');
  });

  it('a missing language in a text', () => {
    const files = mutate(ALPHA, (c) => delete at(c, 'stops', 1, 'name').en);
    expectOnly(files, ALPHA, '$.stops[1].name.en', 'the English (en) text is missing');
  });

  it('an empty Chinese text', () => {
    const files = mutate(ALPHA, (c) => (at(c, 'stops', 0, 'name').zh = '   '));
    expectOnly(files, ALPHA, '$.stops[0].name.zh', 'the Chinese (zh) text is empty');
  });

  it('an empty English text', () => {
    const files = mutate(COLLEGE_FILE, (c) => (at(c, 'about', 0, 'facts', 0, 'value').en = ''));
    expectOnly(files, COLLEGE_FILE, '$.about[0].facts[0].value.en', 'the English (en) text is empty');
  });

  it('yaw out of range', () => {
    const files = mutate(ALPHA, (c) => (at(c, 'stops', 0, 'hotspots', 1).yaw = 200));
    expectOnly(files, ALPHA, '$.stops[0].hotspots[1].yaw', 'yaw must be between -180 and 180 degrees (got 200)');
  });

  it('pitch out of range', () => {
    const files = mutate(ALPHA, (c) => (at(c, 'stops', 1, 'hotspots', 1).pitch = -95));
    expectOnly(files, ALPHA, '$.stops[1].hotspots[1].pitch', 'pitch must be between -90 and 90 degrees (got -95)');
  });

  it('fov out of range (initial view and arrival view)', () => {
    expectOnly(
      mutate(ALPHA, (c) => (at(c, 'stops', 1, 'initialView').fov = 20)),
      ALPHA,
      '$.stops[1].initialView.fov',
      'fov must be between 30 and 110 degrees (got 20)',
    );
    expectOnly(
      mutate(ALPHA, (c) => (at(c, 'stops', 0, 'hotspots', 1, 'arrive').fov = 150)),
      ALPHA,
      '$.stops[0].hotspots[1].arrive.fov',
      'fov must be between 30 and 110 degrees (got 150)',
    );
  });

  it('an angle that is not a number', () => {
    const files = mutate(ALPHA, (c) => (at(c, 'stops', 0, 'initialView').yaw = '90'));
    expectOnly(files, ALPHA, '$.stops[0].initialView.yaw', 'yaw must be a number of degrees (got "90")');
  });

  it('a duplicate stop id', () => {
    const files = mutate(ALPHA, (c) => {
      const [gate, hall] = c.stops as Json[];
      hall!.id = 'gate';
      // Keep only the info hotspots, so the links do not add problems of their own.
      gate!.hotspots = (gate!.hotspots as Json[]).filter((h) => h.kind === 'info');
      hall!.hotspots = (hall!.hotspots as Json[]).filter((h) => h.kind === 'info');
    });
    expectOnly(files, ALPHA, '$.stops[1].id', 'the stop id "gate" is used twice in this campus');
  });

  it('a duplicate hotspot id', () => {
    const files = mutate(ALPHA, (c) => (at(c, 'stops', 1, 'hotspots', 1).id = 'to-gate'));
    expectOnly(files, ALPHA, '$.stops[1].hotspots[1].id', 'the hotspot id "to-gate" is used twice in stop "hall"');
  });

  it('a link to a stop that does not exist', () => {
    const files = mutate(ALPHA, (c) => (at(c, 'stops', 0, 'hotspots', 1).target = 'hal'));
    expectOnly(files, ALPHA, '$.stops[0].hotspots[1].target', 'the link target "hal" is not a stop of this campus');
  });

  it('a link to its own stop', () => {
    const files = mutate(ALPHA, (c) => (at(c, 'stops', 1, 'hotspots', 0).target = 'hall'));
    expectOnly(files, ALPHA, '$.stops[1].hotspots[0].target', 'a link hotspot must not lead to its own stop ("hall")');
  });

  it('a missing panorama image', () => {
    const files = mutate(ALPHA, (c) => (at(c, 'stops', 1, 'panorama').master = 'panoramas/alpha-library.jpg'));
    expectOnly(
      files,
      ALPHA,
      '$.stops[1].panorama.master',
      'the image file assets/panoramas/alpha-library.jpg does not exist',
    );
  });

  it('a panorama path that is not a JPEG under panoramas/', () => {
    const files = mutate(ALPHA, (c) => (at(c, 'stops', 1, 'panorama').master = 'images/hall.png'));
    expectOnly(
      files,
      ALPHA,
      '$.stops[1].panorama.master',
      'master must be a JPEG under panoramas/, like "panoramas/yubei-main-gate.jpg" (got "images/hall.png")',
    );
  });

  it('an unknown image source', () => {
    const files = mutate(ALPHA, (c) => (at(c, 'stops', 0, 'panorama').source = 'photograph'));
    expectOnly(files, ALPHA, '$.stops[0].panorama.source', 'source must be "photo", "rendered" or "placeholder" (got "photograph")');
  });

  it('an unknown hotspot kind', () => {
    const files = mutate(ALPHA, (c) => (at(c, 'stops', 0, 'hotspots', 0).kind = 'video'));
    expectOnly(files, ALPHA, '$.stops[0].hotspots[0].kind', 'a hotspot\'s kind must be "info" or "link"');
  });

  it('an info hotspot without paragraphs', () => {
    const files = mutate(ALPHA, (c) => (at(c, 'stops', 0, 'hotspots', 0).body = []));
    expectOnly(files, ALPHA, '$.stops[0].hotspots[0].body', 'an info hotspot needs at least one paragraph');
  });

  it('an unknown textBasis', () => {
    const files = mutate(ALPHA, (c) => (at(c, 'stops', 1, 'hotspots', 1).textBasis = 'profile'));
    expectOnly(
      files,
      ALPHA,
      '$.stops[1].hotspots[1].textBasis',
      'textBasis must be "seed" (facts from the college profile) or "descriptive" (got "profile")',
    );
  });

  it('a bad id format', () => {
    const files = mutate(ALPHA, (c) => (at(c, 'stops', 0, 'hotspots', 0).id = 'Welcome Sign'));
    expectOnly(
      files,
      ALPHA,
      '$.stops[0].hotspots[0].id',
      'an id is lowercase letters, digits and single dashes, like "main-gate" (got "Welcome Sign")',
    );
  });

  it('an unknown field (a typo)', () => {
    const files = mutate(ALPHA, (c) => {
      const stop = at(c, 'stops', 1);
      stop.sumary = stop.summary;
    });
    expectOnly(files, ALPHA, '$.stops[1]', 'unknown field "sumary" (check the spelling)');
  });

  it('a campus listed in college.json whose file is missing', () => {
    const files = mutate(COLLEGE_FILE, (c) => (c.campuses = ['alpha', 'beta']));
    expectOnly(
      files,
      COLLEGE_FILE,
      '$.campuses[1]',
      'the campus "beta" is listed, but assets/content/campuses/beta.json does not exist',
    );
  });

  it('a campus file that is not listed in college.json', () => {
    const files = readContentFiles(FIXTURE);
    files[campusFile('gamma')] = files[ALPHA]!.replace('"id": "alpha"', '"id": "gamma"');
    expectOnly(files, campusFile('gamma'), '$', 'this campus file is not listed in college.json "campuses"');
  });

  it('a campus listed twice', () => {
    const files = mutate(COLLEGE_FILE, (c) => (c.campuses = ['alpha', 'alpha']));
    expectOnly(files, COLLEGE_FILE, '$.campuses[1]', 'the campus "alpha" is listed twice');
  });

  it('a campus id that does not match its file name', () => {
    const files = mutate(ALPHA, (c) => (c.id = 'alfa'));
    expectOnly(files, ALPHA, '$.id', 'the id "alfa" must match the file name ("alpha")');
  });

  it('firstStop that is not a stop', () => {
    const files = mutate(ALPHA, (c) => (c.firstStop = 'main-gate'));
    expectOnly(files, ALPHA, '$.firstStop', 'firstStop names "main-gate", which is not a stop of this campus');
  });

  it('a campus without stops', () => {
    const files = mutate(ALPHA, (c) => {
      c.stops = [];
    });
    expectOnly(files, ALPHA, '$.stops', 'a campus needs at least one stop');
  });

  it('a duplicate about-section id', () => {
    const files = mutate(COLLEGE_FILE, (c) => {
      const about = c.about as Json[];
      about.push({ ...about[0] });
    });
    expectOnly(files, COLLEGE_FILE, '$.about[1].id', 'the section id "overview" is used twice');
  });

  it('a text given as a plain string instead of both languages', () => {
    const files = mutate(ALPHA, (c) => (at(c, 'stops', 0).name = 'Gate'));
    expectOnly(files, ALPHA, '$.stops[0].name', 'a text needs both languages: { "zh": "…", "en": "…" } (got "Gate")');
  });

  it('a text that is not a string', () => {
    const files = mutate(ALPHA, (c) => (at(c, 'stops', 0, 'name').zh = 5));
    expectOnly(files, ALPHA, '$.stops[0].name.zh', 'the Chinese (zh) text must be a string in quotes (got 5)');
  });

  it('a missing college.json', () => {
    const files = readContentFiles(FIXTURE);
    delete files[COLLEGE_FILE];
    expectOnly(files, COLLEGE_FILE, '$', 'the file is missing');
  });

  it('reports every problem, not just the first', () => {
    const files = mutate(ALPHA, (c) => {
      at(c, 'stops', 0, 'hotspots', 0).yaw = 999;
      at(c, 'stops', 1, 'name').zh = '';
    });
    expect(issuesOf(files).map(formatIssue)).toEqual([
      `${ALPHA}: $.stops[0].hotspots[0].yaw: yaw must be between -180 and 180 degrees (got 999)`,
      `${ALPHA}: $.stops[1].name.zh: the Chinese (zh) text is empty`,
    ]);
  });
});

describe('npm run content:check', () => {
  const temps: string[] = [];
  afterAll(() => {
    for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  });

  /** A copy of the fixture with one campus file changed. */
  function brokenCopy(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'content-check-'));
    temps.push(dir);
    cpSync(FIXTURE, dir, { recursive: true });
    const files = mutate(ALPHA, (c) => (at(c, 'stops', 0, 'hotspots', 1).target = 'library'));
    writeFileSync(path.join(dir, ALPHA), files[ALPHA]!);
    return dir;
  }

  /** A copy of the fixture whose campus is named `id` (college.json, the file name and its id). */
  function renamedCopy(id: string): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'content-check-'));
    temps.push(dir);
    cpSync(FIXTURE, dir, { recursive: true });
    const files = readContentFiles(FIXTURE);
    const college = JSON.parse(files[COLLEGE_FILE]!) as Json;
    college.campuses = [id];
    const campus = JSON.parse(files[ALPHA]!) as Json;
    campus.id = id;
    rmSync(path.join(dir, ALPHA));
    writeFileSync(path.join(dir, COLLEGE_FILE), JSON.stringify(college));
    writeFileSync(path.join(dir, campusFile(id)), JSON.stringify(campus));
    return dir;
  }

  it("rejects a campus id that is a page's first path segment (about, notes, live, verify, words, passport, quiz, certificate), by file and JSON path", () => {
    // The reserved list is the routes module's: every page that is not a campus or a stop starts with one.
    const pages = [{ page: 'about' }, { page: 'notes', tourId: 't' }, { page: 'live', code: 'ABCDEF' }, { page: 'verify', code: null }, { page: 'words' }, { page: 'passport' }, { page: 'quiz', tourId: 't' }, { page: 'certificate', tourId: 't' }] as const;
    const firsts = pages.map((place) => stateToUrl({ lang: 'en', place, view: null, openHotspotId: null })!.split('/')[2]);
    expect([...RESERVED_SEGMENTS].sort()).toEqual([...firsts].sort());
    for (const id of RESERVED_SEGMENTS) {
      const result = checkContent(renamedCopy(id));
      expect(result.ok).toBe(false);
      expect(result.lines).toEqual([
        `${COLLEGE_FILE}: $.campuses[0]: "${id}" cannot be a campus id: /<lang>/${id} is a page of the app (reserved: ${RESERVED_SEGMENTS.join(', ')})`,
      ]);
    }
    expect(checkContent(renamedCopy('beta')).ok).toBe(true);
  });

  it('passes on the real project content', () => {
    const result = checkContent(ROOT);
    expect(result.lines.join('\n')).toMatch(/^Content OK: 2 campuses, \d+ stops, \d+ hotspots\.( \d+ campus models? with \d+ viewpoints?\.)?$/);
    expect(result.ok).toBe(true);
  });

  it('checkContent returns the formatted problems', () => {
    const result = checkContent(brokenCopy());
    expect(result).toEqual({
      ok: false,
      lines: [`${ALPHA}: $.stops[0].hotspots[1].target: the link target "library" is not a stop of this campus`],
    });
  });

  it('the CLI exits 1 and prints the problem on stderr', () => {
    const dir = brokenCopy();
    const run = spawnSync('npx', ['tsx', 'scripts/content-check.ts', dir], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `${ALPHA}: $.stops[0].hotspots[1].target: the link target "library" is not a stop of this campus`,
    );
    expect(run.stdout).not.toContain('Content OK');
  }, 30_000);

  it('the CLI exits 0 with a summary on valid content', () => {
    const run = spawnSync('npx', ['tsx', 'scripts/content-check.ts', FIXTURE], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe('Content OK: 1 campus, 2 stops, 4 hotspots.');
  }, 30_000);
});
