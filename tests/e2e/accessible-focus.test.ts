/**
 * What axe cannot see (issue 19): focus rings on any panorama, focus never hidden and never lost,
 * presenter keys that leave a focused control its keys, one voice for the narration, announced
 * status and errors, a title per page — with axe kept at zero in every state reached.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import college from '../../assets/content/college.json';
import nanchuan from '../../assets/content/campuses/nanchuan.json';
import yubei from '../../assets/content/campuses/yubei.json';
import tours from '../../assets/content/tours.json';
import en from '../../src/i18n/en.json';
import zh from '../../src/i18n/zh.json';
import sharp from 'sharp';
import { axeViolations, launchBrowser, openPage, visitState, waitForPanorama } from './browser';
import { focused, ringContrast } from './focus';

const base = inject('baseUrl');
const tour = tours.tours.find((t) => t.id === 'college-in-10-stops')!;
const ui = { en, zh };
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const stopOf = (campusId: string, stopId: string) => [yubei, nanchuan].find((c) => c.id === campusId)!.stops.find((s) => s.id === stopId)!;
const campusOf = (campusId: string) => [yubei, nanchuan].find((c) => c.id === campusId)!;
const stepUrl = (lang: string, n: number) => `${base}/${lang}/${tour.steps[n - 1]!.campus}/${tour.steps[n - 1]!.stop}?tour=${tour.id}&step=${n}`;
const title = (page: Page) => page.evaluate(() => document.title);
const captions = (page: Page) => page.locator('.captions').first();

/** Is the element at its own centre on top, i.e. not covered by anything? */
const onTop = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && el.contains(hit);
  }, selector);

describe('focus rings on the panorama (1.4.11)', () => {
  // A light floor (Main Gate: the old gold ring reached 1.1:1 there) and a dark machine bench.
  it.each([
    ['a light floor', 'yubei/main-gate?yaw=0&pitch=0&fov=90', 'to-library'],
    ['a dark bench', 'yubei/mechanical-workshop?yaw=-60&pitch=-8&fov=90', 'machine-tools'],
  ])('a focused hotspot over %s has a ring of at least 3:1 against what lies behind it, all round', async (_, path, id) => {
    const page = await openPage(browser);
    await page.goto(`${base}/en/${path}`);
    await waitForPanorama(page, 'full');
    const hotspot = page.locator(`[data-hotspot-id="${id}"]`);
    const ring = await ringContrast(page, hotspot, hotspot.locator('.hotspot__icon'));
    expect(ring.sides.left).toBeGreaterThanOrEqual(3);
    expect(ring.sides.right).toBeGreaterThanOrEqual(3);
    expect(ring.sides.up).toBeGreaterThanOrEqual(3);
    expect(ring.sides.down).toBeGreaterThanOrEqual(3);
    await page.context().close();
  });

  it('the view buttons on the panorama have a ring of at least 3:1 too', async () => {
    const page = await openPage(browser);
    await page.goto(`${base}/en/yubei/main-gate`);
    await waitForPanorama(page, 'full');
    const button = page.getByRole('button', { name: en.stop.zoomIn });
    const ring = await ringContrast(page, button, button, 8);
    expect(ring.weakest).toBeGreaterThanOrEqual(3);
    await page.context().close();
  });
});

