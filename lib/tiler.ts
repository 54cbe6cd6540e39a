/**
 * The tiler: turns each stop's equirectangular master (assets/panoramas/*.jpg, any 2:1 size) into
 *   public/generated/pano/<name>/tiles.json              the manifest (src/viewer/panorama/format/manifest.ts)
 *   public/generated/pano/<name>/<size>/<face><r>_<c>.jpg  a cube tile pyramid, 512 px tiles
 *   public/generated/preview/<name>.jpg                  all six faces, 256 px each, in one small image
 * Run by `npm run images` (so by every build) and on its own by `npm run tiles`. A master whose
 * bytes and tiling settings are unchanged (the manifest's hash says) is not tiled again. Masters
 * are tiled in child processes (lib/tilerChild.ts) when there are several to do.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { masterName } from '../src/content/images';
import { FACES, FACE_BASIS, PREVIEW_COLS, PREVIEW_GRID, PREVIEW_ROWS, type Face } from '../src/viewer/panorama/format/cube';
import { MANIFEST_FILE, MANIFEST_VERSION, tilePath, type TileManifest } from '../src/viewer/panorama/format/manifest';
import { tilePixelSize, tilesPerSide, type TilePyramid } from '../src/viewer/panorama/format/pyramid';
import { readContent } from './content';

/** Bump when the tiles change for the same master (size, quality, layout). */
const TILER_VERSION = 1;
export const TILE_SIZE = 512;
export const PREVIEW_FACE_SIZE = 256;
export const TILE_QUALITY = 80;
export const PREVIEW_QUALITY = 55;

/**
 * The pyramid for a master `width` pixels wide. The largest face keeps the master's resolution
 * at a face's centre (width/π, as Pannellum's and Marzipano's tools do), rounded to 256 so that
 * every level halves exactly; levels go down until the preview (256 px faces) would do as well.
 */
export function pyramidFor(width: number): TilePyramid {
  const top = 256 * Math.max(1, Math.round(width / Math.PI / 256));
  const levels: number[] = [];
  for (let size = top; size > PREVIEW_FACE_SIZE * 1.25; size /= 2) levels.unshift(size);
  return { tileSize: TILE_SIZE, levels, previewFaceSize: PREVIEW_FACE_SIZE };
}

interface Raw {
  data: Buffer;
  width: number;
  height: number;
}

/**
 * One cube face of `size` pixels, sampled from the equirectangular master (bilinear, wrapping
 * round the seam). Up and down faces take 2×2 samples a pixel: near the poles one face pixel spans
 * many master columns, and a single sample there would alias. (Hot loop: kept flat on purpose.)
 */
export function projectFace(master: Raw, face: Face, size: number): Buffer {
  const { data, width: W, height: H } = master;
  const out = Buffer.alloc(size * size * 3);
  const { centre: c, right: r, up: u } = FACE_BASIS[face];
  const n = face === 'u' || face === 'd' ? 2 : 1;
  const weight = 1 / (n * n);
  const kx = W / (2 * Math.PI);
  const ky = H / Math.PI;
  let acc0 = 0;
  let acc1 = 0;
  let acc2 = 0;
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      acc0 = acc1 = acc2 = 0;
      for (let sj = 0; sj < n; sj++) {
        const b = (2 * (j + (sj + 0.5) / n)) / size - 1;
        for (let si = 0; si < n; si++) {
          const a = (2 * (i + (si + 0.5) / n)) / size - 1;
          const x = c[0] + a * r[0] - b * u[0];
          const y = c[1] + a * r[1] - b * u[1];
          const z = c[2] + a * r[2] - b * u[2];
          const fx = (Math.atan2(x, -z) + Math.PI) * kx - 0.5;
          let fy = (Math.PI / 2 - Math.atan2(y, Math.sqrt(x * x + z * z))) * ky - 0.5;
          if (fy < 0) fy = 0;
          else if (fy > H - 1) fy = H - 1;
          const x0 = Math.floor(fx);
          const y0 = Math.floor(fy);
          const tx = fx - x0;
          const ty = fy - y0;
          const xa = x0 < 0 ? x0 + W : x0 >= W ? x0 - W : x0;
          const xb = xa + 1 === W ? 0 : xa + 1;
          const yb = y0 + 1 < H ? y0 + 1 : y0;
          const i00 = (y0 * W + xa) * 3;
          const i10 = (y0 * W + xb) * 3;
          const i01 = (yb * W + xa) * 3;
          const i11 = (yb * W + xb) * 3;
          const w00 = (1 - tx) * (1 - ty);
          const w10 = tx * (1 - ty);
          const w01 = (1 - tx) * ty;
          const w11 = tx * ty;
          acc0 += data[i00]! * w00 + data[i10]! * w10 + data[i01]! * w01 + data[i11]! * w11;
          acc1 += data[i00 + 1]! * w00 + data[i10 + 1]! * w10 + data[i01 + 1]! * w01 + data[i11 + 1]! * w11;
          acc2 += data[i00 + 2]! * w00 + data[i10 + 2]! * w10 + data[i01 + 2]! * w01 + data[i11 + 2]! * w11;
        }
      }
      const o = (j * size + i) * 3;
      out[o] = acc0 * weight + 0.5;
      out[o + 1] = acc1 * weight + 0.5;
      out[o + 2] = acc2 * weight + 0.5;
    }
  }
  return out;
}

