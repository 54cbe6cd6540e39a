/**
 * A tiled panorama on the server, as lib/tiler.ts writes it:
 *   <dir>/tiles.json                     this manifest
 *   <dir>/<faceSize>/<face><row>_<col>.jpg  the tiles of each level (cube.ts names the faces)
 * The preview (all six faces in one small image) lives apart, so a page can ask for it before it
 * knows anything else.
 */
import type { TileId, TilePyramid } from './pyramid';
import { faceSizeOf } from './pyramid';

export const MANIFEST_FILE = 'tiles.json';
export const MANIFEST_VERSION = 1;

export interface TileManifest extends TilePyramid {
  version: typeof MANIFEST_VERSION;
  type: 'cube';
  /** Changes whenever the tiles do; added to tile URLs so caches never mix two tilings. */
  hash: string;
  /** The master's size, for information. */
  master: { width: number; height: number };
}

/** The path of a tile, relative to the manifest's folder. */
export const tilePath = (p: TilePyramid, t: TileId) => `${faceSizeOf(p, t.level)}/${t.face}${t.row}_${t.col}.jpg`;

/** The URL of a tile of the panorama whose manifest is at `manifestUrl`. */
export function tileUrl(manifestUrl: string, m: TileManifest, t: TileId): string {
  const dir = manifestUrl.slice(0, manifestUrl.lastIndexOf('/') + 1);
  return `${dir}${tilePath(m, t)}?v=${m.hash}`;
}

const isSize = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n > 0 && n <= 65536;

/** Checks what the server sent; a wrong manifest is an error, not a broken view. */
export function parseManifest(json: unknown): TileManifest {
  const m = json as Partial<TileManifest> | null;
  const fail = (why: string): never => {
    throw new Error(`bad tile manifest: ${why}`);
  };
  if (!m || typeof m !== 'object') fail('not an object');
  if (m!.version !== MANIFEST_VERSION || m!.type !== 'cube') fail(`unsupported version or type`);
  if (!isSize(m!.tileSize) || !isSize(m!.previewFaceSize)) fail('tileSize and previewFaceSize must be positive integers');
  const levels = m!.levels;
  if (!Array.isArray(levels) || !levels.every(isSize)) fail('levels must be positive integers');
  levels!.forEach((size, i) => {
    if (i > 0 && size !== levels![i - 1]! * 2) fail('each level must be twice the one below');
  });
  if (typeof m!.hash !== 'string' || !/^[\w-]+$/.test(m!.hash)) fail('hash must be a word');
  return m as TileManifest;
}