describe('forced colours (Windows high contrast)', () => {
  /** The mean colour of a part of the screen. */
  const meanColour = async (page: Page, clip: { x: number; y: number; width: number; height: number }) =>
    (await sharp(await page.screenshot({ clip })).stats()).channels.slice(0, 3).map((c) => c.mean);
  const distance = (a: number[], b: number[]) => Math.hypot(...a.map((v, i) => v - b[i]!));

  it("still show the tour's progress and which hotspot is open", async () => {
    const page = await openPage(browser);
    await page.emulateMedia({ forcedColors: 'active' });
    await page.goto(stepUrl('en', 5));
    await waitForPanorama(page, 'preview');
    // Step 5 of 10: the bar's first quarter is filled, its last quarter is not.
    const bar = (await page.locator('.progress').boundingBox())!;
    const filled = await meanColour(page, { x: bar.x + 2, y: bar.y + 1, width: bar.width / 4, height: Math.max(1, bar.height - 2) });
    const empty = await meanColour(page, { x: bar.x + (bar.width * 3) / 4, y: bar.y + 1, width: bar.width / 4 - 2, height: Math.max(1, bar.height - 2) });
    expect(distance(filled, empty)).toBeGreaterThan(60);

    // The open hotspot's marker looks different from the same marker once its panel is closed.
    const icon = page.locator(`[data-hotspot-id="${tour.steps[4]!.hotspot}"] .hotspot__icon`);
    const box = (await icon.boundingBox())!;
    const inner = { x: box.x + 8, y: box.y + 8, width: box.width - 16, height: box.height - 16 };
    const open = await meanColour(page, inner);
    await page.getByRole('button', { name: en.stop.closePanel }).click();
    await expect.poll(() => page.locator('.info-panel').count()).toBe(0);
    const closed = await meanColour(page, inner);
    expect(distance(open, closed)).toBeGreaterThan(60);
    await page.context().close();
  });
});

