/**
 * The cube a panorama is tiled on, in the viewer's world axes (see viewMath.ts): yaw 0 looks down
 * −Z, positive yaw turns towards +X, +Y is up. The tiler (lib/tiler.ts) and the renderer share
 * these definitions, so a tile is drawn exactly where it was cut from.
 *
 * A point on a face is (a, b), both in [−1, 1]: a grows to the right and b grows downwards, as
 * pixel columns and rows do in the face's image seen from the cube's centre.
 */
export type Vec3 = readonly [number, number, number];

/** front (yaw 0), right (yaw 90), back (yaw 180), left (yaw −90), up, down. */
export const FACES = ['f', 'r', 'b', 'l', 'u', 'd'] as const;
export type Face = (typeof FACES)[number];

export interface FaceBasis {
  /** The direction through the face's centre. */
  centre: Vec3;
  /** The direction of +a on the face (image columns). */
  right: Vec3;
  /** The direction of −b on the face (up in the image). */
  up: Vec3;
}

export const FACE_BASIS: Record<Face, FaceBasis> = {
  f: { centre: [0, 0, -1], right: [1, 0, 0], up: [0, 1, 0] },
  r: { centre: [1, 0, 0], right: [0, 0, 1], up: [0, 1, 0] },
  b: { centre: [0, 0, 1], right: [-1, 0, 0], up: [0, 1, 0] },
  l: { centre: [-1, 0, 0], right: [0, 0, -1], up: [0, 1, 0] },
  // Looking up from yaw 0, the top of the picture leans towards +Z (behind); looking down, towards −Z.
  u: { centre: [0, 1, 0], right: [1, 0, 0], up: [0, 0, 1] },
  d: { centre: [0, -1, 0], right: [1, 0, 0], up: [0, 0, -1] },
};

/** Where each face sits in the preview image: a grid of 3 columns × 2 rows. */
export const PREVIEW_GRID: Record<Face, { col: number; row: number }> = {
  f: { col: 0, row: 0 },
  r: { col: 1, row: 0 },
  b: { col: 2, row: 0 },
  l: { col: 0, row: 1 },
  u: { col: 1, row: 1 },
  d: { col: 2, row: 1 },
};
export const PREVIEW_COLS = 3;
export const PREVIEW_ROWS = 2;

/** The (unnormalized) direction through the point (a, b) of a face: on the cube of half-side 1. */
export function faceToDirection(face: Face, a: number, b: number): [number, number, number] {
  const { centre: c, right: r, up: u } = FACE_BASIS[face];
  return [c[0] + a * r[0] - b * u[0], c[1] + a * r[1] - b * u[1], c[2] + a * r[2] - b * u[2]];
}

/** The face a direction passes through, and where on it. */
export function directionToFace(d: Vec3): { face: Face; a: number; b: number } {
  const [x, y, z] = d;
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  const az = Math.abs(z);
  let face: Face;
  if (ax >= ay && ax >= az) face = x > 0 ? 'r' : 'l';
  else if (ay >= az) face = y > 0 ? 'u' : 'd';
  else face = z > 0 ? 'b' : 'f';
  const { centre: c, right: r, up: u } = FACE_BASIS[face];
  const t = x * c[0] + y * c[1] + z * c[2];
  return { face, a: (x * r[0] + y * r[1] + z * r[2]) / t, b: -(x * u[0] + y * u[1] + z * u[2]) / t };
}

/**
 * Where a direction falls on an equirectangular image, as fractions of its width and height:
 * u = 0.5 is yaw 0 (the centre column), v = 0 the zenith.
 */
export function directionToEquirect(d: Vec3): { u: number; v: number } {
  const [x, y, z] = d;
  const yaw = Math.atan2(x, -z);
  const pitch = Math.atan2(y, Math.hypot(x, z));
  return { u: 0.5 + yaw / (2 * Math.PI), v: 0.5 - pitch / Math.PI };
}
