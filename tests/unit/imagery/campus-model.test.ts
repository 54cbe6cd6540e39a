/**
 * The campus models (assets/models) as an editor meets their check: the real models pass, and each
 * kind of mistake gives a specific message named by file and JSON path, like the content's.
 */
import { describe, expect, it } from 'vitest';
import { checkContent, readContentFiles, readModelFiles } from '../../../lib/content';
import { campusModel, modelFile } from '../../../src/content/campusModel';
import { formatIssue, validateContent, type ContentIssue } from '../../../src/content/validate';
import { validateCampusModels } from '../../../src/content/validateModels';

const ROOT = process.cwd();
const content = (() => {
  const result = validateContent(readContentFiles(ROOT));
  if (!result.ok) throw new Error('the project content is invalid');
  return result.content;
})();
const YUBEI = modelFile('yubei');

type Json = Record<string, unknown>;

/** The real model files with one model's JSON changed. */
function mutated(change: (model: Json) => void, file = YUBEI): Record<string, string> {
  const files = readModelFiles(ROOT);
  const json = JSON.parse(files[file]!) as Json;
  change(json);
  files[file] = JSON.stringify(json);
  return files;
}

function issues(files: Record<string, string>): ContentIssue[] {
  return validateCampusModels(files, content).issues;
}

/** Asserts one problem in `file` (moving a stop may also turn links elsewhere, checked on their own). */
function expectOnly(files: Record<string, string>, path: string, message: string | RegExp, file = YUBEI) {
  const found = issues(files).filter((i) => i.file === file);
  expect(found, found.map(formatIssue).join('\n')).toHaveLength(1);
  expect(found[0]!.file).toBe(file);
  expect(found[0]!.path).toBe(path);
  if (typeof message === 'string') expect(found[0]!.message).toBe(message);
  else expect(found[0]!.message).toMatch(message);
}

const viewpoints = (m: Json) => m.viewpoints as Record<string, Json>;
const buildings = (m: Json) => m.buildings as Json[];

describe('the campus models', () => {
  it('pass, with a viewpoint for every stop, and content:check says so', () => {
    const { issues: found, models } = validateCampusModels(readModelFiles(ROOT), content);
    expect(found.map(formatIssue)).toEqual([]);
    for (const campus of content.campuses) {
      expect(Object.keys(models[campus.id]!.viewpoints).sort()).toEqual(campus.stops.map((s) => s.id).sort());
    }
    expect(checkContent(ROOT).lines[0]).toMatch(/2 campus models with 17 viewpoints\.$/);
  });

  it('give every stop a distinct place and stop 16 or more, 8 per campus, 4 of them indoors', () => {
    const { models } = validateCampusModels(readModelFiles(ROOT), content);
    const all = Object.values(models).flatMap((m) => Object.entries(m.viewpoints));
    expect(all.length).toBeGreaterThanOrEqual(16);
    for (const m of Object.values(models)) expect(Object.keys(m.viewpoints).length).toBeGreaterThanOrEqual(8);
    expect(all.filter(([, vp]) => vp.interior).length).toBeGreaterThanOrEqual(4);
  });
});

