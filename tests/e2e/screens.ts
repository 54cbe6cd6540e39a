/** Geometry checks for the screens test: what overlaps, what is off screen, what is too tall. */
import type { Locator, Page } from 'playwright-core';

export const SIZES = {
  phone: { width: 390, height: 844 },
  laptop: { width: 1280, height: 720 },
  projector: { width: 1920, height: 1080 },
} as const;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The boxes of every element a locator matches that is rendered (has a size). */
export async function boxes(locator: Locator): Promise<Box[]> {
  return locator.evaluateAll((els) =>
    els
      .map((el) => {
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      })
      .filter((b) => b.width > 0 && b.height > 0),
  );
}

/** Do two boxes share more than a hairline (1 px) of area? */
export function overlap(a: Box, b: Box, slack = 1): boolean {
  return a.x + a.width - slack > b.x && b.x + b.width - slack > a.x && a.y + a.height - slack > b.y && b.y + b.height - slack > a.y;
}

/** Is box `inner` wholly inside box `outer` (within a pixel)? */
export function inside(inner: Box, outer: Box, slack = 1): boolean {
  return (
    inner.x >= outer.x - slack &&
    inner.y >= outer.y - slack &&
    inner.x + inner.width <= outer.x + outer.width + slack &&
    inner.y + inner.height <= outer.y + outer.height + slack
  );
}

/** The viewport as a box. */
export function screenBox(page: Page): Box {
  const size = page.viewportSize() ?? SIZES.laptop;
  return { x: 0, y: 0, ...size };
}

/** Pairs of boxes (by index) that overlap. */
export function overlappingPairs(list: Box[]): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) if (overlap(list[i]!, list[j]!)) pairs.push([i, j]);
  return pairs;
}

/** Two animation frames: whatever a state change lays out has been laid out. */
export function settle(page: Page) {
  return page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/**
 * Holds back the panorama images (preview and tiles): the geometry checks need the page's boxes,
 * not the picture, and SwiftShader drawing full-screen panoramas at every step costs minutes.
 */
export async function withoutPanoramas(page: Page) {
  await page.route(/\/generated\/(preview|pano)\//, () => undefined);
}
