/**
 * Textures drawn on a canvas at run time: facades with windows, ground surfaces, sports markings.
 * Drawn with a seeded generator, so they are the same on every run. Where no 2D canvas exists
 * (jsdom in unit tests), a flat texture of the base colour stands in.
 */
import { CanvasTexture, ClampToEdgeWrapping, Color, DataTexture, RepeatWrapping, SRGBColorSpace, type Texture } from 'three';
import { createRng, type Rng } from './random';

export interface TextureOptions {
  /** Longest side of a drawn texture, in pixels (the baker draws finer ones than the overview). */
  resolution: number;
  anisotropy: number;
}

type Ctx = CanvasRenderingContext2D;

function canvas2d(width: number, height: number): { canvas: HTMLCanvasElement; ctx: Ctx } | null {
  if (typeof document === 'undefined') return null;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  let ctx: Ctx | null = null;
  try {
    ctx = canvas.getContext('2d');
  } catch {
    ctx = null; // jsdom without the canvas package says "not implemented"
  }
  return ctx ? { canvas, ctx } : null;
}

function flat(colour: string): Texture {
  const c = new Color(colour);
  const data = new Uint8Array([Math.round(c.r * 255), Math.round(c.g * 255), Math.round(c.b * 255), 255]);
  const t = new DataTexture(data, 1, 1);
  t.colorSpace = SRGBColorSpace;
  t.needsUpdate = true;
  return t;
}

function finish(canvas: HTMLCanvasElement, options: TextureOptions, srgb = true): Texture {
  const t = new CanvasTexture(canvas);
  t.wrapS = RepeatWrapping;
  t.wrapT = RepeatWrapping;
  t.anisotropy = options.anisotropy;
  if (srgb) t.colorSpace = SRGBColorSpace;
  return t;
}

/** Adds fine grain to what is drawn: ±amount on each channel. */
function grain(ctx: Ctx, width: number, height: number, rng: Rng, amount: number) {
  const image = ctx.getImageData(0, 0, width, height);
  const d = image.data;
  for (let i = 0; i < d.length; i += 4) {
    const n = (rng() - 0.5) * 2 * amount;
    d[i] = d[i]! + n;
    d[i + 1] = d[i + 1]! + n;
    d[i + 2] = d[i + 2]! + n;
  }
  ctx.putImageData(image, 0, 0);
}

/** Soft blotches, for ground that is not one flat colour. */
function blotches(ctx: Ctx, width: number, height: number, rng: Rng, colours: readonly string[], count: number, size: number) {
  for (let i = 0; i < count; i++) {
    const x = rng() * width;
    const y = rng() * height;
    const r = size * (0.4 + rng());
    ctx.fillStyle = rng.pick(colours);
    ctx.globalAlpha = 0.08 + rng() * 0.12;
    // Drawn again a tile away where it crosses an edge, so the texture tiles without seams.
    for (const dx of [-width, 0, width]) {
      for (const dy of [-height, 0, height]) {
        ctx.beginPath();
        ctx.ellipse(x + dx, y + dy, r, r * (0.5 + rng() * 0.5), rng() * Math.PI, 0, Math.PI * 2);
        ctx.fill();
      }
    }
  }
  ctx.globalAlpha = 1;
}

const shade = (hex: string, k: number) => {
  const c = new Color(hex);
  if (k >= 0) c.lerp(new Color('#ffffff'), k);
  else c.lerp(new Color('#000000'), -k);
  return `#${c.getHexString()}`;
};

export type FacadeStyle = 'punched' | 'ribbon' | 'curtain' | 'workshop' | 'none';

export interface FacadeSpec {
  style: FacadeStyle;
  wall: string;
  trim: string;
  glass: string;
  frame: string;
  seed: string;
}

/** Bays and floors in one facade tile; the tile repeats across a wall. */
export const FACADE_TILE = { bays: 4, floors: 4 } as const;

