/**
 * The tile pyramid of a cube panorama, and which of its tiles a view needs.
 *
 * Level −1 is the preview: all six faces, small, in one image (cube.ts PREVIEW_GRID). Levels 0…n−1
 * are square tiles of `tileSize` pixels (the last row and column of a face may be narrower); each
 * level's faces are twice the size of the level below, so a tile lies inside exactly one tile of
 * every lower level — the one drawn, stretched, until the tile itself arrives.
 */
import type { View } from '../../../content/schema';
import { DEG, effectiveFov } from '../../viewMath';
import { FACES, PREVIEW_COLS, PREVIEW_GRID, PREVIEW_ROWS, faceToDirection, type Face } from './cube';

export interface TilePyramid {
  tileSize: number;
  /** Face sizes of the tile levels in pixels, smallest first; each is half the next. */
  levels: readonly number[];
  /** Face size of the preview in pixels. */
  previewFaceSize: number;
}

export const PREVIEW_LEVEL = -1;

export interface TileId {
  face: Face;
  /** PREVIEW_LEVEL, or an index into `levels`. */
  level: number;
  row: number;
  col: number;
}

/** A rectangle on a face, in face coordinates (cube.ts): a to the right, b downwards, both −1…1. */
export interface FaceRect {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

/**
 * A level within this fraction below what the screen needs still counts as matching it: loading
 * four times the pixels to gain a few per cent of sharpness is a bad trade on a slow network.
 */
export const LEVEL_TOLERANCE = 0.1;

export const tileKey = (t: TileId) => `${t.level}/${t.face}${t.row}_${t.col}`;

export const faceSizeOf = (p: TilePyramid, level: number) => (level < 0 ? p.previewFaceSize : (p.levels[level] ?? 0));

export const tilesPerSide = (p: TilePyramid, level: number) => (level < 0 ? 1 : Math.ceil(faceSizeOf(p, level) / p.tileSize));

/** The size in pixels of a tile's image (edge tiles are narrower). */
export function tilePixelSize(p: TilePyramid, t: TileId): { width: number; height: number } {
  const size = faceSizeOf(p, t.level);
  if (t.level < 0) return { width: size, height: size };
  const span = (i: number) => Math.min(size, (i + 1) * p.tileSize) - i * p.tileSize;
  return { width: span(t.col), height: span(t.row) };
}

/** Where a tile lies on its face. */
export function tileRect(p: TilePyramid, t: TileId): FaceRect {
  if (t.level < 0) return { a0: -1, a1: 1, b0: -1, b1: 1 };
  const size = faceSizeOf(p, t.level);
  const edge = (px: number) => (2 * Math.min(px, size)) / size - 1;
  return {
    a0: edge(t.col * p.tileSize),
    a1: edge((t.col + 1) * p.tileSize),
    b0: edge(t.row * p.tileSize),
    b1: edge((t.row + 1) * p.tileSize),
  };
}

/** The tile of a lower level (or the preview) that holds this tile's area. */
export function ancestorAt(t: TileId, level: number): TileId {
  if (level < 0) return { face: t.face, level: PREVIEW_LEVEL, row: 0, col: 0 };
  const shift = t.level - level;
  return { face: t.face, level, row: t.row >> shift, col: t.col >> shift };
}

/**
 * The face size that shows one image pixel per screen pixel at the centre of the view: there a
 * face of size S has S/2 pixels per unit of tangent, and the screen has (width/2)/tan(hfov/2).
 */
export function requiredFaceSize(view: View, width: number, height: number, pixelRatio = 1): number {
  const { h } = effectiveFov(view.fov, width, height);
  return (Math.max(width, 1) * pixelRatio) / Math.tan((h / 2) * DEG);
}

/** The smallest level that matches the screen's resolution at this view, or the largest there is. */
export function selectLevel(p: TilePyramid, view: View, width: number, height: number, pixelRatio = 1): number {
  const needed = requiredFaceSize(view, width, height, pixelRatio) * (1 - LEVEL_TOLERANCE);
  if (p.previewFaceSize >= needed || p.levels.length === 0) return PREVIEW_LEVEL;
  const index = p.levels.findIndex((size) => size >= needed);
  return index === -1 ? p.levels.length - 1 : index;
}

type P3 = [number, number, number];

/** Turns a world direction into camera space (the camera looks down −Z): undo yaw, then pitch. */
function toCamera(view: View): (d: readonly number[]) => P3 {
  const cy = Math.cos(view.yaw * DEG);
  const sy = Math.sin(view.yaw * DEG);
  const cp = Math.cos(view.pitch * DEG);
  const sp = Math.sin(view.pitch * DEG);
  return ([x = 0, y = 0, z = 0]) => {
    const x1 = x * cy + z * sy;
    const z1 = -x * sy + z * cy;
    return [x1, y * cp + z1 * sp, -y * sp + z1 * cp];
  };
}

/** Clips a convex polygon by the half-space n·p ≥ 0 (Sutherland–Hodgman). */
function clip(polygon: P3[], n: P3): P3[] {
  const out: P3[] = [];
  for (let i = 0; i < polygon.length; i++) {
    const p = polygon[i]!;
    const q = polygon[(i + 1) % polygon.length]!;
    const dp = n[0] * p[0] + n[1] * p[1] + n[2] * p[2];
    const dq = n[0] * q[0] + n[1] * q[1] + n[2] * q[2];
    if (dp >= 0) out.push(p);
    if (dp >= 0 !== dq >= 0) {
      const t = dp / (dp - dq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1]), p[2] + t * (q[2] - p[2])]);
    }
  }
  return out;
}

