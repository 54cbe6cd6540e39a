/**
 * `npm run content:placeholders`: draws a placeholder panorama for every stop whose
 * `panorama.source` is "placeholder", at `assets/<panorama.master>`.
 *
 * Each picture is an equirectangular scene (4096×2048, horizon at y = 1024, yaw 0 at x = 2048):
 * sky, sun, clouds, hills, ground and a ring of buildings, with a sign at yaw 0 naming the stop in
 * Chinese and English and marked as an illustration. It is seamless at the left/right edge: all the
 * scenery sits in one group that is drawn three times, shifted by a full turn, and the hills are
 * periodic functions. Drawing is deterministic (seeded by campus and stop id), so running the command
 * again gives the same files. Photos and renderings (`source` "photo" / "rendered") are never touched.
 *
 * Usage: tsx scripts/make-placeholders.ts [root]   (root defaults to the current directory)
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { readContentFiles } from '../lib/content';
import { formatIssue, validateContent } from '../src/content/validate';
import type { Campus, College, Stop } from '../src/content/schema';

export const WIDTH = 4096;
export const HEIGHT = 2048;
export const HORIZON = HEIGHT / 2;
const PX_PER_DEG = WIDTH / 360;
/** Eye height in metres, to place rings on the ground at a given distance. */
const EYE = 1.6;
const FONT = 'Noto Sans CJK SC, Noto Sans, sans-serif';

// ---------------------------------------------------------------------------------------------
// Helpers

type Rng = () => number;

/** FNV-1a hash of a string, as a 32-bit seed. */
function hashSeed(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small deterministic PRNG. */
function makeRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const lerp = (a: number, b: number, t: number) => a + (b - a) * t;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length) % items.length] as T;
const r1 = (n: number) => Math.round(n * 10) / 10;

/** y of a point on the ground `distance` metres away. */
const groundY = (distance: number) => HORIZON + (Math.atan(EYE / distance) * (HEIGHT / Math.PI));
/** x of a yaw in degrees (0 = centre). */
const yawX = (yaw: number) => WIDTH / 2 + yaw * PX_PER_DEG;
/** y of a pitch in degrees (0 = horizon). */
const pitchY = (pitch: number) => HORIZON - pitch * PX_PER_DEG;

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

/** Mixes two #rrggbb colours. */
function mix(a: string, b: string, t: number): string {
  const pa = [1, 3, 5].map((i) => parseInt(a.slice(i, i + 2), 16));
  const pb = [1, 3, 5].map((i) => parseInt(b.slice(i, i + 2), 16));
  return `#${pa
    .map((v, i) => Math.round(lerp(v, pb[i] ?? v, t)).toString(16).padStart(2, '0'))
    .join('')}`;
}

// ---------------------------------------------------------------------------------------------
// Looks

type StopKind = 'gate' | 'library' | 'training' | 'teaching' | 'sports' | 'canteen' | 'other';

function stopKind(stopId: string): StopKind {
  if (stopId.includes('gate')) return 'gate';
  if (stopId.includes('library')) return 'library';
  if (stopId.includes('training')) return 'training';
  if (stopId.includes('teaching')) return 'teaching';
  if (stopId.includes('sport')) return 'sports';
  if (stopId.includes('canteen') || stopId.includes('life')) return 'canteen';
  return 'other';
}

interface Sky {
  zenith: string;
  mid: string;
  horizon: string;
  sun: string;
  sunPitch: number;
  /** Window glass; warm when the light is low. */
  glass: string;
  lit: number;
}

const SKIES: Record<string, Sky> = {
  morning: { zenith: '#3b78c9', mid: '#8dbbe8', horizon: '#f4dcc0', sun: '#fff1cf', sunPitch: 14, glass: '#9cc3e6', lit: 0.05 },
  noon: { zenith: '#2a6fd0', mid: '#79b0ec', horizon: '#d6eaf9', sun: '#ffffff', sunPitch: 58, glass: '#8bb8e0', lit: 0 },
  afternoon: { zenith: '#4676c0', mid: '#a3badd', horizon: '#f5d39e', sun: '#ffe3a6', sunPitch: 24, glass: '#a8c2dc', lit: 0.08 },
  hazy: { zenith: '#7fa6cc', mid: '#b6cde2', horizon: '#eaeef0', sun: '#fffaf0', sunPitch: 36, glass: '#9fb9cf', lit: 0.04 },
  evening: { zenith: '#2f4a8c', mid: '#9886b9', horizon: '#f6b489', sun: '#ffc780', sunPitch: 7, glass: '#6f7fa6', lit: 0.35 },
};

