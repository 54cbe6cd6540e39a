/**
 * A delegate's path through the tour with the mouse: the welcome page in their language, a campus,
 * a stop whose panorama really renders, info and link hotspots, the language switch on the way,
 * reload, back and forward, and the on-screen view controls.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import {
  DESKTOP,
  imageDifference,
  launchBrowser,
  openPage,
  PHONE,
  pixelStats,
  readTourContent,
  visitState,
  waitForPanorama,
  type ContentHotspot,
  type ContentView,
} from './browser';

const base = inject('baseUrl');
const { college, campuses, t } = readTourContent();
const campus = campuses[0]!;
const firstStop = campus.stops.find((s) => s.id === campus.firstStop)!;
const firstInfo = firstStop.hotspots.find((h) => h.kind === 'info')!;
const linkWithArrive = firstStop.hotspots.find((h) => h.kind === 'link' && h.arrive)! as Extract<ContentHotspot, { kind: 'link' }>;
const stopNamed = (id: string) => campus.stops.find((s) => s.id === id)!;
/** A link hotspot somewhere in the campus that has no `arrive` view of its own. */
const [stopWithPlainLink, plainLink] = (() => {
  for (const s of campus.stops) {
    const h = s.hotspots.find((x) => x.kind === 'link' && !x.arrive);
    if (h) return [s, h as Extract<ContentHotspot, { kind: 'link' }>] as const;
  }
  throw new Error('content has no link hotspot without an arrive view');
})();

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens a page in a fresh context; the context closes when the test's callback is done. */
async function withPage(options: Parameters<typeof openPage>[1], run: (page: Page) => Promise<void>) {
  const page = await openPage(browser, options);
  try {
    await run(page);
  } finally {
    await page.context().close();
  }
}

const stopPath = (lang: string, stopId: string, campusId = campus.id) => `/${lang}/${campusId}/${stopId}`;
const viewQuery = (v: ContentView) => `?yaw=${v.yaw}&pitch=${v.pitch}&fov=${v.fov}`;
const wrap = (yaw: number) => ((((yaw + 180) % 360) + 360) % 360) - 180;

function urlOf(page: Page) {
  const url = new URL(page.url());
  const num = (k: string) => (url.searchParams.has(k) ? Number(url.searchParams.get(k)) : null);
  return { path: url.pathname, yaw: num('yaw'), pitch: num('pitch'), fov: num('fov'), spot: url.searchParams.get('spot') };
}

/** The view the visitor sees: the store's, or the stop's initial view before any change. */
async function shownView(page: Page, initial: ContentView): Promise<ContentView> {
  return (await visitState(page)).view ?? initial;
}

function expectViewClose(actual: ContentView, expected: ContentView, within = 0.1) {
  expect(Math.abs(wrap(actual.yaw - expected.yaw)), `yaw ${actual.yaw} vs ${expected.yaw}`).toBeLessThanOrEqual(within);
  expect(Math.abs(actual.pitch - expected.pitch), `pitch ${actual.pitch} vs ${expected.pitch}`).toBeLessThanOrEqual(within);
  expect(Math.abs(actual.fov - expected.fov), `fov ${actual.fov} vs ${expected.fov}`).toBeLessThanOrEqual(within);
}

/** Waits until the URL carries the store's view (the app writes it a moment after a change). */
async function waitForUrlView(page: Page) {
  await expect
    .poll(async () => {
      const v = (await visitState(page)).view;
      const u = urlOf(page);
      if (!v || u.yaw === null || u.pitch === null || u.fov === null) return false;
      return Math.abs(u.yaw - v.yaw) <= 0.051 && Math.abs(u.pitch - v.pitch) <= 0.051 && Math.abs(u.fov - v.fov) <= 0.051;
    }, { timeout: 5_000 })
    .toBe(true);
}

const stopHeading = (page: Page) => page.locator('#stop-title');
const marker = (page: Page, id: string) => page.locator(`.pano .hotspot[data-hotspot-id="${id}"]`);
const viewButton = (page: Page, lang: 'en' | 'zh', key: string) =>
  page.getByRole('group', { name: t(lang, 'stop.controls') }).getByRole('button', { name: t(lang, key), exact: true });
