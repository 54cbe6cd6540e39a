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
import { launchBrowser, openPage, PHONE, pixelStats } from './browser';
import { boxes, inside, overlap, overlappingPairs, screenBox, settle, SIZES, withoutPanoramas } from './screens';

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
        await withoutPanoramas(page);
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
        await withoutPanoramas(page);
        // The first step that opens an information panel.
        const withPanel = tour.steps.findIndex((s) => 'hotspot' in s && s.hotspot) + 1;
        await page.goto(stepUrl(lang, withPanel));
        await present(page, lang, false);
        const screen = screenBox(page);
        const [toolbar] = await boxes(page.locator('.tour-player'));
        const toolbarControls = await boxes(page.locator('.tour-player__controls > *'));
        // One row: every control on the same line, in a bar under a tenth of the screen's height.
        const tops = toolbarControls.map((b) => b.y + b.height / 2);
        expect(Math.max(...tops) - Math.min(...tops), `${lang}: controls on one line`).toBeLessThan(8);
        expect(toolbar!.height, `${lang}: bar height`).toBeLessThanOrEqual(viewport.height / 10);
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

describe("the speaker-notes window at 1280×720", () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`has no link to click away, "Now" as its largest heading, and the next narration on screen at every step (${lang})`, async () => {
      const page = await openPage(browser, { viewport: SIZES.laptop, locale: locale(lang), reducedMotion: 'reduce' });
      await page.goto(`${base}/${lang}/notes/${tour.id}?step=1`);
      const now = page.locator('.notes__now h2');
      await now.waitFor();
      // Nothing that navigates: a stray click stays on the notes.
      expect(await page.locator('a[href]').count()).toBe(0);
      const sizes = await page.locator('.notes h2, .notes h3').evaluateAll((els) => els.map((el) => parseFloat(getComputedStyle(el).fontSize)));
      const nowSize = await now.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(nowSize).toBe(Math.max(...sizes));
      for (let n = 1; n < tour.steps.length; n++) {
        if (n > 1) await page.keyboard.press('PageDown');
        await expect.poll(() => page.locator('.notes__next p').last().textContent()).toBe(step(n + 1).narration[lang]);
        await settle(page);
        const [next] = await boxes(page.locator('.notes__next p').last());
        expect(inside(next!, screenBox(page)), `step ${n}: next narration ${JSON.stringify(next)}`).toBe(true);
        expect(await page.evaluate(() => window.scrollY)).toBe(0);
      }
      await page.context().close();
    });
  }
});

/** The boxes a visitor sees over the panorama: names shown, markers, and the picture's frame. */
async function hotspotGeometry(page: Page) {
  const captions = await page.locator('.hotspot__caption').evaluateAll((els) =>
    els
      .filter((el) => getComputedStyle(el).visibility === 'visible')
      .map((el) => {
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height, text: el.textContent ?? '' };
      }),
  );
  const markers = await boxes(page.locator('.hotspot__icon'));
  const [frame] = await boxes(page.locator('.pano'));
  return { captions, markers, frame: frame! };
}

