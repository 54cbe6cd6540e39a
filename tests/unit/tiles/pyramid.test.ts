import { describe, expect, it } from 'vitest';
import { directionToEquirect, directionToFace, faceToDirection, FACES } from '../../../src/viewer/panorama/format/cube';
import {
  ancestorAt,
  planDraw,
  PREVIEW_LEVEL,
  requiredFaceSize,
  selectLevel,
  tileKey,
  tilePixelSize,
  tileRect,
  visibleTiles,
  type TileId,
  type TilePyramid,
} from '../../../src/viewer/panorama/format/pyramid';
import { direction, DEG, effectiveFov } from '../../../src/viewer/viewMath';

/** The pyramid the tiler makes of an 8192 × 4096 master. */
const P: TilePyramid = { tileSize: 512, levels: [640, 1280, 2560], previewFaceSize: 256 };
const view = (yaw: number, pitch: number, fov: number) => ({ yaw, pitch, fov });
const keys = (tiles: TileId[]) => tiles.map(tileKey);

/** The tile a screen pixel shows: cast a ray through it, as the renderer's camera does. */
function tileAtPixel(p: TilePyramid, level: number, v: ReturnType<typeof view>, w: number, h: number, x: number, y: number): string {
  const fov = effectiveFov(v.fov, w, h);
  const cx = ((2 * x) / w - 1) * Math.tan((fov.h / 2) * DEG);
  const cy = (1 - (2 * y) / h) * Math.tan((fov.v / 2) * DEG);
  // Camera to world: pitch about X, then yaw about Y (the inverse of viewMath's projectToScreen).
  const cp = Math.cos(v.pitch * DEG);
  const sp = Math.sin(v.pitch * DEG);
  const y1 = cy * cp - -1 * sp;
  const z1 = cy * sp + -1 * cp;
  const c = Math.cos(v.yaw * DEG);
  const s = Math.sin(v.yaw * DEG);
  const d: [number, number, number] = [cx * c - z1 * s, y1, cx * s + z1 * c];
  const { face, a, b } = directionToFace(d);
  const size = level < 0 ? p.previewFaceSize : p.levels[level]!;
  const px = Math.min(size - 1, Math.floor(((a + 1) / 2) * size));
  const py = Math.min(size - 1, Math.floor(((b + 1) / 2) * size));
  const n = level < 0 ? size : p.tileSize;
  return tileKey({ face, level, row: Math.floor(py / n), col: Math.floor(px / n) });
}

describe('cube faces', () => {
  it('puts yaw 0 at the centre of the front face and turns right towards the right face', () => {
    const centre = directionToFace(direction(0, 0));
    expect(centre.face).toBe('f');
    expect(centre.a).toBeCloseTo(0, 12);
    expect(centre.b).toBeCloseTo(0, 12);
    expect(directionToFace(direction(90, 0)).face).toBe('r');
    expect(directionToFace(direction(180, 0)).face).toBe('b');
    expect(directionToFace(direction(-90, 0)).face).toBe('l');
    expect(directionToFace(direction(0, 80)).face).toBe('u');
    expect(directionToFace(direction(0, -80)).face).toBe('d');
    // A little right of centre is a little right on the face; a little up is a little up (b < 0).
    const { a, b } = directionToFace(direction(10, 5));
    expect(a).toBeGreaterThan(0);
    expect(b).toBeLessThan(0);
  });

  it('maps a face point to a direction and back', () => {
    for (const face of FACES) {
      for (const [a, b] of [
        [0, 0],
        [0.5, -0.25],
        [-0.9, 0.9],
      ] as const) {
        const back = directionToFace(faceToDirection(face, a, b));
        expect(back.face).toBe(face);
        expect(back.a).toBeCloseTo(a, 12);
        expect(back.b).toBeCloseTo(b, 12);
      }
    }
  });

  it('agrees with the equirectangular image: yaw 0 is its centre column, the zenith its top row', () => {
    expect(directionToEquirect(direction(0, 0))).toEqual({ u: 0.5, v: 0.5 });
    expect(directionToEquirect(direction(90, 0)).u).toBeCloseTo(0.75, 12);
    expect(directionToEquirect(direction(-90, 45))).toEqual({ u: 0.25, v: 0.25 });
  });
});

