/**
 * A whole guided tour with the keyboard alone, in each language: from the welcome page by Tab and
 * Enter, every step, presenter mode and out, leaving the tour — focus always somewhere named, the
 * title and the captions following, and axe at zero on the way.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import college from '../../assets/content/college.json';
import nanchuan from '../../assets/content/campuses/nanchuan.json';
import yubei from '../../assets/content/campuses/yubei.json';
import tours from '../../assets/content/tours.json';
import en from '../../src/i18n/en.json';
import zh from '../../src/i18n/zh.json';
import { axeViolations, DESKTOP, launchBrowser, openPage, PHONE, visitState } from './browser';
import { focused, tabTo } from './focus';

const base = inject('baseUrl');
const tour = tours.tours.find((t) => t.id === 'college-in-10-stops')!;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const startsWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
const stopName = (n: number, lang: 'en' | 'zh') => {
  const s = tour.steps[n - 1]!;
  return [yubei, nanchuan].find((c) => c.id === s.campus)!.stops.find((x) => x.id === s.stop)!.name[lang];
};
const presenting = (page: Page) => page.evaluate(() => document.documentElement.classList.contains('is-presenting'));

describe.each([
  ['en', en, DESKTOP],
  ['zh', zh, PHONE],
] as const)('the whole tour by keyboard in %s', (lang, ui, viewport) => {
  it('walks every step, presents and leaves, with focus never on <body>', async () => {
    const page = await openPage(browser, { viewport, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
    const captions = () => page.locator('.captions').first().textContent();
    const progress = (n: number) => ui.tour.progress.replace('{{step}}', String(n)).replace('{{count}}', String(tour.steps.length));
    await page.goto(`${base}/${lang}`);
    await page.locator('h1').first().waitFor();

    await tabTo(page, ui.tour.startNamed.replace('{{tour}}', tour.title[lang]));
    await page.keyboard.press('Enter');
    await expect.poll(captions).toBe(tour.steps[0]!.narration[lang]);
    await expect.poll(() => page.title()).toContain(`${progress(1)} · ${stopName(1, lang)}`);
    expect(await axeViolations(page)).toEqual([]);

    await tabTo(page, startsWith(ui.tour.next));
    for (let n = 2; n <= tour.steps.length; n++) {
      await page.keyboard.press('Enter');
      await expect.poll(captions).toBe(tour.steps[n - 1]!.narration[lang]);
      await expect.poll(() => page.title()).toContain(`${progress(n)} · ${stopName(n, lang)}`);
      // The tour moves the visitor; focus stays on Next.
      expect((await focused(page)).name).toMatch(startsWith(ui.tour.next));
    }
    expect(await axeViolations(page)).toEqual([]);

    // Present: focus moves to Next (Present is gone); Page Up goes back a step.
    await tabTo(page, ui.tour.present);
    await page.keyboard.press('Enter');
    await expect.poll(() => presenting(page)).toBe(true);
    expect((await focused(page)).name).toMatch(startsWith(ui.tour.next));
    await page.keyboard.press('PageUp');
    await expect.poll(captions).toBe(tour.steps[tour.steps.length - 2]!.narration[lang]);
    expect(await axeViolations(page)).toEqual([]);
    // Esc closes the step's open panel first, then leaves presenter mode; focus stays on Next.
    expect((await visitState(page)).openHotspotId).toBe(tour.steps[tour.steps.length - 2]!.hotspot);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await visitState(page)).openHotspotId).toBeNull();
    expect(await presenting(page)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => presenting(page)).toBe(false);
    expect((await focused(page)).name).toMatch(startsWith(ui.tour.next));

    // Leave the tour: focus goes to the stop's heading, the title drops the step.
    await tabTo(page, ui.tour.leave);
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page).then((f) => f.id)).toBe('stop-title');
    expect((await focused(page)).text).toBe(stopName(tour.steps.length - 1, lang));
    await expect.poll(() => page.title()).toBe(`${stopName(tour.steps.length - 1, lang)} · ${nanchuan.name[lang]} · ${college.programme[lang]}`);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
