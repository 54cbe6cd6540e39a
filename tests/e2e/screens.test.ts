/**
 * Right on every screen (issue 18): what a delegate on a phone and a teacher at a projector see,
 * checked as geometry — nothing off screen, nothing covering a control, nothing taller than the
 * screen — at 390×844, 1280×720 and 1920×1080, in Chinese and English.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import tours from '../../assets/content/tours.json';
import en from '../../src/i18n/en.json';
import zh from '../../src/i18n/zh.json';
import { launchBrowser, openPage, PHONE } from './browser';
import { boxes, inside, overlap, overlappingPairs, screenBox, settle, SIZES } from './screens';

const base = inject('baseUrl');
const ui = { en, zh } as const;
const tour = tours.tours.find((t) => t.id === 'college-in-10-stops')!;
const step = (n: number) => tour.steps[n - 1]!;
const stepUrl = (lang: string, n: number) => `${base}/${lang}/${step(n).campus}/${step(n).stop}?tour=${tour.id}&step=${n}`;
const locale = (lang: 'en' | 'zh') => (lang === 'zh' ? 'zh-CN' : 'en-US');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('navigation shows the top of where it leads', () => {
  for (const [lang, viewport] of [
    ['zh', PHONE],
    ['en', SIZES.laptop],
  ] as const) {
    it(`"Start the tour" at the foot of the welcome page lands on the panorama (${lang}, ${viewport.width}px)`, async () => {
      const page = await openPage(browser, { viewport, locale: locale(lang) });
      await page.goto(`${base}/${lang}`);
      const start = page.getByRole('link', { name: ui[lang].tour.startNamed.replace('{{tour}}', tour.title[lang]) });
      await start.scrollIntoViewIfNeeded();
      expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
      await start.click();
      await page.locator('.captions').first().waitFor();
      await settle(page);
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      const [stage] = await boxes(page.locator('.stage'));
      // The panorama starts on the first screen, not scrolled away above it.
      expect(stage!.y).toBeGreaterThanOrEqual(0);
      expect(stage!.y).toBeLessThan(viewport.height / 2);
      await page.context().close();
    });
  }
});

/** Enters presenter mode from the tour player, as a teacher does. */
async function present(page: Page, lang: 'en' | 'zh', bilingual: boolean) {
  await page.getByRole('button', { name: ui[lang].tour.present, exact: true }).click();
  await page.locator('html.is-presenting').waitFor();
  if (bilingual) await page.getByRole('button', { name: ui[lang].tour.bilingual }).click();
  await settle(page);
}

/** Waits for the captions of step n. */
async function atStep(page: Page, n: number, lang: 'en' | 'zh') {
  await expect.poll(() => page.locator('.captions__line').first().textContent()).toBe(step(n).narration[lang]);
  await settle(page);
}

describe('presenter mode on a projector', () => {
  for (const [size, viewport] of [
    ['1280×720', SIZES.laptop],
    ['1920×1080', SIZES.projector],
  ] as const) {
    for (const [lang, bilingual] of [
      ['en', false],
      ['zh', false],
      ['en', true],
    ] as const) {
      it(`captions fit the screen, clear of the toolbar, at every step (${size}, ${lang}${bilingual ? ', both languages' : ''})`, async () => {
        const page = await openPage(browser, { viewport, locale: locale(lang), reducedMotion: 'reduce' });
        await page.goto(stepUrl(lang, 1));
        await present(page, lang, bilingual);
        const screen = screenBox(page);
        for (let n = 1; n <= tour.steps.length; n++) {
          if (n > 1) await page.keyboard.press('PageDown');
          await atStep(page, n, lang);
          const [captions] = await boxes(page.locator('.captions'));
          const [toolbar] = await boxes(page.locator('.tour-player'));
          expect(inside(captions!, screen), `step ${n}: captions ${JSON.stringify(captions)} off the screen`).toBe(true);
          expect(overlap(captions!, toolbar!), `step ${n}: captions under the toolbar`).toBe(false);
          // Nothing of the narration is cut: the box shows all it holds.
          const cut = await page.locator('.captions').evaluate((el) => el.scrollHeight > el.clientHeight + 1);
          expect(cut, `step ${n}: narration cut`).toBe(false);
        }
        await page.context().close();
      });
    }

    it(`the toolbar is one row that covers no control or panel (${size})`, async () => {
      for (const lang of ['en', 'zh'] as const) {
        const page = await openPage(browser, { viewport, locale: locale(lang), reducedMotion: 'reduce' });
        // Step 2 opens an information panel.
        const withPanel = tour.steps.findIndex((s) => 'hotspot' in s && s.hotspot) + 1;
        await page.goto(stepUrl(lang, withPanel));
        await present(page, lang, false);
        const screen = screenBox(page);
        const [toolbar] = await boxes(page.locator('.tour-player'));
        expect(toolbar!.height, 'one row').toBeLessThanOrEqual(64);
        const toolbarControls = await boxes(page.locator('.tour-player__controls > *'));
        for (const control of toolbarControls) expect(inside(control, screen), `${lang}: toolbar control off screen`).toBe(true);
        expect(overlappingPairs(toolbarControls), `${lang}: toolbar controls on each other`).toEqual([]);
        const others = [
          ...(await boxes(page.locator('.view-controls button'))),
          ...(await boxes(page.locator('.info-panel'))),
          ...(await boxes(page.locator('.captions'))),
        ];
        expect(others.length).toBeGreaterThan(8);
        for (const box of others) {
          expect(overlap(box, toolbar!), `${lang}: ${JSON.stringify(box)} under the toolbar`).toBe(false);
          expect(inside(box, screen), `${lang}: ${JSON.stringify(box)} off screen`).toBe(true);
        }
        // The captions do not lie over the open panel.
        const [panel] = await boxes(page.locator('.info-panel'));
        const [captions] = await boxes(page.locator('.captions'));
        expect(overlap(panel!, captions!), `${lang}: captions over the panel`).toBe(false);
        await page.context().close();
      }
    });
  }

  it('a closing card follows the last step; Page Up goes back to it', async () => {
    const page = await openPage(browser, { viewport: SIZES.laptop, reducedMotion: 'reduce' });
    await page.goto(stepUrl('en', tour.steps.length));
    await present(page, 'en', false);
    await atStep(page, tour.steps.length, 'en');
    await page.keyboard.press('PageDown');
    const card = page.getByRole('status').filter({ hasText: en.tour.finished });
    await card.waitFor();
    expect(await card.textContent()).toContain(tour.title.en);
    const [box] = await boxes(card);
    expect(inside(box!, screenBox(page))).toBe(true);
    await page.keyboard.press('PageUp');
    await card.waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.get('step')).toBe(String(tour.steps.length));
    await page.context().close();
  });
});
