/**
 * The live 3D overview on a campus page: it draws the campus (real pixels, not a flat colour),
 * its stops are named, focusable buttons that show their name, and choosing one arrives at that
 * stop with its panorama on screen — by keyboard with a cut (reduced motion), and by mouse after
 * the flight down. One campus in English on a desktop (where the keys and buttons also turn and
 * zoom the model), the other in Chinese on a phone.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, launchBrowser, openPage, PHONE, pixelStats, readTourContent, waitForPanorama } from './browser';

const base = inject('baseUrl');
const { campuses, t } = readTourContent();

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openOverview(page: Page, lang: string, campusId: string) {
  await page.goto(`${base}/${lang}/${campusId}`);
  // Building the campus and compiling its shaders takes a while on a CPU renderer.
  await page.waitForSelector('.overview[data-ready="true"]', { timeout: 60_000 });
  return page.locator('.overview');
}

const cases = [
  { lang: 'en', locale: 'en-US', viewport: DESKTOP, campus: campuses[0]!, reducedMotion: 'reduce', how: 'keyboard' },
  { lang: 'zh', locale: 'zh-CN', viewport: PHONE, campus: campuses[1]!, reducedMotion: 'no-preference', how: 'mouse' },
] as const;

describe.each(cases)('the 3D overview of $campus.id ($lang)', ({ lang, locale, viewport, campus, reducedMotion, how }) => {
  it(`draws the campus, names every stop, and takes the visitor into one by ${how}`, async () => {
    const page = await openPage(browser, { viewport, locale, reducedMotion });
    try {
      const overview = await openOverview(page, lang, campus.id);
      const stats = await pixelStats(overview.locator('canvas'));
      // A picture: sky, ground, buildings — not one flat colour, not black.
      expect(stats.stdev).toBeGreaterThan(15);
      expect(stats.entropy).toBeGreaterThan(4);
      expect(Math.max(...stats.mean)).toBeGreaterThan(60);

      // Every stop is a marker: a button named by the number it shows and the stop, in the visitor's language.
      const markers = overview.locator('.overview__marker');
      await expect.poll(() => markers.count()).toBe(campus.stops.length);
      for (const [i, stop] of campus.stops.entries()) {
        await expect.poll(() => overview.getByRole('button', { name: `${i + 1} ${stop.name[lang]}`, exact: true }).count()).toBe(1);
        const box = await overview.locator(`[data-stop-id="${stop.id}"]`).boundingBox();
        expect(box!.width).toBeGreaterThanOrEqual(24);
        expect(box!.height).toBeGreaterThanOrEqual(24);
      }

      // Tab from the overview reaches the first marker, whose name then shows.
      await overview.focus();
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-stop-id'));
      expect(focused).toBe(campus.stops[0]!.id);
      const name = overview.locator(`[data-stop-id="${focused}"] .overview__name`);
      expect((await name.boundingBox())!.width).toBeGreaterThan(20);

      if (how === 'keyboard') {
        // Arrow keys turn the model, Home starts again, the on-screen buttons zoom.
        const where = async () => {
          const box = await markers.first().boundingBox();
          return box && { x: Math.round(box.x), y: Math.round(box.y) };
        };
        const start = await where();
        await overview.focus();
        await page.keyboard.press('ArrowLeft');
        await expect.poll(async () => (await where())?.x).not.toBe(start!.x);
        await page.keyboard.press('Home');
        await expect.poll(async () => (await where())?.x).toBe(start!.x);
        await overview.getByRole('button', { name: t(lang, 'overview.zoomIn') }).click();
        await expect.poll(async () => JSON.stringify(await where())).not.toBe(JSON.stringify(start));
        await overview.getByRole('button', { name: t(lang, 'overview.reset') }).click();
        await expect.poll(async () => JSON.stringify(await where())).toBe(JSON.stringify(start));
      }

      // Choose a stop other than the first, and arrive in its panorama.
      const target = campus.stops.find((s) => s.id !== campus.firstStop && !s.id.includes('gate'))!;
      const marker = overview.locator(`[data-stop-id="${target.id}"]`);
      if (how === 'keyboard') {
        await marker.focus();
        await page.keyboard.press('Enter');
      } else {
        await marker.click();
        // The flight down has begun (it lasts 1.7 s): the visitor is still on the campus page.
        expect(await overview.getAttribute('class')).toContain('is-flying');
        expect(new URL(page.url()).pathname).toBe(`/${lang}/${campus.id}`);
      }
      await page.waitForURL((u) => u.pathname === `/${lang}/${campus.id}/${target.id}`, { timeout: 30_000 });
      await expect.poll(() => page.locator('h1').innerText()).toBe(target.name[lang]);
      await waitForPanorama(page, 'preview');
      expect((await pixelStats(page.locator('.pano canvas'))).stdev).toBeGreaterThan(15);
    } finally {
      await page.context().close();
    }
  });
});

describe('the campus page without WebGL', () => {
  it('says the 3D model cannot be shown and keeps the numbered list of stops', async () => {
    const campus = campuses[0]!;
    const page = await openPage(browser, { viewport: DESKTOP, locale: 'en-US', noWebGL: true });
    try {
      await page.goto(`${base}/en/${campus.id}`);
      await expect.poll(() => page.locator('.campus-overview [role="status"]').innerText()).toContain(t('en', 'overview.noWebgl'));
      expect(await page.locator('.overview canvas').count()).toBe(0);
      expect(await page.locator('.card--stop .card__link').count()).toBe(campus.stops.length);
    } finally {
      await page.context().close();
    }
  });
});
