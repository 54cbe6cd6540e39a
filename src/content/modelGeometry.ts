/**
 * Plain geometry on a campus model (no three.js): headings between points, footprints, where a
 * stop's marker stands. Used by the model check, the overview and the baker alike.
 */
import type { Building, CampusModel, Point, Viewpoint } from './campusModel';

const DEG = Math.PI / 180;

/** Wraps an angle into [-180, 180). */
export function wrapDegrees(a: number): number {
  const w = ((((a + 180) % 360) + 360) % 360) - 180;
  return Object.is(w, -0) ? 0 : w;
}

/** The compass heading from one point to another: 0 north (−z), 90 east (+x). */
export function headingTo(from: Point, to: Point): number {
  return wrapDegrees(Math.atan2(to[0] - from[0], -(to[1] - from[1])) / DEG);
}

/** The unit vector [x, z] of a heading. */
export function headingVector(heading: number): Point {
  return [Math.sin(heading * DEG), -Math.cos(heading * DEG)];
}

/**
 * A building's local frame → world: local x runs along the front (to the right as you face the
 * front from outside), local z from the front towards the back.
 */
export function buildingToWorld(b: Pick<Building, 'position' | 'facing'>, local: Point): Point {
  // The front faces `facing`; "right as you face the front" is facing + 90 − 180 = facing − 90.
  const [fx, fz] = headingVector(b.facing);
  const [rx, rz] = headingVector(b.facing - 90);
  return [b.position[0] + rx * local[0] - fx * local[1], b.position[1] + rz * local[0] - fz * local[1]];
}

/** World point → the building's local frame (inverse of buildingToWorld). */
export function worldToBuilding(b: Pick<Building, 'position' | 'facing'>, p: Point): Point {
  const [fx, fz] = headingVector(b.facing);
  const [rx, rz] = headingVector(b.facing - 90);
  const dx = p[0] - b.position[0];
  const dz = p[1] - b.position[1];
  return [dx * rx + dz * rz, -(dx * fx + dz * fz)];
}

/** The blocks of a building (main block and wings) in its local frame, with their floor counts. */
export function buildingBlocks(b: Building): { centre: Point; size: Point; floors: number }[] {
  return [{ centre: [0, 0], size: b.size, floors: b.floors }, ...b.wings.map((w) => ({ centre: w.offset, size: w.size, floors: w.floors }))];
}

/** The building whose footprint holds this point, if any. */
export function buildingAt(model: Pick<CampusModel, 'buildings'>, p: Point): Building | undefined {
  return model.buildings.find((b) => {
    const [lx, lz] = worldToBuilding(b, p);
    return buildingBlocks(b).some((k) => Math.abs(lx - k.centre[0]) <= k.size[0] / 2 && Math.abs(lz - k.centre[1]) <= k.size[1] / 2);
  });
}

/** Height of a building's roof line (top of its tallest block), metres. */
export function buildingHeight(b: Building): number {
  return Math.max(...buildingBlocks(b).map((k) => k.floors)) * b.floorHeight;
}

/** Where a stop's marker floats in the overview: above its viewpoint, or above the roof of the building it is in. */
export function markerPosition(model: CampusModel, vp: Viewpoint): [number, number, number] {
  const inside = buildingAt(model, vp.position);
  const y = inside ? buildingHeight(inside) + 6 : vp.eyeHeight + 8;
  return [vp.position[0], y, vp.position[1]];
}

/** The world heading a content yaw at this viewpoint looks towards. */
export const worldHeading = (vp: Pick<Viewpoint, 'heading'>, yaw: number) => wrapDegrees(vp.heading + yaw);