/**
 * A facade tile: FACADE_TILE.bays window bays by FACADE_TILE.floors floors, windows varied one by
 * one (blinds, curtains, lights). Returns the colour map and a map whose green channel is
 * roughness and blue channel metalness, so glass shines and walls do not.
 */
export function facadeTextures(spec: FacadeSpec, options: TextureOptions): { map: Texture; surface: Texture } {
  const size = options.resolution;
  const colour = canvas2d(size, size);
  const surface = canvas2d(size, size);
  if (!colour || !surface) return { map: flat(spec.wall), surface: flat('#00e600') };
  const { ctx } = colour;
  const s = surface.ctx;
  const rng = createRng(spec.seed);
  const cw = size / FACADE_TILE.bays;
  const ch = size / FACADE_TILE.floors;

  ctx.fillStyle = spec.wall;
  ctx.fillRect(0, 0, size, size);
  s.fillStyle = 'rgb(0, 235, 0)'; // rough, not metal
  s.fillRect(0, 0, size, size);

  const glassPane = (x: number, y: number, w: number, h: number, lit: boolean) => {
    const g = ctx.createLinearGradient(0, y, 0, y + h);
    g.addColorStop(0, shade(spec.glass, 0.35));
    g.addColorStop(0.55, spec.glass);
    g.addColorStop(1, shade(spec.glass, -0.25));
    ctx.fillStyle = g;
    ctx.fillRect(x, y, w, h);
    // Blinds or curtains behind some panes; a few rooms with their lights on.
    const r = rng();
    if (r < 0.28) {
      ctx.fillStyle = rng.pick(['#e8e2d4', '#d9d4cc', '#cfd8dc', '#e6d7bf']);
      ctx.globalAlpha = 0.85;
      ctx.fillRect(x, y, w, h * rng.range(0.2, 0.7));
      ctx.globalAlpha = 1;
    } else if (r < 0.4) {
      ctx.fillStyle = rng.pick(['#b9c7cf', '#a8b9c4', '#c9c0ae']);
      ctx.globalAlpha = 0.7;
      const side = rng() < 0.5 ? x : x + w * 0.6;
      ctx.fillRect(side, y, w * 0.4, h);
      ctx.globalAlpha = 1;
    } else if (lit) {
      ctx.fillStyle = '#f3e7c6';
      ctx.globalAlpha = 0.35;
      ctx.fillRect(x, y + h * 0.1, w, h * 0.9);
      ctx.globalAlpha = 1;
    }
    s.fillStyle = 'rgb(0, 38, 150)'; // smooth and a little metallic: it reflects the sky
    s.fillRect(x, y, w, h);
  };
  const frame = (x: number, y: number, w: number, h: number, t: number) => {
    ctx.strokeStyle = spec.frame;
    ctx.lineWidth = t;
    ctx.strokeRect(x + t / 2, y + t / 2, w - t, h - t);
    s.fillStyle = 'rgb(0, 140, 40)';
    s.fillRect(x, y, w, t);
    s.fillRect(x, y + h - t, w, t);
  };
  // The window sits back in the wall: a shadow on its top and left reveal.
  const reveal = (x: number, y: number, w: number, h: number, d: number) => {
    ctx.fillStyle = 'rgba(0, 0, 0, 0.28)';
    ctx.fillRect(x - d, y - d, w + 2 * d, d);
    ctx.fillRect(x - d, y, d, h);
    ctx.fillStyle = 'rgba(255, 255, 255, 0.18)';
    ctx.fillRect(x - d, y + h, w + 2 * d, d * 0.7);
  };

  for (let f = 0; f < FACADE_TILE.floors; f++) {
    const y0 = f * ch;
    // Floor slab band at the foot of each storey.
    if (spec.style !== 'curtain') {
      ctx.fillStyle = spec.trim;
      ctx.fillRect(0, y0 + ch * 0.93, size, ch * 0.07);
    }
    for (let b = 0; b < FACADE_TILE.bays; b++) {
      const x0 = b * cw;
      const lit = rng() < 0.12;
      switch (spec.style) {
        case 'punched': {
          const w = cw * 0.56;
          const h = ch * 0.52;
          const x = x0 + (cw - w) / 2;
          const y = y0 + ch * 0.2;
          reveal(x, y, w, h, cw * 0.025);
          glassPane(x, y, w, h, lit);
          frame(x, y, w, h, cw * 0.03);
          ctx.fillStyle = spec.frame;
          ctx.fillRect(x + w / 2 - cw * 0.012, y, cw * 0.024, h);
          ctx.fillRect(x, y + h * 0.3, w, cw * 0.02);
          // A sill under the window.
          ctx.fillStyle = shade(spec.trim, -0.05);
          ctx.fillRect(x - cw * 0.04, y + h + cw * 0.015, w + cw * 0.08, ch * 0.035);
          break;
        }
        case 'ribbon': {
          const y = y0 + ch * 0.3;
          const h = ch * 0.45;
          glassPane(x0, y, cw, h, lit);
          ctx.fillStyle = 'rgba(0,0,0,0.25)';
          ctx.fillRect(x0, y, cw, ch * 0.03);
          ctx.fillStyle = spec.frame;
          for (const m of [0, 0.5]) ctx.fillRect(x0 + cw * m, y, cw * 0.02, h);
          ctx.fillRect(x0, y + h - cw * 0.015, cw, cw * 0.015);
          break;
        }
        case 'curtain': {
          glassPane(x0, y0, cw, ch * 0.86, lit);
          ctx.fillStyle = shade(spec.glass, -0.45);
          ctx.fillRect(x0, y0 + ch * 0.86, cw, ch * 0.14); // spandrel at the slab
          s.fillStyle = 'rgb(0, 60, 120)';
          s.fillRect(x0, y0 + ch * 0.86, cw, ch * 0.14);
          ctx.fillStyle = spec.frame;
          ctx.fillRect(x0, y0, cw * 0.025, ch);
          ctx.fillRect(x0 + cw * 0.5, y0, cw * 0.012, ch * 0.86);
          ctx.fillRect(x0, y0 + ch * 0.86, cw, ch * 0.012);
          break;
        }
        case 'workshop': {
          // High windows, a plain wall below, a pilaster between bays.
          const y = y0 + ch * 0.12;
          const h = ch * 0.4;
          reveal(x0 + cw * 0.1, y, cw * 0.8, h, cw * 0.02);
          glassPane(x0 + cw * 0.1, y, cw * 0.8, h, false);
          frame(x0 + cw * 0.1, y, cw * 0.8, h, cw * 0.025);
          ctx.fillStyle = spec.frame;
          for (const m of [0.3, 0.5, 0.7]) ctx.fillRect(x0 + cw * m, y, cw * 0.015, h);
          ctx.fillStyle = shade(spec.wall, -0.12);
          ctx.fillRect(x0, y0, cw * 0.06, ch);
          break;
        }
        case 'none': {
          ctx.fillStyle = shade(spec.wall, -0.06);
          ctx.fillRect(x0, y0, cw * 0.01, ch);
          break;
        }
      }
    }
  }
  grain(ctx, size, size, rng, 5);
  return { map: finish(colour.canvas, options), surface: finish(surface.canvas, options, false) };
}