const rawInput = (size: number) => ({ raw: { width: size, height: size, channels: 3 as const } });

/** Runs `jobs` with at most `limit` at a time. */
async function inBatches(jobs: (() => Promise<unknown>)[], limit: number) {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) await jobs[next++]!();
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
}

/** Hash of what the tiles depend on: the master's bytes and the tiler's settings. */
export function tilingHash(masterPath: string): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([TILER_VERSION, TILE_SIZE, PREVIEW_FACE_SIZE, TILE_QUALITY, PREVIEW_QUALITY]));
  hash.update(readFileSync(masterPath));
  return hash.digest('hex').slice(0, 16);
}

/** Whether `dir` holds the tiles of this hash, complete (the manifest is written last). */
export function isTiled(dir: string, previewPath: string, hash: string): boolean {
  const file = path.join(dir, MANIFEST_FILE);
  if (!existsSync(file) || !existsSync(previewPath)) return false;
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as TileManifest).hash === hash;
  } catch {
    return false;
  }
}

/**
 * Tiles one master into `dir` (replacing what was there) and writes its preview to `previewPath`.
 * Both are written aside and moved into place at the end, so an interrupted run, or two builds at
 * once, never leave a half-written pyramid behind.
 */
export async function tilePanorama(masterPath: string, dir: string, previewPath: string, hash = tilingHash(masterPath)): Promise<TileManifest> {
  const temp = `${dir}.tmp-${process.pid}`;
  const tempPreview = `${previewPath}.tmp-${process.pid}.jpg`;
  try {
    const manifest = await tileInto(masterPath, temp, tempPreview, hash);
    rmSync(dir, { recursive: true, force: true });
    try {
      renameSync(temp, dir);
    } catch (error) {
      // Another build moved the same tiles into place a moment ago.
      if (!isTiled(dir, previewPath, hash) && !existsSync(path.join(dir, MANIFEST_FILE))) throw error;
    }
    renameSync(tempPreview, previewPath);
    return manifest;
  } finally {
    rmSync(temp, { recursive: true, force: true });
    rmSync(tempPreview, { force: true });
  }
}