describe('a title for every page (2.4.2)', () => {
  it.each(['en', 'zh'] as const)('names the place, the tour step, the notes and the live tour in %s, and follows navigation', async (lang) => {
    const page = await openPage(browser, { locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
    const programme = college.programme[lang];
    const t = ui[lang];
    await page.goto(`${base}/${lang}`);
    await expect.poll(() => title(page)).toBe(`${college.name[lang]} · ${programme}`);
    await page.goto(`${base}/${lang}/about`);
    await expect.poll(() => title(page)).toBe(`${t.nav.about} · ${programme}`);
    await page.goto(`${base}/${lang}/nanchuan`);
    await expect.poll(() => title(page)).toBe(`${nanchuan.name[lang]} · ${programme}`);
    await page.goto(`${base}/${lang}/yubei/library`);
    await expect.poll(() => title(page)).toBe(`${stopOf('yubei', 'library').name[lang]} · ${yubei.name[lang]} · ${programme}`);

    // A tour step says which step; Next changes the title with the place.
    await page.goto(stepUrl(lang, 1));
    const stepTitle = (n: number) =>
      `${t.tour.progress.replace('{{step}}', String(n)).replace('{{count}}', '10')} · ${stopOf(tour.steps[n - 1]!.campus, tour.steps[n - 1]!.stop).name[lang]} · ${campusOf(tour.steps[n - 1]!.campus).name[lang]} · ${tour.title[lang]} · ${programme}`;
    await expect.poll(() => title(page)).toBe(stepTitle(1));
    await page.getByRole('button', { name: t.tour.next }).click();
    await expect.poll(() => title(page)).toBe(stepTitle(2));

    await page.goto(`${base}/${lang}/notes/${tour.id}?step=3`);
    await expect.poll(() => title(page)).toBe(
      `${t.notes.heading.replace('{{tour}}', tour.title[lang])} · ${t.tour.progress.replace('{{step}}', '3').replace('{{count}}', '10')} · ${programme}`,
    );
    await page.goto(`${base}/${lang}/live/k7qx2m`);
    await expect.poll(() => title(page)).toBe(`${t.live.joinThis.replace('{{code}}', 'K7Q-X2M')} · ${programme}`);
    await page.goto(`${base}/${lang}/yubei/nowhere`);
    await expect.poll(() => title(page)).toBe(`${t.notFound.title} · ${programme}`);
    await page.context().close();
  });
});

describe('presenter mode by keyboard (2.1.1, 2.4.3, 2.4.11)', () => {
  it('Space presses the focused button, Esc closes the panel before leaving, and focus is never lost', async () => {
    const page = await openPage(browser);
    await page.goto(stepUrl('en', 1));
    await waitForPanorama(page, 'preview');
    await page.getByRole('button', { name: en.tour.present }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('is-presenting'))).toBe(true);
    // Present gave way to presenter controls; focus is on Next, where Space moves on like the clicker.
    expect((await focused(page)).name).toMatch(new RegExp(`^${en.tour.next}`));

    // Space on "Both languages" presses it; the tour stays on step 1.
    const both = page.getByRole('button', { name: en.tour.bilingual });
    await both.focus();
    await page.keyboard.press(' ');
    expect(await both.getAttribute('aria-pressed')).toBe('true');
    expect((await visitState(page)).tour?.step).toBe(0);
    // Page Down, a clicker's key, still moves on, whatever has focus.
    await page.keyboard.press('PageDown');
    await expect.poll(async () => (await visitState(page)).tour?.step).toBe(1);
    await expect.poll(() => captions(page).locator('p').count()).toBe(2);

    // Step 2 opens a panel: neither its Close button nor the view buttons lie under the player bar.
    await page.locator('.info-panel').waitFor();
    const belowBar = (selector: string) =>
      page.evaluate((sel) => {
        const bar = document.querySelector('.tour-player')!.getBoundingClientRect();
        return [...document.querySelectorAll(sel)].every((el) => el.getBoundingClientRect().top >= bar.bottom);
      }, selector);
    expect(await belowBar('.info-panel .icon-button')).toBe(true);
    expect(await belowBar('.view-controls button')).toBe(true);
    expect(await onTop(page, '.info-panel .icon-button')).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // Esc in the open panel closes the panel (focus back in the page), not presenter mode.
    await page.locator('.info-panel h2').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.info-panel').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.classList.contains('is-presenting'))).toBe(true);
    expect((await focused(page)).tag).not.toBe('body');

    // The key card holds Tab while open; Esc closes it and focus returns.
    await page.getByRole('button', { name: en.tour.keys }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page).then((f) => f.name)).toBe(en.presenterHelp.close);
    expect(await axeViolations(page)).toEqual([]);
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      expect((await focused(page)).name).toBe(en.presenterHelp.close);
    }
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).name).toBe(en.presenterHelp.close);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.presenter-help').count()).toBe(0);
    expect((await focused(page)).name).toBe(en.tour.keys);

    // With focus on a button that leaves with the mode, Esc leaves presenter mode: focus goes to Present.
    await page.getByRole('button', { name: en.tour.bilingual }).focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('is-presenting'))).toBe(false);
    expect((await focused(page)).name).toBe(en.tour.present);
    await page.context().close();
  });

  it('the speaker-notes window leaves Space to its focused buttons', async () => {
    const page = await openPage(browser);
    await page.goto(`${base}/en/notes/${tour.id}?step=2`);
    await page.getByRole('button', { name: en.notes.restart }).focus();
    await page.keyboard.press(' ');
    // The focused button took the key: still on step 2.
    expect((await visitState(page)).tour?.step).toBe(1);
    await page.keyboard.press('PageDown');
    await expect.poll(async () => (await visitState(page)).tour?.step).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('focus is never hidden nor lost on a stop (2.4.11, 2.4.3)', () => {
  it('no hotspot that can take focus lies under the captions', async () => {
    const page = await openPage(browser);
    await page.goto(stepUrl('en', 1));
    await waitForPanorama(page, 'full');
    await expect.poll(() => captions(page).textContent()).toBe(tour.steps[0]!.narration.en);
    const hidden = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.hotspot')]
        .filter((b) => !b.closest('[inert]'))
        .filter((b) => {
          const r = b.getBoundingClientRect();
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return !hit || !b.contains(hit);
        })
        .map((b) => b.getAttribute('aria-label')),
    );
    expect(hidden).toEqual([]);
    await page.context().close();
  });

  it('hotspots take focus left to right, and an arrow key that turns the focused one away leaves focus on the view', async () => {
    const page = await openPage(browser);
    await page.goto(`${base}/en/yubei/main-gate?yaw=0&pitch=0&fov=90`);
    await waitForPanorama(page, 'preview');
    await page.locator('.pano').focus();
    const order: string[] = [];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => document.activeElement?.getAttribute('data-hotspot-id') ?? null);
      if (!id) break;
      order.push(id);
    }
    const yawOf = (id: string) => yubei.stops[0]!.hotspots.find((h) => h.id === id)!.yaw;
    expect(order.length).toBeGreaterThanOrEqual(3);
    expect(order.map(yawOf)).toEqual(order.map(yawOf).sort((a, b) => a - b));

    // Focus the leftmost and turn right until it leaves the screen.
    await page.locator(`[data-hotspot-id="${order[0]}"]`).focus();
    for (let i = 0; i < 12 && (await page.locator(`[data-hotspot-id="${order[0]}"]`).count()) > 0; i++) await page.keyboard.press('ArrowRight');
    expect(await page.locator(`[data-hotspot-id="${order[0]}"]`).count()).toBe(0);
    expect((await focused(page)).className).toContain('pano');
    await page.context().close();
  });

  it('leaving the tour puts focus on the stop’s heading', async () => {
    const page = await openPage(browser);
    await page.goto(stepUrl('en', 2));
    await waitForPanorama(page, 'preview');
    await page.getByRole('button', { name: en.tour.leave }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.tour-player').count()).toBe(0);
    await expect.poll(() => focused(page).then((f) => f.id)).toBe('stop-title');
    await page.context().close();
  });
});