interface Ground {
  far: string;
  near: string;
  texture: 'paving' | 'plaza' | 'grass' | 'tiles';
}

interface Look {
  sky: Sky;
  ground: Ground;
  facades: string[];
  accent: string;
  heightMin: number;
  heightMax: number;
  widthMin: number;
  widthMax: number;
  trees: number;
}

function lookFor(kind: StopKind, campusId: string): Look {
  const hilly = campusId === 'nanchuan';
  switch (kind) {
    case 'gate':
      return {
        sky: hilly ? SKIES.morning! : SKIES.noon!,
        ground: { far: '#b9b3a6', near: '#8e877b', texture: 'paving' },
        facades: ['#eeeae2', '#dcd6cb', '#e9e2d3', '#c9d3dc'],
        accent: '#1d4e89',
        heightMin: 90,
        heightMax: 250,
        widthMin: 120,
        widthMax: 300,
        trees: 26,
      };
    case 'library':
      return {
        sky: SKIES.hazy!,
        ground: { far: '#c8bca6', near: '#9b8f79', texture: 'plaza' },
        facades: ['#efe6d6', '#d9c3a5', '#c98f6b', '#e6ddd0'],
        accent: '#7a3b2e',
        heightMin: 110,
        heightMax: 300,
        widthMin: 160,
        widthMax: 340,
        trees: 18,
      };
    case 'training':
    case 'teaching':
      return {
        sky: kind === 'training' ? SKIES.afternoon! : hilly ? SKIES.noon! : SKIES.morning!,
        ground: { far: '#b4b7b8', near: '#7f8586', texture: 'plaza' },
        facades: ['#f1f1ee', '#d7dde3', '#bcc8d4', '#e4e0d8', '#9fb0c0'],
        accent: '#2d5f73',
        heightMin: 110,
        heightMax: 300,
        widthMin: 200,
        widthMax: 420,
        trees: 14,
      };
    case 'sports':
      return {
        sky: hilly ? SKIES.afternoon! : SKIES.evening!,
        ground: { far: '#6f9a4e', near: '#4f7f35', texture: 'grass' },
        facades: ['#e7e3da', '#cfd6dc', '#d9cbb8'],
        accent: '#a2382b',
        heightMin: 40,
        heightMax: 110,
        widthMin: 140,
        widthMax: 320,
        trees: 30,
      };
    case 'canteen':
      return {
        sky: SKIES.evening!,
        ground: { far: '#bba58d', near: '#8b6f57', texture: 'tiles' },
        facades: ['#e9d2b5', '#d7a77f', '#c7805c', '#efe2cf'],
        accent: '#9a4a1f',
        heightMin: 80,
        heightMax: 200,
        widthMin: 140,
        widthMax: 300,
        trees: 22,
      };
    default:
      return {
        sky: SKIES.morning!,
        ground: { far: '#b9b3a6', near: '#8e877b', texture: 'paving' },
        facades: ['#eeeae2', '#dcd6cb'],
        accent: '#1d4e89',
        heightMin: 70,
        heightMax: 180,
        widthMin: 120,
        widthMax: 300,
        trees: 20,
      };
  }
}

// ---------------------------------------------------------------------------------------------
// Scenery (all periodic in x with period WIDTH, or drawn inside the repeated ring group)

function skyDefs(sky: Sky): string {
  return `
  <linearGradient id="sky" x1="0" y1="0" x2="0" y2="${HORIZON}" gradientUnits="userSpaceOnUse">
    <stop offset="0" stop-color="${sky.zenith}"/>
    <stop offset="0.62" stop-color="${sky.mid}"/>
    <stop offset="1" stop-color="${sky.horizon}"/>
  </linearGradient>
  <radialGradient id="sunGlow">
    <stop offset="0" stop-color="${sky.sun}" stop-opacity="0.95"/>
    <stop offset="0.12" stop-color="${sky.sun}" stop-opacity="0.75"/>
    <stop offset="0.4" stop-color="${sky.sun}" stop-opacity="0.22"/>
    <stop offset="1" stop-color="${sky.sun}" stop-opacity="0"/>
  </radialGradient>
  <linearGradient id="haze" x1="0" y1="${HORIZON - 220}" x2="0" y2="${HORIZON + 8}" gradientUnits="userSpaceOnUse">
    <stop offset="0" stop-color="${sky.horizon}" stop-opacity="0"/>
    <stop offset="1" stop-color="${sky.horizon}" stop-opacity="0.55"/>
  </linearGradient>
  <filter id="soft" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="14"/></filter>`;
}

