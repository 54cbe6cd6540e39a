/**
 * Checks the campus models (assets/models/<campus>.json) against their schema and against the
 * content: every stop has a viewpoint and every viewpoint is a stop, ids are unique, a stop
 * indoors stands inside a building and one outdoors does not, a link hotspot points where its
 * target stands in the model, and a rendered panorama has a model to be rendered from.
 * Problems are reported like the content's: file, JSON path, message.
 */
import { campusModel, MODELS_DIR, modelFile, type CampusModel } from './campusModel';
import { buildingAt, headingTo, worldHeading, wrapDegrees } from './modelGeometry';
import type { Content } from './schema';
import { ID_PATTERN } from './limits';
import { campusFile, findDuplicates, parseFile, type ContentIssue } from './validate';

/** How far (degrees) a link hotspot may point away from where its target stands in the model. */
export const LINK_TOLERANCE = 25;
/** How far outside the campus bounds a viewpoint may stand (e.g. before the main gate), metres. */
export const VIEWPOINT_MARGIN = 100;

export interface ModelCheck {
  issues: ContentIssue[];
  /** The valid models by campus id. */
  models: Record<string, CampusModel>;
}

const key = (k: string) => (ID_PATTERN.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`);

/**
 * @param files raw text of each model file by repository-relative path (`assets/models/yubei.json`).
 * @param content the validated content the models belong to.
 */
export function validateCampusModels(files: Readonly<Record<string, string>>, content: Content): ModelCheck {
  const issues: ContentIssue[] = [];
  const models: Record<string, CampusModel> = {};
  const campusIds = new Set(content.campuses.map((c) => c.id));

  for (const file of Object.keys(files)) {
    const name = file.slice(MODELS_DIR.length + 1).replace(/\.json$/, '');
    if (!file.startsWith(`${MODELS_DIR}/`) || !campusIds.has(name)) {
      issues.push({ file, path: '$', message: `there is no campus "${name}" in college.json for this model` });
    }
  }

  for (const campus of content.campuses) {
    const file = modelFile(campus.id);
    const cFile = campusFile(campus.id);
    if (files[file] === undefined) {
      campus.stops.forEach((s, si) => {
        if (s.panorama.source === 'rendered') {
          issues.push({
            file: cFile,
            path: `$.stops[${si}].panorama.source`,
            message: `a rendered panorama needs the campus model ${file}, which does not exist`,
          });
        }
      });
      continue;
    }
    const model = parseFile(file, files[file], campusModel, issues);
    if (!model) continue;
    const add = (path: string, message: string) => issues.push({ file, path, message });

    if (model.campus !== campus.id) add('$.campus', `the campus "${model.campus}" must match the file name ("${campus.id}")`);
    const ids = [...model.buildings.map((b) => b.id), ...model.gates.map((g) => g.id)];
    for (const [index, dup] of findDuplicates(ids)) {
      const at = index < model.buildings.length ? `$.buildings[${index}].id` : `$.gates[${index - model.buildings.length}].id`;
      add(at, `the id "${dup}" is used twice in this model`);
    }
    const [minX, minZ] = model.bounds.min;
    const [maxX, maxZ] = model.bounds.max;
    if (minX >= maxX || minZ >= maxZ) add('$.bounds', 'bounds.min must be west and north of bounds.max (smaller x and z)');

    const stopIds = new Set(campus.stops.map((s) => s.id));
    for (const s of campus.stops) {
      if (!model.viewpoints[s.id]) add('$.viewpoints', `the stop "${s.id}" has no viewpoint`);
    }
    for (const [stopId, vp] of Object.entries(model.viewpoints)) {
      const at = `$.viewpoints${key(stopId)}`;
      if (!stopIds.has(stopId)) {
        add(at, `"${stopId}" is not a stop of campus "${campus.id}"`);
        continue;
      }
      const [x, z] = vp.position;
      // A stop may stand just outside the grounds (before the gate), not far away.
      const m = VIEWPOINT_MARGIN;
      if (x < minX - m || x > maxX + m || z < minZ - m || z > maxZ + m) add(`${at}.position`, `the viewpoint is more than ${m} m outside the campus bounds`);
      const inside = buildingAt(model, vp.position);
      if (vp.interior && !inside) add(`${at}.position`, `the stop "${stopId}" is indoors, but its position is not inside any building of the model`);
      if (!vp.interior && inside) {
        add(`${at}.position`, `the stop "${stopId}" is outdoors, but its position is inside the building "${inside.id}" (move it, or describe the room in "interior")`);
      }
    }

    // A link seen from outdoors points at where its target stands (or at the building it is in).
    campus.stops.forEach((s, si) => {
      const from = model.viewpoints[s.id];
      if (!from || from.interior) return;
      s.hotspots.forEach((h, hi) => {
        if (h.kind !== 'link') return;
        const to = model.viewpoints[h.target];
        if (!to) return;
        const expected = wrapDegrees(headingTo(from.position, to.position) - from.heading);
        const off = Math.abs(wrapDegrees(worldHeading(from, h.yaw) - worldHeading(from, expected)));
        if (off > LINK_TOLERANCE) {
          issues.push({
            file: cFile,
            path: `$.stops[${si}].hotspots[${hi}].yaw`,
            message: `the link to "${h.target}" is at yaw ${h.yaw}, but in the model (${file}) that stop lies at yaw ${Math.round(expected)}`,
          });
        }
      });
    });
    models[campus.id] = model;
  }
  return { issues, models };
}