describe('reading aloud (one voice at a time)', () => {
  it('while the narration is spoken the captions are not a live region; without the voice they are', async () => {
    const page = await openPage(browser);
    // A device with an English voice that records what it is asked to say.
    await page.context().addInitScript(() => {
      const spoken: string[] = [];
      const voice = { lang: 'en-US', name: 'Test voice', default: true, localService: true, voiceURI: 'test' };
      (window as unknown as { __spoken: string[] }).__spoken = spoken;
      class Utterance {
        text: string;
        voice: unknown = null;
        lang = '';
        rate = 1;
        onend: (() => void) | null = null;
        constructor(text: string) {
          this.text = text;
        }
      }
      Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
      Object.defineProperty(window, 'speechSynthesis', {
        configurable: true,
        value: {
          getVoices: () => [voice],
          speak: (u: Utterance) => spoken.push(u.text),
          cancel: () => undefined,
          addEventListener: () => undefined,
          removeEventListener: () => undefined,
        },
      });
    });
    await page.goto(stepUrl('en', 1));
    expect(await captions(page).getAttribute('aria-live')).toBe('polite');
    await page.getByRole('button', { name: en.tour.listen }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken.at(-1))).toBe(tour.steps[0]!.narration.en);
    expect(await captions(page).getAttribute('aria-live')).toBe('off');
    await page.getByRole('button', { name: en.tour.next }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken.at(-1))).toBe(tour.steps[1]!.narration.en);
    expect(await captions(page).getAttribute('aria-live')).toBe('off');
    await page.getByRole('button', { name: en.tour.listen }).click();
    expect(await captions(page).getAttribute('aria-live')).toBe('polite');
    await page.context().close();
  });
});

describe('the join form explains a wrong code (3.3.1)', () => {
  it.each(['en', 'zh'] as const)('says what a code looks like in %s, and goes once it is right', async (lang) => {
    const page = await openPage(browser, { locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
    await page.goto(`${base}/${lang}`);
    const input = page.getByLabel(ui[lang].live.codeLabel, { exact: true });
    await input.fill('AB1');
    await input.press('Enter');
    const message = ui[lang].live.codeFormat.replace('{{length}}', '6');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: message }).count()).toBe(1);
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect((await focused(page)).id).toBe('join-code');
    expect(await axeViolations(page)).toEqual([]);
    await input.fill('k7q x2m');
    await input.press('Enter');
    await page.waitForURL(`${base}/${lang}/live/K7QX2M`);
    await page.context().close();
  });
});

