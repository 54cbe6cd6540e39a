/**
 * The overview's camera as an orbit round a point on the ground: which way it looks (a compass
 * heading), how high it looks down from, how far away, and the point it circles. Clamped so the
 * visitor can neither go under the ground nor wander off the campus.
 */
import { MathUtils, PerspectiveCamera, Vector3 } from 'three';
import type { CampusModel, Point } from '../../content/campusModel';
import { markerPosition } from '../../content/modelGeometry';

export interface Orbit {
  /** Compass heading the camera looks towards, degrees (0 north). */
  heading: number;
  /** Angle above the horizon the camera looks down from, degrees. */
  elevation: number;
  /** From the camera to the target, metres. */
  distance: number;
  /** The point on the ground the camera circles, [x, z]. */
  target: Point;
}

export const ELEVATION = { min: 14, max: 80 } as const;
/** Vertical field of view of the overview camera, degrees. */
export const OVERVIEW_FOV = 40;

/** Orbit limits for a campus: closest and farthest, and how far the target may roam. */
export function orbitLimits(model: CampusModel) {
  const { min, max } = model.bounds;
  const size = Math.hypot(max[0] - min[0], max[1] - min[1]);
  return { minDistance: 60, maxDistance: size * 1.5, min, max };
}

/** The corners of the campus grounds on the ground plane, as the camera sees them. */
function groundCorners(model: CampusModel): Vector3[] {
  const { min, max } = model.bounds;
  return [
    [min[0], min[1]],
    [max[0], min[1]],
    [max[0], max[1]],
    [min[0], max[1]],
  ].map(([x, z]) => new Vector3(x, 0, z));
}

/** The part of a polygon inside the frame [-1, 1]² (Sutherland–Hodgman, one frame edge at a time). */
function clipToFrame(polygon: { x: number; y: number }[]) {
  let out = polygon;
  const edges: [(p: { x: number; y: number }) => number][] = [[(p) => 1 - p.x], [(p) => p.x + 1], [(p) => 1 - p.y], [(p) => p.y + 1]];
  for (const [inside] of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const a = input[i]!;
      const b = input[(i + 1) % input.length]!;
      const da = inside(a);
      const db = inside(b);
      if (da >= 0) out.push(a);
      if (da >= 0 !== db >= 0) {
        const t = da / (da - db);
        out.push({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });
      }
    }
  }
  return out;
}

/**
 * How much of the frame shows the campus grounds from a camera (0–1): the area of their projected
 * outline, cut to the frame, over the frame's. 0 when a corner is behind the camera.
 */
export function campusCoverage(model: CampusModel, camera: PerspectiveCamera): number {
  const projected = groundCorners(model).map((c) => c.clone().project(camera));
  if (projected.some((v) => v.z > 1)) return 0;
  const clipped = clipToFrame(projected);
  // Shoelace area, in normalised device coordinates (the frame is 2 × 2).
  let area = 0;
  for (let i = 0; i < clipped.length; i++) {
    const a = clipped[i]!;
    const b = clipped[(i + 1) % clipped.length]!;
    area += a.x * b.y - b.x * a.y;
  }
  return Math.abs(area) / 2 / 4;
}

/** Elevations the first view may look down from: low on a wide frame, steeper on a tall one. */
const FIT_ELEVATIONS = [20, 23, 26, 30, 34, 38, 42, 46, 50, 55, 60, 65];
/** Where the target may sit, as a share of the campus's depth forward or back of its middle. */
const FIT_SHIFTS = [-0.2, -0.12, -0.06, 0, 0.06, 0.12, 0.2];

/**
 * The first view: the campus from the south, looking north, a little from the side, with the
 * grounds filling as much of the frame as they can while every stop's marker stays on screen
 * (issue 18: a sixth of a wide frame was campus, the rest farmland and hills). A wide frame looks
 * from lower down, a phone's tall one more from above; the distance is the closest that fits (the
 * fence's far corners may leave the frame, a stop never does).
 */
