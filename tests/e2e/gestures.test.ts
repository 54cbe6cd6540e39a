/** Touch and wheel: pinch and wheel zoom within the field-of-view limits, a finger drag turns the view. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, PHONE, visitState, waitForPanorama } from './browser';

const base = inject('baseUrl');
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
    await page.goto(`${base}/en/yubei/library?yaw=0&pitch=0&fov=90`);
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
    await page.goto(`${base}/en/yubei/library?yaw=0&pitch=0&fov=90`);
    await waitForPanorama(page, 'preview');
    const box = (await page.locator('.pano').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -300);
    await expect.poll(async () => (await visitState(page)).view?.fov ?? 90).toBeLessThan(90);
    await page.mouse.wheel(0, 5000);
    await expect.poll(async () => (await visitState(page)).view?.fov).toBeLessThanOrEqual(110);
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
