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

/**
 * The first view: the campus from the south, looking north, a little from the side, as close as
 * it can be while every stop's marker is on screen (a narrow phone stands farther back).
 */
export function initialOrbit(model: CampusModel, aspect = 16 / 9): Orbit {
  const { min, max } = model.bounds;
  const size = Math.hypot(max[0] - min[0], max[1] - min[1]);
  const base: Orbit = { heading: 12, elevation: 42, distance: size * 0.6, target: [(min[0] + max[0]) / 2, (min[1] + max[1]) / 2] };
  const markers = Object.values(model.viewpoints).map((vp) => markerPosition(model, vp));
  const camera = new PerspectiveCamera(OVERVIEW_FOV, aspect, 1, 12000);
  const fits = (o: Orbit) => {
    applyOrbit(camera, o);
    return markers.every((m) => {
      const v = new Vector3(...m).project(camera);
      return Math.abs(v.x) < 0.86 && v.y < 0.8 && v.y > -0.72 && v.z < 1;
    });
  };
  let orbit = clampOrbit(model, base);
  for (let i = 0; i < 40 && !fits(orbit); i++) orbit = clampOrbit(model, { ...orbit, distance: orbit.distance * 1.06 });
  return orbit;
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