export function initialOrbit(model: CampusModel, aspect = 16 / 9): Orbit {
  const { min, max } = model.bounds;
  const size = Math.hypot(max[0] - min[0], max[1] - min[1]);
  const depth = max[1] - min[1];
  const heading = 12;
  const centre: Point = [(min[0] + max[0]) / 2, (min[1] + max[1]) / 2];
  const markers = Object.values(model.viewpoints).map((vp) => new Vector3(...markerPosition(model, vp)));
  const camera = new PerspectiveCamera(OVERVIEW_FOV, aspect, 1, 12000);
  // A pin and its name must not reach the frame's edges, nor the controls along its bottom: one
  // row on a wide frame (a seventh of its height), two on a phone's tall one (a fifth), plus half
  // a pin.
  const lowest = aspect < 1 ? -0.48 : -0.58;
  const markersFit = () =>
    markers.every((m) => {
      const v = m.clone().project(camera);
      return Math.abs(v.x) < 0.86 && v.y < 0.8 && v.y > lowest && v.z < 1;
    });
  const lim = orbitLimits(model);
  let best: { orbit: Orbit; coverage: number } | null = null;
  for (const elevation of FIT_ELEVATIONS) {
    for (const shift of FIT_SHIFTS) {
      const target: Point = [centre[0] + Math.sin(MathUtils.degToRad(heading)) * shift * depth, centre[1] - Math.cos(MathUtils.degToRad(heading)) * shift * depth];
      const at = (distance: number) => clampOrbit(model, { heading, elevation, distance, target });
      const fits = (distance: number) => {
        applyOrbit(camera, at(distance));
        return markersFit();
      };
      // The closest distance that fits: farther only shrinks the picture.
      let far = lim.maxDistance;
      if (!fits(far)) continue;
      let near = lim.minDistance;
      for (let i = 0; i < 24; i++) {
        const mid = (near + far) / 2;
        if (fits(mid)) far = mid;
        else near = mid;
      }
      const orbit = at(far);
      applyOrbit(camera, orbit);
      const coverage = campusCoverage(model, camera);
      if (!best || coverage > best.coverage) best = { orbit, coverage };
    }
  }
  return best?.orbit ?? clampOrbit(model, { heading, elevation: 42, distance: size * 0.9, target: centre });
}

export function clampOrbit(model: CampusModel, o: Orbit): Orbit {
  const lim = orbitLimits(model);
  return {
    heading: ((((o.heading + 180) % 360) + 360) % 360) - 180,
    elevation: MathUtils.clamp(o.elevation, ELEVATION.min, ELEVATION.max),
    distance: MathUtils.clamp(o.distance, lim.minDistance, lim.maxDistance),
    target: [MathUtils.clamp(o.target[0], lim.min[0], lim.max[0]), MathUtils.clamp(o.target[1], lim.min[1], lim.max[1])],
  };
}

/** Where the camera stands for an orbit. */
export function orbitPosition(o: Orbit): Vector3 {
  const h = MathUtils.degToRad(o.heading);
  const e = MathUtils.degToRad(o.elevation);
  const flat = Math.cos(e) * o.distance;
  return new Vector3(o.target[0] - Math.sin(h) * flat, Math.sin(e) * o.distance, o.target[1] + Math.cos(h) * flat);
}

/** Places a camera for an orbit. */
export function applyOrbit(camera: PerspectiveCamera, o: Orbit) {
  camera.position.copy(orbitPosition(o));
  camera.up.set(0, 1, 0);
  camera.lookAt(o.target[0], 0, o.target[1]);
  camera.near = Math.max(1, o.distance / 200);
  camera.far = 12000;
  camera.updateProjectionMatrix();
  camera.updateMatrixWorld(true);
}

/** Moves the target across the ground by screen directions: right and forward, in metres. */
export function panOrbit(o: Orbit, right: number, forward: number): Orbit {
  const h = MathUtils.degToRad(o.heading);
  return {
    ...o,
    target: [o.target[0] + Math.cos(h) * right + Math.sin(h) * forward, o.target[1] + Math.sin(h) * right - Math.cos(h) * forward],
  };
}

/** Where a point in the scene appears on a width × height screen, or null when behind the camera or off screen. */
export function projectPoint(camera: PerspectiveCamera, p: readonly [number, number, number], width: number, height: number, margin = 0) {
  const v = new Vector3(...p).project(camera);
  if (v.z > 1 || v.z < -1) return null;
  const x = ((v.x + 1) / 2) * width;
  const y = ((1 - v.y) / 2) * height;
  if (x < margin || x > width - margin || y < margin || y > height - margin) return null;
  return { x, y };
}