describe('model errors name the file, the JSON path and the problem', () => {
  it('a stop without a viewpoint', () => {
    expectOnly(mutated((m) => delete viewpoints(m)['library']), '$.viewpoints', 'the stop "library" has no viewpoint');
  });

  it('a viewpoint that is not a stop', () => {
    expectOnly(
      mutated((m) => (viewpoints(m)['bell-tower'] = { position: [0, 100], heading: 0 })),
      '$.viewpoints.bell-tower',
      '"bell-tower" is not a stop of campus "yubei"',
    );
  });

  it('an id used twice', () => {
    expectOnly(mutated((m) => (buildings(m)[1]!.id = buildings(m)[0]!.id)), '$.buildings[1].id', `the id "library" is used twice in this model`);
  });

  it('a colour that is not #rrggbb', () => {
    expectOnly(mutated((m) => (buildings(m)[0]!.colour = 'beige')), '$.buildings[0].colour', 'a colour is "#rrggbb", like "#d8d2c4" (got "beige")');
  });

  it('a sign with one language', () => {
    expectOnly(
      mutated((m) => delete ((buildings(m)[0]!.signs as Json[])[0]!.text as Json).en),
      '$.buildings[0].signs[0].text.en',
      'the English (en) text is missing',
    );
  });

  it('a position that is not [x, z]', () => {
    expectOnly(mutated((m) => (buildings(m)[0]!.position = [3])), '$.buildings[0].position', /^a point is \[x, z\] in metres/);
  });

  it('a misspelt field', () => {
    expectOnly(mutated((m) => (buildings(m)[0]!.flors = 3)), '$.buildings[0]', 'unknown field "flors" (check the spelling)');
  });

  it('an indoor stop outside every building', () => {
    expectOnly(
      mutated((m) => (viewpoints(m)['mechanical-workshop']!.position = [0, 200])),
      '$.viewpoints.mechanical-workshop.position',
      'the stop "mechanical-workshop" is indoors, but its position is not inside any building of the model',
    );
  });

  it('an outdoor stop inside a building', () => {
    expectOnly(
      mutated((m) => (viewpoints(m)['library']!.position = [0, -25])),
      '$.viewpoints.library.position',
      /^the stop "library" is outdoors, but its position is inside the building "library"/,
    );
  });

  it('a viewpoint far off the campus', () => {
    expectOnly(mutated((m) => (viewpoints(m)['sports-ground']!.position = [5000, 0])), '$.viewpoints.sports-ground.position', 'the viewpoint is more than 100 m outside the campus bounds');
  });

  it('a link hotspot that points away from where its target stands', () => {
    // Turning the main gate's viewpoint round makes its links point the wrong way.
    const found = issues(mutated((m) => (viewpoints(m)['main-gate']!.heading = 180)));
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.file).toBe('assets/content/campuses/yubei.json');
    expect(found[0]!.path).toMatch(/^\$\.stops\[0\]\.hotspots\[\d+\]\.yaw$/);
    expect(found[0]!.message).toMatch(/^the link to "[a-z-]+" is at yaw -?\d+, but in the model \(assets\/models\/yubei\.json\) that stop lies at yaw -?\d+$/);
  });

  it('a model of a campus that does not exist', () => {
    const files = readModelFiles(ROOT);
    files['assets/models/atlantis.json'] = files[YUBEI]!;
    expectOnly(files, '$', 'there is no campus "atlantis" in college.json for this model', 'assets/models/atlantis.json');
  });

  it('a rendered panorama without a model', () => {
    const files = readModelFiles(ROOT);
    delete files[YUBEI];
    const found = issues(files);
    expect(found).toHaveLength(content.campuses[0]!.stops.length);
    expect(found[0]).toEqual({
      file: 'assets/content/campuses/yubei.json',
      path: '$.stops[0].panorama.source',
      message: 'a rendered panorama needs the campus model assets/models/yubei.json, which does not exist',
    });
  });

  it('invalid JSON', () => {
    const files = readModelFiles(ROOT);
    files[YUBEI] = '{ "campus": ';
    expectOnly(files, '$', /^not valid JSON: /);
  });
});

describe('the schema', () => {
  it('fills in defaults, so a minimal building needs only its shape, height and colour', () => {
    const model = campusModel.parse({
      campus: 'demo',
      bounds: { min: [-10, -10], max: [10, 10] },
      sky: { sunHeading: 180, sunElevation: 40 },
      backdrop: { style: 'plain', ground: '#889966' },
      buildings: [{ id: 'hall', position: [0, 0], size: [10, 8], floors: 2, colour: '#dddddd' }],
      viewpoints: {},
    });
    expect(model.buildings[0]).toMatchObject({ facing: 180, floorHeight: 3.9, roof: { shape: 'flat' }, windows: { style: 'punched' }, signs: [] });
  });
});