function sun(rng: Rng, sky: Sky): string {
  // Away from the sign at yaw 0 so the sign is not washed out.
  const yaw = (rng() < 0.5 ? -1 : 1) * lerp(50, 150, rng());
  const x = r1(yawX(yaw));
  const y = r1(pitchY(sky.sunPitch + lerp(-3, 3, rng())));
  return `<circle cx="${x}" cy="${y}" r="320" fill="url(#sunGlow)"/>
  <circle cx="${x}" cy="${y}" r="34" fill="${sky.sun}"/>`;
}

function clouds(rng: Rng, sky: Sky): string {
  const out: string[] = [];
  const count = 9 + Math.floor(rng() * 6);
  const white = mix('#ffffff', sky.horizon, 0.25);
  for (let i = 0; i < count; i++) {
    const cx = rng() * WIDTH;
    const cy = lerp(260, 760, rng());
    const scale = lerp(0.6, 1.5, rng()) * (cy / 760 + 0.4);
    const puffs: string[] = [];
    const n = 4 + Math.floor(rng() * 4);
    for (let j = 0; j < n; j++) {
      const dx = lerp(-110, 110, rng()) * scale;
      const dy = lerp(-18, 12, rng()) * scale;
      const rx = lerp(60, 130, rng()) * scale;
      const ry = lerp(22, 42, rng()) * scale;
      puffs.push(`<ellipse cx="${r1(cx + dx)}" cy="${r1(cy + dy)}" rx="${r1(rx)}" ry="${r1(ry)}"/>`);
    }
    out.push(`<g fill="${white}" opacity="${r1(lerp(0.55, 0.85, rng()))}" filter="url(#soft)">${puffs.join('')}</g>`);
  }
  return out.join('\n');
}

/** A periodic ridge line: sum of sines with whole numbers of waves per turn. */
function ridge(rng: Rng, base: number, amplitude: number, harmonics: number[], fill: string): string {
  const waves = harmonics.map((k) => ({ k, a: lerp(0.4, 1, rng()) / Math.sqrt(k), phase: rng() * Math.PI * 2 }));
  const norm = waves.reduce((s, w) => s + w.a, 0);
  const points: string[] = [];
  for (let x = 0; x <= WIDTH; x += 8) {
    let v = 0;
    for (const w of waves) v += w.a * (0.5 + 0.5 * Math.sin((2 * Math.PI * w.k * x) / WIDTH + w.phase));
    const y = HORIZON - base - amplitude * (v / norm);
    points.push(`${x},${r1(y)}`);
  }
  return `<path d="M0,${HORIZON + 4} L${points.join(' L')} L${WIDTH},${HORIZON + 4} Z" fill="${fill}"/>`;
}

function hills(rng: Rng, campusId: string, sky: Sky): string {
  const hilly = campusId === 'nanchuan';
  const farColour = mix('#6f8fa8', sky.horizon, 0.35);
  const nearColour = mix('#4f7256', sky.horizon, 0.2);
  if (hilly) {
    return [
      ridge(rng, 90, 300, [2, 3, 5, 8, 13], farColour),
      ridge(rng, 30, 150, [3, 4, 7, 11, 17], nearColour),
    ].join('\n');
  }
  return [
    ridge(rng, 6, 34, [2, 5, 9, 14], farColour),
    ridge(rng, 2, 16, [4, 7, 12, 19], mix(nearColour, farColour, 0.5)),
  ].join('\n');
}

function groundDefs(g: Ground, sky: Sky): string {
  return `
  <linearGradient id="ground" x1="0" y1="${HORIZON}" x2="0" y2="${HEIGHT}" gradientUnits="userSpaceOnUse">
    <stop offset="0" stop-color="${mix(g.far, sky.horizon, 0.35)}"/>
    <stop offset="0.12" stop-color="${g.far}"/>
    <stop offset="1" stop-color="${g.near}"/>
  </linearGradient>`;
}

/** Yaw ranges (degrees) left open for paths through a lawn ring: ahead, behind and to the sides. */
const PATHS: ReadonlyArray<[number, number]> = [
  [-180, -166],
  [-104, -76],
  [-24, 24],
  [76, 104],
  [166, 180],
];

