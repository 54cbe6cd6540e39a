/**
 * Panoramas on a slow network: the preview is on screen before any tile arrives, only the tiles in
 * view are fetched, a failed tile is fetched again without breaking the view, linked stops are
 * preloaded so following a link never shows a blank view, and a still view draws no frames.
 * Counts and orders are checked, never how long something took.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page, Route } from 'playwright-core';
import { launchBrowser, openPage, pixelStats, readTourContent, visitState, waitForPanorama, type ContentHotspot } from './browser';
import { derivedImage } from '../../src/content/images';

const base = inject('baseUrl');
const { campuses } = readTourContent();
const campus = campuses[0]!;
const first = campus.stops.find((s) => s.id === campus.firstStop)!;
const link = first.hotspots.find((h) => h.kind === 'link')! as Extract<ContentHotspot, { kind: 'link' }>;
const masterOf = (stopId: string) => `${campus.id}-${stopId}`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const isTile = (url: string | URL) => /\/generated\/pano\/[^/]+\/\d+\/[a-z]\d+_\d+\.jpg/.test(String(url));
const isPreview = (url: string) => url.includes('/generated/preview/');

/** Counts WebGL draw calls, and the bytes of the textures alive, in every page of the context. */
async function countGl(page: Page) {
  await page.context().addInitScript(() => {
    const counts = { draws: 0, textureBytes: 0 };
    (window as unknown as { __gl: typeof counts }).__gl = counts;
    const sizes = new Map<WebGLTexture, number>();
    for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
      const { drawElements, drawArrays, bindTexture, texImage2D, deleteTexture } = proto;
      let bound: WebGLTexture | null = null;
      proto.drawElements = function (...args: Parameters<typeof drawElements>) {
        counts.draws += 1;
        return drawElements.apply(this, args);
      };
      proto.drawArrays = function (...args: Parameters<typeof drawArrays>) {
        counts.draws += 1;
        return drawArrays.apply(this, args);
      };
      proto.bindTexture = function (target: GLenum, texture: WebGLTexture | null) {
        if (target === this.TEXTURE_2D) bound = texture;
        return bindTexture.call(this, target, texture);
      };
      proto.texImage2D = function (this: WebGLRenderingContext, ...args: unknown[]) {
        // (target, level, internalformat, format, type, source) or (…, width, height, border, format, type, pixels)
        const source = args[5] as { width?: number; height?: number } | undefined;
        const [w, h] = args.length >= 8 ? [args[3] as number, args[4] as number] : [source?.width ?? 0, source?.height ?? 0];
        if (bound && args[1] === 0) {
          counts.textureBytes += w * h * 4 - (sizes.get(bound) ?? 0);
          sizes.set(bound, w * h * 4);
        }
        return (texImage2D as (...a: unknown[]) => void).apply(this, args);
      } as typeof texImage2D;
      proto.deleteTexture = function (t: WebGLTexture | null) {
        if (t) {
          counts.textureBytes -= sizes.get(t) ?? 0;
          sizes.delete(t);
        }
        return deleteTexture.call(this, t);
      };
    }
  });
}
const gl = (page: Page) => page.evaluate(() => ({ ...(window as unknown as { __gl: { draws: number; textureBytes: number } }).__gl }));