describe('tile geometry', () => {
  it('cuts a face into tiles of tileSize pixels, narrower at the last row and column', () => {
    expect(tilePixelSize(P, { face: 'f', level: 1, row: 0, col: 0 })).toEqual({ width: 512, height: 512 });
    expect(tilePixelSize(P, { face: 'f', level: 1, row: 2, col: 1 })).toEqual({ width: 512, height: 256 });
    expect(tilePixelSize(P, { face: 'f', level: PREVIEW_LEVEL, row: 0, col: 0 })).toEqual({ width: 256, height: 256 });
    const r = tileRect(P, { face: 'f', level: 1, row: 2, col: 2 });
    expect([r.a0, r.a1, r.b0, r.b1].map((x) => +x.toFixed(12))).toEqual([0.6, 1, 0.6, 1]);
  });

  it('finds the tile of a lower level that holds a tile', () => {
    const t = { face: 'r' as const, level: 2, row: 4, col: 3 };
    expect(ancestorAt(t, 1)).toEqual({ face: 'r', level: 1, row: 2, col: 1 });
    expect(ancestorAt(t, 0)).toEqual({ face: 'r', level: 0, row: 1, col: 0 });
    expect(ancestorAt(t, PREVIEW_LEVEL)).toEqual({ face: 'r', level: PREVIEW_LEVEL, row: 0, col: 0 });
    // …and the ancestor's area contains the tile's.
    const inner = tileRect(P, t);
    const outer = tileRect(P, ancestorAt(t, 0));
    expect(outer.a0).toBeLessThanOrEqual(inner.a0);
    expect(outer.a1).toBeGreaterThanOrEqual(inner.a1);
    expect(outer.b0).toBeLessThanOrEqual(inner.b0);
    expect(outer.b1).toBeGreaterThanOrEqual(inner.b1);
  });
});

describe('the level a view needs', () => {
  it('matches the screen: 1280 px across 90° needs faces of 1280 px', () => {
    expect(requiredFaceSize(view(0, 0, 90), 1280, 720)).toBeCloseTo(1280, 6);
    expect(P.levels[selectLevel(P, view(0, 0, 90), 1280, 720)]).toBe(1280);
  });

  it('goes up a level when zooming in or on a denser screen, and never past the largest', () => {
    expect(P.levels[selectLevel(P, view(0, 0, 60), 1280, 720)]).toBe(2560);
    expect(P.levels[selectLevel(P, view(0, 0, 90), 1280, 720, 2)]).toBe(2560);
    expect(P.levels[selectLevel(P, view(0, 0, 30), 1920, 1080, 2)]).toBe(2560);
  });

  it('takes a level within 10 % below the need rather than one four times the pixels', () => {
    // 85° needs 1397 px faces; 1280 is 8 % short of that.
    expect(P.levels[selectLevel(P, view(0, 0, 85), 1280, 720)]).toBe(1280);
    expect(P.levels[selectLevel(P, view(0, 0, 75), 1280, 720)]).toBe(2560);
  });

  it('makes do with the preview in a tiny viewer', () => {
    expect(selectLevel(P, view(0, 0, 110), 200, 120)).toBe(PREVIEW_LEVEL);
  });
});