/** Lawn beds on a ring of the ground between `near` and `far` metres, with curbs, shrubs and flowers. */
function lawnRing(rng: Rng, near: number, far: number, grass: string, flowers: string[]): string {
  const out: string[] = [];
  const top = groundY(far);
  const bottom = groundY(near);
  for (let i = 0; i + 1 < PATHS.length; i++) {
    const from = PATHS[i]![1];
    const to = PATHS[i + 1]![0];
    const x1 = yawX(from);
    const x2 = yawX(to);
    out.push(`<rect x="${r1(x1)}" y="${r1(top - 4)}" width="${r1(x2 - x1)}" height="${r1(bottom - top + 8)}" rx="6" fill="#d9d4c8"/>`);
    out.push(`<rect x="${r1(x1 + 6)}" y="${r1(top)}" width="${r1(x2 - x1 - 12)}" height="${r1(bottom - top)}" rx="4" fill="${grass}"/>`);
    // Shrubs along the far edge, flowers scattered in the bed.
    for (let x = x1 + 20; x < x2 - 30; x += lerp(40, 90, rng())) {
      out.push(`<ellipse cx="${r1(x)}" cy="${r1(top + 2)}" rx="${r1(lerp(18, 34, rng()))}" ry="${r1(lerp(10, 16, rng()))}" fill="${mix(grass, '#1f3d1c', lerp(0.35, 0.6, rng()))}"/>`);
    }
    if (flowers.length > 0) {
      const count = Math.floor((x2 - x1) / 18);
      for (let k = 0; k < count; k++) {
        const fx = lerp(x1 + 14, x2 - 14, rng());
        const fy = lerp(top + 16, bottom - 8, rng());
        out.push(`<circle cx="${r1(fx)}" cy="${r1(fy)}" r="${r1(lerp(3, 6, rng()))}" fill="${pick(rng, flowers)}"/>`);
      }
    }
  }
  return out.join('\n');
}

function groundTexture(rng: Rng, g: Ground): string {
  const out: string[] = [];
  const line = (y: number, stroke: string, width: number, opacity: number) =>
    `<line x1="0" y1="${r1(y)}" x2="${WIDTH}" y2="${r1(y)}" stroke="${stroke}" stroke-width="${width}" stroke-opacity="${opacity}"/>`;
  const spokes = (count: number, fromY: number, stroke: string, width: number, opacity: number) => {
    for (let i = 0; i <= count; i++) {
      const x = r1((i * WIDTH) / count);
      out.push(`<line x1="${x}" y1="${r1(fromY)}" x2="${x}" y2="${HEIGHT}" stroke="${stroke}" stroke-width="${width}" stroke-opacity="${opacity}"/>`);
    }
  };
  switch (g.texture) {
    case 'paving': {
      for (let r = 1.5; r < 40; r *= 1.18) out.push(line(groundY(r), '#ffffff', 2, 0.18));
      spokes(72, groundY(30), '#ffffff', 2, 0.14);
      // A road further away.
      out.push(`<rect x="0" y="${r1(groundY(30))}" width="${WIDTH}" height="${r1(groundY(18) - groundY(30))}" fill="#5f6163" opacity="0.6"/>`);
      out.push(line((groundY(30) + groundY(18)) / 2, '#f4f1e6', 3, 0.6));
      out.push(lawnRing(rng, 5.5, 9, '#5f9a45', ['#e8506a', '#f5c342', '#ffffff', '#f08a3c']));
      break;
    }
    case 'plaza': {
      for (let r = 1.2; r < 45; r *= 1.32) out.push(line(groundY(r), '#ffffff', 3, 0.16));
      spokes(48, groundY(45), '#3b3b3b', 2, 0.12);
      out.push(lawnRing(rng, 6, 11, '#5a8f42', []));
      break;
    }
    case 'grass': {
      // Mowing stripes (a whole number of sectors, so they meet at the seam).
      for (let i = 0; i < 36; i += 2) {
        out.push(`<rect x="${r1((i * WIDTH) / 36)}" y="${HORIZON}" width="${r1(WIDTH / 36)}" height="${HORIZON}" fill="#ffffff" opacity="0.05"/>`);
      }
      // The running track around the field, with lane lines.
      const outer = groundY(13);
      const inner = groundY(8);
      out.push(`<rect x="0" y="${r1(outer)}" width="${WIDTH}" height="${r1(inner - outer)}" fill="#b5523d"/>`);
      for (let lane = 0; lane <= 6; lane++) out.push(line(groundY(8 + (lane * 5) / 6), '#f7efe6', 2, 0.85));
      // Centre circle and the halfway line through the viewer.
      out.push(line(groundY(3), '#ffffff', 5, 0.8));
      for (const yaw of [-90, 90]) {
        const x = r1(yawX(yaw));
        out.push(`<rect x="${x - 3}" y="${r1(inner)}" width="6" height="${r1(HEIGHT - inner)}" fill="#ffffff" opacity="0.8"/>`);
      }
      break;
    }
    case 'tiles': {
      for (let r = 1.2; r < 40; r *= 1.14) out.push(line(groundY(r), '#fff4e0', 2, 0.2));
      spokes(96, groundY(20), '#fff4e0', 2, 0.16);
      out.push(lawnRing(rng, 6, 9, '#6a9a4a', ['#f5c342', '#ffffff']));
      break;
    }
  }
  return out.join('\n');
}

