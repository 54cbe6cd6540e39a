/**
 * The app under its own server's security headers (server/http/securityHeaders.ts): the built HTML
 * has no inline script, and every kind of page — the 3D overview, a panorama, presenter mode in
 * full screen, a live session — works with no Content-Security-Policy or Permissions-Policy
 * violation reported by the browser.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import tours from '../../assets/content/tours.json';
import en from '../../src/i18n/en.json';
import { launchBrowser, openPage, waitForPanorama } from './browser';

const base = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A page that records every policy violation: the DOM event, and the console's report of it. */
async function watchedPage(): Promise<{ page: Page; violations: string[] }> {
  const page = await openPage(browser);
  const violations: string[] = [];
  await page.exposeFunction('__reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __reportViolation(text: string): void }).__reportViolation(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy|Permissions[- ]Policy|Permissions policy/i.test(text)) violations.push(`console: ${text}`);
  });
  return { page, violations };
}

describe('the app under its security headers', () => {
  it('is served with a strict CSP, and its HTML holds no inline script, style or handler', async () => {
    const reply = await fetch(`${base}/en/yubei/main-gate`);
    const csp = reply.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(reply.headers.get('permissions-policy')).toContain('fullscreen=(self)');
    const html = await reply.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\/assets\//);
      expect(body?.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b|\sstyle="|\son[a-z]+=/i);
  });

  it('shows the welcome and about pages, a campus in 3D, a panorama and presenter mode with no violation', async () => {
    // A fresh page for each: a heavy 3D page left behind would only slow the next one down.
    const visit = async (path: string, ready: (page: Page) => Promise<void>) => {
      const { page, violations } = await watchedPage();
      await page.goto(`${base}${path}`, { waitUntil: 'domcontentloaded' });
      await ready(page);
      await page.context().close();
      return violations;
    };
    const heading = (page: Page) => page.locator('#main h1').first().waitFor();
    expect(await visit('/en', heading)).toEqual([]);
    expect(await visit('/zh/about', heading)).toEqual([]);
    // The overview's code and the campus model's schema loaded and run (drawing the model in full
    // is overview.test.ts's, under these same headers: the e2e server is the production one).
    expect(
      await visit('/en/yubei', async (page) => {
        await page.locator('.overview canvas').waitFor({ timeout: 60_000 });
        await page.waitForLoadState('networkidle');
      }),
    ).toEqual([]);
    expect(
      await visit('/en/yubei/main-gate?tour=college-in-10-stops&step=1', async (page) => {
        await waitForPanorama(page, 'full');
        await page.getByRole('button', { name: en.tour.present }).click();
        expect(await page.evaluate(() => document.documentElement.classList.contains('is-presenting'))).toBe(true);
        await page.keyboard.press('PageDown');
        await page.keyboard.press('Escape');
      }),
    ).toEqual([]);
  });

  it('runs a live session (the relay over ws, the protocol validated in the page) with no violation', async () => {
    const guide = await watchedPage();
    await guide.page.goto(`${base}/en/yubei/main-gate?tour=college-in-10-stops&step=1`);
    await guide.page.getByRole('button', { name: en.live.start }).click();
    const code = (await guide.page.locator('.live-panel__code').textContent({ timeout: 15_000 }))!.replace('-', '');
    const delegate = await watchedPage();
    await delegate.page.goto(`${base}/en/live/${code}`);
    await delegate.page.getByRole('button', { name: en.live.join, exact: true }).click();
    await expect.poll(() => delegate.page.locator('.delegate-bar__status').textContent(), { timeout: 15_000 }).toBe(en.live.following);
    await guide.page.getByRole('button', { name: en.tour.next }).click();
    const step2 = tours.tours.find((t) => t.id === 'college-in-10-stops')!.steps[1]!;
    await expect.poll(() => delegate.page.locator('.captions').first().textContent(), { timeout: 15_000 }).toBe(step2.narration.en);
    expect(guide.violations).toEqual([]);
    expect(delegate.violations).toEqual([]);
    await guide.page.context().close();
    await delegate.page.context().close();
  });
});