const langButton = (page: Page, current: 'en' | 'zh', to: 'en' | 'zh') =>
  page.getByRole('group', { name: t(current, 'lang.label') }).getByRole('button', { name: t(current, `lang.${to}`) });

/** Every image in the locator has loaded a real picture (lazy ones are scrolled to first). */
async function expectImagesLoaded(images: ReturnType<Page['locator']>, count: number) {
  expect(await images.count()).toBe(count);
  for (let i = 0; i < count; i++) {
    const img = images.nth(i);
    await img.scrollIntoViewIfNeeded();
    await expect
      .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth), { timeout: 10_000 })
      .toBeGreaterThan(0);
  }
}

/** Centre of a marker's round icon, in CSS px from the viewer's top left. */
async function markerCentre(page: Page, id: string) {
  const pano = (await page.locator('.pano').boundingBox())!;
  const icon = (await marker(page, id).locator('.hotspot__icon').boundingBox())!;
  return { x: icon.x + icon.width / 2 - pano.x, y: icon.y + icon.height / 2 - pano.y };
}

/** Waits for the full panorama and for the dark cover over it to have faded out completely. */
async function waitForClearPicture(page: Page) {
  await waitForPanorama(page);
  await page.waitForFunction(() => {
    const cover = document.querySelector('.pano__cover');
    return cover !== null && getComputedStyle(cover).opacity === '0';
  });
  await nextFrames(page);
}

/** Lets the canvas paint what the last change asked for. */
const nextFrames = (page: Page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(null)))));