function windowGrid(rng: Rng, x: number, top: number, w: number, h: number, sky: Sky, big: boolean): string {
  const out: string[] = [];
  const floor = big ? lerp(26, 34, rng()) : lerp(16, 24, rng());
  const col = big ? lerp(26, 40, rng()) : lerp(14, 22, rng());
  const winW = col * (big ? 0.8 : lerp(0.45, 0.7, rng()));
  const winH = floor * (big ? 0.7 : lerp(0.45, 0.6, rng()));
  const cols = Math.max(1, Math.floor((w - 16) / col));
  const rows = Math.max(1, Math.floor((h - 22) / floor));
  const x0 = x + (w - cols * col) / 2 + (col - winW) / 2;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const lit = rng() < sky.lit;
      const fill = lit ? '#ffd98a' : mix(sky.glass, '#ffffff', rng() * 0.25);
      out.push(`<rect x="${r1(x0 + c * col)}" y="${r1(top + 12 + r * floor)}" width="${r1(winW)}" height="${r1(winH)}" fill="${fill}"/>`);
    }
  }
  return out.join('');
}

interface BuildingSpec {
  x: number;
  w: number;
  h: number;
  base: number;
  facade: string;
  big: boolean;
  roof: 'flat' | 'sawtooth' | 'pitched';
}

function building(rng: Rng, b: BuildingSpec, sky: Sky, haze: number): string {
  const top = b.base - b.h;
  const facade = mix(b.facade, sky.horizon, haze);
  const side = mix(facade, '#4a4f58', 0.28);
  const roofColour = mix(mix(b.facade, '#5a5d63', 0.45), sky.horizon, haze);
  const sideW = b.w * lerp(0.12, 0.22, rng());
  const parts = [
    `<rect x="${r1(b.x)}" y="${r1(top)}" width="${r1(b.w)}" height="${r1(b.h)}" fill="${facade}"/>`,
    `<rect x="${r1(b.x)}" y="${r1(top)}" width="${r1(sideW)}" height="${r1(b.h)}" fill="${side}"/>`,
  ];
  if (b.roof === 'flat') {
    parts.push(`<rect x="${r1(b.x - 3)}" y="${r1(top - 7)}" width="${r1(b.w + 6)}" height="7" fill="${roofColour}"/>`);
  } else if (b.roof === 'pitched') {
    parts.push(`<path d="M${r1(b.x - 8)},${r1(top)} L${r1(b.x + b.w / 2)},${r1(top - b.h * 0.22)} L${r1(b.x + b.w + 8)},${r1(top)} Z" fill="${roofColour}"/>`);
  } else {
    const teeth = Math.max(2, Math.round(b.w / 60));
    const tw = b.w / teeth;
    let d = `M${r1(b.x)},${r1(top)}`;
    for (let i = 0; i < teeth; i++) d += ` L${r1(b.x + i * tw)},${r1(top - 26)} L${r1(b.x + (i + 1) * tw)},${r1(top)}`;
    parts.push(`<path d="${d} Z" fill="${roofColour}"/>`);
  }
  if (haze < 0.5) parts.push(windowGrid(rng, b.x + sideW, top, b.w - sideW, b.h, sky, b.big));
  return `<g>${parts.join('')}</g>`;
}

function tree(rng: Rng, x: number, base: number, size: number): string {
  const greens = ['#3f7a3a', '#4d8a3f', '#356b34', '#5b9446', '#2f5e2f'];
  const trunkH = size * 0.45;
  const crown: string[] = [];
  const g = pick(rng, greens);
  for (let i = 0; i < 3; i++) {
    crown.push(
      `<circle cx="${r1(x + lerp(-0.3, 0.3, rng()) * size)}" cy="${r1(base - trunkH - lerp(0.1, 0.5, rng()) * size)}" r="${r1(size * lerp(0.32, 0.5, rng()))}" fill="${mix(g, '#000000', i * 0.08)}"/>`,
    );
  }
  return `<g><rect x="${r1(x - size * 0.05)}" y="${r1(base - trunkH)}" width="${r1(size * 0.1)}" height="${r1(trunkH)}" fill="#5b4532"/>${crown.join('')}</g>`;
}

