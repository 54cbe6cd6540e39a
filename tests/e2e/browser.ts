/** Real headless Chromium (Debian's, through playwright-core) and the checks the browser tests share. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import sharp from 'sharp';

const require = createRequire(import.meta.url);

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 720 };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--disable-gpu', // WebGL still works, on SwiftShader
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-sandbox',
    ],
  });
}

export interface PageOptions {
  viewport?: { width: number; height: number } | undefined;
  locale?: string;
  reducedMotion?: 'reduce' | 'no-preference';
  /** Pretend the browser has no WebGL at all. */
  noWebGL?: boolean;
}

export async function openPage(browser: Browser, options: PageOptions = {}): Promise<Page> {
  const contextOptions: BrowserContextOptions = {
    viewport: options.viewport ?? DESKTOP,
    locale: options.locale ?? 'en-US',
    reducedMotion: options.reducedMotion ?? 'no-preference',
    isMobile: options.viewport === PHONE,
    hasTouch: options.viewport === PHONE,
    deviceScaleFactor: 1,
  };
  const context = await browser.newContext(contextOptions);
  if (options.noWebGL) {
    await context.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        if (type.startsWith('webgl') || type === 'experimental-webgl') return null;
        return (original as (...args: unknown[]) => RenderingContext | null).call(this, type, ...rest);
      } as typeof original;
    });
  }
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  return page;
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

/** Waits until the viewer shows its panorama at the given level (the viewer's data-level). */
export async function waitForPanorama(page: Page, level: 'preview' | 'full' = 'full', timeout = 60_000) {
  const selector = level === 'full' ? '.pano[data-level="full"]' : '.pano:is([data-level="preview"], [data-level="full"])';
  await page.waitForSelector(selector, { timeout });
  // One more frame so the canvas has painted what the texture holds.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
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

/* ---- Helpers for the path tests (delegate-path, keyboard-path). ---- */

type LocalizedString = { zh: string; en: string };
export interface ContentView {
  yaw: number;
  pitch: number;
  fov: number;
}
export type ContentHotspot =
  | { id: string; kind: 'info'; yaw: number; pitch: number; title: LocalizedString; body: LocalizedString[] }
  | { id: string; kind: 'link'; yaw: number; pitch: number; target: string; arrive?: ContentView };
export interface ContentStop {
  id: string;
  name: LocalizedString;
  initialView: ContentView;
  hotspots: ContentHotspot[];
}
export interface ContentCampus {
  id: string;
  name: LocalizedString;
  firstStop: string;
  stops: ContentStop[];
}

/** The tour's content as the app bundles it (assets/content), so tests read texts instead of repeating them. */
export function readTourContent() {
  const read = (file: string) => JSON.parse(readFileSync(new URL(`../../assets/content/${file}`, import.meta.url), 'utf8'));
  const college = read('college.json') as { name: LocalizedString; campuses: string[] };
  const campuses = college.campuses.map((id) => read(`campuses/${id}.json`) as ContentCampus);
  const ui = {
    en: JSON.parse(readFileSync(new URL('../../src/i18n/en.json', import.meta.url), 'utf8')),
    zh: JSON.parse(readFileSync(new URL('../../src/i18n/zh.json', import.meta.url), 'utf8')),
  } as Record<'en' | 'zh', Record<string, Record<string, string>>>;
  /** A UI string with its {{placeholders}} filled in. */
  const t = (lang: 'en' | 'zh', key: string, values: Record<string, string> = {}) => {
    const [group, name] = key.split('.') as [string, string];
    const template = ui[lang][group]?.[name];
    if (template === undefined) throw new Error(`no UI string ${lang}:${key}`);
    return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');
  };
  return { college, campuses, t };
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