/**
 * The tiles of a level that show in a view, nearest the view's centre first. Exact for the
 * rectilinear view: a tile is a flat quad on the cube and the view a pyramid, so a tile is visible
 * when what is left of it after clipping by the pyramid's four sides is not empty. `margin` scales
 * the view's width and height; a hair under 1 leaves out tiles that only touch its edge (a view
 * facing a face squarely would otherwise fetch a column of tiles from each neighbouring face).
 */
export function visibleTiles(p: TilePyramid, level: number, view: View, width: number, height: number, margin = 1 - 1e-4): TileId[] {
  const fov = effectiveFov(view.fov, width, height);
  const tx = Math.tan((fov.h / 2) * DEG) * margin;
  const ty = Math.tan((fov.v / 2) * DEG) * margin;
  const planes: P3[] = [
    [1, 0, -tx],
    [-1, 0, -tx],
    [0, 1, -ty],
    [0, -1, -ty],
  ];
  const cam = toCamera(view);
  const sees = (rect: FaceRect, face: Face) => {
    let poly: P3[] = [
      cam(faceToDirection(face, rect.a0, rect.b0)),
      cam(faceToDirection(face, rect.a1, rect.b0)),
      cam(faceToDirection(face, rect.a1, rect.b1)),
      cam(faceToDirection(face, rect.a0, rect.b1)),
    ];
    for (const plane of planes) {
      poly = clip(poly, plane);
      if (poly.length === 0) return false;
    }
    return true;
  };
  const found: { tile: TileId; cos: number }[] = [];
  const n = tilesPerSide(p, level);
  for (const face of FACES) {
    if (!sees({ a0: -1, a1: 1, b0: -1, b1: 1 }, face)) continue;
    for (let row = 0; row < n; row++) {
      for (let col = 0; col < n; col++) {
        const tile = { face, level, row, col };
        const rect = tileRect(p, tile);
        if (!sees(rect, face)) continue;
        const c = cam(faceToDirection(face, (rect.a0 + rect.a1) / 2, (rect.b0 + rect.b1) / 2));
        found.push({ tile, cos: -c[2] / Math.hypot(c[0], c[1], c[2]) });
      }
    }
  }
  return found.sort((x, y) => y.cos - x.cos).map((f) => f.tile);
}

/** What to draw for one area of the screen: a tile's area, from the best image at hand. */
export interface DrawItem {
  area: TileId;
  /** The tile (or preview) whose image is drawn; `area` itself once it has arrived. */
  source: TileId;
  /** The part of the source image that covers `area`: u0, v0, u1, v1 with v downwards. */
  uv: [number, number, number, number];
}

/** The part of a preview image (all faces in a grid) that covers `rect` of `face`, inset half a pixel at the face's edges. */
export function previewUv(p: TilePyramid, face: Face, rect: FaceRect): [number, number, number, number] {
  const { col, row } = PREVIEW_GRID[face];
  const half = 0.5 / p.previewFaceSize;
  const inset = (t: number) => Math.min(1 - half, Math.max(half, t));
  const u = (a: number) => (col + inset((a + 1) / 2)) / PREVIEW_COLS;
  const v = (b: number) => (row + inset((b + 1) / 2)) / PREVIEW_ROWS;
  return [u(rect.a0), v(rect.b0), u(rect.a1), v(rect.b1)];
}

/**
 * For each area, the best image that has arrived: the tile itself, else the nearest lower level
 * that has, else the preview. `complete` says every area shows its own tile.
 */
export function planDraw(p: TilePyramid, areas: readonly TileId[], has: (source: TileId) => boolean): { items: DrawItem[]; complete: boolean } {
  const items: DrawItem[] = [];
  let complete = true;
  for (const area of areas) {
    const rect = tileRect(p, area);
    let found: DrawItem | null = null;
    for (let level = area.level; level >= PREVIEW_LEVEL && !found; level--) {
      const source = ancestorAt(area, level);
      if (!has(source)) continue;
      if (level < 0) {
        found = { area, source, uv: previewUv(p, area.face, rect) };
      } else {
        const s = tileRect(p, source);
        const u = (a: number) => (a - s.a0) / (s.a1 - s.a0);
        const v = (b: number) => (b - s.b0) / (s.b1 - s.b0);
        found = { area, source, uv: [u(rect.a0), v(rect.b0), u(rect.a1), v(rect.b1)] };
      }
    }
    if (!found || found.source.level !== area.level) complete = false;
    if (found) items.push(found);
  }
  return { items, complete };
}