function landmark(rng: Rng, kind: StopKind, look: Look, sky: Sky): string {
  // Drawn behind the viewer (yaw 180, around x = 0 / 4096); the ring repeats it across the seam.
  const base = HORIZON + 22;
  switch (kind) {
    case 'library': {
      const w = 800;
      const h = 400;
      const x = WIDTH - w / 2;
      const top = base - h;
      const bands: string[] = [];
      for (let y = top + 30; y < base - 30; y += 44) {
        bands.push(`<rect x="${x + 20}" y="${r1(y)}" width="${w - 40}" height="26" fill="${mix(sky.glass, '#ffffff', 0.15)}"/>`);
      }
      const columns: string[] = [];
      for (let cx = x + 30; cx < x + w - 20; cx += 56) {
        columns.push(`<rect x="${r1(cx)}" y="${top + 20}" width="10" height="${h - 20}" fill="#efe6d6"/>`);
      }
      return `<g><rect x="${x}" y="${top}" width="${w}" height="${h}" fill="#d9c3a5"/>${bands.join('')}${columns.join('')}
        <rect x="${x - 10}" y="${top - 14}" width="${w + 20}" height="14" fill="#8a5a44"/></g>`;
    }
    case 'sports': {
      // Grandstand with a cantilevered roof, and four floodlight masts.
      const w = 900;
      const x = WIDTH - w / 2;
      const steps: string[] = [];
      for (let i = 0; i < 8; i++) {
        steps.push(`<rect x="${x + i * 6}" y="${base - 14 - i * 12}" width="${w - i * 12}" height="12" fill="${i % 2 ? '#c9ccd0' : '#2f6fa6'}"/>`);
      }
      const masts: string[] = [];
      for (const yaw of [-135, -45, 45, 135]) {
        const mx = r1(yawX(yaw));
        masts.push(`<rect x="${mx - 3}" y="${HORIZON - 200}" width="6" height="${222}" fill="#8a9096"/>
          <rect x="${mx - 26}" y="${HORIZON - 226}" width="52" height="28" fill="#dfe4e8" stroke="#8a9096" stroke-width="3"/>`);
      }
      return `<g>${steps.join('')}<path d="M${x - 20},${base - 120} L${x + w + 20},${base - 120} L${x + w},${base - 140} L${x},${base - 140} Z" fill="#e8eaec"/>
        <rect x="${x + 10}" y="${base - 120}" width="8" height="30" fill="#8a9096"/><rect x="${x + w - 18}" y="${base - 120}" width="8" height="30" fill="#8a9096"/></g>${masts.join('')}`;
    }
    case 'canteen': {
      const w = 720;
      const h = 190;
      const x = WIDTH - w / 2;
      const top = base - h;
      const stripes: string[] = [];
      for (let i = 0; i < w / 35; i++) {
        stripes.push(`<rect x="${x + i * 35}" y="${top + 56}" width="35" height="24" fill="${i % 2 ? '#f3ede2' : look.accent}"/>`);
      }
      return `<g><rect x="${x}" y="${top}" width="${w}" height="${h}" fill="#e9d2b5"/>
        <rect x="${x + 20}" y="${top + 14}" width="${w - 40}" height="34" fill="${mix(sky.glass, '#ffd98a', 0.35)}"/>${stripes.join('')}
        <rect x="${x + 30}" y="${top + 90}" width="${w - 60}" height="${h - 90}" fill="${mix(sky.glass, '#ffd98a', 0.5)}"/>
        <rect x="${x - 8}" y="${top - 10}" width="${w + 16}" height="10" fill="#8b5a3c"/></g>`;
    }
    case 'training': {
      const w = 1000;
      const h = 230;
      return building(rng, { x: WIDTH - w / 2, w, h, base, facade: '#cfd8e0', big: true, roof: 'sawtooth' }, sky, 0);
    }
    case 'teaching': {
      const w = 940;
      const h = 330;
      return building(rng, { x: WIDTH - w / 2, w, h, base, facade: '#f1f1ee', big: false, roof: 'flat' }, sky, 0);
    }
    default:
      return '';
  }
}