describe('the tiles a view needs', () => {
  it('facing the front face squarely at 90°, needs just the six front tiles across the middle, centre first', () => {
    const tiles = visibleTiles(P, 1, view(0, 0, 90), 1280, 720);
    expect(keys(tiles).sort()).toEqual(['1/f0_0', '1/f0_1', '1/f0_2', '1/f1_0', '1/f1_1', '1/f1_2']);
    expect(tileKey(tiles[0]!)).toBe('1/f1_1');
  });

  it('turning right 90° needs the right face; looking straight up, the up face', () => {
    expect(new Set(visibleTiles(P, 1, view(90, 0, 90), 1280, 720).map((t) => t.face))).toEqual(new Set(['r']));
    expect(new Set(visibleTiles(P, 1, view(0, 90, 90), 1280, 720).map((t) => t.face))).toEqual(new Set(['u']));
  });

  it('sorts by distance from the centre of the view', () => {
    const v = view(30, 20, 100);
    const tiles = visibleTiles(P, 2, v, 1280, 720);
    const angle = (t: TileId) => {
      const r = tileRect(P, t);
      const d = faceToDirection(t.face, (r.a0 + r.a1) / 2, (r.b0 + r.b1) / 2);
      const c = direction(v.yaw, v.pitch);
      return (d[0] * c[0] + d[1] * c[1] + d[2] * c[2]) / Math.hypot(...d);
    };
    for (let i = 1; i < tiles.length; i++) expect(angle(tiles[i - 1]!)).toBeGreaterThanOrEqual(angle(tiles[i]!));
  });

  it('covers every pixel of the screen and nothing far from it, for any view and screen', () => {
    const screens = [
      [1280, 720],
      [390, 844],
    ] as const;
    const views = [view(0, 0, 90), view(37, 12, 70), view(-150, -60, 110), view(179, 89, 40), view(-45, 45, 100), view(10, -90, 30)];
    for (const [w, h] of screens) {
      for (const v of views) {
        for (const level of [PREVIEW_LEVEL, 0, 1, 2]) {
          const found = new Set(keys(visibleTiles(P, level, v, w, h)));
          const seen = new Set<string>();
          for (let y = 0.5; y < h; y += h / 40) {
            for (let x = 0.5; x < w; x += w / 40) seen.add(tileAtPixel(P, level, v, w, h, x, y));
          }
          for (const k of seen) expect(found, `${k} at ${JSON.stringify(v)} on ${w}×${h}`).toContain(k);
          // Sampling 1600 pixels misses only tiles that show as thin slivers: never more than a few.
          expect(found.size - seen.size).toBeLessThanOrEqual(Math.max(2, seen.size * 0.5));
        }
      }
    }
  });
});

describe('what to draw', () => {
  const areas = visibleTiles(P, 1, view(0, 0, 90), 1280, 720);
  const preview = { face: 'f' as const, level: PREVIEW_LEVEL, row: 0, col: 0 };
  const isPreview = (t: TileId) => t.level === PREVIEW_LEVEL;

  it('draws nothing before anything has arrived', () => {
    expect(planDraw(P, areas, () => false)).toEqual({ items: [], complete: false });
  });

  it('stretches the preview over every area until tiles arrive, reading the right face from its grid', () => {
    const { items, complete } = planDraw(P, areas, isPreview);
    expect(complete).toBe(false);
    expect(items).toHaveLength(areas.length);
    expect(items.every((i) => i.source.level === PREVIEW_LEVEL && i.source.face === 'f')).toBe(true);
    // The front face is the top left third of the grid; tile f1_1 covers a = b = −0.2…0.6 of it.
    const centre = items.find((i) => tileKey(i.area) === '1/f1_1')!;
    const [u0, v0, u1, v1] = centre.uv;
    expect(u0).toBeCloseTo(0.4 / 3, 6);
    expect(u1).toBeCloseTo(0.8 / 3, 6);
    expect(v0).toBeCloseTo(0.4 / 2, 6);
    expect(v1).toBeCloseTo(0.8 / 2, 6);
    expect(tileKey(preview)).toBe('-1/f0_0');
  });

  it('uses a tile once it has arrived, and a lower level’s tile (its quarter) before that', () => {
    const loaded = new Set(['1/f1_1', '0/f0_0']);
    const { items, complete } = planDraw(P, areas, (t) => isPreview(t) || loaded.has(tileKey(t)));
    expect(complete).toBe(false);
    const own = items.find((i) => tileKey(i.area) === '1/f1_1')!;
    expect(tileKey(own.source)).toBe('1/f1_1');
    expect(own.uv).toEqual([0, 0, 1, 1]);
    // f0_0 at level 1 (pixels 0–512 of 1280) lies in f0_0 at level 0 (0–512 of 640): its top left 512/640.
    const fromParent = items.find((i) => tileKey(i.area) === '1/f0_0')!;
    expect(tileKey(fromParent.source)).toBe('0/f0_0');
    expect(fromParent.uv.map((x) => +x.toFixed(6))).toEqual([0, 0, 0.5, 0.5]);
  });

  it('is complete when every area shows its own tile', () => {
    expect(planDraw(P, areas, (t) => t.level === 1).complete).toBe(true);
  });
});