async function tileInto(masterPath: string, dir: string, previewPath: string, hash: string): Promise<TileManifest> {
  const { data, info } = await sharp(masterPath).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  if (info.width !== info.height * 2) throw new Error(`${masterPath} is ${info.width}×${info.height}; a panorama master must be 2:1`);
  const master: Raw = { data, width: info.width, height: info.height };
  const pyramid = pyramidFor(info.width);
  const top = pyramid.levels.at(-1) ?? PREVIEW_FACE_SIZE;

  rmSync(dir, { recursive: true, force: true });
  for (const size of pyramid.levels) mkdirSync(path.join(dir, String(size)), { recursive: true });
  mkdirSync(path.dirname(previewPath), { recursive: true });

  const p = PREVIEW_FACE_SIZE;
  const preview = Buffer.alloc(p * PREVIEW_COLS * p * PREVIEW_ROWS * 3);
  for (const face of FACES) {
    const full = projectFace(master, face, top);
    const jobs: (() => Promise<unknown>)[] = [];
    for (let level = pyramid.levels.length - 1; level >= 0; level--) {
      const size = pyramid.levels[level]!;
      const image = size === top ? full : await sharp(full, rawInput(top)).resize(size, size, { kernel: 'lanczos3' }).raw().toBuffer();
      const n = tilesPerSide(pyramid, level);
      for (let row = 0; row < n; row++) {
        for (let col = 0; col < n; col++) {
          const tile = { face, level, row, col };
          const { width, height } = tilePixelSize(pyramid, tile);
          jobs.push(() =>
            sharp(image, rawInput(size))
              .extract({ left: col * TILE_SIZE, top: row * TILE_SIZE, width, height })
              .jpeg({ quality: TILE_QUALITY, mozjpeg: true })
              .toFile(path.join(dir, tilePath(pyramid, tile))),
          );
        }
      }
    }
    await inBatches(jobs, 4);
    const small = await sharp(full, rawInput(top)).resize(p, p, { kernel: 'lanczos3' }).raw().toBuffer();
    const { col, row } = PREVIEW_GRID[face];
    const stride = p * PREVIEW_COLS * 3;
    for (let y = 0; y < p; y++) small.copy(preview, (row * p + y) * stride + col * p * 3, y * p * 3, (y + 1) * p * 3);
  }
  await sharp(preview, { raw: { width: p * PREVIEW_COLS, height: p * PREVIEW_ROWS, channels: 3 } })
    .jpeg({ quality: PREVIEW_QUALITY, mozjpeg: true })
    .toFile(previewPath);

  const manifest: TileManifest = { version: MANIFEST_VERSION, type: 'cube', ...pyramid, hash, master: { width: info.width, height: info.height } };
  writeFileSync(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** The stops' masters, from the validated content. */
export function panoramaMasters(root: string): { master: string; yaw: number; pitch: number }[] {
  return readContent(root).campuses.flatMap((campus) =>
    campus.stops.map((stop) => ({ master: stop.panorama.master, yaw: stop.initialView.yaw, pitch: stop.initialView.pitch })),
  );
}

export interface TileJob {
  name: string;
  src: string;
  dir: string;
  previewPath: string;
  hash: string;
}

/**
 * Tiles one master in a child process: the projection is plain JavaScript, so processes use the
 * cores. The child runs lib/tilerChild.ts with the same loader flags (tsx) as this process.
 */
function tileInChild(job: TileJob): Promise<TileManifest> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(new URL('./tilerChild.ts', import.meta.url)), JSON.stringify(job)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve(JSON.parse(out) as TileManifest);
      else reject(new Error(`tiling ${job.name} stopped with code ${code}`));
    });
  });
}

/** Processes to tile with: the cores, at most 4 (each holds a decoded master, ~100 MB at 8192 px); TILES_THREADS overrides. */
const threadCount = () => Number(process.env.TILES_THREADS) || Math.min(4, availableParallelism());

/** Tiles every stop whose tiles are missing or stale; says how many it tiled. */
export async function tileStops(root: string, out = path.join(root, 'public', 'generated'), log = (_: string) => {}) {
  const masters = [...new Set(panoramaMasters(root).map((m) => m.master))];
  const jobs: TileJob[] = [];
  for (const master of masters) {
    const name = masterName(master);
    const src = path.join(root, 'assets', master);
    const job = { name, src, dir: path.join(out, 'pano', name), previewPath: path.join(out, 'preview', `${name}.jpg`), hash: tilingHash(src) };
    if (!isTiled(job.dir, job.previewPath, job.hash)) jobs.push(job);
  }
  const threads = Math.min(threadCount(), jobs.length);
  const run = async (job: TileJob) => {
    const started = Date.now();
    const m = threads > 1 ? await tileInChild(job) : await tilePanorama(job.src, job.dir, job.previewPath, job.hash);
    log(`tiles: ${job.name} ${m.master.width}×${m.master.height} → faces ${m.levels.join(', ')} (${Date.now() - started} ms)`);
  };
  const queue = [...jobs];
  await Promise.all(
    Array.from({ length: Math.max(1, threads) }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) await run(job);
    }),
  );
  // What an earlier layout left: a single image per panorama, and tiles of stops that are gone.
  const panoDir = path.join(out, 'pano');
  if (existsSync(panoDir)) {
    const names = new Set(masters.map(masterName));
    for (const entry of readdirSync(panoDir)) {
      if (!names.has(entry) && !entry.includes('.tmp-')) rmSync(path.join(panoDir, entry), { recursive: true, force: true });
    }
  }
  return { total: masters.length, made: jobs.length };
}
