/**
 * A live session in one browser: a guide and three delegates (Chinese, English, and one on a phone),
 * each reading in their own language while following the guide through a tour.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import WebSocket from 'ws';
import { startLiveServer, type LiveServer, type LiveServerOptions } from '../../server/app';
import { encode } from '../../src/live/protocol';
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
const barStatus = (page: Page) => page.locator('.delegate-bar__status').textContent();

/** A server of its own for a test that restarts it or runs into its limits, on the build the suite serves. */
const ownServers: LiveServer[] = [];
async function ownServer(options: Partial<LiveServerOptions>): Promise<LiveServer> {
  const server = await startLiveServer({ host: '127.0.0.1', port: 0, distDir: process.env.E2E_DIST ?? 'dist', ...options });
  ownServers.push(server);
  return server;
}
afterAll(async () => {
  await Promise.all(ownServers.map((server) => server.close().catch(() => undefined)));
});

/** The guide starts a session on a tour's first step; the delegates join by the link, each in their language. */
async function leadTour(origin: string, delegateLangs: ('zh' | 'en')[]) {
  const guide = await openPage(browser);
  await guide.goto(`${origin}/en/yubei/main-gate?tour=${tour.id}&step=1`);
  await guide.getByRole('button', { name: en.live.start }).click();
  const code = (await guide.locator('.live-panel__code').textContent({ timeout: 15_000 }))!.replace('-', '');
  const delegates: { lang: 'zh' | 'en'; page: Page }[] = [];
  for (const lang of delegateLangs) {
    const page = await openPage(browser, lang === 'zh' ? { locale: 'zh-CN' } : {});
    await page.goto(`${origin}/${lang}/live/${code}`);
    await page.getByRole('button', { name: ui[lang].live.join, exact: true }).click();
    delegates.push({ lang, page });
  }
  for (const d of delegates) await expect.poll(() => captions(d.page), { timeout: 15_000 }).toBe(tour.steps[0]!.narration[d.lang]);
  return { guide, code, delegates, next: () => guide.getByRole('button', { name: en.tour.next }).click() };
}

/** Every delegate shows step `n` (1-based) of the tour, in their own language. */
async function allAtStep(delegates: { lang: 'zh' | 'en'; page: Page }[], n: number) {
  for (const d of delegates) await expect.poll(() => captions(d.page), { timeout: 15_000 }).toBe(tour.steps[n - 1]!.narration[d.lang]);
}