export type GroundKind = 'grass' | 'paving' | 'asphalt' | 'track' | 'field' | 'dirt' | 'concrete' | 'wood' | 'carpet' | 'tiles' | 'epoxy';

const GROUND: Record<GroundKind, { base: string; spots: string[]; grain: number }> = {
  grass: { base: '#6f8f45', spots: ['#587a35', '#86a055', '#7a8a3c', '#4f6e30'], grain: 14 },
  field: { base: '#5f9a3e', spots: ['#4f8a34', '#6fa84a'], grain: 10 },
  paving: { base: '#c9c2b4', spots: ['#bdb5a5', '#d4cdbf'], grain: 8 },
  asphalt: { base: '#55585c', spots: ['#4a4d51', '#5e6165', '#505356'], grain: 10 },
  track: { base: '#b4493a', spots: ['#a8433a', '#bd5443'], grain: 12 },
  dirt: { base: '#9c8a6a', spots: ['#8c7a5a', '#a89878'], grain: 12 },
  concrete: { base: '#a9a9a4', spots: ['#9d9d98', '#b3b3ad'], grain: 8 },
  wood: { base: '#b08a5f', spots: ['#a27d53', '#bb956a'], grain: 6 },
  carpet: { base: '#6d7b8c', spots: ['#65727f', '#76859a'], grain: 9 },
  tiles: { base: '#d8d4cc', spots: ['#cfcac1', '#e0dcd5'], grain: 5 },
  epoxy: { base: '#7c9a86', spots: ['#749180', '#86a390'], grain: 4 },
};

