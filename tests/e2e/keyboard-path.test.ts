/**
 * The whole tour with the keyboard alone: skip link, a campus, a stop, looking around with the
 * arrow keys, info and link hotspots (markers and the text list), in English on a desktop and in
 * Chinese on a phone. After every key, focus is somewhere visible, never lost to <body>.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, launchBrowser, openPage, PHONE, readTourContent, visitState, type ContentHotspot, type ContentStop, type ContentView } from './browser';

const base = inject('baseUrl');
const { campuses, t } = readTourContent();
const campus = campuses[0]!;
const firstStop = campus.stops.find((s) => s.id === campus.firstStop)!;
const stopNamed = (id: string) => campus.stops.find((s) => s.id === id)!;
type Info = Extract<ContentHotspot, { kind: 'info' }>;
type Link = Extract<ContentHotspot, { kind: 'link' }>;
const infos = (s: ContentStop) => s.hotspots.filter((h): h is Info => h.kind === 'info');
const links = (s: ContentStop) => s.hotspots.filter((h): h is Link => h.kind === 'link');
const arrival = (h: Link): ContentView => h.arrive ?? stopNamed(h.target).initialView;
const wrap = (yaw: number) => ((((yaw + 180) % 360) + 360) % 360) - 180;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Focused {
  tag: string;
  id: string;
  className: string;
  text: string;
  label: string | null;
  href: string | null;
  hotspotId: string | null;
  listHotspotId: string | null;
  inMain: boolean;
  inPanel: boolean;
  rect: { x: number; y: number; width: number; height: number };
  viewport: { width: number; height: number };
}

/** What has keyboard focus now. */
function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = (document.activeElement ?? document.body) as HTMLElement;
    const r = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      className: typeof el.className === 'string' ? el.className : '',
      text: (el.innerText ?? '').trim(),
      label: el.getAttribute('aria-label'),
      href: el.getAttribute('href'),
      hotspotId: el.getAttribute('data-hotspot-id'),
      listHotspotId: el.getAttribute('data-list-hotspot-id'),
      inMain: !!el.closest('#main'),
      inPanel: !!el.closest('.info-panel'),
      rect: { x: r.x, y: r.y, width: r.width, height: r.height },
      viewport: { width: window.innerWidth, height: window.innerHeight },
    };
  });
}

const describeFocus = (f: Focused) => `<${f.tag}${f.id ? `#${f.id}` : ''} class="${f.className}"> "${(f.label ?? f.text).slice(0, 60)}"`;

/** Focus is on an element (not <body>) that is on screen. */
async function expectFocusShown(page: Page, after: string): Promise<Focused> {
  const f = await focused(page);
  expect(f.tag, `focus fell to <body> after ${after}`).not.toBe('body');
  expect(f.tag, `focus fell to <html> after ${after}`).not.toBe('html');
  const { rect, viewport } = f;
  const inside =
    rect.width > 0 && rect.height > 0 && rect.x >= -1 && rect.y >= -1 && rect.x + rect.width <= viewport.width + 1 && rect.y + rect.height <= viewport.height + 1;
  expect(inside, `focused ${describeFocus(f)} at ${JSON.stringify(rect)} is not on screen after ${after}`).toBe(true);
  return f;
}

/** Presses a key and checks focus afterwards. */
async function press(page: Page, key: string) {
  await page.keyboard.press(key);
  return expectFocusShown(page, key);
}

/** Presses Tab (or Shift+Tab) until `wanted` holds for the focused element, checking focus on the way. */
async function tabTo(page: Page, what: string, wanted: (f: Focused) => boolean, { back = false, max = 40 } = {}) {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    const f = await press(page, back ? 'Shift+Tab' : 'Tab');
    if (wanted(f)) return f;
    seen.push(describeFocus(f));
  }
  throw new Error(`never reached ${what} with ${back ? 'Shift+Tab' : 'Tab'}; focus went through:\n${seen.join('\n')}`);
}

/** The view on screen: the store's, or the stop's initial view before the first change. */
async function shownView(page: Page, stop: ContentStop) {
  return (await visitState(page)).view ?? stop.initialView;
}

async function expectFocusedHeading(page: Page, level: 'h1' | 'h2', text: string) {
  await expect.poll(async () => {
    const f = await focused(page);
    return `${f.tag}: ${f.text}`;
  }, { timeout: 5_000 }).toBe(`${level}: ${text}`);
  await expectFocusShown(page, `focusing the ${level}`);
}

