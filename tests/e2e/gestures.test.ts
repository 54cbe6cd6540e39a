/** Touch and wheel: pinch and wheel zoom within the field-of-view limits, a finger drag turns the view. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { FOV_MAX, FOV_MIN } from '../../src/content/limits';
import { launchBrowser, openPage, PHONE, readTourContent, visitState, waitForPanorama } from './browser';

const base = inject('baseUrl');
const campus = readTourContent().campuses[0]!;
/** A stop, facing straight ahead at 90°: the zoom limits are checked from there. */
const stopUrl = `${base}/en/${campus.id}/${campus.firstStop}?yaw=0&pitch=0&fov=90`;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Two fingers moving apart (or together) over the viewer, as the browser reports them: pointer events. */
async function pinch(page: Page, from: number, to: number) {
  await page.locator('.pano').evaluate(
    (el, { from, to }) => {
      const box = el.getBoundingClientRect();
      const cx = box.left + box.width / 2;
      const cy = box.top + box.height / 2;
      const fire = (type: string, id: number, x: number) =>
        el.dispatchEvent(
          new PointerEvent(type, { pointerId: id, pointerType: 'touch', clientX: x, clientY: cy, bubbles: true, isPrimary: id === 1 }),
        );
      fire('pointerdown', 1, cx - from / 2);
      fire('pointerdown', 2, cx + from / 2);
      for (let i = 1; i <= 5; i += 1) {
        const d = from + ((to - from) * i) / 5;
        fire('pointermove', 1, cx - d / 2);
        fire('pointermove', 2, cx + d / 2);
      }
      fire('pointerup', 1, cx - to / 2);
      fire('pointerup', 2, cx + to / 2);
    },
    { from, to },
  );
}

describe('gestures on a phone', () => {
  it('pinches out to zoom in and in to zoom out, never past the limits', async () => {
    const page = await openPage(browser, { viewport: PHONE });
    await page.goto(stopUrl);
    await waitForPanorama(page, 'preview');
    await pinch(page, 100, 200);
    const zoomedIn = (await visitState(page)).view!;
    expect(zoomedIn.fov).toBeCloseTo(45, 0);
    await pinch(page, 200, 20);
    expect((await visitState(page)).view!.fov).toBe(110);
    await pinch(page, 20, 300);
    expect((await visitState(page)).view!.fov).toBe(30);
    await page.context().close();
  });

  it('turns the view with a one-finger drag and zooms with the wheel', async () => {
    const page = await openPage(browser);
    await page.goto(stopUrl);
    await waitForPanorama(page, 'preview');
    const box = (await page.locator('.pano').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    // The wheel events as the viewer receives them (Chromium may split or scale a wheel turn).
    await page.locator('.pano').evaluate((el) => {
      const w = window as unknown as { __wheel: number[] };
      w.__wheel = [];
      el.addEventListener('wheel', (e) => w.__wheel.push((e as WheelEvent).deltaY));
    });
    /** The fov after the wheel events since the last call: each zooms by e^(deltaY/500), deltaY capped at ±100, within the limits. */
    const expectedFov = async (from: number) => {
      const deltas = await page.evaluate(() => (window as unknown as { __wheel: number[] }).__wheel.splice(0));
      expect(deltas.length).toBeGreaterThan(0);
      return deltas.reduce((fov, dy) => Math.min(FOV_MAX, Math.max(FOV_MIN, fov * Math.exp(Math.max(-100, Math.min(100, dy)) * 0.002))), from);
    };
    const fov = async () => (await visitState(page)).view?.fov ?? 90;

    await page.mouse.wheel(0, -300);
    await expect.poll(fov).toBeLessThan(90);
    const zoomedIn = await fov();
    expect(zoomedIn).toBeCloseTo(await expectedFov(90), 5);

    // Back out, further than the start: the fov grows by what the wheel turned, up to the limit.
    await page.mouse.wheel(0, 300);
    await page.mouse.wheel(0, 300);
    await expect.poll(fov).toBeGreaterThan(90);
    const zoomedOut = await fov();
    expect(zoomedOut).toBeCloseTo(await expectedFov(zoomedIn), 5);
    expect(zoomedOut - zoomedIn).toBeGreaterThan(20);
    await page.locator('.pano').evaluate((el) => {
      const r = el.getBoundingClientRect();
      const y = r.top + r.height / 2;
      const fire = (type: string, x: number) =>
        el.dispatchEvent(new PointerEvent(type, { pointerId: 7, pointerType: 'touch', clientX: x, clientY: y, bubbles: true, isPrimary: true }));
      fire('pointerdown', r.left + 300);
      fire('pointermove', r.left + 250);
      fire('pointermove', r.left + 200);
      fire('pointerup', r.left + 200);
    });
    // The picture follows the finger: dragging left turns the view right.
    expect((await visitState(page)).view!.yaw).toBeGreaterThan(0);
    await page.context().close();
  });
});