/** A ground surface that tiles; base colour `tint` when given. */
export function groundTexture(kind: GroundKind, options: TextureOptions, tint?: string): Texture {
  const look = GROUND[kind];
  const base = tint ?? look.base;
  const size = Math.min(options.resolution, 512);
  const c = canvas2d(size, size);
  if (!c) return flat(base);
  const { ctx } = c;
  const rng = createRng(`ground/${kind}/${base}`);
  ctx.fillStyle = base;
  ctx.fillRect(0, 0, size, size);
  blotches(ctx, size, size, rng, tint ? [shade(base, -0.12), shade(base, 0.1)] : look.spots, 60, size / 10);
  if (kind === 'paving' || kind === 'tiles') {
    // Slabs with joints: 4 × 4 per tile.
    const n = 4;
    const step = size / n;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        ctx.fillStyle = shade(base, rng.range(-0.06, 0.05));
        ctx.fillRect(i * step + 1, j * step + 1, step - 2, step - 2);
      }
    }
    ctx.fillStyle = shade(base, -0.25);
    for (let i = 0; i <= n; i++) {
      ctx.fillRect(i * step - 1, 0, 2, size);
      ctx.fillRect(0, i * step - 1, size, 2);
    }
  }
  if (kind === 'wood') {
    // Planks along x.
    const n = 8;
    for (let j = 0; j < n; j++) {
      ctx.fillStyle = shade(base, rng.range(-0.1, 0.08));
      ctx.fillRect(0, (j * size) / n + 1, size, size / n - 2);
    }
  }
  if (kind === 'grass' || kind === 'field') {
    // Blades: short strokes.
    for (let i = 0; i < size * 6; i++) {
      ctx.strokeStyle = rng.pick(look.spots);
      ctx.globalAlpha = 0.5;
      const x = rng() * size;
      const y = rng() * size;
      ctx.beginPath();
      ctx.moveTo(x, y);
      ctx.lineTo(x + rng.range(-2, 2), y - rng.range(2, 6));
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
  }
  grain(ctx, size, size, rng, look.grain);
  return finish(c.canvas, options);
}

