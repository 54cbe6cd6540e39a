/** axe-core finds no WCAG 2.2 AA violations on any page type, in both languages, on a phone and a desktop. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, DESKTOP, launchBrowser, openPage, PHONE, readTourContent, waitForPanorama } from './browser';

const base = inject('baseUrl');
const { campuses } = readTourContent();
const [campus, other] = [campuses[0]!, campuses.at(-1)!];
const stop = campus.stops.find((s) => s.id === campus.firstStop)!;
const info = stop.hotspots.find((h) => h.kind === 'info')!;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const pages = [
  { name: 'welcome', path: '' },
  { name: 'about', path: '/about' },
  { name: 'campus', path: `/${other.id}` },
  { name: 'stop with an open panel', path: `/${campus.id}/${stop.id}?yaw=${info.yaw}&pitch=0&fov=90&spot=${info.id}`, panorama: true },
  { name: 'not found', path: `/${campus.id}/nowhere` },
];

describe.each([
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const)('accessibility on a %s', (_, viewport) => {
  it.each(['en', 'zh'])('has no axe violations in %s', async (lang) => {
    const page = await openPage(browser, { viewport, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
    const found: string[] = [];
    for (const p of pages) {
      await page.goto(`${base}/${lang}${p.path}`);
      if (p.panorama) await waitForPanorama(page, 'preview');
      else await page.locator('h1').first().waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe(lang === 'zh' ? 'zh-CN' : 'en');
      found.push(...(await axeViolations(page)).map((v) => `${p.name}: ${v}`));
    }
    expect(found).toEqual([]);
    await page.context().close();
  });
});
