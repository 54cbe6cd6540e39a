/**
 * What a baked panorama depends on, as a hash: the baker's version, the output size, the stop's
 * viewpoint and — for a stop outdoors — the whole campus model (a new tree anywhere may be in
 * view), or for a room only its own description and the daylight. `npm run content:bake` re-bakes
 * a stop only when this changes; a unit test checks that every committed master is current.
 */
import { createHash } from 'node:crypto';
import type { CampusModel } from '../src/content/campusModel';
import type { Campus } from '../src/content/schema';

/** Bump when the scene builder or the baker changes what a panorama looks like. */
export const BAKER_VERSION = 2;

export const MANIFEST_FILE = 'assets/panoramas/bake-manifest.json';

/** The first stop of a campus (its welcome picture) is baked larger than the rest. */
export function bakeSize(campus: Campus, stopId: string): { width: number; height: number } {
  return stopId === campus.firstStop ? { width: 8192, height: 4096 } : { width: 6144, height: 3072 };
}

/** JSON with sorted keys, so the hash does not depend on the order fields were written in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function bakeInput(model: CampusModel, stopId: string, size: { width: number; height: number }): string {
  const viewpoint = model.viewpoints[stopId];
  if (!viewpoint) throw new Error(`no viewpoint for ${model.campus}/${stopId}`);
  const scene = viewpoint.interior ? { sky: model.sky, ground: model.backdrop.ground } : { ...model, viewpoints: undefined };
  return createHash('sha256').update(canonical({ baker: BAKER_VERSION, size, viewpoint, scene, stopId })).digest('hex');
}

export interface ManifestEntry {
  /** bakeInput() of what was baked. */
  input: string;
  /** sha256 of the raw RGB pixels before JPEG encoding (the determinism check compares these). */
  pixels: string;
  /** sha256 of the JPEG file as written. */
  file: string;
  width: number;
  height: number;
}

export interface Manifest {
  bakerVersion: number;
  /** By "campus/stop". */
  stops: Record<string, ManifestEntry>;
}
