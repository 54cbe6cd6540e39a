/**
 * VR headsets (issue 17), in headless Chromium with the Immersive Web Emulation Runtime (iwer)
 * standing in for a Meta Quest 3: the Enter VR button where immersive VR is offered (and not
 * without WebXR); in the headset, a controller's ray selects an info hotspot (its panel's text, in
 * the page's language, is drawn in VR), looking at a link hotspot for two seconds follows it (a
 * ring fills meanwhile), a controller selects another link, and the exit target brings the visitor
 * back to the page at that stop, looking where the headset looked.
 *
 * The VR scene is read through `window.__vrScene` (VrLayer.tsx, VITE_TEST_HOOKS builds): what is
 * drawn on its canvases, where its targets are, the dwell ring's progress. Reading the pixels of
 * every eye buffer under SwiftShader would take minutes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser, openPage, PHONE, pixelStats, readTourContent, visitState, waitForPanorama, type ContentStop, type PageOptions } from './browser';

const require = createRequire(import.meta.url);
const iwerSource = readFileSync(require.resolve('iwer/build/iwer.min.js'), 'utf8');

const base = inject('baseUrl');
const { campuses, t } = readTourContent();
const campus = campuses[0]!;
const first = campus.stops.find((s) => s.id === campus.firstStop)!;
const info = first.hotspots.find((h) => h.kind === 'info')!;
const stopOf = (id: string) => campus.stops.find((s) => s.id === id)!;
let browser: Browser;

/** `VR_SHOTS=docs/screenshots npx vitest run --project e2e tests/e2e/vr.test.ts` keeps what the headset showed, for the README. */
async function keepShot(page: Page, name: string) {
  if (process.env.VR_SHOTS) await page.screenshot({ path: `${process.env.VR_SHOTS}/${name}.png` });
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface SceneTarget {
  id: string;
  kind: string;
  yaw: number;
  pitch: number;
  caption: string;
}
interface Scene {
  presenting: boolean;
  targets: SceneTarget[];
  panel: { id: string; lines: string[] } | null;
  dwell: { id: string; progress: number } | null;
  look: { yaw: number; pitch: number } | null;
}

/** A page whose browser has a Quest 3 (iwer installed before the app loads, over Chromium's own WebXR). */
async function openWithHeadset(options: PageOptions = {}): Promise<Page> {
  const page = await openPage(browser, options);
  await page.addInitScript({
    content: `${iwerSource}
;(() => {
  const device = new IWER.XRDevice(IWER.metaQuest3);
  device.installRuntime({ forceInstall: true });
  window.__xrDevice = device;
})();`,
  });
  return page;
}

const scene = (page: Page) => page.evaluate(() => (window as unknown as { __vrScene?: Scene }).__vrScene ?? null);
const sessionOn = (page: Page) => page.evaluate(() => Boolean((window as unknown as { __xrDevice: { activeSession?: unknown } }).__xrDevice.activeSession));

/** Waits for `n` frames of the XR session: poses and buttons set on the device take effect in frames. */
function xrFrames(page: Page, n = 3) {
  return page.evaluate(
    (count) =>
      new Promise<void>((resolve) => {
        const session = (window as unknown as { __xrDevice: { activeSession?: XRSession } }).__xrDevice.activeSession;
        // A select that ended the session leaves no frames to wait for.
        if (!session) return resolve();
        let left = count;
        const step = () => (--left <= 0 || session.visibilityState === 'hidden' ? resolve() : session.requestAnimationFrame(step));
        session.requestAnimationFrame(step);
      }),
    n,
  );
}

/** The quaternion that turns −Z (where an unturned headset or controller points) to (yaw, pitch). */
function quaternionFor(yaw: number, pitch: number): [number, number, number, number] {
  const y = (-yaw * Math.PI) / 360;
  const p = (pitch * Math.PI) / 360;
  return [Math.cos(y) * Math.sin(p), Math.sin(y) * Math.cos(p), -Math.sin(y) * Math.sin(p), Math.cos(y) * Math.cos(p)];
}

/** Turns the headset to look at (yaw, pitch). */
async function lookAt(page: Page, yaw: number, pitch: number) {
  await page.evaluate((q) => (window as unknown as { __xrDevice: { quaternion: { set(...a: number[]): void } } }).__xrDevice.quaternion.set(...q), quaternionFor(yaw, pitch));
  await xrFrames(page);
}

/** Points the right controller (held at the head) at (yaw, pitch), and pulls and releases its trigger. */
async function pointAndSelect(page: Page, yaw: number, pitch: number) {
  await page.evaluate((q) => {
    const device = (window as unknown as { __xrDevice: { position: unknown; controllers: { right: { position: { copy(v: unknown): void }; quaternion: { set(...a: number[]): void } } } } }).__xrDevice;
    device.controllers.right.position.copy(device.position);
    device.controllers.right.quaternion.set(...q);
  }, quaternionFor(yaw, pitch));
  await xrFrames(page);
  const trigger = (value: number) =>
    page.evaluate((v) => (window as unknown as { __xrDevice: { controllers: { right: { updateButtonValue(id: string, v: number): void } } } }).__xrDevice.controllers.right.updateButtonValue('trigger', v), value);
  await trigger(1);
  await xrFrames(page);
  await trigger(0);
  await xrFrames(page);
}

/** A direction with no hotspot within 25° (and clear of the exit target below): where the head rests while a controller points. */
function clearLook(stop: ContentStop): { yaw: number; pitch: number } {
  const dir = (yaw: number, pitch: number) => {
    const y = (yaw * Math.PI) / 180;
    const p = (pitch * Math.PI) / 180;
    return [Math.sin(y) * Math.cos(p), Math.sin(p), -Math.cos(y) * Math.cos(p)] as const;
  };
  for (let yaw = -170; yaw <= 170; yaw += 10) {
    const d = dir(yaw, 20);
    const clear = stop.hotspots.every((h) => {
      const e = dir(h.yaw, h.pitch);
      return (Math.acos(d[0] * e[0] + d[1] * e[1] + d[2] * e[2]) * 180) / Math.PI > 25;
    });
    if (clear) return { yaw, pitch: 20 };
  }
  throw new Error(`no clear direction at ${stop.id}`);
}

async function targetOf(page: Page, id: string): Promise<SceneTarget> {
  await expect.poll(async () => (await scene(page))?.targets.some((x) => x.id === id), { timeout: 20_000 }).toBe(true);
  return (await scene(page))!.targets.find((x) => x.id === id)!;
}

const stopPath = (stopId: string) => new URL(`${base}/en/${campus.id}/${stopId}`).pathname;

describe('VR headsets', () => {
  it('lets this origin use WebXR (Permissions-Policy), which a real headset’s browser requires', async () => {
    const reply = await fetch(`${base}/en/${campus.id}/${first.id}`);
    expect(reply.headers.get('permissions-policy')).toMatch(/(^|, )xr-spatial-tracking=\(self\)(,|$)/);
  });

  it('offers no Enter VR button where the browser cannot show immersive VR', async () => {
    const page = await openPage(browser, { viewport: PHONE });
    await page.goto(`${base}/en/${campus.id}/${first.id}`);
    await waitForPanorama(page, 'preview');
    // The other tools are there; VR is not (Chromium without a headset says immersive-vr is unsupported).
    await expect.poll(() => page.getByRole('button', { name: t('en', 'viewerTools.share') }).count()).toBe(1);
    expect(await page.getByRole('button', { name: t('en', 'vr.enter') }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('shows the stop in the headset: controller and gaze select hotspots, links move between stops, exit comes back at the headset view', async () => {
    const page = await openWithHeadset();
    await page.goto(`${base}/en/${campus.id}/${first.id}?yaw=0&pitch=0&fov=90`);
    await waitForPanorama(page, 'preview');

    // The button, named in the page's language, a 44 × 44 px target, axe-clean.
    const enter = page.getByRole('button', { name: t('en', 'vr.enter') });
    await enter.waitFor();
    const box = await enter.boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(44);
    expect(box!.height).toBeGreaterThanOrEqual(44);
    expect(await axeViolations(page)).toEqual([]);
    // No VR code before VR: the chunk comes with the press.
    expect(await scene(page)).toBeNull();

    // Entering by keyboard.
    await enter.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => sessionOn(page), { timeout: 30_000 }).toBe(true);
    await expect.poll(async () => (await scene(page))?.presenting, { timeout: 60_000 }).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: t('en', 'vr.exit') }).count()).toBe(1);
    // The headset shows the panorama (iwer shows the XR frames on the app's canvas, which it takes out of the page for the session): a picture, not a flat colour.
    await expect.poll(async () => (await pixelStats(page.locator('canvas[data-engine^="three.js"]'))).stdev, { timeout: 60_000 }).toBeGreaterThan(25);

    // A controller's ray selects the info hotspot: its panel's text, in English, is drawn in VR.
    const rest = clearLook(first);
    await lookAt(page, rest.yaw, rest.pitch);
    const infoTarget = await targetOf(page, info.id);
    expect(infoTarget.caption).toBe(info.title.en);
    await pointAndSelect(page, infoTarget.yaw, infoTarget.pitch);
    await expect.poll(async () => (await scene(page))?.panel?.id, { timeout: 20_000 }).toBe(info.id);
    const lines = (await scene(page))!.panel!.lines.join(' ');
    expect(lines).toContain(info.title.en);
    expect(lines).toContain(info.body[0]!.en.split(' ').slice(0, 4).join(' '));
    expect(lines).not.toContain(info.title.zh);
    expect((await visitState(page)).openHotspotId).toBe(info.id);
    await keepShot(page, 'vr-info-panel-en');

    // Looking at a link hotspot: a ring fills, and after two seconds the link is followed, still in VR.
    const link = first.hotspots.find((h) => h.kind === 'link' && h.yaw > 30)!;
    if (link.kind !== 'link') throw new Error('unreachable');
    const linkTarget = await targetOf(page, link.id);
    await lookAt(page, linkTarget.yaw, linkTarget.pitch);
    await expect
      .poll(async () => {
        const dwell = (await scene(page))?.dwell;
        return dwell?.id === link.id && dwell.progress > 0 && dwell.progress < 1;
      }, { timeout: 20_000, interval: 50 })
      .toBe(true);
    await keepShot(page, 'vr-dwell-en');
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 30_000 }).toBe(stopPath(link.target));
    const second = stopOf(link.target);
    const rest2 = clearLook(second);
    await lookAt(page, rest2.yaw, rest2.pitch);
    expect(await sessionOn(page)).toBe(true);

    // A controller selects a link hotspot of this stop: on to the next stop, still in VR.
    const next = second.hotspots.find((h) => h.kind === 'link' && h.target !== first.id)!;
    if (next.kind !== 'link') throw new Error('unreachable');
    const nextTarget = await targetOf(page, next.id);
    await pointAndSelect(page, nextTarget.yaw, nextTarget.pitch);
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 30_000 }).toBe(stopPath(next.target));
    expect(await sessionOn(page)).toBe(true);

    // The exit target (below the line of sight) ends the session: back on the page at this stop,
    // looking where the headset looked.
    const third = stopOf(next.target);
    const last = clearLook(third);
    await lookAt(page, last.yaw, last.pitch);
    await expect.poll(async () => Math.abs(((await scene(page))?.look?.yaw ?? 999) - last.yaw), { timeout: 20_000 }).toBeLessThan(1);
    await xrFrames(page);
    const exit = await targetOf(page, '@exit');
    expect(exit.caption).toBe(t('en', 'vr.exit'));
    await pointAndSelect(page, exit.yaw, exit.pitch);
    await expect.poll(() => sessionOn(page), { timeout: 30_000 }).toBe(false);
    await expect.poll(() => page.getByRole('button', { name: t('en', 'vr.enter') }).count()).toBe(1);
    expect(new URL(page.url()).pathname).toBe(stopPath(next.target));
    await expect.poll(async () => (await visitState(page)).view?.yaw, { timeout: 10_000 }).toBeCloseTo(last.yaw, 0);
    expect((await visitState(page)).view?.pitch).toBeCloseTo(last.pitch, 0);
    // The URL follows the store's view a moment later (UrlSync spaces history writes).
    const query = () => new URL(page.url()).searchParams;
    await expect.poll(() => Number(query().get('yaw')), { timeout: 10_000 }).toBeCloseTo(last.yaw, 0);
    expect(Number(query().get('pitch'))).toBeCloseTo(last.pitch, 0);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('keeps a following delegate in VR with the guide: the stop and the open panel change, in Chinese, and the headset keeps its own look', async () => {
    const guide = await openPage(browser);
    await guide.goto(`${base}/en/${campus.id}/${first.id}`);
    await guide.getByRole('button', { name: t('en', 'live.start') }).click();
    const code = (await guide.locator('.live-panel__code').textContent({ timeout: 15_000 }))!.replace('-', '');
    const delegate = await openWithHeadset({ locale: 'zh-CN', viewport: PHONE });
    await delegate.goto(`${base}/zh/live/${code}`);
    await delegate.getByRole('button', { name: t('zh', 'live.join'), exact: true }).click();
    await expect.poll(async () => (await visitState(delegate)).place.stopId, { timeout: 15_000 }).toBe(first.id);
    await waitForPanorama(delegate, 'preview');

    // The button in Chinese, 44 × 44 px on a phone; into VR, looking somewhere of the delegate's own.
    const enter = delegate.getByRole('button', { name: t('zh', 'vr.enter') });
    const box = await enter.boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(44);
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await enter.click();
    await expect.poll(async () => (await scene(delegate))?.presenting, { timeout: 60_000 }).toBe(true);
    const own = clearLook(first);
    await lookAt(delegate, own.yaw, own.pitch);

    // The guide turns, then goes to another stop and opens an info panel there: the delegate's
    // headset shows that stop and the panel, in Chinese; the look stays the delegate's own.
    await guide.evaluate(() => (window as unknown as { __visitStore: { getState(): { setView(v: object): void } } }).__visitStore.getState().setView({ yaw: 120, pitch: 0, fov: 90 }));
    await expect.poll(async () => (await visitState(delegate)).view?.yaw, { timeout: 15_000 }).toBe(120);
    const to = campus.stops.find((x) => x.id !== first.id && x.hotspots.some((h) => h.kind === 'info'))!;
    const toInfo = to.hotspots.find((h) => h.kind === 'info')!;
    if (toInfo.kind !== 'info') throw new Error('unreachable');
    await guide.evaluate(
      ([campusId, stopId]) =>
        (window as unknown as { __visitStore: { getState(): { goTo(p: object): void } } }).__visitStore.getState().goTo({ page: 'stop', campusId, stopId }),
      [campus.id, to.id] as const,
    );
    await expect.poll(async () => (await visitState(delegate)).place.stopId, { timeout: 15_000 }).toBe(to.id);
    await guide.evaluate((id) => (window as unknown as { __visitStore: { getState(): { openHotspot(id: string): void } } }).__visitStore.getState().openHotspot(id), toInfo.id);
    await expect.poll(async () => (await scene(delegate))?.panel?.id, { timeout: 15_000 }).toBe(toInfo.id);
    const lines = (await scene(delegate))!.panel!.lines.join('');
    expect(lines).toContain(toInfo.title.zh);
    expect(lines).not.toContain(toInfo.title.en);
    expect(await sessionOn(delegate)).toBe(true);
    const look = (await scene(delegate))!.look!;
    expect(Math.abs(look.yaw - own.yaw)).toBeLessThan(1);
    expect(Math.abs(look.pitch - own.pitch)).toBeLessThan(1);

    // Leaving VR, the delegate still follows: the page has the guide's view, not the headset's.
    await delegate.evaluate(() => (window as unknown as { __xrDevice: { activeSession: XRSession } }).__xrDevice.activeSession.end());
    await expect.poll(() => sessionOn(delegate), { timeout: 30_000 }).toBe(false);
    expect(await delegate.locator('.delegate-bar__status').textContent()).toBe(t('zh', 'live.following'));
    expect(JSON.stringify((await visitState(delegate)).view)).toBe(JSON.stringify((await visitState(guide)).view));
    await guide.context().close();
    await delegate.context().close();
  });
});