function buildingRing(rng: Rng, kind: StopKind, look: Look, sky: Sky): string {
  const far: string[] = [];
  const near: string[] = [];
  // Far layer: small, hazy blocks all round.
  for (let x = rng() * 60; x < WIDTH; ) {
    const w = lerp(look.widthMin, look.widthMax, rng()) * 0.6;
    const h = lerp(look.heightMin, look.heightMax, rng()) * 0.45;
    far.push(building(rng, { x, w, h, base: HORIZON + 3, facade: pick(rng, look.facades), big: false, roof: 'flat' }, sky, 0.55));
    x += w + lerp(10, 140, rng());
  }
  // Near layer: leave room behind the viewer for the landmark, and some open sky.
  const landmarkHalf = kind === 'gate' || kind === 'other' ? 0 : 560;
  for (let x = landmarkHalf + rng() * 80; x < WIDTH - landmarkHalf - 80; ) {
    const w = lerp(look.widthMin, look.widthMax, rng());
    const h = lerp(look.heightMin, look.heightMax, rng());
    if (x + w > WIDTH - landmarkHalf) break;
    const roof = kind === 'training' && rng() < 0.5 ? 'sawtooth' : kind === 'canteen' && rng() < 0.4 ? 'pitched' : 'flat';
    near.push(building(rng, { x, w, h, base: HORIZON + 12, facade: pick(rng, look.facades), big: kind === 'library' && rng() < 0.5, roof }, sky, 0));
    x += w + lerp(40, 260, rng());
  }
  const trees: string[] = [];
  for (let i = 0; i < look.trees; i++) {
    trees.push(tree(rng, rng() * WIDTH, HORIZON + lerp(20, 44, rng()), lerp(50, 110, rng())));
  }
  return [far.join('\n'), near.join('\n'), landmark(rng, kind, look, sky), trees.join('\n')].join('\n');
}

function compassMarks(): string {
  const out: string[] = [];
  const y = groundY(3.6);
  for (let yaw = -180; yaw < 180; yaw += 15) {
    const x = r1(yawX(yaw));
    const major = yaw % 90 === 0;
    out.push(`<rect x="${x - (major ? 3 : 2)}" y="${r1(y)}" width="${major ? 6 : 4}" height="${major ? 26 : 14}" fill="#ffffff" opacity="${major ? 0.75 : 0.5}"/>`);
    if (major && yaw !== 0) {
      const label = yaw === -180 ? '180°' : `${yaw}°`;
      out.push(`<text x="${x}" y="${r1(y + 52)}" font-family="${FONT}" font-size="22" fill="#ffffff" fill-opacity="0.8" text-anchor="middle">${escapeXml(label)}</text>`);
    }
  }
  return out.join('\n');
}

interface SignText {
  college: { zh: string; en: string };
  campus: { zh: string; en: string };
  stop: { zh: string; en: string };
}

