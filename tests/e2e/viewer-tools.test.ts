/**
 * The view's tools on a stop (issue 17): full screen for the view alone, share, and what the
 * visitor notices of each — where focus goes, what is announced, what the link opens.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, launchBrowser, openPage, readTourContent, waitForPanorama } from './browser';

const base = inject('baseUrl');
const { campuses, t } = readTourContent();
const campus = campuses[0]!;
const stop = campus.stops.find((s) => s.id === campus.firstStop)!;
const info = stop.hotspots.find((h) => h.kind === 'info')!;
const stopUrl = (lang: 'en' | 'zh', query = 'yaw=10&pitch=0&fov=90') => `${base}/${lang}/${campus.id}/${stop.id}?${query}`;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('full screen for the view alone', () => {
  it('puts the view, its controls and the open info panel in full screen by button and F; Esc leaves', async () => {
    const page = await openPage(browser);
    await page.goto(stopUrl('en', `yaw=10&pitch=0&fov=90&spot=${info.id}`));
    await waitForPanorama(page, 'preview');
    const button = page.getByRole('button', { name: t('en', 'viewerTools.fullscreen') });
    await button.click();
    await page.waitForFunction(() => document.fullscreenElement?.classList.contains('stop-layout'));
    // Inside full screen: the view, the look-around buttons and the info panel are shown; the stop lists are not.
    const shown = await page.evaluate(() => {
      const root = document.fullscreenElement!;
      const visible = (sel: string) => {
        const el = root.querySelector<HTMLElement>(sel);
        return el !== null && el.getClientRects().length > 0;
      };
      return { pano: visible('.pano'), controls: visible('.view-controls'), panel: visible('.info-panel'), hotspot: visible('.hotspot'), lists: visible('.stop-nav') };
    });
    expect(shown).toEqual({ pano: true, controls: true, panel: true, hotspot: true, lists: false });
    const box = await page.locator('.stop-layout .pano').boundingBox();
    expect(box?.height).toBeGreaterThan(650);
    // The button now leaves, and says so; focus stayed on it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(t('en', 'viewerTools.exitFullscreen'));
    expect(await axeViolations(page)).toEqual([]);
    // Esc closes the innermost thing first: the panel (focus in it), then full screen.
    await page.locator('.info-panel h2').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.info-panel').count()).toBe(0);
    expect(await page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.fullscreenElement === null);
    // F from the page (focus on the heading, outside the view) goes in, with focus on the view; F again leaves.
    await page.locator('#stop-title').focus();
    await page.keyboard.press('f');
    await page.waitForFunction(() => document.fullscreenElement?.classList.contains('stop-layout'));
    expect(await page.evaluate(() => document.activeElement?.classList.contains('pano'))).toBe(true);
    await page.keyboard.press('F');
    await page.waitForFunction(() => document.fullscreenElement === null);
    await page.context().close();
  });
});
