/** Helpers for the accessibility tests: where focus is, moving it by keyboard alone, and the focus ring's contrast. */
import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';

/** What has focus, as a visitor would describe it: role-ish tag, accessible name, id and classes. */
export function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: 'body', name: '', id: '', className: '', text: '' };
    const name = el.getAttribute('aria-label') ?? (el.textContent ?? '').trim();
    return { tag: el.tagName.toLowerCase(), name, id: el.id, className: typeof el.className === 'string' ? el.className : '', text: (el.textContent ?? '').trim() };
  });
}

/**
 * Presses Tab (or Shift+Tab) until the focused element's accessible name is `name` (or matches),
 * as a keyboard-only visitor would; fails after `max` presses.
 */
export async function tabTo(page: Page, name: string | RegExp, { max = 80, back = false } = {}) {
  const matches = (n: string) => (typeof name === 'string' ? n === name : name.test(n));
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (matches((await focused(page)).name)) return;
  }
  throw new Error(`Tab never reached ${String(name)} (last: ${(await focused(page)).name})`);
}

/** WCAG contrast ratio of two sRGB colours (0–255 each). */
export function contrast(a: readonly number[], b: readonly number[]): number {
  const lum = (c: readonly number[]) => {
    const [r, g, bl] = c.map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

async function rawPixels(png: Buffer) {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { at: (x: number, y: number) => Array.from(data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)), width: info.width, height: info.height };
}

/**
 * How well the focus ring of `target` stands out from what lies behind it: along four rays from
 * the centre of `ringOf` (the drawn marker) out to `reach` px beyond its edge, the best contrast
 * between a pixel with focus and the same pixel without. The weakest of the four sides is
 * returned, with the two screenshots (for looking at).
 */
export async function ringContrast(page: Page, target: Locator, ringOf: Locator, reach = 12) {
  const box = (await ringOf.boundingBox())!;
  const margin = reach + 4;
  const clip = { x: Math.round(box.x - margin), y: Math.round(box.y - margin), width: Math.round(box.width + 2 * margin), height: Math.round(box.height + 2 * margin) };
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const without = await page.screenshot({ clip });
  await target.focus();
  const withRing = await page.screenshot({ clip });
  const [a, b] = await Promise.all([rawPixels(without), rawPixels(withRing)]);
  const cx = Math.round(box.x + box.width / 2 - clip.x);
  const cy = Math.round(box.y + box.height / 2 - clip.y);
  const half = { x: Math.round(box.width / 2), y: Math.round(box.height / 2) };
  const sides = {
    left: [-1, 0],
    right: [1, 0],
    up: [0, -1],
    down: [0, 1],
  } as const;
  const best: Record<string, number> = {};
  for (const [side, [dx, dy]] of Object.entries(sides)) {
    let max = 1;
    const start = dx !== 0 ? half.x : half.y;
    for (let d = start; d <= start + reach; d++) {
      const x = cx + dx * d;
      const y = cy + dy * d;
      if (x < 0 || y < 0 || x >= a.width || y >= a.height) continue;
      max = Math.max(max, contrast(a.at(x, y), b.at(x, y)));
    }
    best[side] = max;
  }
  return { weakest: Math.min(...Object.values(best)), sides: best, without, withRing };
}
