/**
 * Where am I, and where else can I go (issue 18, item 12): on a wide screen a strip of the
 * campus's stops right under the panorama, on the first screen at 1280×720, covering none of the
 * viewer's controls, hotspot names or captions; and a "You are here" plan in the side column.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import en from '../../src/i18n/en.json';
import zh from '../../src/i18n/zh.json';
import campus from '../../assets/content/campuses/yubei.json';
import { axeViolations, launchBrowser, openPage, PHONE } from './browser';
import { boxes, inside, overlap, screenBox, settle, SIZES, withoutPanoramas } from './screens';

const base = inject('baseUrl');
const ui = { en, zh } as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the strip of stops on a wide screen', () => {
  it('is on the first screen at 1280×720, clear of every control, hotspot name and caption over the panorama', async () => {
    const page = await openPage(browser, { viewport: SIZES.laptop, locale: 'en-US' });
    await withoutPanoramas(page);
    // A tour step: the captions are over the panorama's lower edge, where the strip must not go.
    await page.goto(`${base}/en/yubei/library?tour=college-in-10-stops&step=2`);
    const strip = page.getByRole('navigation', { name: ui.en.stop.stripLabel.replace('{{campus}}', campus.name.en) });
    await strip.waitFor();
    await page.locator('.view-controls button').first().waitFor();
    await settle(page);
    const [box] = await boxes(strip);
    expect(inside(box!, screenBox(page)), `strip ${JSON.stringify(box)}`).toBe(true);
    const links = strip.getByRole('link');
    expect(await links.count()).toBe(campus.stops.length);
    // Every stop is in the strip's one row (it scrolls sideways where they do not all fit), the current one in view.
    for (const link of await boxes(links)) expect(link.y >= box!.y && link.y + link.height <= box!.y + box!.height + 1, `a stop at ${JSON.stringify(link)}`).toBe(true);
    const [current] = await boxes(strip.locator('[aria-current="page"]'));
    expect(inside(current!, screenBox(page))).toBe(true);
    expect(inside(current!, box!)).toBe(true);
    const covered = [
      ...(await boxes(page.locator('.view-controls button'))),
      ...(await boxes(page.locator('.viewer-tools button'))),
      ...(await boxes(page.locator('.hotspot-layer .hotspot, .hotspot__caption'))),
      ...(await boxes(page.locator('.captions'))),
    ];
    expect(covered.length).toBeGreaterThan(5);
    for (const other of covered) expect(overlap(box!, other), `strip ${JSON.stringify(box)} on ${JSON.stringify(other)}`).toBe(false);
    expect(await strip.locator('[aria-current="page"]').textContent()).toContain(campus.stops[1]!.name.en);
    // The keyboard reaches the last stop, and it scrolls into view.
    await links.last().focus();
    await settle(page);
    const [last] = await boxes(links.last());
    expect(inside(last!, box!)).toBe(true);
    await page.context().close();
  });

  it('leaves phones their strip under the picture (the side list) and shows no second one', async () => {
    const page = await openPage(browser, { viewport: PHONE, locale: 'zh-CN' });
    await withoutPanoramas(page);
    await page.goto(`${base}/zh/yubei/library`);
    await page.getByRole('navigation', { name: ui.zh.stop.stopsHeading.replace('{{campus}}', campus.name.zh) }).waitFor();
    expect(await page.getByRole('navigation', { name: ui.zh.stop.stripLabel.replace('{{campus}}', campus.name.zh) }).count()).toBe(0);
    await page.context().close();
  });
});

describe('"You are here" on a stop page', () => {
  for (const [lang, viewport] of [
    ['en', SIZES.laptop],
    ['zh', PHONE],
  ] as const) {
    it(`shows the campus plan with the stop marked, and the page has no axe violations (${lang}, ${viewport.width}px)`, async () => {
      const page = await openPage(browser, { viewport, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
      await withoutPanoramas(page);
      await page.goto(`${base}/${lang}/yubei/training-centre`);
      const map = page.getByRole('navigation', { name: ui[lang].stop.mapLabel.replace('{{campus}}', campus.name[lang]) });
      await map.waitFor();
      await settle(page);
      await page.screenshot({ path: `/tmp/i18c-stop-${lang}-${viewport.width}.png`, fullPage: lang === 'zh' });
      expect(await map.getByRole('link').count()).toBe(campus.stops.length - 1);
      const here = map.locator('[aria-current="location"]');
      expect(await here.textContent()).toContain(campus.stops.find((s) => s.id === 'training-centre')!.name[lang]);
      // Every name and dot lies inside the map's column, no name over another.
      const [frame] = await boxes(map);
      const names = await boxes(map.locator('.stop-map__name'));
      expect(names).toHaveLength(campus.stops.length);
      for (const n of names) expect(inside(n, frame!), `${JSON.stringify(n)} outside ${JSON.stringify(frame)}`).toBe(true);
      // Names that gave way (shown on hover and focus only) are clipped to a pixel: only what is seen may not overlap.
      const seen = names.filter((n) => n.width > 2 && n.height > 2);
      expect(seen.length).toBeGreaterThan(campus.stops.length / 2);
      for (let i = 0; i < seen.length; i++) for (let j = i + 1; j < seen.length; j++) expect(overlap(seen[i]!, seen[j]!), `names ${i} and ${j}`).toBe(false);
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    });
  }
});
