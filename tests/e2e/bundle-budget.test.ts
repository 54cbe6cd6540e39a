/**
 * Code weight: the welcome and about pages load no three.js, and the welcome page's JavaScript
 * stays within its budget (README, "Performance"). Bytes, not times: they do not depend on the
 * machine. Sizes are gzip level 9 of the built files, what a server sends for them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage } from './browser';

/**
 * The welcome page's JavaScript, gzipped. Set from measurement (README): raise it only on purpose.
 * Raised on purpose from 170 to 188 KB in session 4 (measured 185.2 KB): the UI strings of the
 * learner layer, passport, live class and viewer tools in both languages (i18n chunk 33 KB), the
 * header's pinyin toggle, and the class-layer state in the live session store. Known way back
 * under 170: load only the visitor's language of the UI strings (~9 KB) and the live session's
 * class state with the first connection.
 */
export const WELCOME_JS_BUDGET = 188 * 1024;

const base = inject('baseUrl');
const dist = process.env.E2E_DIST ?? 'dist';
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The JavaScript files a page fetches, with their gzipped sizes. */
async function scriptsOf(url: string) {
  const page = await openPage(browser);
  const scripts = new Set<string>();
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.add(new URL(r.url()).pathname);
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.context().close();
  return [...scripts].map((file) => ({ file, gzip: gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length }));
}

describe('code weight', () => {
  it('loads neither three.js nor the viewer on the welcome and about pages', async () => {
    for (const url of [`${base}/en`, `${base}/zh/about`]) {
      const files = (await scriptsOf(url)).map((s) => s.file);
      expect(files.length).toBeGreaterThan(0);
      expect(files.filter((f) => /three|Panorama/i.test(f)), url).toEqual([]);
    }
  });

  it(`keeps the welcome page's JavaScript within ${WELCOME_JS_BUDGET / 1024} KB gzipped`, async () => {
    const scripts = await scriptsOf(`${base}/en`);
    const total = scripts.reduce((sum, s) => sum + s.gzip, 0);
    console.log(`welcome page JavaScript: ${(total / 1024).toFixed(1)} KB gzipped (${scripts.map((s) => `${s.file} ${(s.gzip / 1024).toFixed(1)}`).join(', ')})`);
    expect(total).toBeLessThanOrEqual(WELCOME_JS_BUDGET);
  });
});
