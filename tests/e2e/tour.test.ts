/** Guided tours and classroom presenting, as a delegate and a teacher use them. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import tours from '../../assets/content/tours.json';
import { toursFile } from '../../src/content/schema';
import { stepSeconds } from '../../src/features/tour/tourSteps';
import en from '../../src/i18n/en.json';
import zh from '../../src/i18n/zh.json';
import { axeViolations, launchBrowser, openPage, PHONE, pixelStats, readTourContent, visitState, waitForPanorama } from './browser';

const base = inject('baseUrl');
const tour = toursFile.parse(tours).tours[0]!;
const { t } = readTourContent();
const step = (n: number) => tour.steps[n - 1]!;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const captions = (page: Page) => page.locator('.captions').first();
const stepUrl = (lang: string, n: number) => `${base}/${lang}/${step(n).campus}/${step(n).stop}?tour=${tour.id}&step=${n}`;

describe('a guided tour', () => {
  it('opens step 4 from a link: its stop, view, open hotspot and captions', async () => {
    const page = await openPage(browser);
    await page.goto(stepUrl('en', 4));
    await expect.poll(() => captions(page).textContent()).toBe(step(4).narration.en);
    const state = await visitState(page);
    expect(state.place).toEqual({ page: 'stop', campusId: step(4).campus, stopId: step(4).stop });
    expect(state.view).toEqual(step(4).view);
    expect(state.openHotspotId).toBe(step(4).hotspot);
    expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('4');
    await page.context().close();
  });

  for (const [lang, ui, viewport] of [
    ['en', en, undefined],
    ['zh', zh, PHONE],
  ] as const) {
    it(`plays through with the keyboard in ${lang}: captions and places follow, focus stays on Next`, async () => {
      const page = await openPage(browser, { viewport, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
      await page.goto(`${base}/${lang}`);
      // Start from the welcome page's tour card, by keyboard.
      const start = page.getByRole('link', { name: ui.tour.startNamed.replace('{{tour}}', tour.title[lang]) });
      await start.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => captions(page).textContent()).toBe(step(1).narration[lang]);
      await waitForPanorama(page, 'preview');

      const next = page.getByRole('button', { name: ui.tour.next });
      await next.focus();
      await page.keyboard.press('Enter');
      // Step 2 is another stop: the visitor is taken there, and focus stays on Next.
      await expect.poll(() => captions(page).textContent()).toBe(step(2).narration[lang]);
      expect((await visitState(page)).place).toMatchObject({ stopId: step(2).stop });
      expect((await visitState(page)).view).toEqual(step(2).view);
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toContain(ui.tour.next);
      expect(new URL(page.url()).searchParams.get('step')).toBe('2');

      // On through the rest of the tour, across both campuses, still by keyboard.
      for (let n = 3; n <= tour.steps.length; n += 1) {
        await page.keyboard.press('Enter');
        await expect.poll(() => captions(page).textContent()).toBe(step(n).narration[lang]);
        await expect.poll(async () => (await visitState(page)).place).toEqual({ page: 'stop', campusId: step(n).campus, stopId: step(n).stop });
      }
      expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe(String(tour.steps.length));

      // Back goes to the previous step.
      await page.goBack();
      await expect.poll(() => captions(page).textContent()).toBe(step(tour.steps.length - 1).narration[lang]);

      // Leaving the tour leaves the visitor where the tour was.
      const before = await visitState(page);
      await page.getByRole('button', { name: ui.tour.leave }).click();
      expect(await page.locator('.tour-player').count()).toBe(0);
      expect(await captions(page).count()).toBe(0);
      const after = await visitState(page);
      expect(after.tour).toBeNull();
      expect(after.place).toEqual(before.place);
      expect(after.view).toEqual(before.view);
      await page.context().close();
    });
  }

  for (const reducedMotion of ['no-preference', 'reduce'] as const) {
    it(`turns the camera to a step's view ${reducedMotion === 'reduce' ? 'with a cut under prefers-reduced-motion' : 'smoothly'}`, async () => {
      const page = await openPage(browser, { reducedMotion });
      await page.goto(stepUrl('en', 1));
      await waitForPanorama(page, 'preview');
      // The visitor looks away, then goes back to the step from the list of steps.
      await page.getByRole('button', { name: en.stop.lookRight }).click();
      await page.getByRole('button', { name: en.stop.lookRight }).click();
      const away = (await visitState(page)).view!;
      expect(away.yaw).toBeGreaterThan(step(1).view.yaw + 20);
      await page.locator('.tour-player__steps summary').click();
      await page.locator('.tour-player__steps button').first().click();
      if (reducedMotion === 'reduce') {
        expect((await visitState(page)).view).toEqual(step(1).view);
      } else {
        await page.waitForTimeout(300);
        const midway = (await visitState(page)).view!;
        expect(midway.yaw).toBeLessThan(away.yaw);
        expect(midway.yaw).toBeGreaterThan(step(1).view.yaw);
        await expect.poll(async () => (await visitState(page)).view).toEqual(step(1).view);
      }
      await page.context().close();
    });
  }

  it('reads the narration aloud with a zh-CN voice and moves on when it ends; says so when there is no voice', async () => {
    const page = await openPage(browser, { locale: 'zh-CN' });
    await page.addInitScript(() => {
      const spoken: { text: string; lang: string }[] = [];
      (window as unknown as { __spoken: typeof spoken }).__spoken = spoken;
      const voices = [
        { name: 'Test Chinese', lang: 'zh-CN', default: false, localService: true, voiceURI: 'zh' },
        { name: 'Test English', lang: 'en-US', default: true, localService: true, voiceURI: 'en' },
      ];
      const fake = {
        getVoices: () => voices,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        cancel: () => undefined,
        speak: (u: SpeechSynthesisUtterance) => {
          spoken.push({ text: u.text, lang: u.lang });
          setTimeout(() => u.onend?.(new Event('end') as SpeechSynthesisEvent), 300);
        },
      };
      Object.defineProperty(window, 'speechSynthesis', { value: fake });
      // Fake voices are not SpeechSynthesisVoice objects, so the utterance is faked too.
      class FakeUtterance {
        text: string;
        lang = '';
        rate = 1;
        voice: unknown = null;
        onend: ((e: Event) => void) | null = null;
        constructor(text: string) {
          this.text = text;
        }
      }
      Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance });
    });
    await page.goto(stepUrl('zh', 1));
    await page.getByRole('button', { name: zh.tour.listen }).click();
    await page.getByRole('button', { name: zh.tour.play }).click();
    await expect.poll(() => captions(page).textContent(), { timeout: 10_000 }).toBe(step(2).narration.zh);
    const spoken = await page.evaluate(() => (window as unknown as { __spoken: { text: string; lang: string }[] }).__spoken);
    expect(spoken[0]).toEqual({ text: step(1).narration.zh, lang: 'zh-CN' });
    await page.context().close();

    const silent = await openPage(browser);
    await silent.addInitScript(() => {
      Object.defineProperty(window, 'speechSynthesis', {
        value: { getVoices: () => [], addEventListener: () => undefined, removeEventListener: () => undefined, cancel: () => undefined, speak: () => undefined },
      });
    });
    await silent.goto(stepUrl('en', 1));
    await silent.getByRole('button', { name: en.tour.listen }).click();
    const noVoice = t('en', 'tour.noVoice', { language: t('en', 'tour.voiceLang.en') });
    await expect.poll(() => silent.getByRole('status').filter({ hasText: noVoice }).count()).toBe(1);
    await silent.context().close();
  });

  it('pauses the autoplay: no step moves on while paused, however long past the step’s time', async () => {
    const page = await openPage(browser);
    // The page's clock is the test's: a step's time passes when the test says, not in real seconds.
    await page.clock.install({ time: new Date('2026-03-02T09:00:00Z') });
    await page.goto(stepUrl('en', 1));
    await expect.poll(() => captions(page).textContent()).toBe(step(1).narration.en);
    await page.clock.pauseAt(new Date('2026-03-02T09:01:00Z'));
    // How long autoplay stays on a step without a voice: the step's duration, or its narration's reading time.
    const stepMs = (n: number) => stepSeconds(step(n), 'en') * 1000;
    const atStep = async (n: number) => {
      await expect.poll(() => captions(page).textContent()).toBe(step(n).narration.en);
      expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe(String(n));
      expect((await visitState(page)).tour).toEqual({ id: tour.id, step: n - 1 });
    };

    // Playing, step 1 moves on at its time, not before.
    await page.getByRole('button', { name: en.tour.play }).click();
    await page.clock.runFor(stepMs(1) - 500);
    await atStep(1);
    await page.clock.runFor(1_000);
    await atStep(2);

    // Paused on step 2: three times its time goes by, and it stays.
    await page.getByRole('button', { name: en.tour.pause }).click();
    expect(await page.getByRole('button', { name: en.tour.play }).getAttribute('aria-pressed')).toBe('false');
    await page.clock.runFor(3 * stepMs(2));
    await atStep(2);
    expect(new URL(page.url()).searchParams.get('step')).toBe('2');

    // Played again, it moves on after the step's whole time (the pause did not count towards it).
    await page.getByRole('button', { name: en.tour.play }).click();
    await page.clock.runFor(stepMs(2) - 500);
    await atStep(2);
    await page.clock.runFor(1_000);
    await atStep(3);
    await page.context().close();
  });
});

describe('presenter mode', () => {
  it('is driven by clicker keys, blanks the screen, shows the key card, and leaves with Esc', async () => {
    const page = await openPage(browser);
    await page.goto(stepUrl('en', 1));
    await waitForPanorama(page, 'preview');
    await page.getByRole('button', { name: en.tour.present }).click();
    expect(await page.evaluate(() => document.documentElement.classList.contains('is-presenting'))).toBe(true);
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    await page.keyboard.press('PageDown');
    await expect.poll(() => captions(page).textContent()).toBe(step(2).narration.en);
    // Captions are large: readable from the back of a room. (Step 1's long narration shrinks to
    // fit the screen; a step of ordinary length keeps the full size.)
    const size = await captions(page).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(28);
    await page.keyboard.press('Space');
    await expect.poll(() => captions(page).textContent()).toBe(step(3).narration.en);
    await page.keyboard.press('PageUp');
    await expect.poll(() => captions(page).textContent()).toBe(step(2).narration.en);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => captions(page).textContent()).toBe(step(3).narration.en);

    await page.keyboard.press('b');
    const black = await pixelStats(page.locator('body'));
    expect(Math.max(...black.mean)).toBeLessThan(5);
    await page.keyboard.press('.');
    expect(await page.locator('.blank-screen').count()).toBe(0);

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: en.presenterHelp.title });
    expect(await help.isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    expect(await help.count()).toBe(0);

    // Both languages at once, for a mixed class.
    await page.getByRole('button', { name: en.tour.bilingual }).click();
    await expect.poll(() => captions(page).locator('p').count()).toBe(2);
    expect(await captions(page).locator('p[lang="zh-CN"]').textContent()).toBe(step(3).narration.zh);

    // Esc closes the innermost thing first: the step's open panel, then presenter mode.
    await page.keyboard.press('Escape');
    expect((await visitState(page)).openHotspotId).toBeNull();
    expect(await page.evaluate(() => document.documentElement.classList.contains('is-presenting'))).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.documentElement.classList.contains('is-presenting'))).toBe(false);
    await page.context().close();
  });

  it('keeps the speaker-notes window and the main window on the same step, both ways', async () => {
    const main = await openPage(browser);
    await main.goto(stepUrl('en', 2));
    await waitForPanorama(main, 'preview');
    await main.getByRole('button', { name: en.tour.present }).click();
    const [notes] = await Promise.all([
      main.context().waitForEvent('page'),
      main.getByRole('button', { name: en.tour.notesWindow }).click(),
    ]);
    await notes!.waitForLoadState();
    const count = notes!.locator('.notes__count');
    await expect.poll(() => count.textContent()).toBe(t('en', 'tour.progress', { step: 2, count: tour.steps.length }));
    expect(await notes!.locator('.notes__now').textContent()).toContain(step(2).notes!.en);
    expect(await notes!.locator('.notes__clock').textContent()).toMatch(/^\d+:\d\d$/);

    // Advance from the notes window: the main window follows.
    await notes!.getByRole('button', { name: en.tour.next }).click();
    await expect.poll(() => captions(main).textContent()).toBe(step(3).narration.en);
    // Advance from the main window: the notes window follows.
    await main.keyboard.press('PageDown');
    await expect.poll(() => count.textContent()).toBe(t('en', 'tour.progress', { step: 4, count: tour.steps.length }));
    expect(await notes!.locator('.notes__next').textContent()).toContain(step(5).narration.en);
    expect(await axeViolations(notes!)).toEqual([]);
    await main.context().close();
  });
});

it('has no axe violations in the tour player, in both languages', async () => {
  for (const lang of ['en', 'zh']) {
    const page = await openPage(browser, { locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
    await page.goto(stepUrl(lang, 2));
    await waitForPanorama(page, 'preview');
    await page.locator('.tour-player__steps summary').click();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  }
});
