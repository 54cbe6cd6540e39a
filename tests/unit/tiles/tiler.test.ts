// @vitest-environment node
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTiled, pyramidFor, tilePanorama, tilingHash } from '../../../lib/tiler';
import { FACES, faceToDirection, PREVIEW_GRID, type Face } from '../../../src/viewer/panorama/format/cube';
import { parseManifest, tilePath, type TileManifest } from '../../../src/viewer/panorama/format/manifest';
import { tilePixelSize, tilesPerSide } from '../../../src/viewer/panorama/format/pyramid';

/** A colour for every direction that varies smoothly over the whole sphere (no seam, no pole). */
function colourOf(d: readonly number[]): [number, number, number] {
  const n = Math.hypot(d[0]!, d[1]!, d[2]!);
  return [128 + 120 * (d[0]! / n), 128 + 120 * (d[1]! / n), 128 + 120 * (d[2]! / n)];
}

let dir: string;
let master: string;
let manifest: TileManifest;
const W = 2048;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tiler-'));
  // An equirectangular master drawn from colourOf: pixel (x, y) looks at yaw x/W·360 − 180, pitch 90 − y/H·180.
  const H = W / 2;
  const raw = Buffer.alloc(W * H * 3);
  for (let y = 0; y < H; y++) {
    const pitch = (0.5 - (y + 0.5) / H) * Math.PI;
    for (let x = 0; x < W; x++) {
      const yaw = ((x + 0.5) / W - 0.5) * 2 * Math.PI;
      const c = colourOf([Math.sin(yaw) * Math.cos(pitch), Math.sin(pitch), -Math.cos(yaw) * Math.cos(pitch)]);
      raw.set(c.map(Math.round), (y * W + x) * 3);
    }
  }
  master = path.join(dir, 'master.png');
  await sharp(raw, { raw: { width: W, height: H, channels: 3 } }).png().toFile(master);
  manifest = await tilePanorama(master, path.join(dir, 'pano', 'test'), path.join(dir, 'preview', 'test.jpg'));
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the tile pyramid for a master', () => {
  it('keeps the master’s resolution at the largest level and halves down to the preview', () => {
    expect(pyramidFor(8192).levels).toEqual([640, 1280, 2560]);
    expect(pyramidFor(6144).levels).toEqual([512, 1024, 2048]);
    expect(pyramidFor(4096).levels).toEqual([640, 1280]);
    expect(pyramidFor(2048).levels).toEqual([384, 768]);
    expect(pyramidFor(1024).levels).toEqual([]);
    // width/π, to the nearest 256 px.
    for (const width of [2048, 4096, 6144, 8192, 12000]) {
      const { levels } = pyramidFor(width);
      expect(Math.abs(levels.at(-1)! - width / Math.PI)).toBeLessThanOrEqual(128);
    }
  });
});

describe('the tiler', () => {
  it('writes a manifest the viewer accepts', () => {
    const file = JSON.parse(readFileSync(path.join(dir, 'pano', 'test', 'tiles.json'), 'utf8'));
    expect(parseManifest(file)).toEqual(manifest);
    expect(manifest).toMatchObject({ type: 'cube', tileSize: 512, levels: [384, 768], previewFaceSize: 256, master: { width: 2048, height: 1024 } });
  });

  it('writes every tile of every level, no more, each of the size the pyramid says', async () => {
    let expected = 0;
    for (let level = 0; level < manifest.levels.length; level++) {
      const n = tilesPerSide(manifest, level);
      const files = readdirSync(path.join(dir, 'pano', 'test', String(manifest.levels[level])));
      expect(files).toHaveLength(6 * n * n);
      expected += 6 * n * n;
      for (const face of FACES) {
        for (let row = 0; row < n; row++) {
          for (let col = 0; col < n; col++) {
            const tile = { face, level, row, col };
            const meta = await sharp(path.join(dir, 'pano', 'test', tilePath(manifest, tile))).metadata();
            expect({ width: meta.width, height: meta.height }).toEqual(tilePixelSize(manifest, tile));
          }
        }
      }
    }
    expect(expected).toBe(6 * (1 + 4)); // 384: one tile a face; 768: 2 × 2 (512 + 256)
  });

  it('writes a preview of the six faces, 256 px each, a few kilobytes', async () => {
    const file = path.join(dir, 'preview', 'test.jpg');
    const meta = await sharp(file).metadata();
    expect([meta.width, meta.height]).toEqual([768, 512]);
    expect(readFileSync(file).length).toBeLessThan(40_000);
  });

  /** Mean colour error of a tile against the master, at every 7th pixel. */
  async function tileError(face: Face, level: number, row: number, col: number) {
    const tile = { face, level, row, col };
    const { data, info } = await sharp(path.join(dir, 'pano', 'test', tilePath(manifest, tile))).raw().toBuffer({ resolveWithObject: true });
    const size = manifest.levels[level]!;
    let sum = 0;
    let n = 0;
    for (let y = 0; y < info.height; y += 7) {
      for (let x = 0; x < info.width; x += 7) {
        const a = (2 * (col * 512 + x + 0.5)) / size - 1;
        const b = (2 * (row * 512 + y + 0.5)) / size - 1;
        const want = colourOf(faceToDirection(face, a, b));
        const i = (y * info.width + x) * info.channels;
        for (let k = 0; k < 3; k++) sum += Math.abs(data[i + k]! - want[k]!);
        n += 3;
      }
    }
    return sum / n;
  }

  it('puts in each tile the part of the master that lies in its direction', async () => {
    for (const face of FACES) {
      expect(await tileError(face, 1, 0, 1)).toBeLessThan(2.5);
      expect(await tileError(face, 1, 1, 0)).toBeLessThan(2.5);
      expect(await tileError(face, 0, 0, 0)).toBeLessThan(2.5);
    }
  });

  it('lays the preview’s faces out in the grid the viewer reads', async () => {
    const { data, info } = await sharp(path.join(dir, 'preview', 'test.jpg')).raw().toBuffer({ resolveWithObject: true });
    for (const face of FACES) {
      const { col, row } = PREVIEW_GRID[face];
      const x = col * 256 + 128;
      const y = row * 256 + 128;
      const i = (y * info.width + x) * info.channels;
      const want = colourOf(faceToDirection(face, 1 / 256, 1 / 256));
      for (let k = 0; k < 3; k++) expect(Math.abs(data[i + k]! - want[k]!)).toBeLessThan(6);
    }
  });

  it('knows when a master is tiled already, and when its bytes change', () => {
    const hash = tilingHash(master);
    expect(hash).toBe(manifest.hash);
    expect(isTiled(path.join(dir, 'pano', 'test'), path.join(dir, 'preview', 'test.jpg'), hash)).toBe(true);
    const copy = path.join(dir, 'changed.png');
    writeFileSync(copy, Buffer.concat([readFileSync(master), Buffer.from([0])]));
    expect(tilingHash(copy)).not.toBe(hash);
    expect(isTiled(path.join(dir, 'pano', 'missing'), path.join(dir, 'preview', 'test.jpg'), hash)).toBe(false);
  });

  it('refuses a master that is not 2:1', async () => {
    const square = path.join(dir, 'square.png');
    await sharp({ create: { width: 64, height: 64, channels: 3, background: '#888' } }).png().toFile(square);
    await expect(tilePanorama(square, path.join(dir, 'pano', 'sq'), path.join(dir, 'preview', 'sq.jpg'))).rejects.toThrow(/2:1/);
  });
});
