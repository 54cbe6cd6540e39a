import { describe, expect, it } from 'vitest';
import { FACE_BASIS } from '../../../src/viewer/panorama/format/cube';
import { planDraw, visibleTiles, type DrawItem, type TilePyramid } from '../../../src/viewer/panorama/format/pyramid';
import { MIN_DEPTH, quadNeedsCut, tileQuad } from '../../../src/viewer/panorama/tileQuad';
import { direction } from '../../../src/viewer/viewMath';

/** The library's pyramid (a 6144 × 3072 master). */
const P: TilePyramid = { tileSize: 512, levels: [512, 1024, 2048], previewFaceSize: 256 };
const W = 877;
const H = 420;

/** What the renderer draws at a view and level, every tile at hand. */
function itemsAt(yaw: number, pitch: number, fov: number, level: number): DrawItem[] {
  return planDraw(P, visibleTiles(P, level, { yaw, pitch, fov }, W, H), () => true).items;
}

const depths = (position: Float32Array, forward: readonly number[]) => {
  const out: number[] = [];
  for (let i = 0; i < position.length; i += 3) out.push(position[i]! * forward[0]! + position[i + 1]! * forward[1]! + position[i + 2]! * forward[2]!);
  return out;
};

describe('tile quads', () => {
  it('has, uncut, a corner on the camera plane in the library sky view (yaw 180, pitch 35, fov 100)', () => {
    // The case SwiftShader paints as a flat wedge: the centre of the right face, beside the eye.
    const forward = direction(180, 35);
    const corners = itemsAt(180, 35, 100, 1).flatMap((item) => depths(tileQuad(P, item)!.position, forward));
    expect(Math.min(...corners.map(Math.abs))).toBeLessThan(1e-6);
  });

  it('hands the GPU no vertex nearer the camera plane than MIN_DEPTH, at views facing along an axis or between', () => {
    for (const yaw of [0, 45, 90, 135, 180, -90]) {
      for (const pitch of [-90, -35, 0, 35, 90]) {
        for (const fov of [90, 100, 110]) {
          for (const level of [0, 1, 2]) {
            const forward = direction(yaw, pitch);
            for (const item of itemsAt(yaw, pitch, fov, level)) {
              const quad = tileQuad(P, item, forward);
              if (!quad) continue;
              for (const d of depths(quad.position, forward)) expect(d).toBeGreaterThanOrEqual(MIN_DEPTH - 1e-6);
            }
          }
        }
      }
    }
  });

  it('keeps texture coordinates where the image has them on a cut quad', () => {
    const forward = direction(180, 35);
    const cut = itemsAt(180, 35, 100, 1).filter((item) => quadNeedsCut(P, item, forward));
    expect(cut.length).toBeGreaterThan(0);
    for (const item of cut) {
      const quad = tileQuad(P, item, forward)!;
      const [u0, v0, u1, v1] = item.uv;
      for (let i = 0; i < quad.position.length / 3; i++) {
        // The point's place on its face gives its place in the tile, and so its texture coordinate.
        const p = [quad.position[3 * i]!, quad.position[3 * i + 1]!, quad.position[3 * i + 2]!];
        const { centre, right, up } = FACE_BASIS[item.area.face];
        const dot = (v: readonly number[]) => p[0]! * v[0]! + p[1]! * v[1]! + p[2]! * v[2]!;
        const a = dot(right) / dot(centre);
        const b = -dot(up) / dot(centre);
        const s = 2 / (P.levels[item.area.level]! / P.tileSize);
        const ta = (a + 1 - item.area.col * s) / s;
        const tb = (b + 1 - item.area.row * s) / s;
        expect(quad.uv[2 * i]!).toBeCloseTo(u0 + ta * (u1 - u0), 3);
        expect(quad.uv[2 * i + 1]!).toBeCloseTo(v0 + tb * (v1 - v0), 3);
      }
    }
  });

  it('leaves a quad wholly in front of the eye as it is', () => {
    const forward = direction(20, 5);
    for (const item of itemsAt(20, 5, 60, 1)) {
      expect(quadNeedsCut(P, item, forward)).toBe(false);
      expect(tileQuad(P, item, forward)).toEqual(tileQuad(P, item));
    }
  });
});
