/**
 * Derives what the browser loads from each stop's panorama master (assets/panoramas/*.jpg):
 *   public/generated/pano/<name>/…       a cube tile pyramid and its manifest (lib/tiler.ts)
 *   public/generated/preview/<name>.jpg  a tiny preview of all six faces, on screen almost at once
 *   public/generated/thumb/<name>.jpg    a 16:9 picture of the stop's initial view, for lists and cards
 * Part of every build (`npm run images`); an unchanged master is not tiled again (same bytes), nor
 * its thumbnail drawn again (same size, time and view).
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { masterName } from '../src/content/images';
import { readContent } from './content';
import { tileStops } from './tiler';

const VERSION = 3; // bump when the outputs change shape
export const THUMB = { width: 640, height: 360 };

interface Job {
  master: string;
  yaw: number;
  pitch: number;
}

async function derive(root: string, out: string, job: Job) {
  const src = path.join(root, 'assets', job.master);
  const name = masterName(job.master);
  const image = sharp(src);
  const meta = await image.metadata();
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (width !== height * 2) throw new Error(`${src} is ${width}×${height}; a panorama master must be 2:1`);

  // A 90° wide crop around the initial view. Near the horizon an equirect crop is close to
  // what a camera would see; the repeat lets a crop cross the image's left/right seam.
  const cropW = Math.round(width / 4);
  const cropH = Math.round((cropW * THUMB.height) / THUMB.width);
  const centreX = Math.round(((((0.5 + job.yaw / 360) % 1) + 1) % 1) * width);
  const centreY = Math.round(height / 2 - (job.pitch / 180) * height);
  const left = (centreX - Math.round(cropW / 2) + width) % width;
  const top = Math.min(Math.max(centreY - Math.round(cropH / 2), 0), height - cropH);
  const wide = await sharp(src).extend({ right: cropW, extendWith: 'repeat' }).toBuffer();
  await sharp(wide)
    .extract({ left, top, width: cropW, height: cropH })
    .resize(THUMB)
    .jpeg({ quality: 78, mozjpeg: true })
    .toFile(path.join(out, 'thumb', `${name}.jpg`));
}

export async function deriveImages(root: string, out = path.join(root, 'public', 'generated'), log = (_: string) => {}) {
  const tiles = await tileStops(root, out, log);
  const content = readContent(root);
  for (const dir of ['thumb']) mkdirSync(path.join(out, dir), { recursive: true });

  const manifestPath = path.join(out, 'manifest.json');
  const previous: Record<string, string> = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : {};
  const next: Record<string, string> = {};
  let made = 0;
  for (const campus of content.campuses) {
    for (const stop of campus.stops) {
      const job: Job = { master: stop.panorama.master, yaw: stop.initialView.yaw, pitch: stop.initialView.pitch };
      const stat = statSync(path.join(root, 'assets', job.master));
      const key = JSON.stringify([VERSION, stat.size, stat.mtimeMs, job.yaw, job.pitch]);
      const name = masterName(job.master);
      const outputsExist = existsSync(path.join(out, 'thumb', `${name}.jpg`));
      if (previous[job.master] !== key || !outputsExist) {
        await derive(root, out, job);
        made += 1;
      }
      next[job.master] = key;
    }
  }
  writeFileSync(manifestPath, `${JSON.stringify(next, null, 2)}\n`);
  return { total: Object.keys(next).length, made, tiled: tiles.made };
}
