/**
 * Pictures drawn for rooms: exhibition boards, screens, the view through a window, a blackboard.
 * Text on them comes from the model ({ zh, en }); everything else is drawn shapes, no invented words.
 */
import type { Texture } from 'three';
import type { LocalizedText } from '../../content/schema';
import type { Rng } from './random';
import { SIGN_FONT } from './signs';
import { drawnTexture, type TextureOptions } from './textures';

type Ctx = CanvasRenderingContext2D;
export type PanelPicture = 'panda' | 'globe' | 'map' | 'gear' | 'handshake' | 'chart';

function panda(ctx: Ctx, cx: number, cy: number, r: number) {
  const black = '#1d1d1f';
  ctx.fillStyle = black;
  for (const sx of [-1, 1]) {
    ctx.beginPath();
    ctx.arc(cx + sx * r * 0.72, cy - r * 0.72, r * 0.34, 0, Math.PI * 2);
    ctx.fill();
  }
  ctx.fillStyle = '#ffffff';
  ctx.beginPath();
  ctx.ellipse(cx, cy, r, r * 0.88, 0, 0, Math.PI * 2);
  ctx.fill();
  ctx.strokeStyle = black;
  ctx.lineWidth = r * 0.04;
  ctx.stroke();
  ctx.fillStyle = black;
  for (const sx of [-1, 1]) {
    ctx.beginPath();
    ctx.ellipse(cx + sx * r * 0.38, cy - r * 0.08, r * 0.2, r * 0.28, sx * 0.5, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = '#ffffff';
    ctx.beginPath();
    ctx.arc(cx + sx * r * 0.36, cy - r * 0.12, r * 0.07, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = black;
  }
  ctx.beginPath();
  ctx.ellipse(cx, cy + r * 0.3, r * 0.13, r * 0.09, 0, 0, Math.PI * 2);
  ctx.fill();
  ctx.lineWidth = r * 0.05;
  ctx.beginPath();
  ctx.arc(cx - r * 0.1, cy + r * 0.42, r * 0.1, 0, Math.PI * 0.9);
  ctx.arc(cx + r * 0.1, cy + r * 0.42, r * 0.1, Math.PI * 0.1, Math.PI);
  ctx.stroke();
}

function globe(ctx: Ctx, cx: number, cy: number, r: number, colour: string) {
  ctx.strokeStyle = colour;
  ctx.lineWidth = r * 0.05;
  ctx.beginPath();
  ctx.arc(cx, cy, r, 0, Math.PI * 2);
  ctx.stroke();
  for (const k of [0.35, 0.7]) {
    ctx.beginPath();
    ctx.ellipse(cx, cy, r * k, r, 0, 0, Math.PI * 2);
    ctx.stroke();
  }
  for (const y of [-0.5, 0, 0.5]) {
    const w = Math.sqrt(1 - y * y);
    ctx.beginPath();
    ctx.moveTo(cx - r * w, cy + y * r);
    ctx.lineTo(cx + r * w, cy + y * r);
    ctx.stroke();
  }
}

/** Dots and arcs between them: a network of partners, no real geography implied. */
function network(ctx: Ctx, x: number, y: number, w: number, h: number, rng: Rng, colour: string) {
  const pts = Array.from({ length: 9 }, () => [x + rng.range(0.08, 0.92) * w, y + rng.range(0.15, 0.85) * h] as const);
  const hub = pts[0]!;
  ctx.strokeStyle = colour;
  ctx.lineWidth = Math.max(2, w * 0.006);
  for (const p of pts.slice(1)) {
    ctx.beginPath();
    ctx.moveTo(hub[0], hub[1]);
    ctx.quadraticCurveTo((hub[0] + p[0]) / 2, Math.min(hub[1], p[1]) - h * 0.2, p[0], p[1]);
    ctx.stroke();
  }
  for (const [i, p] of pts.entries()) {
    ctx.fillStyle = i === 0 ? '#d8342b' : colour;
    ctx.beginPath();
    ctx.arc(p[0], p[1], w * (i === 0 ? 0.025 : 0.015), 0, Math.PI * 2);
    ctx.fill();
  }
}

function gear(ctx: Ctx, cx: number, cy: number, r: number, colour: string) {
  ctx.fillStyle = colour;
  ctx.beginPath();
  for (let i = 0; i < 24; i++) {
    const a = (i / 24) * Math.PI * 2;
    const rr = i % 2 ? r * 0.82 : r;
    ctx.lineTo(cx + Math.cos(a) * rr, cy + Math.sin(a) * rr);
  }
  ctx.closePath();
  ctx.fill();
  ctx.fillStyle = '#ffffff';
  ctx.beginPath();
  ctx.arc(cx, cy, r * 0.4, 0, Math.PI * 2);
  ctx.fill();
}

function handshake(ctx: Ctx, cx: number, cy: number, r: number, colour: string) {
  ctx.strokeStyle = colour;
  ctx.lineWidth = r * 0.16;
  ctx.lineCap = 'round';
  ctx.beginPath();
  ctx.moveTo(cx - r, cy + r * 0.2);
  ctx.lineTo(cx - r * 0.2, cy - r * 0.2);
  ctx.lineTo(cx + r * 0.3, cy + r * 0.25);
  ctx.moveTo(cx + r, cy + r * 0.2);
  ctx.lineTo(cx + r * 0.2, cy - r * 0.2);
  ctx.lineTo(cx - r * 0.3, cy + r * 0.25);
  ctx.stroke();
}

function chart(ctx: Ctx, x: number, y: number, w: number, h: number, rng: Rng, colours: readonly string[]) {
  const n = 7;
  for (let i = 0; i < n; i++) {
    const bh = h * rng.range(0.25, 0.95);
    ctx.fillStyle = colours[i % colours.length]!;
    ctx.fillRect(x + (i * w) / n + w * 0.02, y + h - bh, w / n - w * 0.04, bh);
  }
}

/** An exhibition board: a coloured header with the title in both languages, a picture, "photos" and text lines. */
export function panelTexture(title: LocalizedText, picture: PanelPicture, accent: string, options: TextureOptions, seed: string): Texture | null {
  const W = 1024;
  const H = 1448;
  return drawnTexture(
    W,
    H,
    options,
    (ctx, rng) => {
      ctx.fillStyle = '#f7f6f2';
      ctx.fillRect(0, 0, W, H);
      ctx.fillStyle = accent;
      ctx.fillRect(0, 0, W, 300);
      ctx.fillStyle = '#ffffff';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      let size = 110;
      ctx.font = `700 ${size}px ${SIGN_FONT}`;
      while (ctx.measureText(title.zh).width > W * 0.9 && size > 40) ctx.font = `700 ${(size -= 6)}px ${SIGN_FONT}`;
      ctx.fillText(title.zh, W / 2, 120);
      size = 52;
      ctx.font = `600 ${size}px ${SIGN_FONT}`;
      while (ctx.measureText(title.en).width > W * 0.9 && size > 24) ctx.font = `600 ${(size -= 3)}px ${SIGN_FONT}`;
      ctx.fillText(title.en, W / 2, 228);
      const cy = 560;
      switch (picture) {
        case 'panda':
          panda(ctx, W / 2, cy, 190);
          break;
        case 'globe':
          globe(ctx, W / 2, cy, 200, accent);
          break;
        case 'map':
          network(ctx, 80, 360, W - 160, 400, rng, accent);
          break;
        case 'gear':
          gear(ctx, W / 2, cy, 190, accent);
          break;
        case 'handshake':
          handshake(ctx, W / 2, cy, 200, accent);
          break;
        case 'chart':
          chart(ctx, 120, 380, W - 240, 360, rng, [accent, '#7fa7c9', '#d9a441']);
          break;
      }
      // Two "photographs" (soft gradients) and lines of small text, as on any exhibition board.
      for (const [i, x] of [80, W / 2 + 20].entries()) {
        const g = ctx.createLinearGradient(x, 820, x + 420, 1080);
        g.addColorStop(0, ['#9fb8c9', '#c9b79f'][i]!);
        g.addColorStop(1, ['#55708a', '#7d6a55'][i]!);
        ctx.fillStyle = g;
        ctx.fillRect(x, 820, W / 2 - 100, 260);
      }
      ctx.fillStyle = '#b9bcc0';
      for (let l = 0; l < 7; l++) ctx.fillRect(80, 1130 + l * 40, (W - 160) * rng.range(0.55, 1), 14);
      ctx.fillStyle = accent;
      ctx.fillRect(0, H - 30, W, 30);
    },
    seed,
  );
}

/** A computer screen with code or charts. */
export function screenTexture(kind: 'code' | 'chart' | 'dashboard', options: TextureOptions, seed: string): Texture | null {
  const W = 512;
  const H = 320;
  return drawnTexture(
    W,
    H,
    options,
    (ctx, rng) => {
      ctx.fillStyle = kind === 'code' ? '#1e2430' : '#0f1e33';
      ctx.fillRect(0, 0, W, H);
      if (kind === 'code') {
        const colours = ['#7fd1b9', '#f0c674', '#81a2be', '#cc6666', '#b5bd68', '#c5c8c6'];
        for (let l = 0; l < 18; l++) {
          let x = 20 + Math.floor(rng() * 4) * 16;
          const y = 16 + l * 16;
          while (x < W - 60 && rng() < 0.85) {
            const w = rng.range(20, 90);
            ctx.fillStyle = rng.pick(colours);
            ctx.fillRect(x, y, w, 7);
            x += w + 10;
          }
        }
      } else {
        chart(ctx, 30, 40, W * 0.55, H * 0.5, rng, ['#3fa7d6', '#59cd90', '#fac05e']);
        ctx.strokeStyle = '#fac05e';
        ctx.lineWidth = 3;
        ctx.beginPath();
        for (let i = 0; i < 12; i++) ctx.lineTo(30 + i * 22, H - 40 - rng.range(10, 90));
        ctx.stroke();
        ctx.strokeStyle = '#3fa7d6';
        ctx.lineWidth = 14;
        ctx.beginPath();
        ctx.arc(W * 0.8, H * 0.3, 50, 0, Math.PI * rng.range(0.6, 1.8));
        ctx.stroke();
        if (kind === 'dashboard') network(ctx, W * 0.6, H * 0.5, W * 0.38, H * 0.45, rng, '#59cd90');
      }
    },
    seed,
  );
}

/** Daylight seen through a window: sky, trees and far buildings, soft. */
export function windowViewTexture(options: TextureOptions, horizon: string, seed: string): Texture | null {
  const W = 512;
  const H = 512;
  return drawnTexture(
    W,
    H,
    options,
    (ctx, rng) => {
      const g = ctx.createLinearGradient(0, 0, 0, H);
      g.addColorStop(0, '#9cc3e8');
      g.addColorStop(0.55, horizon);
      g.addColorStop(1, '#cfd6cf');
      ctx.fillStyle = g;
      ctx.fillRect(0, 0, W, H);
      ctx.filter = 'blur(6px)';
      for (let i = 0; i < 8; i++) {
        ctx.fillStyle = rng.pick(['#e3e1dc', '#d4d8dc', '#cfc8ba']);
        const w = rng.range(40, 120);
        const h = rng.range(60, 180);
        ctx.fillRect(rng() * W, H * 0.62 - h, w, h);
      }
      for (let i = 0; i < 40; i++) {
        ctx.fillStyle = rng.pick(['#6f9a55', '#5d8a47', '#7fa862']);
        ctx.beginPath();
        ctx.arc(rng() * W, H * rng.range(0.55, 0.75), rng.range(20, 50), 0, Math.PI * 2);
        ctx.fill();
      }
      ctx.filter = 'none';
    },
    seed,
  );
}

/** A chalkboard with a greeting, written from the model's sign text. */
export function boardTexture(text: LocalizedText | undefined, options: TextureOptions, seed: string): Texture | null {
  const W = 1536;
  const H = 512;
  return drawnTexture(
    W,
    H,
    options,
    (ctx, rng) => {
      ctx.fillStyle = '#2f4a3c';
      ctx.fillRect(0, 0, W, H);
      ctx.globalAlpha = 0.08;
      for (let i = 0; i < 40; i++) {
        ctx.fillStyle = '#ffffff';
        ctx.fillRect(rng() * W, rng() * H, rng.range(60, 300), rng.range(8, 30));
      }
      ctx.globalAlpha = 1;
      if (text) {
        ctx.fillStyle = '#f4f1e8';
        ctx.textAlign = 'center';
        ctx.textBaseline = 'middle';
        ctx.font = `500 120px ${SIGN_FONT}`;
        ctx.fillText(text.zh, W / 2, H * 0.38);
        ctx.font = `400 60px ${SIGN_FONT}`;
        ctx.fillText(text.en, W / 2, H * 0.68);
      }
    },
    seed,
  );
}