describe.each([
  ['in English on a desktop', { lang: 'en', locale: 'en-US', viewport: DESKTOP }],
  ['in Chinese on a phone', { lang: 'zh', locale: 'zh-CN', viewport: PHONE }],
] as const)('the tour by keyboard alone, %s', (_, { lang, locale, viewport }) => {
  it('walks from the welcome page through a campus, stops and hotspots', async () => {
    const page = await openPage(browser, { viewport, locale });
    try {
      await page.goto(`${base}/`);
      await page.waitForURL(`${base}/${lang}`);
      await page.locator('#campuses-heading').waitFor();

      // The first Tab reaches the skip link, which leads past the header into the page.
      const skip = await press(page, 'Tab');
      expect(skip.className).toContain('skip-link');
      expect(skip.text).toBe(t(lang, 'app.skip'));
      await page.keyboard.press('Enter');
      const afterSkip = await press(page, 'Tab');
      expect(afterSkip.inMain, `Tab after the skip link went to ${describeFocus(afterSkip)}`).toBe(true);

      // A campus.
      const enter = t(lang, 'welcome.enterCampus', { campus: campus.name[lang] });
      await tabTo(page, `the link "${enter}"`, (f) => f.tag === 'a' && f.text === enter);
      await page.keyboard.press('Enter');
      await page.waitForURL(`${base}/${lang}/${campus.id}`);
      await expectFocusedHeading(page, 'h1', campus.name[lang]);

      // A stop.
      const stopHref = `/${lang}/${campus.id}/${firstStop.id}`;
      await tabTo(page, `the link to ${firstStop.id}`, (f) => f.tag === 'a' && f.href === stopHref);
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.pathname === stopHref);
      await expectFocusedHeading(page, 'h1', firstStop.name[lang]);

      // Into the viewer, and look around with the keys.
      await page.locator('.pano[role=region]').waitFor();
      const region = await tabTo(page, 'the 360° viewer', (f) => f.className.split(' ').includes('pano'));
      expect(region.label).toBe(t(lang, 'stop.viewRegion', { stop: firstStop.name[lang] }));
      const keys: { key: string; check: (before: ContentView, after: ContentView) => void }[] = [
        { key: 'ArrowRight', check: (b, a) => expect(wrap(a.yaw - b.yaw)).toBeCloseTo(b.fov / 6, 5) },
        { key: 'ArrowLeft', check: (b, a) => expect(wrap(a.yaw - b.yaw)).toBeCloseTo(-b.fov / 6, 5) },
        { key: 'ArrowUp', check: (b, a) => expect(a.pitch - b.pitch).toBeCloseTo(b.fov / 6, 5) },
        { key: 'ArrowDown', check: (b, a) => expect(a.pitch - b.pitch).toBeCloseTo(-b.fov / 6, 5) },
        { key: '+', check: (b, a) => expect(a.fov).toBeCloseTo(b.fov * 0.8, 5) },
        { key: '-', check: (b, a) => expect(a.fov).toBeCloseTo(b.fov * 1.25, 5) },
      ];
      for (const { key, check } of keys) {
        const before = await shownView(page, firstStop);
        const f = await press(page, key);
        expect(f.className, `focus left the viewer on ${key}`).toContain('pano');
        await expect.poll(async () => JSON.stringify(await shownView(page, firstStop)), { timeout: 2_000 }).not.toBe(JSON.stringify(before));
        check(before, await shownView(page, firstStop));
      }
      // The page did not scroll away under the arrow keys: the viewer is still on screen.
      await expectFocusShown(page, 'the arrow keys');

      // An info marker: Enter opens its panel and focus moves to its heading; Escape brings it back.
      const infoIds = infos(firstStop).map((h) => h.id);
      const marker = await tabTo(page, 'an info marker', (f) => f.hotspotId !== null && infoIds.includes(f.hotspotId), { max: 5 });
      const info = infos(firstStop).find((h) => h.id === marker.hotspotId)!;
      expect(marker.label).toBe(t(lang, 'stop.infoLabel', { title: info.title[lang] }));
      await page.keyboard.press('Enter');
      await expectFocusedHeading(page, 'h2', info.title[lang]);
      expect((await focused(page)).inPanel).toBe(true);
      expect((await visitState(page)).openHotspotId).toBe(info.id);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('.info-panel').count()).toBe(0);
      await expect.poll(async () => (await focused(page)).hotspotId, { timeout: 2_000 }).toBe(info.id);
      await expectFocusShown(page, 'Escape');
      expect((await visitState(page)).openHotspotId).toBeNull();

      // A link marker: back to the viewer, turn until the link is in view, Tab to it, Enter.
      const link = links(firstStop)[0]!;
      const target = stopNamed(link.target);
      await tabTo(page, 'the 360° viewer', (f) => f.className.split(' ').includes('pano'), { back: true, max: 5 });
      const turn = wrap(link.yaw - (await shownView(page, firstStop)).yaw) >= 0 ? 'ArrowRight' : 'ArrowLeft';
      for (let i = 0; i < 12 && (await page.locator(`.pano .hotspot[data-hotspot-id="${link.id}"]`).count()) === 0; i++) {
        await press(page, turn);
      }
      const linkMarker = await tabTo(page, `the marker of ${link.id}`, (f) => f.hotspotId === link.id, { max: 6 });
      expect(linkMarker.label).toBe(t(lang, 'stop.linkLabel', { stop: target.name[lang] }));
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.pathname === `/${lang}/${campus.id}/${target.id}`);
      await expectFocusedHeading(page, 'h1', target.name[lang]);
      expect(await shownView(page, target)).toEqual(arrival(link));

      // The text list does what the markers do: an info button opens the panel (and turns the view to it)…
      const listInfo = infos(target)[0]!;
      const listButton = await tabTo(page, `the list button of ${listInfo.id}`, (f) => f.listHotspotId === listInfo.id);
      expect(listButton.text).toContain(t(lang, 'stop.infoLabel', { title: listInfo.title[lang] }));
      await page.keyboard.press('Enter');
      await expectFocusedHeading(page, 'h2', listInfo.title[lang]);
      const turned = await shownView(page, target);
      expect([turned.yaw, turned.pitch]).toEqual([listInfo.yaw, listInfo.pitch]);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('.info-panel').count()).toBe(0);
      await expect.poll(async () => (await focused(page)).listHotspotId, { timeout: 2_000 }).toBe(listInfo.id);
      await expectFocusShown(page, 'Escape');

      // …and a link button goes to its stop, with focus on the new heading.
      const listLink = links(target)[0]!;
      const next = stopNamed(listLink.target);
      await tabTo(page, `the list button of ${listLink.id}`, (f) => f.listHotspotId === listLink.id, { max: 10 });
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.pathname === `/${lang}/${campus.id}/${next.id}`);
      await expectFocusedHeading(page, 'h1', next.name[lang]);
      expect(await shownView(page, next)).toEqual(arrival(listLink));
      expect(await page.getAttribute('html', 'lang')).toBe(lang === 'zh' ? 'zh-CN' : 'en');
    } finally {
      await page.context().close();
    }
  });

  it('sends focus to the viewer when a panel closes after its marker has left the view', async () => {
    const page = await openPage(browser, { viewport, locale });
    try {
      const info = infos(firstStop)[0]!;
      // Facing the hotspot, so its marker is there to open the panel from.
      await page.goto(`${base}/${lang}/${campus.id}/${firstStop.id}?yaw=${info.yaw}&pitch=0&fov=90`);
      await page.locator('.pano[role=region]').waitFor();
      await tabTo(page, 'the 360° viewer', (f) => f.className.split(' ').includes('pano'));
      await tabTo(page, `the marker of ${info.id}`, (f) => f.hotspotId === info.id, { max: 5 });
      await page.keyboard.press('Enter');
      await expectFocusedHeading(page, 'h2', info.title[lang]);

      // Back to the on-screen "Look right" button, and turn until the marker is gone from the view.
      const lookRight = t(lang, 'stop.lookRight');
      // On a wide screen the campus's stop strip (nine links) lies between the panel and the view buttons.
      await tabTo(page, `"${lookRight}"`, (f) => f.label === lookRight, { back: true, max: 24 });
      for (let i = 0; i < 16 && (await page.locator(`.pano .hotspot[data-hotspot-id="${info.id}"]`).count()) > 0; i++) {
        await press(page, 'Enter');
      }
      expect(await page.locator(`.pano .hotspot[data-hotspot-id="${info.id}"]`).count()).toBe(0);

      // Into the panel again (its Close button), and Escape.
      const close = t(lang, 'stop.closePanel');
      await tabTo(page, `"${close}"`, (f) => f.inPanel && f.label === close, { max: 24 });
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('.info-panel').count()).toBe(0);
      // The marker it came from is gone: focus goes to the viewer, where the visitor was looking.
      await expect.poll(async () => describeFocus(await focused(page)), { timeout: 2_000 }).toContain('class="pano');
      await expectFocusShown(page, 'Escape');
    } finally {
      await page.context().close();
    }
  });
});
