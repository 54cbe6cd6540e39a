/** Directions in VR as the viewer's yaw and pitch (degrees; see viewMath.ts for the axes). */
import { DEG, direction, wrapYaw } from '../../viewMath';

/** The yaw and pitch of a direction (need not be unit length). */
export function lookOf(x: number, y: number, z: number): { yaw: number; pitch: number } {
  const flat = Math.hypot(x, z);
  const pitch = Math.atan2(y, flat) / DEG;
  // Straight up or down the yaw is undefined: 0 rather than noise.
  const yaw = flat < 1e-9 ? 0 : wrapYaw(Math.atan2(x, -z) / DEG);
  return { yaw: Math.round(yaw * 10) / 10, pitch: Math.round(pitch * 10) / 10 };
}

/** A point `distance` away in the direction (yaw, pitch). */
export function pointAt(yaw: number, pitch: number, distance: number): [number, number, number] {
  const [x, y, z] = direction(yaw, pitch);
  return [x * distance, y * distance, z * distance];
}

/** The angle between two (yaw, pitch) directions, in degrees. */
export function angleBetween(a: { yaw: number; pitch: number }, b: { yaw: number; pitch: number }): number {
  const [ax, ay, az] = direction(a.yaw, a.pitch);
  const [bx, by, bz] = direction(b.yaw, b.pitch);
  return Math.acos(Math.min(1, Math.max(-1, ax * bx + ay * by + az * bz))) / DEG;
}

/** How much of the dwell ring is filled: under reduced motion it fills in four steps, not smoothly. */
export function dwellShown(progress: number, reducedMotion: boolean): number {
  const p = Math.min(1, Math.max(0, progress));
  return reducedMotion ? Math.floor(p * 4) / 4 : p;
}