describe('hotspot names over the panorama', () => {
  const places = ['/yubei/main-gate', '/nanchuan/main-gate', '/yubei/training-centre', `/yubei/main-gate?tour=${tour.id}&step=1`];
  for (const [size, viewport, langs, pinyin] of [
    ['phone', SIZES.phone, ['zh', 'en'], false],
    ['1280×720', SIZES.laptop, ['en', 'zh'], false],
    ['1920×1080', SIZES.projector, ['en'], false],
    // Pinyin makes the Chinese names taller (ruby): they are measured and placed as drawn.
    ['phone, pinyin on', SIZES.phone, ['zh'], true],
    ['1280×720, pinyin on', SIZES.laptop, ['zh'], true],
  ] as const) {
    it(`never overlap each other, a marker or the frame's edge (${size})`, async () => {
      for (const lang of langs) {
        const page = await openPage(browser, { viewport, locale: locale(lang) });
        await withoutPanoramas(page);
        if (pinyin) await page.addInitScript(() => localStorage.setItem('cbdo.pinyin', 'on'));
        for (const place of places) {
          await page.goto(`${base}/${lang}${place}`);
          await page.locator('.hotspot').first().waitFor();
          if (pinyin) await page.locator('.hotspot__caption ruby').first().waitFor({ state: 'attached' });
          await settle(page);
          const { captions, markers, frame } = await hotspotGeometry(page);
          expect(markers.length, `${lang} ${place}: markers`).toBeGreaterThan(1);
          for (const [i, c] of captions.entries()) {
            const where = `${lang} ${place}: "${c.text}"`;
            expect(inside(c, frame), `${where} crosses the frame's edge`).toBe(true);
            for (const m of markers) expect(overlap(c, m), `${where} lies on a marker`).toBe(false);
            for (const other of captions.slice(i + 1)) expect(overlap(c, other), `${where} lies on "${other.text}"`).toBe(false);
          }
        }
        await page.context().close();
      }
    });
  }

  it('a tap on a name works like a tap on its marker', async () => {
    const page = await openPage(browser, { viewport: PHONE, locale: 'zh-CN' });
    await page.goto(`${base}/zh/yubei/main-gate`);
    const info = page.locator('.hotspot--info:not(.hotspot--caption-none) .hotspot__caption').first();
    await info.waitFor();
    await info.tap();
    await page.locator('.info-panel').waitFor();
    await page.context().close();
  });

  it('link arrows point the way they lead: left, ahead or right', async () => {
    const page = await openPage(browser, { viewport: SIZES.laptop });
    await withoutPanoramas(page);
    const seen = new Set<string>();
    for (const place of ['/yubei/main-gate', '/yubei/library', '/nanchuan/main-gate']) {
      await page.goto(`${base}/en${place}`);
      await page.locator('.hotspot').first().waitFor();
      await settle(page);
      const [frame] = await boxes(page.locator('.pano'));
      const arrows = await page.locator('.hotspot--link .hotspot__icon svg').evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          const m = new DOMMatrix(getComputedStyle(el).transform === 'none' ? undefined : getComputedStyle(el).transform);
          // The drawn arrow points right; its angle on screen, in degrees (0 right, 90 down, ±180 left).
          return { x: r.x + r.width / 2, angle: Math.round((Math.atan2(m.b, m.a) * 180) / Math.PI) };
        }),
      );
      for (const a of arrows) {
        const off = (a.x - frame!.x - frame!.width / 2) / frame!.width;
        const expected = off < -0.12 ? 180 : off > 0.12 ? 0 : -90;
        seen.add(String(expected));
        expect(Math.abs(a.angle) === 180 && expected === 180 ? 180 : a.angle, `${place}: arrow at ${Math.round(off * 100)}% from the middle`).toBe(expected);
      }
    }
    // The places checked have links on the left and ahead, not only on the right.
    expect(seen.has('180') || seen.has('-90')).toBe(true);
    await page.context().close();
  });
});

describe('over the panorama', () => {
  for (const [size, viewport, lang] of [
    ['phone', SIZES.phone, 'zh'],
    ['1280×720', SIZES.laptop, 'en'],
    ['1920×1080', SIZES.projector, 'zh'],
  ] as const) {
    it(`the illustration note lies off the picture, where it cannot cover a sign (${size})`, async () => {
      const page = await openPage(browser, { viewport, locale: locale(lang) });
      await withoutPanoramas(page);
      await page.goto(`${base}/${lang}/yubei/library`);
      const note = page.getByText(ui[lang].stop.illustration, { exact: true });
      await note.waitFor();
      const [box] = await boxes(note);
      const [pano] = await boxes(page.locator('.pano'));
      expect(overlap(box!, pano!), `${JSON.stringify(box)} on the picture ${JSON.stringify(pano)}`).toBe(false);
      expect(inside(box!, screenBox(page))).toBe(true);
      await page.context().close();
    });
  }

  for (const [reducedMotion, lang] of [
    ['no-preference', 'en'],
    ['reduce', 'zh'],
  ] as const) {
    it(`"drag to look around" shows to a first visitor until their first drag, and not again (${lang}, motion: ${reducedMotion})`, async () => {
      const page = await openPage(browser, { viewport: SIZES.laptop, locale: locale(lang), reducedMotion });
      await withoutPanoramas(page);
      await page.goto(`${base}/${lang}/yubei/library`);
      const hint = page.getByText(ui[lang].screens.dragHint, { exact: true });
      await hint.waitFor();
      const [box] = await boxes(hint);
      const [pano] = await boxes(page.locator('.pano'));
      expect(inside(box!, pano!), 'on the picture').toBe(true);
      expect(await hint.evaluate((el) => getComputedStyle(el).visibility)).toBe('visible');
      // Swaying says "drag" — unless the visitor asked for less motion.
      expect(await hint.evaluate((el) => getComputedStyle(el).animationName)).toBe(reducedMotion === 'reduce' ? 'none' : 'pano-hint-sway');
      // The first drag, across the picture (starting on the hint itself).
      await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
      await page.mouse.down();
      await page.mouse.move(box!.x + box!.width / 2 - 120, box!.y + box!.height / 2, { steps: 6 });
      await page.mouse.up();
      await hint.waitFor({ state: 'detached' });
      // The drag turned the view (the address follows it).
      await expect.poll(() => new URL(page.url()).searchParams.get('yaw')).not.toBeNull();
      // Another stop, another visit: the visitor knows how by now.
      await page.goto(`${base}/${lang}/yubei/main-gate`);
      await page.locator('.hotspot').first().waitFor();
      expect(await hint.count()).toBe(0);
      await page.context().close();
    });
  }
});

