/**
 * Embedding (issue 17): a page on another origin frames the tour with `?embed=1`, drives it through
 * the postMessage API and hears where the visitor goes; the same app without `embed=1` refuses to
 * be framed. The host is a second tiny server on another port: another origin, as a school's site is.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { axeViolations, launchBrowser, openPage, PHONE, readTourContent, waitForPanorama } from './browser';

const base = inject('baseUrl');
const { campuses, t } = readTourContent();
const campus = campuses[0]!;
const first = campus.stops.find((s) => s.id === campus.firstStop)!;
const next = campus.stops.find((s) => s.id !== first.id)!;
const embedPath = `/en/${campus.id}/${first.id}?yaw=0&pitch=0&fov=90&embed=1`;
const plainPath = `/en/${campus.id}/${first.id}?yaw=0&pitch=0&fov=90`;
let browser: Browser;
let host: Server;
let hostUrl: string;

const hostPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A school's page</title></head><body>
<h1>Our partner college</h1>
<iframe id="tour" src="${base}${embedPath}" width="640" height="400" title="Campus tour" allow="fullscreen; accelerometer; gyroscope"></iframe>
<iframe id="plain" src="${base}${plainPath}" width="320" height="200" title="Not an embed"></iframe>
<script>
  window.events = [];
  window.addEventListener('message', (e) => { if (e.source === document.getElementById('tour').contentWindow) window.events.push(e.data); });
  window.send = (message) => document.getElementById('tour').contentWindow.postMessage(message, '*');
</script></body></html>`;

beforeAll(async () => {
  browser = await launchBrowser();
  host = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(hostPage));
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => host?.close(resolve));
});

type TourEvent = { type: string; campus: string | null; stop: string | null; view: { yaw: number; pitch: number; fov: number } | null; url: string };
const events = (page: Page) => page.evaluate(() => (window as unknown as { events: TourEvent[] }).events);
const send = (page: Page, message: unknown) => page.evaluate((m) => (window as unknown as { send(m: unknown): void }).send(m), message);
const frameState = (frame: Frame) =>
  frame.evaluate(() => {
    const s = (window as unknown as { __visitStore: { getState(): { place: Record<string, string>; view: unknown } } }).__visitStore.getState();
    return { place: s.place, view: s.view };
  });

describe('the tour embedded in another site', () => {
  it('is framed with ?embed=1 only: headers allow any framer for embed URLs, none otherwise', async () => {
    const embed = await fetch(`${base}${embedPath}`);
    expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(embed.headers.get('x-frame-options')).toBeNull();
    const plain = await fetch(`${base}${plainPath}`);
    expect(plain.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(plain.headers.get('x-frame-options')).toBe('DENY');
  });

  it('shows the view alone, obeys the host page and tells it where the visitor goes; the app without embed=1 does not render in a frame', async () => {
    const page = await openPage(browser);
    await page.goto(hostUrl);
    await expect.poll(async () => (await events(page)).map((e) => e.type)).toContain('campus-tour:ready');
    const frame = page.frames().find((f) => f.url().includes('embed=1'));
    if (!frame) throw new Error(`no embed frame among ${page.frames().map((f) => f.url()).join(', ')}`);
    await frame.waitForSelector('.pano:is([data-level="preview"], [data-level="full"])', { timeout: 60_000 });
    // No header, footer or side lists; the view, its controls, and the link to the full tour in a new tab.
    expect(await frame.locator('.site-header, .site-footer').count()).toBe(0);
    expect(await frame.locator('.stop-nav').first().isVisible()).toBe(false);
    expect(await frame.getByRole('group', { name: t('en', 'stop.controls') }).isVisible()).toBe(true);
    const full = frame.getByRole('link', { name: new RegExp(t('en', 'viewerTools.openFull')) });
    expect(await full.getAttribute('target')).toBe('_blank');
    expect(await full.getAttribute('href')).toBe(`/en/${campus.id}/${first.id}?yaw=0&pitch=0&fov=90`);
    const ready = (await events(page)).find((e) => e.type === 'campus-tour:ready')!;
    expect({ campus: ready.campus, stop: ready.stop }).toEqual({ campus: campus.id, stop: first.id });

    // The host sends the visitor to another stop, then turns the view.
    await send(page, { type: 'campus-tour:go', campus: campus.id, stop: next.id });
    await expect.poll(async () => (await events(page)).find((e) => e.type === 'campus-tour:place')?.stop).toBe(next.id);
    expect((await frameState(frame)).place).toEqual({ page: 'stop', campusId: campus.id, stopId: next.id });
    // The address inside the frame keeps the embed flag (a reload stays framable).
    expect(frame.url()).toContain('embed=1');
    await send(page, { type: 'campus-tour:look', view: { yaw: 120, pitch: 10 } });
    await expect.poll(async () => (await frameState(frame)).view).toMatchObject({ yaw: 120, pitch: 10 });
    await expect.poll(async () => (await events(page)).filter((e) => e.type === 'campus-tour:view').at(-1)?.view).toMatchObject({ yaw: 120, pitch: 10 });

    // Unknown or malformed messages change nothing.
    for (const junk of ['hello', { type: 'campus-tour:go', campus: '../admin', stop: next.id }, { type: 'campus-tour:go', campus: campus.id, stop: 'no-such-stop' }, { type: 'campus-tour:look', view: { yaw: 999, pitch: 0 } }, { type: 'other:thing' }]) {
      await send(page, junk);
    }
    await send(page, { type: 'campus-tour:where' });
    await expect.poll(async () => (await events(page)).find((e) => e.type === 'campus-tour:where')).toMatchObject({ campus: campus.id, stop: next.id, view: { yaw: 120, pitch: 10 } });

    // The visitor looks around in the frame: the host hears the new view.
    await frame.locator('.pano').focus();
    await frame.locator('.pano').press('ArrowRight');
    await expect.poll(async () => (await events(page)).filter((e) => e.type === 'campus-tour:view').at(-1)?.view?.yaw).toBeGreaterThan(120);

    // The same app without embed=1 is refused: the frame holds no app.
    const plain = page.frames().find((f) => f !== frame && f !== page.mainFrame())!;
    expect(await plain.evaluate(() => document.getElementById('root'))).toBeNull();
    await page.context().close();
  });

  it('is axe-clean in embed mode on a phone, in both languages', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const page = await openPage(browser, { viewport: PHONE });
      await page.goto(`${base}/${lang}/${campus.id}/${first.id}?embed=1`);
      await waitForPanorama(page, 'preview');
      expect(await page.locator('.site-header').count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    }
  });
});

describe('the Embed dialog', () => {
  it('gives the iframe snippet of this view at the chosen size', async () => {
    const page = await openPage(browser, { viewport: PHONE });
    await page.goto(`${base}/zh/${campus.id}/${first.id}?yaw=33&pitch=-4&fov=80`);
    await waitForPanorama(page, 'preview');
    await page.getByRole('button', { name: t('zh', 'viewerTools.embed') }).click();
    const dialog = page.getByRole('dialog', { name: t('zh', 'viewerTools.embedTitle') });
    await dialog.getByLabel(t('zh', 'viewerTools.width')).fill('640');
    await dialog.getByLabel(t('zh', 'viewerTools.height')).fill('360');
    const snippet = await dialog.getByLabel(t('zh', 'viewerTools.embedCode')).inputValue();
    expect(snippet).toContain(`src="${base}/zh/${campus.id}/${first.id}?yaw=33&amp;pitch=-4&amp;fov=80&amp;embed=1"`);
    expect(snippet).toContain('width="640" height="360"');
    expect(snippet).toMatch(/^<iframe [^>]*title="[^"]+"[^>]*><\/iframe>$/);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
