/**
 * The geometry of one draw item (format/pyramid.ts): the flat quad of its area on the cube, with the
 * texture coordinates of its source image, cut back to the part that lies in front of the eye.
 *
 * Why the cut: a quad that reaches round to the side of the viewer can have a corner on the camera
 * plane, where clip-space w is 0. At yaw 0, 90, 180 and −90 the centre of each side face lies
 * exactly there, and it is a corner of tiles from the 1024 level up. The GL rules say such a
 * triangle is clipped at the near plane, and GPUs and Mesa's llvmpipe do that. SwiftShader
 * (Chromium's software WebGL) does not when |w| < ~1e-6. It paints a wedge of the screen in the
 * colour found at that corner: the black triangle and the flat seams seen in the library's sky
 * (README, "Software WebGL"). Handing the GPU only vertices well in front of the eye avoids this
 * on every renderer, and what is cut off could never be on screen anyway.
 */
import { faceToDirection, type Vec3 } from './format/cube';
import { faceSizeOf, tileRect, type DrawItem, type TilePyramid } from './format/pyramid';

/**
 * The least depth (distance along the view direction) a vertex may have. On the cube every point
 * lies at least 1 from the eye, and nothing on screen is more than 64° off the view's centre (the
 * widest view, a square one at 110°, reaches tan 55° · √2 ≈ tan 63.7°): whatever is on screen lies
 * at depth ≥ cos 63.7° ≈ 0.44. A cut at 0.2 therefore removes only what could not be seen.
 */
export const MIN_DEPTH = 0.2;

export interface QuadGeometry {
  /** xyz per vertex, on the cube of half-side 1 (grown a hair at face edges, see below). */
  position: Float32Array;
  /** uv per vertex in the source image, v downwards. */
  uv: Float32Array;
  /** Triangles, as a fan over the (convex) polygon. */
  index: number[];
}

type Corner = [a: number, b: number];

/**
 * The quad's corners in face coordinates. Where the area meets another face it reaches half a
 * pixel over the cube's edge: the tiles of two faces do not share vertices along that edge, and
 * without the overlap the rasterizer leaves single pixels uncovered where one face's tile corner
 * meets the other's edge.
 */
function corners(pyramid: TilePyramid, item: DrawItem): { poly: Corner[]; uvOf: (c: Corner) => [number, number] } {
  const r = tileRect(pyramid, item.area);
  const [u0, v0, u1, v1] = item.uv;
  const e = 1 / faceSizeOf(pyramid, item.area.level);
  const grow = (x: number) => (x <= -1 ? -e : x >= 1 ? e : 0);
  const a0 = r.a0 + grow(r.a0);
  const a1 = r.a1 + grow(r.a1);
  const b0 = r.b0 + grow(r.b0);
  const b1 = r.b1 + grow(r.b1);
  return {
    poly: [
      [a0, b0],
      [a1, b0],
      [a1, b1],
      [a0, b1],
    ],
    uvOf: ([a, b]) => [u0 + ((a - r.a0) / (r.a1 - r.a0)) * (u1 - u0), v0 + ((b - r.b0) / (r.b1 - r.b0)) * (v1 - v0)],
  };
}

const depthOf = (item: DrawItem, forward: Vec3) => ([a, b]: Corner) => {
  const d = faceToDirection(item.area.face, a, b);
  return d[0] * forward[0] + d[1] * forward[1] + d[2] * forward[2];
};

/** Whether some corner of the item's quad lies nearer the camera plane than MIN_DEPTH (or behind it), looking along `forward`. */
export function quadNeedsCut(pyramid: TilePyramid, item: DrawItem, forward: Vec3): boolean {
  const depth = depthOf(item, forward);
  return corners(pyramid, item).poly.some((c) => depth(c) < MIN_DEPTH);
}

/**
 * The item's quad; with `forward` (the unit view direction), only its part at depth ≥ MIN_DEPTH,
 * or null when no part is. Depth is affine in face coordinates, so the cut is exact and the
 * texture coordinates of the new corners follow from theirs.
 */
export function tileQuad(pyramid: TilePyramid, item: DrawItem, forward?: Vec3): QuadGeometry | null {
  const { poly, uvOf } = corners(pyramid, item);
  let kept = poly;
  if (forward) {
    const depth = depthOf(item, forward);
    kept = [];
    for (let i = 0; i < poly.length; i++) {
      const p = poly[i]!;
      const q = poly[(i + 1) % poly.length]!;
      const dp = depth(p) - MIN_DEPTH;
      const dq = depth(q) - MIN_DEPTH;
      if (dp >= 0) kept.push(p);
      if (dp >= 0 !== dq >= 0) {
        const t = dp / (dp - dq);
        kept.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
      }
    }
    if (kept.length < 3) return null;
  }
  const position = new Float32Array(kept.flatMap(([a, b]) => faceToDirection(item.area.face, a, b)));
  const uv = new Float32Array(kept.flatMap(uvOf));
  const index: number[] = [];
  for (let i = 1; i + 1 < kept.length; i++) index.push(0, i, i + 1);
  return { position, uv, index };
}
