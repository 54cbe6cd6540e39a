/**
 * Words and marks drawn on canvases, for VR: a headset shows no DOM, so a hotspot's caption and an
 * info panel's text become textures. Each drawing also returns the lines it wrote, which the
 * browser tests read (they cannot read a texture's pixels cheaply under SwiftShader).
 */
import { CanvasTexture, SRGBColorSpace } from 'three';

export type TargetKind = 'info' | 'link' | 'exit' | 'close';

const FONT = 'system-ui, "Noto Sans SC", "Noto Sans", sans-serif';

function canvasOf(width: number, height: number) {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  return { canvas, ctx };
}

function textureOf(canvas: HTMLCanvasElement) {
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  return texture;
}

/**
 * Breaks a text into lines no wider than `max`: at spaces where the text has them (English),
 * between any two characters where it does not (Chinese).
 */
export function wrapText(text: string, max: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of Array.from(text)) {
    const next = line + ch;
    if (measure(next) <= max || line === '') {
      line = next;
      continue;
    }
    const space = line.lastIndexOf(' ');
    if (ch !== ' ' && space > 0) {
      lines.push(line.slice(0, space));
      line = line.slice(space + 1) + ch;
    } else {
      lines.push(line.trimEnd());
      line = ch === ' ' ? '' : ch;
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

function drawIcon(ctx: CanvasRenderingContext2D, kind: TargetKind, cx: number, cy: number, r: number) {
  ctx.fillStyle = kind === 'exit' ? '#b3261e' : kind === 'link' ? '#1a5fb4' : '#f5c242';
  ctx.strokeStyle = '#fff';
  ctx.lineWidth = r * 0.12;
  ctx.beginPath();
  ctx.arc(cx, cy, r, 0, Math.PI * 2);
  ctx.fill();
  ctx.stroke();
  const ink = kind === 'info' ? '#111' : '#fff';
  ctx.fillStyle = ink;
  ctx.strokeStyle = ink;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.lineWidth = r * 0.2;
  ctx.beginPath();
  if (kind === 'info') {
    ctx.arc(cx, cy - r * 0.45, r * 0.14, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillRect(cx - r * 0.12, cy - r * 0.15, r * 0.24, r * 0.65);
  } else if (kind === 'link') {
    ctx.moveTo(cx - r * 0.5, cy);
    ctx.lineTo(cx + r * 0.4, cy);
    ctx.moveTo(cx + r * 0.05, cy - r * 0.4);
    ctx.lineTo(cx + r * 0.45, cy);
    ctx.lineTo(cx + r * 0.05, cy + r * 0.4);
    ctx.stroke();
  } else {
    ctx.moveTo(cx - r * 0.38, cy - r * 0.38);
    ctx.lineTo(cx + r * 0.38, cy + r * 0.38);
    ctx.moveTo(cx + r * 0.38, cy - r * 0.38);
    ctx.lineTo(cx - r * 0.38, cy + r * 0.38);
    ctx.stroke();
  }
}

/** Width / height of a target's picture: the round mark above, its caption below. */
export const TARGET_ASPECT = 2;

/** A target's picture: its round mark and, below it, its caption on a dark band (readable on any photo). */
export function drawTarget(kind: TargetKind, caption: string) {
  const { canvas, ctx } = canvasOf(512, 256);
  let lines: string[] = [];
  if (ctx) {
    drawIcon(ctx, kind, 256, 80, 64);
    ctx.font = `600 40px ${FONT}`;
    lines = wrapText(caption, 480, (s) => ctx.measureText(s).width).slice(0, 2);
    const top = 158;
    const lineHeight = 46;
    const widest = Math.max(0, ...lines.map((l) => ctx.measureText(l).width));
    ctx.fillStyle = 'rgba(0,0,0,0.72)';
    ctx.fillRect(256 - widest / 2 - 14, top - 6, widest + 28, lines.length * lineHeight + 8);
    ctx.fillStyle = '#fff';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    lines.forEach((l, i) => ctx.fillText(l, 256, top + i * lineHeight));
  }
  return { texture: textureOf(canvas), lines };
}

/** The info panel: title and paragraphs on a light card, readable at arm's length in a headset. */
export function drawPanel(title: string, paragraphs: readonly string[]) {
  const width = 1024;
  const pad = 56;
  const probe = canvasOf(1, 1).ctx;
  const titleFont = `700 56px ${FONT}`;
  const bodyFont = `400 38px ${FONT}`;
  const measureWith = (font: string) => (s: string) => {
    if (!probe) return s.length * 20;
    probe.font = font;
    return probe.measureText(s).width;
  };
  const titleLines = wrapText(title, width - 2 * pad, measureWith(titleFont));
  const bodyLines = paragraphs.flatMap((p, i) => [...(i > 0 ? [''] : []), ...wrapText(p, width - 2 * pad, measureWith(bodyFont))]);
  const height = Math.min(2048, pad * 2 + titleLines.length * 68 + 24 + bodyLines.length * 52);
  const { canvas, ctx } = canvasOf(width, height);
  if (ctx) {
    ctx.fillStyle = 'rgba(255,255,255,0.96)';
    ctx.fillRect(0, 0, width, height);
    ctx.fillStyle = '#f5c242';
    ctx.fillRect(0, 0, width, 14);
    ctx.fillStyle = '#111';
    ctx.textBaseline = 'top';
    ctx.font = titleFont;
    let y = pad;
    for (const l of titleLines) {
      ctx.fillText(l, pad, y);
      y += 68;
    }
    y += 24;
    ctx.font = bodyFont;
    for (const l of bodyLines) {
      ctx.fillText(l, pad, y);
      y += 52;
    }
  }
  return { texture: textureOf(canvas), lines: [...titleLines, ...bodyLines.filter((l) => l !== '')], aspect: width / height };
}
