/** Bad input gets a clear answer: a missing image, a bad link, no WebGL — never a white screen. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import en from '../../src/i18n/en.json';
import zh from '../../src/i18n/zh.json';
import { launchBrowser, openPage, readTourContent, visitState, waitForPanorama, type ContentHotspot } from './browser';

const base = inject('baseUrl');
const { campuses, t } = readTourContent();
const campus = campuses[0]!;
const first = campus.stops.find((s) => s.id === campus.firstStop)!;
const info = first.hotspots.find((h) => h.kind === 'info')! as Extract<ContentHotspot, { kind: 'info' }>;
const link = first.hotspots.find((h) => h.kind === 'link')! as Extract<ContentHotspot, { kind: 'link' }>;
const linked = campus.stops.find((s) => s.id === link.target)!;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('when things go wrong', () => {
  it('says a panorama failed to load, keeps the page usable, and shows it after a retry', async () => {
    const page = await openPage(browser);
    let failing = true;
    await page.route('**/generated/{pano,preview}/**', (route) => (failing ? route.fulfill({ status: 404 }) : route.continue()));
    await page.goto(`${base}/en/${campus.id}/${linked.id}?yaw=20&pitch=5&fov=80`);

    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toContain(en.stop.loadError);
    // The rest of the page works: the text view opens a hotspot.
    await page.locator('[data-list-hotspot-id]').first().click();
    await expect.poll(() => page.locator('.info-panel h2').count()).toBe(1);
    const before = await visitState(page);

    failing = false;
    await page.getByRole('button', { name: en.stop.retry }).click();
    await waitForPanorama(page);
    expect(await page.getByRole('alert').count()).toBe(0);
    // Nothing the visitor did is lost: same stop, view and open panel.
    expect(await visitState(page)).toEqual(before);
    await page.context().close();
  });

  it('answers an unknown stop with a not-found page that links back to its campus', async () => {
    const page = await openPage(browser);
    await page.goto(`${base}/en/${campus.id}/no-such-stop`);
    await expect.poll(() => page.locator('h1').textContent()).toBe(en.notFound.title);
    const back = page.getByRole('link', { name: t('en', 'notFound.campus', { campus: campus.name.en }) });
    await back.click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/en/${campus.id}`);
    await page.context().close();
  });

  it('answers an unknown campus or address with a not-found page in the right language', async () => {
    const page = await openPage(browser, { locale: 'zh-CN' });
    await page.goto(`${base}/zh/atlantis`);
    await expect.poll(() => page.locator('h1').textContent()).toBe(zh.notFound.title);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.goto(`${base}/zh/${campus.id}/${first.id}/extra/parts`);
    await expect.poll(() => page.locator('h1').textContent()).toBe(zh.notFound.title);
    await page.getByRole('link', { name: zh.notFound.home }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/zh');
    await page.context().close();
  });

  it('without WebGL, shows the stop as text with a notice, and the lists still do everything', async () => {
    const page = await openPage(browser, { noWebGL: true });
    await page.goto(`${base}/en/${campus.id}/${first.id}`);
    await expect.poll(() => page.locator('.stage-fallback').textContent()).toContain(en.stop.noWebgl);
    expect(await page.locator('canvas').count()).toBe(0);
    // Open an info hotspot from the list…
    await page.locator(`[data-list-hotspot-id="${info.id}"]`).click();
    await expect.poll(() => page.locator('.info-panel h2').textContent()).toBe(info.title.en);
    // …and follow a link from it.
    await page.locator(`[data-list-hotspot-id="${link.id}"]`).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/en/${campus.id}/${linked.id}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe(linked.name.en);
    await page.context().close();
  });

  it('cuts instead of fading under prefers-reduced-motion, and fades otherwise', async () => {
    for (const reducedMotion of ['reduce', 'no-preference'] as const) {
      const page = await openPage(browser, { reducedMotion });
      await page.goto(`${base}/en/${campus.id}/${first.id}`);
      await waitForPanorama(page);
      const fade = await page.locator('.pano__cover').evaluate((el) => getComputedStyle(el).transitionDuration);
      expect(fade).toBe(reducedMotion === 'reduce' ? '0s' : '0.35s');
      await page.context().close();
    }
  });
});