/** A football pitch with its lines, mowing stripes along its length; u runs along the pitch. */
export function pitchTexture(options: TextureOptions): Texture {
  const w = Math.min(options.resolution * 2, 2048);
  const h = Math.round(w * (68 / 105));
  const c = canvas2d(w, h);
  if (!c) return flat('#5f9a3e');
  const { ctx } = c;
  const rng = createRng('pitch');
  const stripes = 14;
  for (let i = 0; i < stripes; i++) {
    ctx.fillStyle = i % 2 ? '#5b9a3c' : '#4f8d35';
    ctx.fillRect((i * w) / stripes, 0, w / stripes + 1, h);
  }
  const m = w / 105; // pixels per metre
  ctx.strokeStyle = '#f4f6f0';
  ctx.lineWidth = Math.max(2, 0.12 * m);
  ctx.strokeRect(m, m, w - 2 * m, h - 2 * m);
  ctx.beginPath();
  ctx.moveTo(w / 2, m);
  ctx.lineTo(w / 2, h - m);
  ctx.stroke();
  ctx.beginPath();
  ctx.arc(w / 2, h / 2, 9.15 * m, 0, Math.PI * 2);
  ctx.stroke();
  for (const side of [0, 1]) {
    const x = side ? w - m : m;
    const dir = side ? -1 : 1;
    ctx.strokeRect(Math.min(x, x + dir * 16.5 * m), h / 2 - 20.15 * m, 16.5 * m, 40.3 * m);
    ctx.strokeRect(Math.min(x, x + dir * 5.5 * m), h / 2 - 9.15 * m, 5.5 * m, 18.3 * m);
    // The arc outside the penalty area, round the penalty spot.
    ctx.beginPath();
    if (side) ctx.arc(x + dir * 11 * m, h / 2, 9.15 * m, Math.PI - 0.927, Math.PI + 0.927);
    else ctx.arc(x + dir * 11 * m, h / 2, 9.15 * m, -0.927, 0.927);
    ctx.stroke();
  }
  grain(ctx, w, h, rng, 8);
  const t = finish(c.canvas, options);
  t.wrapS = t.wrapT = ClampToEdgeWrapping;
  return t;
}

/** A basketball court, 28 × 15 m with a margin, u along its length. */
export function courtTexture(options: TextureOptions): Texture {
  const w = Math.min(options.resolution, 1024);
  const h = Math.round((w * 19) / 32);
  const c = canvas2d(w, h);
  if (!c) return flat('#3f7f6f');
  const { ctx } = c;
  const m = w / 32;
  ctx.fillStyle = '#b65a45';
  ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = '#3f7f6f';
  ctx.fillRect(2 * m, 2 * m, 28 * m, 15 * m);
  ctx.strokeStyle = '#f5f5f0';
  ctx.lineWidth = Math.max(2, 0.08 * m);
  ctx.strokeRect(2 * m, 2 * m, 28 * m, 15 * m);
  ctx.beginPath();
  ctx.moveTo(16 * m, 2 * m);
  ctx.lineTo(16 * m, 17 * m);
  ctx.stroke();
  ctx.beginPath();
  ctx.arc(16 * m, 9.5 * m, 1.8 * m, 0, Math.PI * 2);
  ctx.stroke();
  for (const side of [0, 1]) {
    const x = side ? 30 * m : 2 * m;
    const dir = side ? -1 : 1;
    ctx.fillStyle = '#c77a4a';
    ctx.fillRect(Math.min(x, x + dir * 5.8 * m), 9.5 * m - 2.45 * m, 5.8 * m, 4.9 * m);
    ctx.strokeRect(Math.min(x, x + dir * 5.8 * m), 9.5 * m - 2.45 * m, 5.8 * m, 4.9 * m);
    ctx.beginPath();
    ctx.arc(x + dir * 1.575 * m, 9.5 * m, 6.75 * m, -Math.PI / 2.3 + (side ? Math.PI : 0), Math.PI / 2.3 + (side ? Math.PI : 0));
    ctx.stroke();
  }
  grain(ctx, w, h, createRng('court'), 6);
  const t = finish(c.canvas, options);
  t.wrapS = t.wrapT = ClampToEdgeWrapping;
  return t;
}

/** Draws into a fresh canvas and wraps it as a texture; `null` where there is no 2D canvas. */
export function drawnTexture(
  width: number,
  height: number,
  options: TextureOptions,
  draw: (ctx: Ctx, rng: Rng) => void,
  seed: string,
): Texture | null {
  const c = canvas2d(width, height);
  if (!c) return null;
  draw(c.ctx, createRng(seed));
  const t = finish(c.canvas, options);
  t.wrapS = t.wrapT = ClampToEdgeWrapping;
  return t;
}

export { shade };
