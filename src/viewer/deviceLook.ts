/**
 * Looking by moving the phone: where the back of the phone points, from the browser's
 * `deviceorientation` angles, as a view's yaw and pitch (degrees; yaw clockwise seen from above,
 * pitch up positive, as everywhere in the viewer). Roll is left out — the horizon stays level —
 * and the screen's rotation (portrait, landscape either way) only decides which way is "ahead"
 * when the phone looks straight up or down. Pure maths, no events: the page listens.
 *
 * The device frame is the W3C one: x to the screen's right, y to its top, z out of the screen;
 * the world frame x east, y north, z up; R = Rz(alpha)·Rx(beta)·Ry(gamma).
 */
import { DEG, clamp, wrapYaw } from './viewMath';

export interface Look {
  yaw: number;
  pitch: number;
}

type Vec = [number, number, number];

/** Below this cosine of the pitch (about 72°), the screen's top starts to say which way is ahead. */
const POLE_BLEND = 0.3;

function rotate(alpha: number, beta: number, gamma: number, v: Vec): Vec {
  const [ca, sa, cb, sb, cg, sg] = [Math.cos(alpha), Math.sin(alpha), Math.cos(beta), Math.sin(beta), Math.cos(gamma), Math.sin(gamma)];
  // Ry(gamma)
  let [x, y, z] = v;
  [x, z] = [cg * x + sg * z, -sg * x + cg * z];
  // Rx(beta)
  [y, z] = [cb * y - sb * z, sb * y + cb * z];
  // Rz(alpha)
  [x, y] = [ca * x - sa * y, sa * x + ca * y];
  return [x, y, z];
}

/**
 * The look of the phone's back camera direction, in world terms. `screenAngle` is
 * `screen.orientation.angle` (0 portrait, 90 turned anticlockwise, 270 clockwise).
 */
export function orientationToLook(alphaDeg: number, betaDeg: number, gammaDeg: number, screenAngleDeg = 0): Look {
  const [a, b, g] = [alphaDeg * DEG, betaDeg * DEG, gammaDeg * DEG];
  const forward = rotate(a, b, g, [0, 0, -1]);
  const s = screenAngleDeg * DEG;
  const up = rotate(a, b, g, [Math.sin(s), Math.cos(s), 0]);
  const sinP = clamp(forward[2], -1, 1);
  const cosP = Math.sqrt(1 - sinP * sinP);
  // Ahead, on the ground: where the back points; only near straight up or down, where that is
  // undefined, the way the screen's top points takes over, smoothly (no sudden spin at the poles).
  const nearPole = 1 - Math.min(1, cosP / POLE_BLEND);
  const hx = forward[0] - up[0] * sinP * nearPole;
  const hy = forward[1] - up[1] * sinP * nearPole;
  return { yaw: wrapYaw(Math.atan2(hx, hy) / DEG), pitch: Math.asin(sinP) / DEG };
}

/** The smallest signed turn from `from` to `to`, in degrees (−180…180]. */
export function yawDelta(from: number, to: number): number {
  const d = (((to - from) % 360) + 540) % 360 - 180;
  return d === -180 ? 180 : d;
}

/**
 * One step of the filter: moves `current` a share `k` of the way to `target` (shortest way round
 * for yaw), and not at all for a change under `deadband` degrees — a phone at rest does not shake.
 */
export function smoothLook(current: Look, target: Look, k = 0.25, deadband = 0.15): Look {
  const dYaw = yawDelta(current.yaw, target.yaw);
  const dPitch = target.pitch - current.pitch;
  if (Math.abs(dYaw) < deadband && Math.abs(dPitch) < deadband) return current;
  return { yaw: wrapYaw(current.yaw + dYaw * k), pitch: current.pitch + dPitch * k };
}