describe('tiled panoramas', () => {
  it('shows the preview before any tile arrives, then only the tiles in view, at one level; the side list waits', async () => {
    const page = await openPage(browser);
    const thumbnails: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/generated/thumb/')) thumbnails.push(r.url());
    });
    const held: Route[] = [];
    let holding = true;
    const tiles: string[] = [];
    await page.route(isTile, (route) => {
      tiles.push(route.request().url());
      if (holding) held.push(route);
      else void route.continue();
    });
    await page.goto(`${base}/en/${campus.id}/${first.id}?yaw=0&pitch=0&fov=90`);
    await waitForPanorama(page, 'preview');
    expect(await page.locator('.pano').getAttribute('data-level')).toBe('preview');
    // Something is on screen: a picture, not the dark cover.
    expect((await pixelStats(page.locator('.pano'))).stdev).toBeGreaterThan(20);
    expect(await page.locator('.pano__cover.is-covering').count()).toBe(0);
    await expect.poll(() => held.length).toBeGreaterThan(0);
    // The side list's thumbnails leave the line to the panorama while it loads… (the stop's own
    // thumbnail is the poster under the loading panorama, so it may come first: never a black box)
    const poster = derivedImage.thumbnail(first.panorama.master);
    expect(thumbnails.filter((url) => !url.endsWith(poster))).toEqual([]);
    expect(await page.locator('.stop-list img[src]').count()).toBe(0);

    holding = false;
    for (const route of held.splice(0)) await route.continue();
    await waitForPanorama(page, 'full');
    // …and come once it is on screen in full.
    await expect.poll(() => page.locator('.stop-list img[src]').count()).toBe(campus.stops.length);
    // No storm: the tiles of one level that the view shows (a 90° view of one face: 2 rows of 3).
    const levels = new Set(tiles.map((u) => new URL(u).pathname.split('/').at(-2)));
    expect(levels.size).toBe(1);
    expect(new Set(tiles).size).toBe(tiles.length);
    expect(tiles.length).toBeLessThanOrEqual(9);
    await page.context().close();
  });

  it('fetches a tile that failed again, and never breaks the view', async () => {
    // A failed tile throws nothing in the page (openPage fails the test on any uncaught error).
    const page = await openPage(browser);
    const seen = new Map<string, number>();
    await page.route(isTile, (route) => {
      const url = route.request().url();
      const n = (seen.get(url) ?? 0) + 1;
      seen.set(url, n);
      // Every tile fails twice (a server error, then a dropped connection) before it comes.
      if (n === 1) void route.fulfill({ status: 503, body: 'busy' });
      else if (n === 2) void route.abort('connectionreset');
      else void route.continue();
    });
    await page.goto(`${base}/en/${campus.id}/${first.id}?yaw=30&pitch=10&fov=80`);
    await waitForPanorama(page, 'full');
    expect([...seen.values()].every((n) => n === 3)).toBe(true);
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.context().close();
  });

  it('preloads the linked stops while the visitor is idle, so following a link never blanks the view', async () => {
    const page = await openPage(browser);
    await countGl(page);
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(`${base}/en/${campus.id}/${first.id}?yaw=${link.yaw}&pitch=0&fov=90`);
    await waitForPanorama(page, 'full');
    // Idle: the previews of every linked stop come, and nothing else after them.
    const linked = first.hotspots.filter((h) => h.kind === 'link').map((h) => masterOf((h as typeof link).target));
    await expect
      .poll(() => linked.every((m) => requested.some((u) => isPreview(u) && u.includes(`/${m}.jpg`))), { timeout: 10_000 })
      .toBe(true);
    expect(requested.filter((u) => isTile(u) && !u.includes(`/${masterOf(first.id)}/`))).toEqual([]);

    // A still view draws nothing.
    const still = await gl(page);
    await page.waitForTimeout(1_000);
    expect((await gl(page)).draws).toBe(still.draws);

    // The next stop's tiles will take a while; its preview is here already.
    await page.route((u) => isTile(u) && u.pathname.includes(`/${masterOf(link.target)}/`), () => {});
    await page.evaluate(() => {
      const cover = document.querySelector('.pano__cover')!;
      const w = window as unknown as { __covered: boolean };
      w.__covered = false;
      new MutationObserver(() => {
        if (cover.classList.contains('is-covering')) w.__covered = true;
      }).observe(cover, { attributes: true });
    });
    const before = requested.length;
    await page.locator(`.pano .hotspot[data-hotspot-id="${link.id}"]`).click();
    await expect.poll(async () => (await visitState(page)).place.stopId).toBe(link.target);
    await waitForPanorama(page, 'preview');
    expect(await page.evaluate(() => (window as unknown as { __covered: boolean }).__covered)).toBe(false);
    expect(requested.slice(before).filter(isPreview)).toEqual([]);
    expect((await pixelStats(page.locator('.pano canvas'))).stdev).toBeGreaterThan(20);

    // Turning the view asks for frames again.
    const drawn = (await gl(page)).draws;
    await page.locator('.pano').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await gl(page)).draws).toBeGreaterThan(drawn);
    await page.context().close();
  });

  it('keeps the textures bounded: after a second round of every stop they hold no more than after the first', async () => {
    const page = await openPage(browser);
    await countGl(page);
    const stops = campuses.flatMap((c) => c.stops.map((s) => ({ campusId: c.id, stopId: s.id })));
    await page.goto(`${base}/en/${stops[0]!.campusId}/${stops[0]!.stopId}`);
    const round = async () => {
      for (const place of stops) {
        await page.evaluate((p) => {
          const store = (window as unknown as { __visitStore: { getState(): { goTo(place: unknown): void } } }).__visitStore;
          store.getState().goTo({ page: 'stop', ...p });
        }, place);
        await expect.poll(async () => (await visitState(page)).place.stopId).toBe(place.stopId);
        await waitForPanorama(page, 'full');
      }
      return (await gl(page)).textureBytes;
    };
    const once = await round();
    const twice = await round();
    expect(once).toBeGreaterThan(0);
    expect(twice).toBeLessThanOrEqual(once * 1.1);
    await page.context().close();
  });
});