describe('a delegate on a phone', () => {
  it('opens an information panel as a sheet on the first screen', async () => {
    const page = await openPage(browser, { viewport: PHONE, locale: 'zh-CN' });
    await withoutPanoramas(page);
    await page.goto(`${base}/zh/yubei/library`);
    // The delegate taps an information marker on the picture.
    await page.locator('.hotspot--info').first().tap();
    const panel = page.locator('.info-panel');
    await panel.waitFor();
    await settle(page);
    const [box] = await boxes(panel);
    expect(inside(box!, screenBox(page)), `panel ${JSON.stringify(box)}`).toBe(true);
    // It lies over the panorama's lower part, and the picture's top stays in sight.
    const [stage] = await boxes(page.locator('.pano'));
    expect(stage!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeGreaterThan(stage!.y + 100);
    await page.context().close();
  });

  it('scrolls the page with a vertical swipe on the panorama', async () => {
    const page = await openPage(browser, { viewport: PHONE, locale: 'zh-CN' });
    await withoutPanoramas(page);
    await page.goto(`${base}/zh/yubei/library?yaw=0&pitch=0&fov=90`);
    await page.locator('.hotspot').first().waitFor();
    const [pano] = await boxes(page.locator('.pano'));
    // A finger put on the picture and drawn up the screen, as real touch events.
    const session = await page.context().newCDPSession(page);
    const x = pano!.x + pano!.width / 2;
    const y = pano!.y + pano!.height * 0.7;
    await session.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    for (let i = 1; i <= 8; i++) await session.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y - i * 30 }] });
    await session.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
    await page.context().close();
  });

  it('has previous and next step within thumb reach beside the picture', async () => {
    const page = await openPage(browser, { viewport: PHONE, locale: 'zh-CN' });
    await page.goto(stepUrl('zh', 1));
    const next = page.getByRole('button', { name: zh.tour.next });
    await next.waitFor();
    const [box] = await boxes(next);
    // On the first screen, in its lower half where a thumb holding the phone reaches.
    expect(box!.y + box!.height).toBeLessThanOrEqual(PHONE.height);
    expect(box!.y).toBeGreaterThan(PHONE.height / 3);
    // Nothing lies over it (the step's open panel included).
    const free = await next.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
    });
    expect(free).toBe(true);
    await next.click();
    await atStep(page, 2, 'zh');
    await page.context().close();
  });
});

/** Is the panorama (the stop page's stage) wholly on screen? */
async function panoramaInView(page: Page) {
  const [stage] = await boxes(page.locator('.stage .pano'));
  return inside(stage!, screenBox(page));
}

/** A guide scrolls down to "Start a live session" at the foot of a stop page and presses it. */
async function startSession(page: Page, lang: 'en' | 'zh') {
  await page.goto(`${base}/${lang}/yubei/library`);
  await page.locator('.hotspot').first().waitFor();
  const start = page.getByRole('button', { name: ui[lang].live.start });
  await start.scrollIntoViewIfNeeded();
  expect(await panoramaInView(page)).toBe(false);
  await start.click();
  await page.locator('.live-panel__code').waitFor();
  await settle(page);
}

describe('a guide leading a live session', () => {
  for (const [size, viewport] of [
    ['phone', SIZES.phone],
    ['1280×720', SIZES.laptop],
    ['1920×1080', SIZES.projector],
  ] as const) {
    it(`starting one brings the panorama into view, the focus on the session's panel (${size})`, async () => {
      const page = await openPage(browser, { viewport, reducedMotion: 'reduce' });
      await withoutPanoramas(page);
      await startSession(page, 'en');
      expect(await panoramaInView(page), `scrollY ${await page.evaluate(() => window.scrollY)}`).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('live-panel-heading');
      if (viewport.width >= 960) {
        // Beside the picture on wide screens: the join code is on screen too.
        const [code] = await boxes(page.locator('.live-panel__code'));
        expect(inside(code!, screenBox(page))).toBe(true);
      }
      await page.context().close();
    });
  }

  for (const lang of ['en', 'zh'] as const) {
    it(`opening a panel keeps the panorama in view; ending the session says so where its panel was (1280×720, ${lang})`, async () => {
      const page = await openPage(browser, { viewport: SIZES.laptop, locale: locale(lang), reducedMotion: 'reduce' });
      await withoutPanoramas(page);
      await startSession(page, lang);
      // The guide opens an information marker on the picture: the panel shows beside it.
      await page.locator('.hotspot--info .hotspot__icon').first().click();
      await page.locator('.info-panel').waitFor();
      await settle(page);
      expect(await panoramaInView(page), `scrollY ${await page.evaluate(() => window.scrollY)}`).toBe(true);
      const [heading] = await boxes(page.locator('.info-panel h2'));
      expect(inside(heading!, screenBox(page)), "the panel's title on screen").toBe(true);
      await page.getByRole('button', { name: ui[lang].stop.closePanel }).click();

      await page.getByRole('button', { name: ui[lang].live.end }).click();
      await page.getByRole('button', { name: ui[lang].live.endNow }).click();
      const notice = page.getByRole('region', { name: ui[lang].screens.liveEnded.heading });
      await notice.waitFor();
      await settle(page);
      expect(await notice.getByRole('status').textContent()).toContain(lang === 'en' ? 'No delegate was connected' : '当时没有学员在线');
      const [box] = await boxes(notice);
      expect(inside(box!, screenBox(page)), 'the notice on screen').toBe(true);
      expect(await panoramaInView(page)).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('live-ended-heading');
      // Dismissed, it leaves the control to start another session.
      await notice.getByRole('button', { name: ui[lang].screens.liveEnded.dismiss }).click();
      await notice.waitFor({ state: 'detached' });
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(ui[lang].live.start);
      await page.context().close();
    });
  }
});