/** The sign at yaw 0; at the main gate it stands in a gateway carrying the college's name. */
function sign(kind: StopKind, look: Look, t: SignText): string {
  const cx = WIDTH / 2;
  const w = 540;
  const top = 760;
  const h = 290;
  const x = cx - w / 2;
  const bottom = top + h;
  const postBase = groundY(4.2);
  const out: string[] = [];
  out.push(`<ellipse cx="${cx}" cy="${r1(postBase + 6)}" rx="${w / 2 + 40}" ry="18" fill="#000000" opacity="0.18"/>`);
  if (kind === 'gate') {
    const gx = 370;
    for (const px of [cx - gx, cx + gx - 56]) {
      out.push(`<rect x="${px}" y="650" width="56" height="${r1(postBase - 650)}" fill="#e8e4da"/>`);
      out.push(`<rect x="${px}" y="650" width="14" height="${r1(postBase - 650)}" fill="#c9c3b6"/>`);
    }
    out.push(`<rect x="${cx - gx - 30}" y="600" width="${2 * gx + 60}" height="70" fill="${look.accent}"/>`);
    out.push(`<text x="${cx}" y="648" font-family="${FONT}" font-size="40" font-weight="bold" fill="#f7e7b4" text-anchor="middle" letter-spacing="6">${escapeXml(t.college.zh)}</text>`);
  }
  for (const px of [cx - w / 2 + 50, cx + w / 2 - 66]) {
    out.push(`<rect x="${px}" y="${bottom}" width="16" height="${r1(postBase - bottom)}" fill="#5d646c"/>`);
  }
  out.push(`<rect x="${x - 6}" y="${top - 6}" width="${w + 12}" height="${h + 12}" rx="14" fill="#3f464e"/>`);
  out.push(`<rect x="${x}" y="${top}" width="${w}" height="${h}" rx="10" fill="#fbfaf6"/>`);
  out.push(`<path d="M${x},${top + 70} L${x},${top + 10} Q${x},${top} ${x + 10},${top} L${x + w - 10},${top} Q${x + w},${top} ${x + w},${top + 10} L${x + w},${top + 70} Z" fill="${look.accent}"/>`);
  const txt = (y: number, size: number, s: string, fill: string, weight = 'normal') =>
    `<text x="${cx}" y="${y}" font-family="${FONT}" font-size="${size}" font-weight="${weight}" fill="${fill}" text-anchor="middle">${escapeXml(s)}</text>`;
  out.push(txt(top + 32, 24, t.college.zh, '#ffffff', 'bold'));
  out.push(txt(top + 58, 17, t.college.en, '#e6edf5'));
  out.push(txt(top + 140, 60, t.stop.zh, '#1f2a33', 'bold'));
  out.push(txt(top + 186, 34, t.stop.en, '#33414d'));
  out.push(`<line x1="${x + 60}" y1="${top + 212}" x2="${x + w - 60}" y2="${top + 212}" stroke="#c9ced3" stroke-width="2"/>`);
  out.push(txt(top + 240, 20, `${t.campus.zh} · ${t.campus.en}`, '#55616c'));
  out.push(txt(top + 272, 16, '示意图 · Illustration, not a photograph', '#8a949d'));
  return out.join('\n');
}

/** The whole panorama as SVG. */
export function panoramaSvg(college: College, campus: Campus, stop: Stop): string {
  const kind = stopKind(stop.id);
  const look = lookFor(kind, campus.id);
  const sky = look.sky;
  const rng = makeRng(hashSeed(`${campus.id}/${stop.id}`));
  // Each layer is drawn three times, a full turn apart, before the next layer, so that whatever
  // crosses the left/right edge shows on both sides and stays in the right order.
  const layers = [
    sun(rng, sky),
    clouds(rng, sky),
    hills(rng, campus.id, sky),
    `<rect x="0" y="${HORIZON - 220}" width="${WIDTH}" height="228" fill="url(#haze)"/>`,
    `<rect x="0" y="${HORIZON}" width="${WIDTH}" height="${HORIZON}" fill="url(#ground)"/>`,
    groundTexture(rng, look.ground),
    buildingRing(rng, kind, look, sky),
    compassMarks(),
  ];
  const defs = layers.map((layer, i) => `<g id="layer${i}">\n${layer}\n</g>`).join('\n');
  const uses = layers
    .map((_, i) => [-WIDTH, 0, WIDTH].map((dx) => `<use href="#layer${i}" xlink:href="#layer${i}" x="${dx}"/>`).join(''))
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">
<defs>${skyDefs(sky)}${groundDefs(look.ground, sky)}
${defs}
</defs>
<rect x="0" y="0" width="${WIDTH}" height="${HEIGHT}" fill="url(#sky)"/>
${uses}
${sign(kind, look, { college: college.name, campus: campus.name, stop: stop.name })}
</svg>`;
}

/** Writes the placeholder masters; returns the paths written (relative to root). */
export async function makePlaceholders(root: string, log: (line: string) => void = console.log): Promise<string[]> {
  const result = validateContent(readContentFiles(root));
  if (!result.ok) {
    throw new Error(`The content has problems; fix them first (npm run content:check):\n${result.issues.map(formatIssue).join('\n')}`);
  }
  const written: string[] = [];
  for (const campus of result.content.campuses) {
    for (const stop of campus.stops) {
      const rel = `assets/${stop.panorama.master}`;
      if (stop.panorama.source !== 'placeholder') {
        log(`skip ${rel} (source "${stop.panorama.source}")`);
        continue;
      }
      const out = path.join(root, rel);
      mkdirSync(path.dirname(out), { recursive: true });
      const svg = panoramaSvg(result.content.college, campus, stop);
      const info = await sharp(Buffer.from(svg)).jpeg({ quality: 82, mozjpeg: true }).toFile(out);
      log(`wrote ${rel} (${info.width}×${info.height}, ${Math.round(info.size / 1024)} KB)`);
      written.push(rel);
    }
  }
  return written;
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  makePlaceholders(path.resolve(process.argv[2] ?? process.cwd())).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
