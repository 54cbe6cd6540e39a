/**
 * A seeded random generator, so the same campus model always gives the same scene and the same
 * baked pixels. Nothing in the campus scene may use Math.random or the clock.
 */

/** FNV-1a hash of a string, as a 32-bit seed. */
export function hashSeed(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface Rng {
  /** A number in [0, 1). */
  (): number;
  /** A number in [min, max). */
  range(min: number, max: number): number;
  /** One of the items. */
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: small, fast, good enough for placing trees. */
export function createRng(seed: number | string): Rng {
  let a = (typeof seed === 'string' ? hashSeed(seed) : seed) >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng = next as Rng;
  rng.range = (min, max) => min + (max - min) * next();
  rng.pick = <T,>(items: readonly T[]) => items[Math.min(items.length - 1, Math.floor(next() * items.length))] as T;
  return rng;
}
