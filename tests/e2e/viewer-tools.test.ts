/**
 * The view's tools on a stop (issue 17): full screen for the view alone, share, and what the
 * visitor notices of each — where focus goes, what is announced, what the link opens.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, launchBrowser, openPage, PHONE, readTourContent, visitState, waitForPanorama } from './browser';

const base = inject('baseUrl');
const { campuses, tours, t } = readTourContent();
const campus = campuses[0]!;
const stop = campus.stops.find((s) => s.id === campus.firstStop)!;
const info = stop.hotspots.find((h) => h.kind === 'info')!;
const stopUrl = (lang: 'en' | 'zh', query = 'yaw=10&pitch=0&fov=90') => `${base}/${lang}/${campus.id}/${stop.id}?${query}`;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('full screen for the view alone', () => {
  it('puts the view, its controls and the open info panel in full screen by button and F; Esc leaves', async () => {
    const page = await openPage(browser);
    await page.goto(stopUrl('en', `yaw=10&pitch=0&fov=90&spot=${info.id}`));
    await waitForPanorama(page, 'preview');
    const button = page.getByRole('button', { name: t('en', 'viewerTools.fullscreen') });
    await button.click();
    await page.waitForFunction(() => document.fullscreenElement?.classList.contains('stop-layout'));
    // Inside full screen: the view, the look-around buttons and the info panel are shown; the stop lists are not.
    const shown = await page.evaluate(() => {
      const root = document.fullscreenElement!;
      const visible = (sel: string) => {
        const el = root.querySelector<HTMLElement>(sel);
        return el !== null && el.getClientRects().length > 0;
      };
      return { pano: visible('.pano'), controls: visible('.view-controls'), panel: visible('.info-panel'), hotspot: visible('.hotspot'), lists: visible('.stop-nav') };
    });
    expect(shown).toEqual({ pano: true, controls: true, panel: true, hotspot: true, lists: false });
    const box = await page.locator('.stop-layout .pano').boundingBox();
    expect(box?.height).toBeGreaterThan(650);
    // The button now leaves, and says so; focus stayed on it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(t('en', 'viewerTools.exitFullscreen'));
    expect(await axeViolations(page)).toEqual([]);
    // Esc closes the innermost thing first: the panel (focus in it), then full screen.
    await page.locator('.info-panel h2').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.info-panel').count()).toBe(0);
    expect(await page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.fullscreenElement === null);
    // F from the page (focus on the heading, outside the view) goes in, with focus on the view; F again leaves.
    await page.locator('#stop-title').focus();
    await page.keyboard.press('f');
    await page.waitForFunction(() => document.fullscreenElement?.classList.contains('stop-layout'));
    expect(await page.evaluate(() => document.activeElement?.classList.contains('pano'))).toBe(true);
    await page.keyboard.press('F');
    await page.waitForFunction(() => document.fullscreenElement === null);
    await page.context().close();
  });
});

describe('share', () => {
  it('gives the link of this place and view to copy (announced), to a share sheet, and as a QR code that opens the same view', async () => {
    const page = await openPage(browser, { viewport: PHONE });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    // The platform's share sheet, where there is one: record what it is handed.
    await page.addInitScript(() => {
      (window as unknown as { __shared: unknown[] }).__shared = [];
      navigator.share = (data?: ShareData) => {
        (window as unknown as { __shared: unknown[] }).__shared.push(data);
        return Promise.resolve();
      };
    });
    await page.goto(stopUrl('zh', 'yaw=42.5&pitch=-7&fov=70'));
    await waitForPanorama(page, 'preview');
    const share = page.getByRole('button', { name: t('zh', 'viewerTools.share') });
    const box = await share.boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(44);
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await share.click();
    const dialog = page.getByRole('dialog', { name: t('zh', 'viewerTools.shareTitle') });
    await dialog.waitFor();
    const link = await dialog.getByLabel(t('zh', 'viewerTools.shareLink')).inputValue();
    expect(link).toBe(`${base}/zh/${campus.id}/${stop.id}?yaw=42.5&pitch=-7&fov=70`);
    await dialog.getByRole('img', { name: t('zh', 'viewerTools.qr') }).locator('svg').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: t('zh', 'viewerTools.copyLink') }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe(t('zh', 'viewerTools.copied'));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await dialog.getByRole('button', { name: t('zh', 'viewerTools.shareVia') }).click();
    expect(await page.evaluate(() => (window as unknown as { __shared: unknown[] }).__shared)).toEqual([{ title: stop.name.zh, url: link }]);
    // Esc closes it, and focus is back on Share.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(t('zh', 'viewerTools.share'));
    // The link opens the same place and view.
    const other = await openPage(browser, { viewport: PHONE });
    await other.goto(link);
    await waitForPanorama(other, 'preview');
    expect((await visitState(other)).view).toEqual({ yaw: 42.5, pitch: -7, fov: 70 });
    await other.context().close();
    await page.context().close();
  });

  it('on a tour step, shares the step', async () => {
    const tour = tours[0]!;
    const first = tour.steps[0]!;
    const page = await openPage(browser);
    await page.goto(`${base}/en/${first.campus}/${first.stop}?tour=${tour.id}&step=1`);
    await waitForPanorama(page, 'preview');
    await page.getByRole('button', { name: t('en', 'viewerTools.share') }).click();
    const link = await page.getByRole('dialog').getByLabel(t('en', 'viewerTools.shareLink')).inputValue();
    expect(new URL(link).searchParams.get('tour')).toBe(tour.id);
    expect(new URL(link).searchParams.get('step')).toBe('1');
    await page.context().close();
  });
});

describe('turning when idle', () => {
  it('turns slowly after 30 s without input, stops at any input, can be switched off, and never under reduced motion', async () => {
    const page = await openPage(browser);
    await page.clock.install();
    await page.goto(stopUrl('en', 'yaw=10&pitch=0&fov=90'));
    await waitForPanorama(page, 'preview');
    const yaw = async () => (await visitState(page)).view!.yaw;
    const toggle = page.getByRole('button', { name: t('en', 'viewerTools.idleTurn') });
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    // A key counts as input: the 30 s start again from here.
    await page.keyboard.press('Shift');
    await page.clock.runFor(29_000);
    expect(await yaw()).toBe(10);
    await page.clock.runFor(3_000);
    const turned = await yaw();
    // Slowly: a few degrees a second (the page's clock also runs on by itself between steps).
    expect(turned).toBeGreaterThan(10);
    expect(turned).toBeLessThan(60);
    // Any input stops it.
    await page.mouse.move(600, 300);
    await page.mouse.down();
    await page.mouse.up();
    const stopped = await yaw();
    await page.clock.runFor(5_000);
    expect(await yaw()).toBe(stopped);
    // Switched off (WCAG 2.2.2: a way to stop it), it does not start again.
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await page.clock.runFor(60_000);
    expect(await yaw()).toBe(stopped);
    await toggle.click();
    expect(await axeViolations(page)).toEqual([]);
    // Under reduced motion there is no turning and no control for it.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await expect.poll(() => toggle.count()).toBe(0);
    await page.clock.runFor(60_000);
    expect(await yaw()).toBe(stopped);
    await page.context().close();
  });

  it('does not turn in a tour', async () => {
    const tour = tours[0]!;
    const step = tour.steps[0]!;
    const page = await openPage(browser);
    await page.clock.install();
    await page.goto(`${base}/en/${step.campus}/${step.stop}?tour=${tour.id}&step=1`);
    await waitForPanorama(page, 'preview');
    const before = (await visitState(page)).view;
    expect(await page.getByRole('button', { name: t('en', 'viewerTools.idleTurn') }).count()).toBe(0);
    await page.clock.runFor(40_000);
    expect((await visitState(page)).view).toEqual(before);
    await page.context().close();
  });
});

describe('move phone to look', () => {
  const tilt = (page: import('playwright-core').Page, alpha: number, beta: number, gamma: number, times = 40) =>
    page.evaluate(
      ({ alpha, beta, gamma, times }) => {
        for (let i = 0; i < times; i++) window.dispatchEvent(new DeviceOrientationEvent('deviceorientation', { alpha, beta, gamma }));
      },
      { alpha, beta, gamma, times },
    );

  it('is off by default; on, turning the phone turns the view smoothly with the horizon level, and drag and buttons still work', async () => {
    const page = await openPage(browser, { viewport: PHONE });
    await page.goto(stopUrl('zh', 'yaw=10&pitch=0&fov=90'));
    await waitForPanorama(page, 'preview');
    const view = async () => (await visitState(page)).view!;
    const toggle = page.getByRole('button', { name: t('zh', 'viewerTools.lookByPhone') });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    const box = await toggle.boundingBox();
    expect(Math.min(box!.width, box!.height)).toBeGreaterThanOrEqual(44);
    // Off: the sensors change nothing.
    await tilt(page, 40, 120, 0);
    expect(await view()).toEqual({ yaw: 10, pitch: 0, fov: 90 });
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    // Held upright: the view stays where it was (no jump), level.
    await tilt(page, 0, 90, 0);
    const level = await view();
    expect(level.yaw).toBeCloseTo(10, 6);
    expect(level.pitch).toBeCloseTo(0, 6);
    // Turned 30° to the right and tilted back 20°: the view follows, the filter settling on it.
    await tilt(page, -30, 110, 0);
    const v = await view();
    expect(v.yaw).toBeCloseTo(40, 0);
    expect(v.pitch).toBeCloseTo(20, 0);
    // A button still turns the view, and the phone carries on from there instead of snapping back.
    await page.getByRole('button', { name: t('zh', 'stop.lookRight') }).click();
    const afterButton = (await view()).yaw;
    expect(afterButton).toBeGreaterThan(v.yaw + 5);
    await tilt(page, -30, 110, 0, 5);
    expect((await view()).yaw).toBeCloseTo(afterButton, 0);
    // Off again: the sensors change nothing.
    await toggle.click();
    const still = await view();
    await tilt(page, 90, 60, 0);
    expect(await view()).toEqual(still);
    await page.context().close();
  });

  it('asks for the permission on press where the platform requires it (iOS), and says so when refused', async () => {
    const page = await openPage(browser, { viewport: PHONE });
    await page.addInitScript(() => {
      (window as unknown as { __asked: number }).__asked = 0;
      (DeviceOrientationEvent as unknown as { requestPermission(): Promise<string> }).requestPermission = () => {
        (window as unknown as { __asked: number }).__asked += 1;
        return Promise.resolve('denied');
      };
    });
    await page.goto(stopUrl('en'));
    await waitForPanorama(page, 'preview');
    expect(await page.evaluate(() => (window as unknown as { __asked: number }).__asked)).toBe(0);
    const toggle = page.getByRole('button', { name: t('en', 'viewerTools.lookByPhone') });
    await toggle.click();
    expect(await page.evaluate(() => (window as unknown as { __asked: number }).__asked)).toBe(1);
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => page.getByRole('status').filter({ hasText: t('en', 'viewerTools.motionRefused') }).count()).toBe(1);
    await page.context().close();
  });

  it('waits while a live guide moves the camera, and turns the view again once the delegate looks around alone', async () => {
    const guide = await openPage(browser);
    await guide.goto(stopUrl('en', 'yaw=10&pitch=0&fov=90'));
    await guide.getByRole('button', { name: t('en', 'live.start') }).click();
    const code = (await guide.locator('.live-panel__code').textContent({ timeout: 15_000 }))!.replace('-', '');
    const phone = await openPage(browser, { viewport: PHONE });
    await phone.goto(`${base}/en/live/${code}`);
    await phone.getByRole('button', { name: t('en', 'live.join'), exact: true }).click();
    await expect.poll(() => phone.locator('.delegate-bar__status').textContent(), { timeout: 20_000 }).toBe(t('en', 'live.following'));
    await waitForPanorama(phone, 'preview');
    await phone.getByRole('button', { name: t('en', 'viewerTools.lookByPhone') }).click();
    // Following: the guide's view stays, whatever the phone does.
    const guideView = (await visitState(phone)).view;
    await tilt(phone, 60, 100, 0);
    expect((await visitState(phone)).view).toEqual(guideView);
    // Looking around alone: turning the phone (from where it is held now) turns the view again,
    // without pressing the toggle anew.
    await phone.getByRole('button', { name: t('en', 'live.breakAway') }).click();
    await expect.poll(() => phone.locator('.delegate-bar__status').textContent()).toContain(t('en', 'live.exploring').slice(0, 20));
    await tilt(phone, 60, 100, 0);
    await tilt(phone, 100, 100, 0);
    await expect.poll(async () => (await visitState(phone)).view?.yaw).not.toBe(guideView?.yaw);
    await phone.context().close();
    await guide.context().close();
  });

  it('waits while a tour moves the camera, and is not offered without a touch screen', async () => {
    const tour = tours[0]!;
    const step = tour.steps[0]!;
    const page = await openPage(browser, { viewport: PHONE });
    await page.goto(`${base}/en/${step.campus}/${step.stop}?tour=${tour.id}&step=1`);
    await waitForPanorama(page, 'preview');
    await page.getByRole('button', { name: t('en', 'viewerTools.lookByPhone') }).click();
    const before = (await visitState(page)).view;
    await tilt(page, 60, 100, 0);
    expect((await visitState(page)).view).toEqual(before);
    await page.context().close();
    const desktop = await openPage(browser);
    await desktop.goto(stopUrl('en'));
    await waitForPanorama(desktop, 'preview');
    await desktop.getByRole('button', { name: t('en', 'viewerTools.share') }).waitFor();
    expect(await desktop.getByRole('button', { name: t('en', 'viewerTools.lookByPhone') }).count()).toBe(0);
    await desktop.context().close();
  });
});