describe('a live session by keyboard (2.4.3, 4.1.3)', () => {
  it('focus follows Start, Join, End and Leave; the delegate hears the session end', async () => {
    const guide = await openPage(browser);
    await guide.goto(`${base}/en/yubei/library`);
    await guide.getByRole('button', { name: en.live.start }).focus();
    await guide.keyboard.press('Enter');
    await guide.locator('.live-panel__code').waitFor({ timeout: 15_000 });
    await expect.poll(() => focused(guide).then((f) => f.id)).toBe('live-panel-heading');
    const code = (await guide.locator('.live-panel__code').textContent())!.replace('-', '');
    expect(await axeViolations(guide)).toEqual([]);

    const delegate = await openPage(browser, { locale: 'zh-CN' });
    await delegate.goto(`${base}/zh/live/${code}`);
    await delegate.getByRole('button', { name: zh.live.join, exact: true }).focus();
    await delegate.keyboard.press('Enter');
    await expect.poll(() => delegate.locator('#main h1').textContent(), { timeout: 15_000 }).toBe(stopOf('yubei', 'library').name.zh);
    // Focus went to the page the delegate joined, not to <body>.
    await expect.poll(() => focused(delegate).then((f) => f.text)).toBe(stopOf('yubei', 'library').name.zh);
    await expect.poll(() => delegate.getByRole('status').filter({ hasText: zh.live.following }).count()).toBe(1);
    expect(await axeViolations(delegate)).toEqual([]);

    // Shift+Tab back up the side list never leaves focus under the sticky live bar.
    await delegate.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await delegate.locator('.stop-list a, .stop-list button').last().focus();
    for (let i = 0; i < 6; i++) {
      await delegate.keyboard.press('Shift+Tab');
      const [barBottom, top] = await delegate.evaluate(() => [
        document.querySelector('.delegate-bar')!.getBoundingClientRect().bottom,
        document.activeElement!.getBoundingClientRect().top,
      ]);
      expect(top).toBeGreaterThanOrEqual(barBottom);
    }

    await guide.getByRole('button', { name: en.live.end }).focus();
    await guide.keyboard.press('Enter');
    // Ending asks first: focus goes to the safe answer, never to <body>.
    await expect.poll(() => focused(guide).then((f) => f.name)).toBe(en.live.keepGoing);
    await guide.getByRole('button', { name: en.live.endNow }).focus();
    await guide.keyboard.press('Enter');
    // Focus goes to the notice that says it has ended, where the panel was (issue 18, 9)…
    await expect.poll(() => focused(guide).then((f) => f.name)).toBe(en.screens.liveEnded.heading);
    // …and from its OK to the button that starts a new session.
    await guide.getByRole('button', { name: en.screens.liveEnded.dismiss, exact: true }).focus();
    await guide.keyboard.press('Enter');
    await expect.poll(() => focused(guide).then((f) => f.name)).toBe(en.live.start);
    // The delegate's bar says so in a status region, which a screen reader announces.
    await expect.poll(() => delegate.getByRole('status').filter({ hasText: zh.live.ended }).count(), { timeout: 15_000 }).toBe(1);
    await delegate.getByRole('button', { name: zh.live.leave }).focus();
    await delegate.keyboard.press('Enter');
    await expect.poll(() => delegate.locator('.delegate-bar').count()).toBe(0);
    expect((await focused(delegate)).tag).toBe('h1');
    await guide.context().close();
    await delegate.context().close();
  });
});

describe('choosing a 3D marker (2.4.3, 2.5.3)', () => {
  it('keeps focus on the model during the flight, then on the stop it lands in', async () => {
    const page = await openPage(browser);
    await page.goto(`${base}/en/yubei`);
    await page.locator('.overview[data-ready="true"]').waitFor({ timeout: 60_000 });
    const target = yubei.stops[1]!;
    const marker = page.getByRole('button', { name: `2 ${target.name.en}`, exact: true });
    await marker.focus();
    // Watch every frame from here on: does focus ever fall to <body>?
    await page.evaluate(() => {
      const w = window as unknown as { __lostFocus: boolean };
      w.__lostFocus = false;
      const watch = () => {
        if (document.activeElement === document.body) w.__lostFocus = true;
        requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
    });
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === `/en/yubei/${target.id}`, { timeout: 30_000 });
    await expect.poll(() => focused(page).then((f) => f.id)).toBe('stop-title');
    expect(await page.evaluate(() => (window as unknown as { __lostFocus: boolean }).__lostFocus)).toBe(false);
    await page.context().close();
  });
});