describe.each([
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const)('the welcome page on a %s', (_, viewport) => {
  it('speaks Chinese to a zh-CN browser at /', () =>
    withPage({ viewport, locale: 'zh-CN' }, async (page) => {
      await page.goto(`${base}/`);
      await page.waitForURL(`${base}/zh`);
      await expect.poll(() => page.getAttribute('html', 'lang')).toBe('zh-CN');
      const h1 = page.locator('h1');
      await expect.poll(() => h1.innerText()).toContain(college.name.zh);
      // The visitor's language comes first in the heading.
      expect((await h1.innerText()).trim().startsWith(college.name.zh)).toBe(true);
      await expect.poll(() => page.locator('#campuses-heading').innerText()).toBe(t('zh', 'welcome.campusesHeading'));
      const cards = page.locator('.card');
      expect(await cards.count()).toBe(campuses.length);
      expect(campuses.length).toBe(2);
      for (const [i, c] of campuses.entries()) {
        expect(await cards.nth(i).locator('.card__title').innerText()).toBe(c.name.zh);
        expect(await cards.nth(i).getByRole('link').innerText()).toBe(t('zh', 'welcome.enterCampus', { campus: c.name.zh }));
      }
      await expectImagesLoaded(page.locator('.card img'), campuses.length);
    }));

  it('speaks English to an en-US browser at /', () =>
    withPage({ viewport, locale: 'en-US' }, async (page) => {
      await page.goto(`${base}/`);
      await page.waitForURL(`${base}/en`);
      await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
      const h1 = page.locator('h1');
      await expect.poll(() => h1.innerText()).toContain(college.name.en);
      expect((await h1.innerText()).trim().startsWith(college.name.en)).toBe(true);
      expect(await page.locator('#campuses-heading').innerText()).toBe(t('en', 'welcome.campusesHeading'));
      for (const [i, c] of campuses.entries()) {
        expect(await page.locator('.card').nth(i).locator('.card__title').innerText()).toBe(c.name.en);
      }
      await expectImagesLoaded(page.locator('.card img'), campuses.length);
    }));
});

describe('a delegate with the mouse, on a desktop', () => {
  it('switches the language at once, and the choice is remembered', () =>
    withPage({ locale: 'en-US' }, async (page) => {
      await page.goto(`${base}/`);
      await page.waitForURL(`${base}/en`);
      await page.locator('#campuses-heading').waitFor();

      await langButton(page, 'en', 'zh').click();
      // At once: no reload, no waiting for anything but React.
      await expect.poll(() => page.getAttribute('html', 'lang'), { timeout: 2_000 }).toBe('zh-CN');
      expect(await page.locator('#campuses-heading').innerText()).toBe(t('zh', 'welcome.campusesHeading'));
      expect((await page.locator('h1').innerText()).trim().startsWith(college.name.zh)).toBe(true);
      expect(urlOf(page).path).toBe('/zh');
      expect(await langButton(page, 'zh', 'zh').getAttribute('aria-pressed')).toBe('true');

      // A new page load of / in the same browser goes to the chosen language, not the browser's.
      await page.goto(`${base}/`);
      await page.waitForURL(`${base}/zh`);
      await expect.poll(() => page.locator('#campuses-heading').innerText()).toBe(t('zh', 'welcome.campusesHeading'));

      // And back to English, remembered too.
      await langButton(page, 'zh', 'en').click();
      await expect.poll(() => page.getAttribute('html', 'lang'), { timeout: 2_000 }).toBe('en');
      await page.goto(`${base}/`);
      await page.waitForURL(`${base}/en`);
      await expect.poll(() => page.locator('#campuses-heading').innerText()).toBe(t('en', 'welcome.campusesHeading'));
    }));

  it('goes from the welcome page to a campus and a stop whose panorama renders, and drags the view', () =>
    withPage({ locale: 'en-US' }, async (page) => {
      await page.goto(`${base}/en`);
      await page.getByRole('link', { name: t('en', 'welcome.enterCampus', { campus: campus.name.en }) }).click();
      await page.waitForURL(`${base}/en/${campus.id}`);
      await expect.poll(() => page.locator('h1').innerText()).toBe(campus.name.en);
      await expectImagesLoaded(page.locator('.card--stop img'), campus.stops.length);

      await page.locator('.card--stop .card__link').filter({ has: page.getByText(firstStop.name.en, { exact: true }) }).click();
      await page.waitForURL(`${base}${stopPath('en', firstStop.id)}`);
      await expect.poll(() => stopHeading(page).innerText()).toBe(firstStop.name.en);

      await waitForClearPicture(page);
      const canvas = page.locator('.pano canvas');
      const before = await pixelStats(canvas);
      // A picture, not a flat colour and not the dark cover (#111).
      expect(before.stdev).toBeGreaterThan(25);
      expect(Math.max(...before.mean)).toBeGreaterThan(60);

      // Drag the picture 120 px to the left: the view turns right, by what those pixels span.
      const box = (await canvas.boundingBox())!;
      const start = { x: box.x + box.width * 0.3, y: box.y + box.height * 0.45 };
      const viewBefore = await shownView(page, firstStop.initialView);
      await page.mouse.move(start.x, start.y);
      await page.mouse.down();
      await page.mouse.move(start.x - 120, start.y, { steps: 2 });
      await page.mouse.up();
      const viewAfter = (await visitState(page)).view;
      expect(viewAfter).not.toBeNull();
      // Horizontal field of view on this wide screen is the view's fov.
      const expectedTurn = (120 * viewBefore.fov) / box.width;
      expect(wrap(viewAfter!.yaw - viewBefore.yaw)).toBeCloseTo(expectedTurn, 0);
      expect(viewAfter!.pitch).toBeCloseTo(viewBefore.pitch, 5);
      expect(viewAfter!.fov).toBe(viewBefore.fov);
      await waitForUrlView(page);
      expect(urlOf(page).path).toBe(stopPath('en', firstStop.id));

      await nextFrames(page);
      const after = await pixelStats(canvas);
      expect(after.stdev).toBeGreaterThan(25);
      expect(await imageDifference(before.png, after.png)).toBeGreaterThan(5);
    }));

  it('opens an info hotspot by its marker, and the panel follows a switch to Chinese', () =>
    withPage({ locale: 'en-US' }, async (page) => {
      // Face the hotspot a little off-centre, so the view is not the default one.
      const start = { yaw: wrap(firstInfo.yaw - 10), pitch: 0, fov: 90 };
      await page.goto(`${base}${stopPath('en', firstStop.id)}${viewQuery(start)}`);
      await waitForPanorama(page, 'preview');

      await marker(page, firstInfo.id).click();
      const info = firstInfo as Extract<ContentHotspot, { kind: 'info' }>;
      const panel = page.locator('section.info-panel');
      await expect.poll(() => panel.locator('h2').innerText()).toBe(info.title.en);
      // The section is a region named by its heading.
      expect(await page.getByRole('region', { name: info.title.en }).count()).toBe(1);
      const paragraphs = await panel.locator('p').allInnerTexts();
      for (const p of info.body) expect(paragraphs).toContain(p.en);
      await expect.poll(() => urlOf(page).spot).toBe(info.id);
      expect(await marker(page, info.id).getAttribute('aria-pressed')).toBe('true');
      const before = urlOf(page);
      const viewBefore = (await visitState(page)).view;
      expectViewClose(viewBefore!, start);

      await langButton(page, 'en', 'zh').click();
      await expect.poll(() => panel.locator('h2').innerText(), { timeout: 2_000 }).toBe(info.title.zh);
      const paragraphsZh = await panel.locator('p').allInnerTexts();
      for (const p of info.body) expect(paragraphsZh).toContain(p.zh);
      expect(await stopHeading(page).innerText()).toBe(firstStop.name.zh);
      await expect.poll(() => urlOf(page).path).toBe(stopPath('zh', firstStop.id));
      const after = urlOf(page);
      expect(after.spot).toBe(info.id);
      expect([after.yaw, after.pitch, after.fov]).toEqual([before.yaw, before.pitch, before.fov]);
      expect((await visitState(page)).view).toEqual(viewBefore);
      // The marker speaks Chinese too.
      expect(await marker(page, info.id).getAttribute('aria-label')).toBe(t('zh', 'stop.infoLabel', { title: info.title.zh }));
    }));

  it('follows a link hotspot to its stop and arrive view; back and forward walk the stops', () =>
    withPage({ locale: 'en-US' }, async (page) => {
      const target = stopNamed(linkWithArrive.target);
      await page.goto(`${base}${stopPath('en', firstStop.id)}`);
      await waitForPanorama(page, 'preview');
      // Turn right with the on-screen button until the link's marker is in view.
      for (let i = 0; i < 12 && !(await marker(page, linkWithArrive.id).isVisible()); i++) {
        await viewButton(page, 'en', linkWithArrive.yaw >= 0 ? 'stop.lookRight' : 'stop.lookLeft').click();
      }
      // Where the marker is in view from the start, zoom out a step so that the visitor has a view
      // of their own to come back to (and the URL carries it).
      if ((await visitState(page)).view === null) await viewButton(page, 'en', 'stop.zoomOut').click();
      await waitForUrlView(page);
      const departure = urlOf(page);

      await marker(page, linkWithArrive.id).click();
      await page.waitForURL((u) => u.pathname === stopPath('en', target.id));
      await expect.poll(() => stopHeading(page).innerText()).toBe(target.name.en);
      expectViewClose((await visitState(page)).view!, linkWithArrive.arrive!);
      const arrival = urlOf(page);
      expectViewClose({ yaw: arrival.yaw!, pitch: arrival.pitch!, fov: arrival.fov! }, linkWithArrive.arrive!);
      await waitForClearPicture(page);
      expect((await pixelStats(page.locator('.pano canvas'))).stdev).toBeGreaterThan(25);

      await page.goBack();
      await page.waitForURL((u) => u.pathname === stopPath('en', firstStop.id));
      await expect.poll(() => stopHeading(page).innerText()).toBe(firstStop.name.en);
      // The stop comes back as the visitor left it.
      expect(urlOf(page)).toEqual(departure);
      expectViewClose((await visitState(page)).view!, { yaw: departure.yaw!, pitch: departure.pitch!, fov: departure.fov! });

      await page.goForward();
      await page.waitForURL((u) => u.pathname === stopPath('en', target.id));
      await expect.poll(() => stopHeading(page).innerText()).toBe(target.name.en);
      expectViewClose((await visitState(page)).view!, linkWithArrive.arrive!);
    }));

  it('goes back to the view the visitor left with, even when they follow a link right after turning', () =>
    withPage({ locale: 'en-US' }, async (page) => {
      // Facing the link a little to its right, so it stays in view after one turn to the left.
      const facing = { yaw: wrap(linkWithArrive.yaw - 20), pitch: 0, fov: 90 };
      await page.goto(`${base}${stopPath('en', firstStop.id)}${viewQuery(facing)}`);
      await marker(page, linkWithArrive.id).waitFor();
      const lookLeft = viewButton(page, 'en', 'stop.lookLeft');
      await lookLeft.waitFor();
      // Two clicks in quick succession (as fast as a visitor who turns, then clicks the marker).
      await page.evaluate(
        ([turnLabel, markerId]) => {
          document.querySelector<HTMLButtonElement>(`.view-controls button[aria-label="${turnLabel}"]`)!.click();
          document.querySelector<HTMLButtonElement>(`.pano .hotspot[data-hotspot-id="${markerId}"]`)!.click();
        },
        [t('en', 'stop.lookLeft'), linkWithArrive.id] as const,
      );
      const left = { ...facing, yaw: wrap(facing.yaw - facing.fov / 6) };
      await page.waitForURL((u) => u.pathname === stopPath('en', linkWithArrive.target));
      await expect.poll(() => stopHeading(page).innerText()).toBe(stopNamed(linkWithArrive.target).name.en);

      await page.goBack();
      await page.waitForURL((u) => u.pathname === stopPath('en', firstStop.id));
      await expect.poll(() => stopHeading(page).innerText()).toBe(firstStop.name.en);
      expectViewClose(await shownView(page, firstStop.initialView), left);
      const u = urlOf(page);
      expect([u.yaw, u.pitch, u.fov]).toEqual([left.yaw, left.pitch, left.fov]);
    }));

  it('keeps the language the visitor chose when they go back', () =>
    withPage({ locale: 'en-US' }, async (page) => {
      const facing = { yaw: wrap(linkWithArrive.yaw - 10), pitch: 0, fov: 90 };
      await page.goto(`${base}${stopPath('en', firstStop.id)}${viewQuery(facing)}`);
      await marker(page, linkWithArrive.id).click();
      const target = stopNamed(linkWithArrive.target);
      await page.waitForURL((u) => u.pathname === stopPath('en', target.id));
      await langButton(page, 'en', 'zh').click();
      await page.waitForURL((u) => u.pathname === stopPath('zh', target.id));

      await page.goBack();
      await expect.poll(() => stopHeading(page).innerText()).toBe(firstStop.name.zh);
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
      expect(urlOf(page).path).toBe(stopPath('zh', firstStop.id));
    }));

  it("follows a link hotspot without an arrive view to the target's initial view", () =>
    withPage({ locale: 'en-US' }, async (page) => {
      const target = stopNamed(plainLink.target);
      const facing = { yaw: wrap(plainLink.yaw - 10), pitch: 0, fov: 90 };
      await page.goto(`${base}${stopPath('en', stopWithPlainLink.id)}${viewQuery(facing)}`);
      await page.locator('.pano[role=region]').waitFor();
      expect(await marker(page, plainLink.id).getAttribute('aria-label')).toBe(t('en', 'stop.linkLabel', { stop: target.name.en }));
      await marker(page, plainLink.id).click();
      await page.waitForURL((u) => u.pathname === stopPath('en', target.id));
      await expect.poll(() => stopHeading(page).innerText()).toBe(target.name.en);
      expectViewClose(await shownView(page, target.initialView), target.initialView);
      await page.goBack();
      await page.waitForURL((u) => u.pathname === stopPath('en', stopWithPlainLink.id));
      await expect.poll(() => stopHeading(page).innerText()).toBe(stopWithPlainLink.name.en);
      expectViewClose((await visitState(page)).view!, facing);
    }));

  it('comes back after a reload with the same stop, view and open panel', () =>
    withPage({ locale: 'en-US' }, async (page) => {
      const info = firstInfo as Extract<ContentHotspot, { kind: 'info' }>;
      await page.goto(`${base}${stopPath('en', firstStop.id)}`);
      await waitForPanorama(page, 'preview');
      // Open the panel from the list (which turns the view to it), then zoom in and look up.
      await page.locator(`[data-list-hotspot-id="${info.id}"]`).click();
      await page.locator('section.info-panel h2').waitFor();
      await viewButton(page, 'en', 'stop.zoomIn').click();
      await viewButton(page, 'en', 'stop.lookUp').click();
      await waitForUrlView(page);
      const before = urlOf(page);
      expect(before.spot).toBe(info.id);
      const viewBefore = (await visitState(page)).view!;
      expect(viewBefore).not.toEqual(firstStop.initialView);

      await page.reload();
      await stopHeading(page).waitFor();
      expect(await stopHeading(page).innerText()).toBe(firstStop.name.en);
      expect(await page.locator('section.info-panel h2').innerText()).toBe(info.title.en);
      const state = await visitState(page);
      expect(state.openHotspotId).toBe(info.id);
      expectViewClose(state.view!, { yaw: before.yaw!, pitch: before.pitch!, fov: before.fov! });
      expectViewClose(state.view!, viewBefore);
      await waitForClearPicture(page);
      expect(urlOf(page)).toEqual(before);
      expect((await pixelStats(page.locator('.pano canvas'))).stdev).toBeGreaterThan(25);
    }));

  it('has hotspot targets of at least 24×24 px, each with a name, on every stop', () =>
    withPage({ locale: 'en-US' }, async (page) => {
      const problems: string[] = [];
      for (const c of campuses) {
        await page.goto(`${base}/en/${c.id}/${c.stops[0]!.id}`);
        for (const s of c.stops) {
          // To the next stop by its link in the stop list.
          if (s !== c.stops[0]) await page.locator('.stop-list__link').filter({ has: page.getByText(s.name.en, { exact: true }) }).click();
          await expect.poll(() => stopHeading(page).innerText()).toBe(s.name.en);
          await page.locator('.pano[role=region]').waitFor();
          for (const h of s.hotspots) {
            // Face each hotspot in turn, so every marker is measured.
            await page.evaluate(
              (v) => (window as unknown as { __visitStore: { getState(): { setView(v: unknown): void } } }).__visitStore.getState().setView(v),
              { yaw: h.yaw, pitch: h.pitch, fov: 90 },
            );
            const m = page.locator(`.pano .hotspot[data-hotspot-id="${h.id}"]`);
            await m.waitFor();
            const box = await m.boundingBox();
            if (!box || box.width < 24 || box.height < 24) problems.push(`${c.id}/${s.id}#${h.id}: ${JSON.stringify(box)}`);
            const expected =
              h.kind === 'info'
                ? t('en', 'stop.infoLabel', { title: h.title.en })
                : t('en', 'stop.linkLabel', { stop: c.stops.find((x) => x.id === h.target)!.name.en });
            // The name as the accessibility tree has it.
            const snapshot = await m.ariaSnapshot();
            if (!snapshot.includes(`button "${expected}"`)) problems.push(`${c.id}/${s.id}#${h.id}: name ${snapshot}`);
          }
          // And every marker that is on screen at once.
          for (const m of await page.locator('.pano .hotspot').all()) {
            const box = await m.boundingBox();
            const name = (await m.getAttribute('aria-label'))?.trim();
            if (!box || box.width < 24 || box.height < 24 || !name) problems.push(`${c.id}/${s.id}: ${name} ${JSON.stringify(box)}`);
          }
        }
      }
      expect(problems).toEqual([]);
    }));

  it('turns and zooms the view with the on-screen buttons, within the zoom limits', () =>
    withPage({ locale: 'en-US' }, async (page) => {
      await page.goto(`${base}${stopPath('en', firstStop.id)}`);
      await waitForClearPicture(page);
      const canvas = page.locator('.pano canvas');
      const initial = firstStop.initialView;
      const view = async () => shownView(page, initial);
      const press = async (key: string) => {
        const before = await view();
        await viewButton(page, 'en', key).click();
        await expect.poll(async () => JSON.stringify(await view()), { timeout: 2_000 }).not.toBe(JSON.stringify(before));
        return { before, after: await view() };
      };
      const step = initial.fov / 6;

      let picture = (await canvas.screenshot()) as Buffer;
      let r = await press('stop.lookLeft');
      expect(wrap(r.after.yaw - r.before.yaw)).toBeCloseTo(-step, 5);
      await nextFrames(page);
      const turned = (await canvas.screenshot()) as Buffer;
      expect(await imageDifference(picture, turned)).toBeGreaterThan(5);

      r = await press('stop.lookRight');
      expect(wrap(r.after.yaw - r.before.yaw)).toBeCloseTo(step, 5);
      r = await press('stop.lookUp');
      expect(r.after.pitch - r.before.pitch).toBeCloseTo(step, 5);
      r = await press('stop.lookDown');
      expect(r.after.pitch - r.before.pitch).toBeCloseTo(-step, 5);
      r = await press('stop.zoomIn');
      expect(r.after.fov).toBeLessThan(r.before.fov);
      r = await press('stop.zoomOut');
      expect(r.after.fov).toBeGreaterThan(r.before.fov);

      // Zoom in until it stops, then out until it stops: fov stays within [30, 110].
      for (let i = 0; i < 8; i++) await viewButton(page, 'en', 'stop.zoomIn').click();
      const zoomedIn = (await view()).fov;
      expect(zoomedIn).toBeGreaterThanOrEqual(30);
      expect(zoomedIn).toBeLessThan(31);
      picture = (await canvas.screenshot()) as Buffer;
      for (let i = 0; i < 8; i++) await viewButton(page, 'en', 'stop.zoomOut').click();
      const zoomedOut = (await view()).fov;
      expect(zoomedOut).toBeLessThanOrEqual(110);
      expect(zoomedOut).toBeGreaterThan(109);
      await nextFrames(page);
      expect(await imageDifference(picture, (await canvas.screenshot()) as Buffer)).toBeGreaterThan(5);

      await viewButton(page, 'en', 'stop.lookLeft').click();
      await viewButton(page, 'en', 'stop.resetView').click();
      await expect.poll(view).toEqual(initial);
      await waitForUrlView(page);
      const u = urlOf(page);
      expect([u.yaw, u.pitch, u.fov]).toEqual([initial.yaw, initial.pitch, initial.fov]);
    }));
});

describe.each([
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const)('the scene under the markers on a %s', (_, viewport) => {
  it('keeps a marker on its place in the scene while the view pans', () =>
    withPage({ viewport, locale: 'en-US' }, async (page) => {
      const h = firstInfo;
      const start = { yaw: wrap(h.yaw - 8), pitch: 0, fov: 90 };
      await page.goto(`${base}${stopPath('en', firstStop.id)}${viewQuery(start)}`);
      await waitForClearPicture(page);
      const pano = (await page.locator('.pano').boundingBox())!;
      const canvas = page.locator('.pano canvas');
      // Hide the overlays for the pictures of the scene; the markers keep their places.
      // A constructed style sheet, not a <style> tag: the server's CSP refuses inline styles.
      const hide = () =>
        page.evaluate(() => {
          const sheet = new CSSStyleSheet();
          sheet.replaceSync('.hotspot-layer, .view-controls, .badge { visibility: hidden !important; }');
          document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
          return document.adoptedStyleSheets.length - 1;
        });
      const show = (index: number) => page.evaluate((at) => void (document.adoptedStyleSheets = document.adoptedStyleSheets.filter((_, i) => i !== at)), index);

      const at0 = await markerCentre(page, h.id);
      let tag = await hide();
      await nextFrames(page);
      const scene0 = (await canvas.screenshot()) as Buffer;
      await show(tag);

      await viewButton(page, 'en', 'stop.lookRight').click();
      const step = start.fov / 6;
      await expect.poll(async () => (await visitState(page)).view?.yaw).toBeCloseTo(wrap(start.yaw + step), 5);
      // The turned view in full (its tiles sharpen after the turn), so both pictures are alike in detail.
      await nextFrames(page);
      await waitForClearPicture(page);
      const at1 = await markerCentre(page, h.id);
      tag = await hide();
      await nextFrames(page);
      const scene1 = (await canvas.screenshot()) as Buffer;
      await show(tag);

      // Where the hotspot is on screen, by the rectilinear projection with the camera level:
      //   x = W/2 · (1 + tan Δyaw / tan(hfov/2)),  y = H/2 · (1 − tan pitch / (cos Δyaw · tan(vfov/2)))
      // where the vertical fov follows from the view's (horizontal) fov unless it would pass 110° (tall screens).
      const rad = Math.PI / 180;
      const aspect = pano.width / pano.height;
      const halfV = (Math.min(110, (2 * Math.atan(Math.tan((start.fov / 2) * rad) / aspect)) / rad) / 2) * rad;
      const halfH = Math.atan(Math.tan(halfV) * aspect);
      const projected = (viewYaw: number) => {
        const d = wrap(h.yaw - viewYaw) * rad;
        return {
          x: (pano.width / 2) * (1 + Math.tan(d) / Math.tan(halfH)),
          y: (pano.height / 2) * (1 - Math.tan(h.pitch * rad) / (Math.cos(d) * Math.tan(halfV))),
        };
      };
      const expected0 = projected(start.yaw);
      const expected1 = projected(start.yaw + step);
      expect(expected1.x - expected0.x).toBeLessThan(-30); // a shift worth measuring
      // The marker is where the hotspot is, before and after the turn (a marker 10 px off fails).
      const near = (at: { x: number; y: number }, want: { x: number; y: number }) => Math.hypot(at.x - want.x, at.y - want.y);
      expect(near(at0, expected0), `marker at ${JSON.stringify(at0)}, hotspot at ${JSON.stringify(expected0)}`).toBeLessThanOrEqual(MARKER_TOLERANCE);
      expect(near(at1, expected1), `marker at ${JSON.stringify(at1)}, hotspot at ${JSON.stringify(expected1)}`).toBeLessThanOrEqual(MARKER_TOLERANCE);

      // And the scene moved with it. With the camera level, a point's x on screen depends on its yaw
      // alone, so the scene at the hotspot's yaw (where the projection put it in the first picture) is
      // tracked where it has most detail, on the horizon (mid-height): it must be found in the second
      // picture at the marker's new x. Searched well beyond the tolerance, so that a marker off the
      // scene (10 px, say) finds it away from itself.
      const [img0, img1] = await Promise.all([rawImage(scene0), rawImage(scene1)]);
      const horizon = pano.height / 2;
      const found = bestMatch(img0, { x: expected0.x, y: horizon }, img1, { x: at1.x, y: horizon }, 16);
      // The horizon there has detail enough to tell 10 px apart.
      const aside = [-10, 10].map((dx) => patchDifference(img0, { x: expected0.x, y: horizon }, img1, { x: found.x + dx, y: found.y }));
      expect(Math.min(...aside)).toBeGreaterThan(2 * found.difference);
      expect(Math.abs(found.x - at1.x), `scene at the hotspot's yaw found at x ${found.x}, marker at x ${at1.x}`).toBeLessThanOrEqual(MARKER_TOLERANCE);
      expect(Math.abs(found.y - horizon)).toBeLessThanOrEqual(MARKER_TOLERANCE);
    }));
});

/** How far (CSS px) a marker may be from where its hotspot is in the scene: a pixel or two of rounding and resampling. */
const MARKER_TOLERANCE = 3;

/** Where in b the 60×40 patch of a at `pa` is most alike, searching `radius` px around `near`. */
function bestMatch(a: RawImage, pa: { x: number; y: number }, b: RawImage, near: { x: number; y: number }, radius: number) {
  let best = { x: near.x, y: near.y, difference: Infinity };
  for (let dy = -radius; dy <= radius; dy++) {
    for (let dx = -radius; dx <= radius; dx++) {
      const at = { x: near.x + dx, y: near.y + dy };
      const difference = patchDifference(a, pa, b, at);
      if (difference < best.difference) best = { ...at, difference };
    }
  }
  return best;
}

type RawImage = { data: Buffer; width: number; height: number };
const rawImage = async (png: Buffer): Promise<RawImage> => {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
};

/** Mean absolute difference (0–255) of a 60×40 patch centred at `pa` in a and at `pb` in b. */
function patchDifference(a: RawImage, pa: { x: number; y: number }, b: RawImage, pb: { x: number; y: number }) {
  const [w, h] = [60, 40];
  const [ax, ay, bx, by] = [pa.x - w / 2, pa.y - h / 2, pb.x - w / 2, pb.y - h / 2].map(Math.round) as [number, number, number, number];
  if (ax < 0 || ay < 0 || bx < 0 || by < 0 || ax + w > a.width || bx + w > b.width || ay + h > a.height || by + h > b.height) {
    throw new Error('patch outside the picture');
  }
  let sum = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w * 3; x++) sum += Math.abs(a.data[((ay + y) * a.width + ax) * 3 + x]! - b.data[((by + y) * b.width + bx) * 3 + x]!);
  }
  return sum / (w * h * 3);
}
