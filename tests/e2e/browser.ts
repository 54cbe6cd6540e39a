/**
 * The checks the browser tests share. Chromium itself, its flags and the visitor's screen sizes are
 * lib/chromium.ts's (the baker and the screenshots launch it too); they are passed on from here so
 * the tests have one toolkit.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { contextOptions, type PageSettings } from '../../lib/chromium';

export { DESKTOP, launchBrowser, PHONE, waitForPanorama } from '../../lib/chromium';
import { campus as campusSchema, college as collegeSchema, toursFile, type Lang } from '../../src/content/schema';

const require = createRequire(import.meta.url);

export interface PageOptions extends PageSettings {
  /** Pretend the browser has no WebGL at all. */
  noWebGL?: boolean;
  /**
   * Uncaught errors and unhandled rejections this test provokes on purpose (matched against the
   * message). Every other one fails the test (see page-errors.ts): leave it out unless breaking
   * the page is the point of the test, and say there why the error is expected.
   */
  expectedPageErrors?: readonly RegExp[];
}

/** Uncaught errors and unhandled rejections in any page opened since the last call, as lines. */
const pageErrors: string[] = [];

/** Hands over (and forgets) the page errors collected so far; tests/e2e/page-errors.ts fails a test on any. */
export function takePageErrors(): string[] {
  return pageErrors.splice(0);
}

export async function openPage(browser: Browser, options: PageOptions = {}): Promise<Page> {
  const context = await browser.newContext(contextOptions(options));
  if (options.noWebGL) {
    await context.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        if (type.startsWith('webgl') || type === 'experimental-webgl') return null;
        return (original as (...args: unknown[]) => RenderingContext | null).call(this, type, ...rest);
      } as typeof original;
    });
  }
  // The context's `weberror` covers every page in it (a speaker-notes window too), and Chromium
  // reports an unhandled rejection there as well as an uncaught exception.
  context.on('weberror', (webError) => {
    const error = webError.error();
    const where = webError.page()?.url() ?? 'a page';
    if (options.expectedPageErrors?.some((pattern) => pattern.test(error.message))) return;
    pageErrors.push(`${where}: ${error.stack ?? error.message}`);
    // Scripts that open pages (screenshots) have no test to fail: they see it here.
    console.error('page error:', error.message);
  });
  return context.newPage();
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.2 AA violations on the page as it is now, as readable lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through DevTools rather than added as an inline <script>: the server's CSP (rightly)
  // refuses inline scripts, and DevTools evaluation is not subject to it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  return violations;
}

/** Statistics of what an element shows on screen: is it a picture, or a flat colour? */
export async function pixelStats(locator: Locator) {
  const png = await locator.screenshot();
  const stats = await sharp(png).stats();
  const channels = stats.channels.slice(0, 3);
  return {
    mean: channels.map((c) => c.mean),
    stdev: channels.reduce((sum, c) => sum + c.stdev, 0) / channels.length,
    entropy: stats.entropy,
    png,
  };
}

/** The store's state, read in the page (main.tsx exposes the store for drivers and tests). */
export function visitState(page: Page) {
  return page.evaluate(() => {
    const store = (window as unknown as { __visitStore: { getState(): Record<string, unknown> } }).__visitStore;
    const s = store.getState();
    return { lang: s.lang, place: s.place, view: s.view, openHotspotId: s.openHotspotId, tour: s.tour } as {
      lang: string;
      place: Record<string, string>;
      view: { yaw: number; pitch: number; fov: number } | null;
      openHotspotId: string | null;
      tour: { id: string; step: number } | null;
    };
  });
}

/* ---- Content and UI strings, as the app has them, so tests read texts instead of repeating them. ---- */

export type { Campus as ContentCampus, Hotspot as ContentHotspot, Stop as ContentStop, View as ContentView } from '../../src/content/schema';

/** The tour's content as the app bundles it (assets/content), checked by the app's schema, and the UI strings. */
export function readTourContent() {
  const read = (file: string): unknown => JSON.parse(readFileSync(new URL(`../../assets/content/${file}`, import.meta.url), 'utf8'));
  const college = collegeSchema.parse(read('college.json'));
  const campuses = college.campuses.map((id) => campusSchema.parse(read(`campuses/${id}.json`)));
  const tours = toursFile.parse(read('tours.json')).tours;
  const ui: Record<Lang, unknown> = {
    en: JSON.parse(readFileSync(new URL('../../src/i18n/en.json', import.meta.url), 'utf8')),
    zh: JSON.parse(readFileSync(new URL('../../src/i18n/zh.json', import.meta.url), 'utf8')),
  };
  /** A UI string (`group.name`, or deeper) with its {{placeholders}} filled in. */
  const t = (lang: Lang, key: string, values: Record<string, string | number> = {}) => {
    const template = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], ui[lang]);
    if (typeof template !== 'string') throw new Error(`no UI string ${lang}:${key}`);
    return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''));
  };
  return { college, campuses, tours, t };
}

/** Mean absolute difference (0–255) of two same-sized PNGs, over a region of them or all of it. */
export async function imageDifference(
  a: Buffer,
  b: Buffer,
  region?: { left: number; top: number; width: number; height: number },
): Promise<number> {
  const raw = async (png: Buffer) => {
    let image = sharp(png).removeAlpha();
    if (region) image = image.extract(region);
    return image.raw().toBuffer();
  };
  const [x, y] = await Promise.all([raw(a), raw(b)]);
  if (x.length !== y.length) throw new Error('images differ in size');
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += Math.abs(x[i]! - y[i]!);
  return sum / x.length;
}
