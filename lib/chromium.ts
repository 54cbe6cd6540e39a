/**
 * Headless Chromium (Debian's, through playwright-core; CHROMIUM_PATH overrides) with the flags
 * everything that drives the app in a browser uses: the browser tests, the panorama baker, the
 * screenshots and the benchmark. WebGL runs on SwiftShader.
 */
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

/** The two screen sizes the app is checked and pictured at. */
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 720 };

/** `extraArgs`, e.g. a tag to find the browser's processes by. */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
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
      ...extraArgs,
    ],
  });
}

export interface PageSettings {
  viewport?: { width: number; height: number } | undefined;
  locale?: string;
  reducedMotion?: 'reduce' | 'no-preference';
}

/** A browser context as a visitor's: the screen (a phone's has touch), the language, the motion setting. */
export function contextOptions(settings: PageSettings = {}): BrowserContextOptions {
  const viewport = settings.viewport ?? DESKTOP;
  const phone = viewport.width === PHONE.width && viewport.height === PHONE.height;
  return {
    viewport,
    locale: settings.locale ?? 'en-US',
    reducedMotion: settings.reducedMotion ?? 'no-preference',
    isMobile: phone,
    hasTouch: phone,
    deviceScaleFactor: 1,
  };
}

/** Waits until the app's panorama viewer shows its panorama at the given level (its data-level). */
export async function waitForPanorama(page: Page, level: 'preview' | 'full' = 'full', timeout = 60_000) {
  const selector = level === 'full' ? '.pano[data-level="full"]' : '.pano:is([data-level="preview"], [data-level="full"])';
  await page.waitForSelector(selector, { timeout });
  // One more frame so the canvas has painted what the texture holds.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}
