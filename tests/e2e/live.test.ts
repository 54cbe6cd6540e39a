/**
 * A live session in one browser: a guide and three delegates (Chinese, English, and one on a phone),
 * each reading in their own language while following the guide through a tour.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import nanchuan from '../../assets/content/campuses/nanchuan.json';
import yubei from '../../assets/content/campuses/yubei.json';
import tours from '../../assets/content/tours.json';
import en from '../../src/i18n/en.json';
import zh from '../../src/i18n/zh.json';
import { axeViolations, launchBrowser, openPage, PHONE, visitState } from './browser';

const base = inject('baseUrl');
const tour = tours.tours.find((t) => t.id === 'college-in-10-stops')!;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const ui = { en, zh };
/** A step's stop name in a language, from the content. */
const stopName = (n: number, lang: 'zh' | 'en') => {
  const s = tour.steps[n - 1]!;
  return [yubei, nanchuan].find((c) => c.id === s.campus)!.stops.find((x) => x.id === s.stop)!.name[lang];
};
const h1 = (page: Page) => page.locator('#main h1').first().textContent();
const captions = (page: Page) => page.locator('.captions').first().textContent();

describe('a live session', () => {
  it('a guide leads three delegates, each in their own language; one breaks away and rejoins', async () => {
    const guide = await openPage(browser);
    await guide.goto(`${base}/en/yubei/main-gate?tour=${tour.id}&step=1`);
    await guide.getByRole('button', { name: en.live.start }).click();
    const codeText = (await guide.locator('.live-panel__code').textContent({ timeout: 15_000 }))!;
    expect(codeText).toMatch(/^[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}$/);
    expect(await guide.locator('.live-panel__qr svg').count()).toBe(1);
    const link = (await guide.locator('.live-panel__link a').textContent())!;
    expect(link).toBe(`${base}/en/live/${codeText.replace('-', '')}`);

    const delegates = [
      { lang: 'zh' as const, page: await openPage(browser, { locale: 'zh-CN' }) },
      { lang: 'en' as const, page: await openPage(browser) },
      { lang: 'zh' as const, page: await openPage(browser, { viewport: PHONE, locale: 'zh-CN' }) },
    ];
    for (const d of delegates) {
      // Each joins by the link, in their language; the code may be typed in any case and spacing.
      await d.page.goto(`${base}/${d.lang}/live/${codeText.toLowerCase()}`);
      await d.page.getByRole('button', { name: ui[d.lang].live.join, exact: true }).click();
    }
    for (const d of delegates) {
      await expect.poll(() => h1(d.page), { timeout: 15_000 }).toBe(stopName(1, d.lang));
      await expect.poll(() => captions(d.page)).toBe(tour.steps[0]!.narration[d.lang]);
    }
    await expect.poll(() => guide.locator('.live-panel__stats').textContent()).toContain('3 connected · 3 following · 0 exploring');
    expect(await guide.locator('.live-panel__stats').textContent()).toContain('Chinese 2 · English 1');

    // The guide moves through the tour: every delegate follows, each in their own language.
    const next = guide.getByRole('button', { name: en.tour.next });
    await next.click();
    await next.click();
    const step3 = tour.steps[2]!;
    for (const d of delegates) {
      await expect.poll(() => captions(d.page), { timeout: 15_000 }).toBe(step3.narration[d.lang]);
      expect(await h1(d.page)).toBe(stopName(3, d.lang));
      expect((await visitState(d.page)).openHotspotId).toBe(step3.hotspot);
      expect((await visitState(d.page)).lang).toBe(d.lang);
    }
    // Announced politely, without moving focus.
    await expect.poll(() => delegates[0]!.page.locator('.delegate-bar [aria-live="polite"]').textContent()).toMatch(/导游/);

    // The English delegate breaks away to look around; the others keep following.
    const [zhDelegate, enDelegate] = [delegates[0]!.page, delegates[1]!.page];
    await enDelegate.getByRole('button', { name: en.live.breakAway }).click();
    await expect.poll(() => guide.locator('.live-panel__stats').textContent()).toContain('2 following · 1 exploring');
    await next.click();
    const step4 = tour.steps[3]!;
    await expect.poll(() => captions(zhDelegate), { timeout: 15_000 }).toBe(step4.narration.zh);
    expect(await h1(enDelegate)).toBe(stopName(3, 'en'));
    // One control brings them back to the guide at once.
    await enDelegate.getByRole('button', { name: en.live.rejoin }).click();
    await expect.poll(() => captions(enDelegate)).toBe(step4.narration.en);
    await expect.poll(() => guide.locator('.live-panel__stats').textContent()).toContain('3 following · 0 exploring');

    expect(await axeViolations(guide)).toEqual([]);
    expect(await axeViolations(zhDelegate)).toEqual([]);
    expect(await axeViolations(delegates[2]!.page)).toEqual([]);

    // The guide ends the session (it asks first): every delegate is told.
    await guide.getByRole('button', { name: en.live.end }).click();
    await guide.getByRole('button', { name: en.live.endNow }).click();
    await expect.poll(() => zhDelegate.locator('.delegate-bar').textContent(), { timeout: 15_000 }).toContain(zh.live.ended);
    for (const page of [guide, ...delegates.map((d) => d.page)]) await page.context().close();
  });

  it('tells a delegate whose connection drops, reconnects by itself, and shows the guide’s current state', async () => {
    const guide = await openPage(browser);
    await guide.goto(`${base}/en/yubei/main-gate?tour=${tour.id}&step=1`);
    await guide.getByRole('button', { name: en.live.start }).click();
    const code = (await guide.locator('.live-panel__code').textContent({ timeout: 15_000 }))!.replace('-', '');
    const delegate = await openPage(browser);
    await delegate.goto(`${base}/en/live/${code}`);
    await delegate.getByRole('button', { name: en.live.join, exact: true }).click();
    await expect.poll(() => h1(delegate), { timeout: 15_000 }).toBe(stopName(1, 'en'));

    await delegate.context().setOffline(true);
    await delegate.evaluate(() => window.dispatchEvent(new Event('offline')));
    await expect.poll(() => delegate.locator('.delegate-bar__status').textContent(), { timeout: 40_000 }).toBe(en.live.reconnecting);
    // While the delegate is away, the guide moves on twice.
    const next = guide.getByRole('button', { name: en.tour.next });
    await next.click();
    await next.click();
    await delegate.context().setOffline(false);
    await delegate.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect.poll(() => captions(delegate), { timeout: 30_000 }).toBe(tour.steps[2]!.narration.en);
    expect(await delegate.locator('.delegate-bar__status').textContent()).toBe(en.live.following);
    await guide.context().close();
    await delegate.context().close();
  });

  it('says so when a code leads nowhere', async () => {
    const page = await openPage(browser);
    await page.goto(`${base}/en/live/ZZZ-ZZZ`);
    await page.getByRole('button', { name: en.live.join, exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 15_000 }).toBe(en.live.errors['bad-code']);
    await page.context().close();
  });
});
