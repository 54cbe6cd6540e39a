// @vitest-environment node
/**
 * The overview's camera: it starts with every stop's marker on screen, on a desktop and on a
 * phone, and however the visitor turns, tilts, zooms or drags, it stays above the ground and over
 * the campus.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PerspectiveCamera } from 'three';
import { campusModel } from '../../../src/content/campusModel';
import { markerPosition } from '../../../src/content/modelGeometry';
import { applyOrbit, campusCoverage, clampOrbit, ELEVATION, initialOrbit, orbitLimits, orbitPosition, OVERVIEW_FOV, panOrbit, projectPoint } from '../../../src/viewer/campus/overviewCamera';

const models = ['yubei', 'nanchuan'].map((id) => campusModel.parse(JSON.parse(readFileSync(`assets/models/${id}.json`, 'utf8'))));

describe.each(models)('the overview camera of $campus', (model) => {
  it.each([
    ['a desktop', 1248, 460],
    ['a phone', 366, 540],
  ])('starts with every marker on screen on %s', (_, width, height) => {
    const orbit = initialOrbit(model, width / height);
    const camera = new PerspectiveCamera(OVERVIEW_FOV, width / height, 1, 12000);
    applyOrbit(camera, orbit);
    for (const [id, vp] of Object.entries(model.viewpoints)) {
      expect(projectPoint(camera, markerPosition(model, vp), width, height, 16), id).not.toBeNull();
    }
  });

  // Issue 18: the grounds took 15–19 % of a wide frame (about half of a phone's, now 0.62), the rest farmland
  // and hills. Now about twice that: the grounds' outline is a trapezoid, and the strip in front of
  // the gate (road, the gate's square) is outside it, so no view reaches 100 %.
  it.each([
    ['a laptop (1280×720)', 1248, 400, 0.33],
    ['a desktop', 1248, 460, 0.33],
    ['a projector (1920×1080)', 1888, 640, 0.33],
    ['a phone', 366, 524, 0.6],
  ])('fills the frame with the campus on %s', (_, width, height, least) => {
    const camera = new PerspectiveCamera(OVERVIEW_FOV, width / height, 1, 12000);
    applyOrbit(camera, initialOrbit(model, width / height));
    expect(campusCoverage(model, camera)).toBeGreaterThan(least);
  });

  it('measures coverage as the share of the frame the grounds take', () => {
    const camera = new PerspectiveCamera(OVERVIEW_FOV, 16 / 9, 1, 12000);
    // Straight down from close: the grounds are all the frame shows.
    applyOrbit(camera, { heading: 0, elevation: 89.9, distance: 100, target: [0, 0] });
    expect(campusCoverage(model, camera)).toBeCloseTo(1, 5);
    // From far away they are a speck.
    applyOrbit(camera, { heading: 0, elevation: 89.9, distance: 50_000, target: [0, 0] });
    expect(campusCoverage(model, camera)).toBeLessThan(0.01);
  });

  it('never goes under the ground or off the campus, whatever the visitor does', () => {
    const lim = orbitLimits(model);
    let orbit = initialOrbit(model);
    const moves = [
      (o: typeof orbit) => ({ ...o, elevation: o.elevation - 200 }),
      (o: typeof orbit) => ({ ...o, distance: o.distance / 1000 }),
      (o: typeof orbit) => panOrbit(o, 50_000, -50_000),
      (o: typeof orbit) => ({ ...o, heading: o.heading + 725, distance: o.distance * 1e6, elevation: o.elevation + 400 }),
    ];
    for (const move of moves) {
      orbit = clampOrbit(model, move(orbit));
      expect(orbit.elevation).toBeGreaterThanOrEqual(ELEVATION.min);
      expect(orbit.elevation).toBeLessThanOrEqual(ELEVATION.max);
      expect(orbit.distance).toBeGreaterThanOrEqual(lim.minDistance);
      expect(orbit.distance).toBeLessThanOrEqual(lim.maxDistance);
      expect(orbit.target[0]).toBeGreaterThanOrEqual(lim.min[0]);
      expect(orbit.target[0]).toBeLessThanOrEqual(lim.max[0]);
      expect(orbit.target[1]).toBeGreaterThanOrEqual(lim.min[1]);
      expect(orbit.target[1]).toBeLessThanOrEqual(lim.max[1]);
      expect(orbit.heading).toBeGreaterThanOrEqual(-180);
      expect(orbit.heading).toBeLessThan(180);
      // Above the ground, with room to spare.
      expect(orbitPosition(orbit).y).toBeGreaterThan(10);
    }
  });

  it('looks the way its heading says: heading 0 from the south, heading 90 from the west', () => {
    const o = { ...initialOrbit(model), heading: 0 };
    expect(orbitPosition(o).z).toBeGreaterThan(o.target[1]);
    const east = { ...o, heading: 90 };
    expect(orbitPosition(east).x).toBeLessThan(east.target[0]);
  });
});