describe('the 3D overview', () => {
  for (const [size, viewport, langs] of [
    ['1280×720', SIZES.laptop, ['en', 'zh']],
    ['1920×1080', SIZES.projector, ['en']],
    ['phone', SIZES.phone, ['zh']],
  ] as const) {
    for (const lang of langs) {
      for (const campus of ['yubei', 'nanchuan']) {
        it(`shows its controls clear of every pin${viewport.width >= 960 ? ', on the first screen' : ''} (${size}, ${lang}, ${campus})`, async () => {
          const page = await openPage(browser, { viewport, locale: locale(lang), reducedMotion: 'reduce' });
          await page.goto(`${base}/${lang}/${campus}`);
          await page.locator('.overview[data-ready="true"]').waitFor({ timeout: 120_000 });
          await settle(page);
          const controls = await boxes(page.locator('.overview .view-controls button'));
          const pins = await boxes(page.locator('.overview__pin'));
          expect(controls.length).toBeGreaterThan(5);
          expect(pins.length, `${campus}: pins`).toBeGreaterThan(5);
          // On a laptop and a projector, without scrolling: the page opens at its top.
          if (viewport.width >= 960) for (const c of controls) expect(inside(c, screenBox(page)), `${lang} ${campus}: control ${JSON.stringify(c)} off screen`).toBe(true);
          for (const p of pins) for (const c of controls) expect(overlap(p, c), `${lang} ${campus}: pin ${JSON.stringify(p)} under a control`).toBe(false);
          await page.context().close();
        });
      }
    }
  }
});

describe('loading on a slow network', () => {
  it('shows the stop in its thumbnail, never a black box, while the panorama has not arrived', async () => {
    const page = await openPage(browser, { viewport: PHONE, locale: 'zh-CN' });
    // A connection so slow that the preview and the tiles never arrive while the visitor looks.
    await page.route(/\/generated\/(preview|pano)\//, () => undefined);
    const thumbnail = page.waitForResponse(/\/generated\/thumb\/yubei-library\./);
    await page.goto(`${base}/zh/yubei/library`);
    await thumbnail;
    await page.locator('.pano[data-level="none"]').waitFor();
    await settle(page);
    const stats = await pixelStats(page.locator('.pano'));
    // A picture (a spread of colours), not a flat dark box.
    expect(stats.stdev).toBeGreaterThan(20);
    expect(Math.max(...stats.mean)).toBeGreaterThan(40);
    await page.context().close();
  });
});

describe('joining a live tour', () => {
  for (const [lang, viewport] of [
    ['zh', PHONE],
    ['en', SIZES.laptop],
  ] as const) {
    it(`is one step from the top of the welcome page, in the language chosen there (${lang}, ${viewport.width}px)`, async () => {
      const page = await openPage(browser, { viewport, locale: locale(lang) });
      await page.goto(`${base}/${lang}`);
      const field = page.getByLabel(ui[lang].live.codeLabel);
      const [box] = await boxes(field);
      // On the first screen, without scrolling.
      expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
      // The placeholder and a typed code fit the field.
      const fits = () => field.evaluate((el: HTMLInputElement) => el.scrollWidth <= el.clientWidth);
      expect(await fits()).toBe(true);
      await field.fill('K7Q-X2M');
      expect(await fits()).toBe(true);
      // Join goes straight to the relay: no second screen asks for the language again.
      const socket = page.waitForEvent('websocket');
      await field.press('Enter');
      const ws = await socket;
      const hello = await ws.waitForEvent('framesent', { predicate: (f) => String(f.payload).includes('"join"') });
      expect(JSON.parse(String(hello.payload))).toMatchObject({ type: 'join', lang });
      await page.context().close();
    });
  }
});
