/**
 * What the benchmark measures: the master of the tour's first stop (yubei-main-gate), and the app
 * built with that master tiled. The master is used as it is when it is 8192 px wide. When it is
 * smaller (the first placeholders were 4096 wide), or with `--photo`, an 8192 × 4096 test master is
 * made from it at run time — upscaled if need be, with a film grain so that it weighs what a
 * photograph of that size does (~5.8 MB; a baked rendering weighs 1–1.5 MB) — and never committed.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { build } from 'vite';
import { masterName } from '../src/content/images';
import { readContent } from '../lib/content';
import { deriveImages } from '../lib/images';
import { isTiled, tilePanorama, tilingHash } from '../lib/tiler';

export interface Prepared {
  appDir: string;
  master: { path: string; width: number; height: number; bytes: number; synthetic: boolean; source: string };
  /** The stop whose master is measured, and the content the app was built with. */
  campusId: string;
  stopId: string;
  stops: { campusId: string; stopId: string }[];
  link: { id: string; target: string; yaw: number; pitch: number };
}

const TARGET_WIDTH = 8192;

async function syntheticMaster(source: string, out: string): Promise<string> {
  const file = path.join(out, `photo-master-${TARGET_WIDTH}.jpg`);
  const stamp = path.join(out, `photo-master-${TARGET_WIDTH}.json`);
  const key = `${tilingHash(source)}:v1`;
  if (existsSync(file) && existsSync(stamp) && readFileSync(stamp, 'utf8') === key) return file;
  const W = TARGET_WIDTH;
  const H = W / 2;
  const grain = await sharp({ create: { width: W, height: H, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 7.5 } } })
    .raw()
    .toBuffer();
  await sharp(source)
    .resize(W, H, { kernel: 'lanczos3' })
    .composite([{ input: grain, raw: { width: W, height: H, channels: 3 }, blend: 'overlay' }])
    .jpeg({ quality: 90 })
    .toFile(file);
  writeFileSync(stamp, key);
  return file;
}

export async function prepare(root: string, out: string, log: (line: string) => void, options: { photo?: boolean } = {}): Promise<Prepared> {
  mkdirSync(out, { recursive: true });
  const content = readContent(root);
  const campus = content.campuses[0]!;
  const stop = campus.stops.find((s) => s.id === campus.firstStop)!;
  const link = stop.hotspots.find((h) => h.kind === 'link');
  if (!link || link.kind !== 'link') throw new Error(`${campus.id}/${stop.id} has no link hotspot to follow`);
  const name = masterName(stop.panorama.master);
  const source = path.join(root, 'assets', stop.panorama.master);
  const meta = await sharp(source).metadata();
  let masterPath = source;
  let synthetic = false;
  if ((meta.width ?? 0) < TARGET_WIDTH || options.photo) {
    log(`bench: ${stop.panorama.master} is ${meta.width}×${meta.height}; making an ${TARGET_WIDTH}×${TARGET_WIDTH / 2} test master of a photograph's weight from it`);
    masterPath = await syntheticMaster(source, out);
    synthetic = true;
  }
  const m = await sharp(masterPath).metadata();

  log('bench: deriving images and building the app…');
  await deriveImages(root);
  const appDir = path.join(out, 'app');
  // The benchmark drives the store (window.__visitStore), which only a build with test hooks has.
  process.env.VITE_TEST_HOOKS = '1';
  await build({ root, logLevel: 'warn', build: { outDir: appDir, emptyOutDir: true } });

  // The measured stop gets the measured master's tiles.
  const hash = tilingHash(masterPath);
  const tilesDir = path.join(out, 'tiles', hash, name);
  const previewPath = path.join(out, 'tiles', hash, `${name}-preview.jpg`);
  if (!isTiled(tilesDir, previewPath, hash)) {
    log(`bench: tiling the ${m.width}×${m.height} master…`);
    await tilePanorama(masterPath, tilesDir, previewPath, hash);
  }
  rmSync(path.join(appDir, 'generated', 'pano', name), { recursive: true, force: true });
  cpSync(tilesDir, path.join(appDir, 'generated', 'pano', name), { recursive: true });
  cpSync(previewPath, path.join(appDir, 'generated', 'preview', `${name}.jpg`));

  return {
    appDir,
    master: { path: masterPath, width: m.width ?? 0, height: m.height ?? 0, bytes: statSync(masterPath).size, synthetic, source: stop.panorama.master },
    campusId: campus.id,
    stopId: stop.id,
    stops: content.campuses.flatMap((c) => c.stops.map((s) => ({ campusId: c.id, stopId: s.id }))),
    link: { id: link.id, target: link.target, yaw: link.yaw, pitch: link.pitch },
  };
}
