/**
 * Signage: Chinese above, English below, drawn on a canvas with fonts the system already has
 * (nothing is fetched from the internet) and shown on a plane in the scene.
 */
import { Mesh, MeshStandardMaterial, PlaneGeometry } from 'three';
import type { LocalizedText } from '../../content/schema';
import { drawnTexture, shade, type TextureOptions } from './textures';

/** CJK first, so Chinese never falls back to boxes; then the platform's own CJK fonts. */
export const SIGN_FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/** Waits until the sign font can be drawn (a system font, never a download). */
export async function signFontReady(): Promise<void> {
  if (typeof document === 'undefined' || !('fonts' in document)) return;
  try {
    await Promise.all([document.fonts.load(`700 64px ${SIGN_FONT}`, '重庆工业职业技术学院'), document.fonts.load(`500 64px ${SIGN_FONT}`, 'College')]);
  } catch {
    // the fallback font draws the sign instead
  }
}

export interface SignLook {
  /** "letters": letters on the wall; "board": a plate with light letters. */
  style: 'letters' | 'board';
  colour: string;
  /** Height of a Chinese character in metres. */
  size: number;
  /** Draw only the Chinese (e.g. a sign too small for two lines). */
  zhOnly?: boolean;
  /** Light letters for a dark plate, dark for a light wall; worked out from the colour when left out. */
  textColour?: string;
}

/** A sign as a plane in the XY plane facing +Z, its centre at the origin. */
export function signMesh(text: LocalizedText, look: SignLook, options: TextureOptions): Mesh {
  const px = Math.min(256, Math.max(96, options.resolution / 8)); // font size of the Chinese line
  const enPx = Math.round(px * 0.42);
  const pad = look.style === 'board' ? px * 0.45 : px * 0.12;
  let measure: CanvasRenderingContext2D | null = null;
  try {
    measure = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  } catch {
    measure = null;
  }
  let zhW = text.zh.length * px;
  let enW = text.en.length * enPx * 0.55;
  if (measure) {
    measure.font = `700 ${px}px ${SIGN_FONT}`;
    zhW = measure.measureText(text.zh).width + px * 0.08 * text.zh.length;
    measure.font = `600 ${enPx}px ${SIGN_FONT}`;
    enW = measure.measureText(text.en.toUpperCase()).width + enPx * 0.06 * text.en.length;
  }
  const lines = look.zhOnly ? px * 1.1 : px * 1.1 + enPx * 1.35;
  const rawW = Math.max(zhW, look.zhOnly ? 0 : enW) + 2 * pad;
  const rawH = lines + 2 * pad;
  // Canvases wider than 4096 px are slow and may fail; scale everything down instead.
  const k = Math.min(1, 4096 / rawW);
  const width = Math.ceil(rawW * k);
  const height = Math.ceil(rawH * k);
  const fg = look.textColour ?? (look.style === 'board' ? '#ffffff' : look.colour);

  const texture = drawnTexture(
    width,
    height,
    options,
    (ctx) => {
      ctx.scale(k, k);
      if (look.style === 'board') {
        const r = px * 0.2;
        ctx.fillStyle = look.colour;
        ctx.beginPath();
        ctx.roundRect(0, 0, rawW, rawH, r);
        ctx.fill();
        ctx.strokeStyle = shade(look.colour, 0.35);
        ctx.lineWidth = px * 0.05;
        ctx.beginPath();
        ctx.roundRect(px * 0.08, px * 0.08, rawW - px * 0.16, rawH - px * 0.16, r * 0.7);
        ctx.stroke();
      }
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillStyle = fg;
      if (look.style === 'letters') {
        // A faint shadow lifts the letters off the wall.
        ctx.shadowColor = 'rgba(0,0,0,0.35)';
        ctx.shadowBlur = px * 0.06;
        ctx.shadowOffsetY = px * 0.03;
      }
      ctx.font = `700 ${px}px ${SIGN_FONT}`;
      if ('letterSpacing' in ctx) (ctx as { letterSpacing: string }).letterSpacing = `${Math.round(px * 0.08)}px`;
      ctx.fillText(text.zh, rawW / 2, pad + px * 0.55);
      if (!look.zhOnly) {
        ctx.font = `600 ${enPx}px ${SIGN_FONT}`;
        if ('letterSpacing' in ctx) (ctx as { letterSpacing: string }).letterSpacing = `${Math.round(enPx * 0.06)}px`;
        ctx.fillText(text.en.toUpperCase(), rawW / 2, pad + px * 1.1 + enPx * 0.7);
      }
    },
    `sign/${text.zh}/${look.colour}`,
  );
  const metres = look.size / px;
  const geometry = new PlaneGeometry(rawW * metres, rawH * metres);
  const material = new MeshStandardMaterial({
    map: texture,
    color: texture ? '#ffffff' : look.colour,
    transparent: false,
    alphaTest: look.style === 'letters' ? 0.35 : 0,
    roughness: look.style === 'letters' ? 0.45 : 0.6,
    metalness: look.style === 'letters' ? 0.25 : 0,
    polygonOffset: true,
    polygonOffsetFactor: -2,
  });
  const mesh = new Mesh(geometry, material);
  mesh.name = `sign:${text.en}`;
  mesh.userData.signSize = { width: rawW * metres, height: rawH * metres };
  return mesh;
}
