// @vitest-environment node
/**
 * The panorama masters (assets/panoramas), checked the way a broken bake would show: every stop
 * has its image at the stated size; the image wraps without a seam (its left and right edge
 * columns look in neighbouring directions, so they match like any two neighbouring columns);
 * it is a picture, not a flat fill; no two stops share a near-identical picture; and a rendered
 * master is the one its campus model gives today (assets/panoramas/bake-manifest.json).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContentFiles, readModelFiles } from '../../../lib/content';
import { bakeInput, bakeSize, MANIFEST_FILE, type Manifest } from '../../../lib/bakeInputs';
import { validateContent } from '../../../src/content/validate';
import { validateCampusModels } from '../../../src/content/validateModels';

const ROOT = process.cwd();
const content = (() => {
  const result = validateContent(readContentFiles(ROOT));
  if (!result.ok) throw new Error('the project content is invalid');
  return result.content;
})();
const { models } = validateCampusModels(readModelFiles(ROOT), content);
const manifest = JSON.parse(readFileSync(path.join(ROOT, MANIFEST_FILE), 'utf8')) as Manifest;
const stops = content.campuses.flatMap((campus) => campus.stops.map((stop) => ({ campus, stop, key: `${campus.id}/${stop.id}`, file: path.join(ROOT, 'assets', stop.panorama.master) })));

interface Measured {
  width: number;
  height: number;
  /** Mean absolute difference (0–255) between the first and last columns (at a quarter of the size). */
  seam: number;
  /** The same between two neighbouring columns in the middle of the image. */
  neighbours: number;
  entropy: number;
  stdev: number;
  /** A 256-bit difference hash of the whole picture. */
  hash: bigint;
}

const measured = new Map<string, Measured>();

/** Mean absolute difference between two columns of an RGB image. */
function columnDifference(data: Buffer, width: number, height: number, a: number, b: number): number {
  let sum = 0;
  for (let y = 0; y < height; y++) {
    for (let c = 0; c < 3; c++) sum += Math.abs(data[(y * width + a) * 3 + c]! - data[(y * width + b) * 3 + c]!);
  }
  return sum / (height * 3);
}

/** dHash: 17 × 16 grey pixels, one bit per horizontal neighbour pair. */
async function differenceHash(data: Buffer, width: number, height: number): Promise<bigint> {
  const small = await sharp(data, { raw: { width, height, channels: 3 } }).greyscale().resize(17, 16, { fit: 'fill' }).raw().toBuffer();
  let hash = 0n;
  for (let y = 0; y < 16; y++) for (let x = 0; x < 16; x++) hash = (hash << 1n) | (small[y * 17 + x]! < small[y * 17 + x + 1]! ? 1n : 0n);
  return hash;
}

const bits = (n: bigint) => n.toString(2).replace(/0/g, '').length;

beforeAll(async () => {
  for (const { key, file } of stops) {
    if (!existsSync(file)) continue;
    const meta = await sharp(file).metadata();
    // A quarter of the size is decoded straight from the JPEG's DCT (fast), and is plenty to judge
    // seams, detail and likeness: its edge columns still look in neighbouring directions.
    const { data, info } = await sharp(file).removeAlpha().resize({ width: Math.round((meta.width ?? 0) / 4) }).raw().toBuffer({ resolveWithObject: true });
    const { width, height } = info;
    const stats = await sharp(data, { raw: { width, height, channels: 3 } }).stats();
    measured.set(key, {
      width: meta.width ?? 0,
      height: meta.height ?? 0,
      seam: columnDifference(data, width, height, 0, width - 1),
      neighbours: columnDifference(data, width, height, width / 2 - 1, width / 2),
      entropy: stats.entropy,
      stdev: stats.channels.reduce((s, c) => s + c.stdev, 0) / 3,
      hash: await differenceHash(data, width, height),
    });
  }
}, 180_000);

describe.each(stops)('the master of $key', ({ campus, stop, key, file }) => {
  it('exists at its stated size, 2:1', () => {
    expect(existsSync(file), `${stop.panorama.master} is missing`).toBe(true);
    const m = measured.get(key)!;
    expect(m.width).toBe(m.height * 2);
    if (stop.panorama.source === 'rendered') expect({ width: m.width, height: m.height }).toEqual(bakeSize(campus, stop.id));
    else expect(m.width).toBeGreaterThanOrEqual(6144);
  });

  it('wraps round without a seam', () => {
    const m = measured.get(key)!;
    // The last column looks one column's width away from the first: no further apart than any two neighbours.
    expect(m.seam).toBeLessThanOrEqual(Math.max(4, m.neighbours * 3));
  });

  it('is a picture with detail, not a flat fill', () => {
    const m = measured.get(key)!;
    expect(m.entropy).toBeGreaterThan(5);
    expect(m.stdev).toBeGreaterThan(20);
  });

  // Whether a master still matches the model is the maintainer's check, run by `npm run content:bake-check`
  // (CHECK_BAKE=1): a re-bake takes about two minutes a stop here, so an edit to the model must not
  // fail every visitor's `npm test` until someone has baked.
  it.runIf(stop.panorama.source === 'rendered' && process.env.CHECK_BAKE === '1')('is what its campus model gives today (re-bake with npm run content:bake)', () => {
    const entry = manifest.stops[key];
    expect(entry, `${key} is not in ${MANIFEST_FILE}`).toBeDefined();
    expect(entry!.input, `${key} changed in the model since it was baked`).toBe(bakeInput(models[campus.id]!, stop.id, bakeSize(campus, stop.id)));
    expect(entry!.file, `${stop.panorama.master} is not the file that was baked`).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
  });
});

describe('the masters together', () => {
  it('are different places: no two are near-duplicates', () => {
    const keys = [...measured.keys()];
    expect(keys.length).toBe(stops.length);
    const close: string[] = [];
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) {
        const d = bits(measured.get(keys[i]!)!.hash ^ measured.get(keys[j]!)!.hash);
        if (d < NEAR_DUPLICATE_BITS) close.push(`${keys[i]} ~ ${keys[j]}: ${d} of 256 bits differ`);
      }
    }
    expect(close).toEqual([]);
  });

  it('stay well inside the repository budget for imagery (64 MB)', () => {
    const bytes = stops.reduce((sum, s) => sum + readFileSync(s.file).length, 0);
    expect(bytes / 2 ** 20).toBeLessThan(48);
  });
});

/** Two pictures of different places differ in many more bits than this; a re-used image in none. */
const NEAR_DUPLICATE_BITS = 24;
