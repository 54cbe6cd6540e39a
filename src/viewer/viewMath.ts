/**
 * View maths for an equirectangular panorama seen from its centre. Content speaks degrees;
 * radians appear only inside the viewer.
 *
 * World axes follow three.js: yaw 0 looks down −Z (the centre of the image), positive yaw turns
 * right (towards +X), positive pitch looks up (+Y).
 */
import { FOV_MAX, FOV_MIN } from '../content/limits';
import type { View } from '../content/schema';

export const DEG = Math.PI / 180;

/** The vertical field of view never exceeds this: a tall phone screen would otherwise see a fisheye. */
export const MAX_VERTICAL_FOV = 110;

export const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

/** Wraps an angle into [-180, 180). */
export function wrapYaw(yaw: number): number {
  const wrapped = (((yaw + 180) % 360) + 360) % 360 - 180;
  return Object.is(wrapped, -0) ? 0 : wrapped;
}

/** Keeps a view within what content allows: yaw wrapped, pitch and fov clamped. */
export function normalizeView(view: View): View {
  return { yaw: wrapYaw(view.yaw), pitch: clamp(view.pitch, -90, 90), fov: clamp(view.fov, FOV_MIN, FOV_MAX) };
}

/** The fields of view actually shown on a screen of this size, in degrees. */
export function effectiveFov(hfov: number, width: number, height: number): { h: number; v: number } {
  const aspect = width > 0 && height > 0 ? width / height : 16 / 9;
  const halfH = (hfov / 2) * DEG;
  let v = (2 * Math.atan(Math.tan(halfH) / aspect)) / DEG;
  if (v > MAX_VERTICAL_FOV) v = MAX_VERTICAL_FOV;
  const h = (2 * Math.atan(Math.tan((v / 2) * DEG) * aspect)) / DEG;
  return { h, v };
}

/** Unit direction of a point on the sphere. */
export function direction(yaw: number, pitch: number): [number, number, number] {
  const y = yaw * DEG;
  const p = pitch * DEG;
  return [Math.sin(y) * Math.cos(p), Math.sin(p), -Math.cos(y) * Math.cos(p)];
}

/**
 * Where a point at (yaw, pitch) appears on a screen of width × height showing `view`,
 * in CSS pixels from the top left; null when it is behind the camera.
 */
export function projectToScreen(
  yaw: number,
  pitch: number,
  view: View,
  width: number,
  height: number,
): { x: number; y: number } | null {
  const [dx, dy, dz] = direction(yaw, pitch);
  // Undo the camera's yaw (about Y), then its pitch (about X).
  const cy = Math.cos(view.yaw * DEG);
  const sy = Math.sin(view.yaw * DEG);
  const x1 = dx * cy + dz * sy;
  const z1 = -dx * sy + dz * cy;
  const cp = Math.cos(view.pitch * DEG);
  const sp = Math.sin(view.pitch * DEG);
  const y2 = dy * cp + z1 * sp;
  const z2 = -dy * sp + z1 * cp;
  if (z2 >= -1e-6) return null;
  const fov = effectiveFov(view.fov, width, height);
  const ndcX = x1 / -z2 / Math.tan((fov.h / 2) * DEG);
  const ndcY = y2 / -z2 / Math.tan((fov.v / 2) * DEG);
  return { x: ((ndcX + 1) / 2) * width, y: ((1 - ndcY) / 2) * height };
}

/** Turns the view by a number of degrees. */
export function panBy(view: View, dYaw: number, dPitch: number): View {
  return normalizeView({ ...view, yaw: view.yaw + dYaw, pitch: view.pitch + dPitch });
}

/** Zooms by a factor of the field of view (< 1 zooms in). */
export function zoomBy(view: View, factor: number): View {
  return normalizeView({ ...view, fov: view.fov * factor });
}

/** The view after dragging the picture by (dx, dy) CSS pixels: the picture follows the pointer. */
export function dragView(view: View, dx: number, dy: number, width: number, height: number): View {
  const fov = effectiveFov(view.fov, width, height);
  return panBy(view, (-dx * fov.h) / Math.max(width, 1), (dy * fov.v) / Math.max(height, 1));
}

/** A keyboard or button step: a sixth of the field of view, so zoomed-in steps are finer. */
export const stepFor = (view: View) => view.fov / 6;