describe('a live session', () => {
  it('a guide leads three delegates, each in their own language; one breaks away and rejoins', async () => {
    const guide = await openPage(browser);
    await guide.goto(`${base}/en/yubei/main-gate?tour=${tour.id}&step=1`);
    await guide.getByRole('button', { name: en.live.start }).click();
    const codeText = (await guide.locator('.live-panel__code').textContent({ timeout: 15_000 }))!;
    expect(codeText).toMatch(/^[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}$/);
    // The QR encoder loads with the first code drawn: the picture follows the code a moment later.
    await expect.poll(() => guide.locator('.live-panel__qr svg').count(), { timeout: 15_000 }).toBe(1);
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
    // Looking around alone, the delegate's bar says where the guide is now.
    await expect
      .poll(() => barStatus(enDelegate), { timeout: 15_000 })
      .toContain(en.live.exploringGuideAt.replace('{{place}}', stopName(4, 'en')));
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

  it('keeps leading after the guide reloads: four moves, a reload, three more, and both delegates follow every one (issue 11, 1)', async () => {
    const { guide, delegates, next } = await leadTour(base, ['zh', 'en']);
    for (let step = 2; step <= 5; step += 1) {
      await next();
      await allAtStep(delegates, step);
    }
    await guide.reload();
    // The reloaded panel shows what the relay says the delegates see.
    await expect.poll(() => guide.locator('.live-panel__shown').textContent(), { timeout: 15_000 }).toContain(stopName(5, 'en'));
    for (let step = 6; step <= 8; step += 1) {
      await next();
      await allAtStep(delegates, step);
      await expect.poll(() => guide.locator('.live-panel__shown').textContent(), { timeout: 15_000 }).toBe(en.live.shown.replace('{{place}}', stopName(step, 'en')));
    }
    for (const d of delegates) expect(await barStatus(d.page)).toBe(ui[d.lang].live.following);
    for (const page of [guide, ...delegates.map((d) => d.page)]) await page.context().close();
    // Seven moves of a tour, three pages, a reload: longer than one step on a busy machine.
  }, 300_000);

  it('gives a follower the view the guide has when the guide picks another stop (issue 18, 1)', async () => {
    const guide = await openPage(browser);
    await guide.goto(`${base}/en/yubei/main-gate`);
    await guide.getByRole('button', { name: en.live.start }).click();
    const code = (await guide.locator('.live-panel__code').textContent({ timeout: 15_000 }))!.replace('-', '');
    const delegate = await openPage(browser, { locale: 'zh-CN' });
    await delegate.goto(`${base}/zh/live/${code}`);
    await delegate.getByRole('button', { name: zh.live.join, exact: true }).click();
    await expect.poll(() => h1(delegate), { timeout: 15_000 }).toBe(yubei.stops.find((x) => x.id === 'main-gate')!.name.zh);
    // The guide turns at the gate (as a drag does), and the delegate turns with them.
    await guide.evaluate(() => (window as unknown as { __visitStore: { getState(): { setView(v: object): void } } }).__visitStore.getState().setView({ yaw: 120, pitch: 0, fov: 90 }));
    await expect.poll(async () => (await visitState(delegate)).view?.yaw, { timeout: 15_000 }).toBe(120);
    // Then picks another stop from the side list.
    await guide.locator('.stop-list').getByRole('link', { name: 'Training Centre' }).click();
    await expect.poll(async () => (await visitState(delegate)).place.stopId, { timeout: 15_000 }).toBe('training-centre');
    await expect.poll(async () => JSON.stringify((await visitState(delegate)).view), { timeout: 5_000 }).toBe(JSON.stringify((await visitState(guide)).view));
    expect(delegate.url()).not.toContain('yaw=120');
    expect(await barStatus(delegate)).toBe(zh.live.following);
    await guide.context().close();
    await delegate.context().close();
  });

  it('never locks out a delegate who joined when others behind the same address guessed, and counts down for a newcomer (issue 11, 2)', async () => {
    const server = await ownServer({ dataDir: mkdtempSync(join(tmpdir(), 'e2e-live-')), relay: { joinCodes: 10, joinWindowMs: 25_000, parkMs: 0 } });
    const origin = server.url;
    const { guide, code, delegates, next } = await leadTour(origin, ['zh']);
    const member = delegates[0]!;
    // Ten wrong codes from this machine's address, which every page here shares.
    const guesser = new WebSocket(`${origin.replace('http', 'ws')}/live`, { origin });
    await new Promise((done) => guesser.once('open', done));
    const answers: string[] = [];
    guesser.on('message', (data) => answers.push(String(data)));
    for (let i = 0; i < 10; i += 1) guesser.send(encode({ type: 'join', code: `${'23456789AB'[i]}ZZZZZ`, lang: 'en', following: true }));
    await expect.poll(() => answers.length, { timeout: 5_000 }).toBe(10);
    guesser.close();

    // The member reconnects (a reload: a new socket for certain): it rejoins with its pass and keeps following.
    await member.page.reload();
    await allAtStep([member], 1);
    await next();
    await allAtStep([member], 2);
    await expect.poll(() => barStatus(member.page), { timeout: 15_000 }).toBe(zh.live.following);

    // A newcomer is told to wait, with a countdown, never that they follow; then gets in by itself.
    const newcomer = await openPage(browser);
    await newcomer.goto(`${origin}/en/live/${code}`);
    await newcomer.getByRole('button', { name: en.live.join, exact: true }).click();
    // The join page's status says it (the delegate bar's status region may too).
    await expect.poll(() => newcomer.locator('.live-join [role="status"]').textContent(), { timeout: 15_000 }).toMatch(/Trying again in \d+ s/);
    expect(await barStatus(newcomer)).not.toBe(en.live.following);
    await expect.poll(() => captions(newcomer), { timeout: 60_000 }).toBe(tour.steps[1]!.narration.en);
    expect(await barStatus(newcomer)).toBe(en.live.following);
    for (const page of [guide, member.page, newcomer]) await page.context().close();
  }, 300_000);

  it('keeps delegates waiting for a guide who is away long after a restart, and follows when the guide is back (issue 11, 5)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'e2e-live-'));
    const first = await ownServer({ dataDir, relay: { parkMs: 1_000 } });
    const { guide, delegates, next } = await leadTour(first.url, ['en', 'zh']);
    await next();
    await allAtStep(delegates, 2);

    // The guide's network goes; the server restarts; the guide stays away well past the restart's grace.
    await guide.context().setOffline(true);
    await guide.evaluate(() => window.dispatchEvent(new Event('offline')));
    await first.close();
    await ownServer({ dataDir, port: first.port, relay: { parkMs: 1_000 } });
    for (const d of delegates) await expect.poll(() => barStatus(d.page), { timeout: 30_000 }).toBe(ui[d.lang].live.waiting);
    await new Promise((done) => setTimeout(done, 3_000));
    for (const d of delegates) expect(await barStatus(d.page)).toBe(ui[d.lang].live.waiting);

    await guide.context().setOffline(false);
    await guide.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect.poll(() => guide.locator('.live-panel .live-dot').textContent(), { timeout: 30_000 }).toBe(en.live.open);
    await next();
    await allAtStep(delegates, 3);
    for (const d of delegates) await expect.poll(() => barStatus(d.page), { timeout: 15_000 }).toBe(ui[d.lang].live.following);
    for (const page of [guide, ...delegates.map((d) => d.page)]) await page.context().close();
  });
});
