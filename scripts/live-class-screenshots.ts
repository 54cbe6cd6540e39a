/**
 * Screenshots of a live class during a poll, for the README and for looking at: the guide's
 * screen (desktop, both languages, and a phone) and delegates' screens (phone and desktop, both
 * languages), the poll open and then revealed. Starts its own server on the built app (`npm run
 * build` first). Usage: `npx tsx scripts/live-class-screenshots.ts [outDir]` (docs/screenshots).
 */
import { mkdirSync, mkdtempSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { contextOptions, DESKTOP, launchBrowser, PHONE, waitForPanorama, type PageSettings } from '../lib/chromium';
import { startLiveServer } from '../server/app';

const out = process.argv[2] ?? 'docs/screenshots';
const openPage = async (browser: Browser, settings: PageSettings) => (await browser.newContext(contextOptions(settings))).newPage();

/** The guide's side column scrolls on its own on wide screens: the page to the panorama, the column to `selector`. */
async function showInSide(page: Page, selector: string) {
  await page.evaluate((sel) => {
    const target = document.querySelector<HTMLElement>(sel);
    const side = target?.closest<HTMLElement>('.side');
    if (!target || !side) return;
    if (side.scrollHeight > side.clientHeight) {
      const stage = document.querySelector('.stage');
      window.scrollTo({ top: (stage?.getBoundingClientRect().top ?? 0) + window.scrollY - 12 });
      side.scrollTop += target.getBoundingClientRect().top - side.getBoundingClientRect().top;
    } else target.scrollIntoView({ block: 'start' });
  }, selector);
}

async function shot(page: Page, name: string) {
  const file = path.join(out, `${name}.png`);
  await page.screenshot({ path: file });
  await sharp(file).png({ palette: true, quality: 92, effort: 9, compressionLevel: 9 }).toFile(`${file}.tmp`);
  renameSync(`${file}.tmp`, file);
  console.log(file);
}

async function joinAs(browser: Browser, origin: string, code: string, lang: 'zh' | 'en', viewport: typeof PHONE, name: string | null) {
  const page = await openPage(browser, { viewport, ...(lang === 'zh' ? { locale: 'zh-CN' } : {}) });
  await page.goto(`${origin}/${lang}/live/${code}`);
  if (name) await page.locator('#join-name').fill(name);
  await page.locator('.live-join button[type="submit"]').click();
  await page.waitForSelector('.delegate-tools', { timeout: 30_000 });
  return page;
}

async function main() {
  mkdirSync(out, { recursive: true });
  const server = await startLiveServer({ host: '127.0.0.1', port: 0, distDir: 'dist', dataDir: mkdtempSync(path.join(tmpdir(), 'live-shots-')) });
  const browser = await launchBrowser();
  try {
    const origin = server.url;
    const guide = await openPage(browser, { viewport: DESKTOP });
    await guide.goto(`${origin}/en/yubei/main-gate?tour=college-in-10-stops&step=1`);
    await guide.locator('.live-start .button').click();
    const code = (await guide.locator('.live-panel__code').textContent({ timeout: 15_000 }))!.replace('-', '');
    const zhPhone = await joinAs(browser, origin, code, 'zh', PHONE, '李明');
    const enPhone = await joinAs(browser, origin, code, 'en', PHONE, 'Anna Smith');
    const enDesk = await joinAs(browser, origin, code, 'en', DESKTOP, 'Kofi Mensah');
    const zhDesk = await joinAs(browser, origin, code, 'zh', DESKTOP, null);
    // More of a class for the guide's bars and roster.
    const others = await Promise.all(['Maria García', 'Nguyễn Văn An'].map((name, i) => joinAs(browser, origin, code, i ? 'zh' : 'en', PHONE, name)));

    await guide.locator('.guide-poll__questions button').first().click();
    for (const page of [zhPhone, enPhone, enDesk, zhDesk, ...others]) await page.waitForSelector('.poll-sheet legend', { timeout: 15_000 });
    const pick = async (page: Page, option: number) => {
      await page.locator('.poll-sheet__option input').nth(option).check();
      await page.locator('.poll-sheet button[type="submit"]').click();
      await page.waitForSelector('.poll-sheet__status:not(:empty)');
    };
    await pick(zhPhone, 0);
    await pick(enDesk, 1);
    await pick(others[0]!, 0);
    await pick(others[1]!, 0);
    await enPhone.locator('.poll-sheet__option input').nth(0).check();
    await enDesk.locator('.delegate-tools__hand').click();
    await zhPhone.locator('.delegate-tools__react').first().click();
    await enPhone.locator('.delegate-tools__slower').click();
    await guide.waitForFunction(() => document.querySelector('.guide-poll__answered')?.textContent?.startsWith('4'));

    for (const page of [zhPhone, enPhone, enDesk, zhDesk]) await waitForPanorama(page, 'preview').catch(() => undefined);
    await shot(zhPhone, 'live-poll-delegate-phone-zh');
    await shot(enPhone, 'live-poll-delegate-phone-en');
    await shot(enDesk, 'live-poll-delegate-desktop-en');
    await shot(zhDesk, 'live-poll-delegate-desktop-zh');

    await showInSide(guide, '.guide-poll');
    await shot(guide, 'live-poll-guide-desktop-en');
    await guide.locator('.lang-switch button, .language-switch button').filter({ hasText: '中文' }).first().click().catch(() => undefined);
    await guide.waitForFunction(() => document.documentElement.lang.startsWith('zh'));
    await showInSide(guide, '.guide-poll');
    await shot(guide, 'live-poll-guide-desktop-zh');
    await guide.setViewportSize(PHONE);
    await showInSide(guide, '.guide-poll');
    await shot(guide, 'live-poll-guide-phone-zh');
    await guide.setViewportSize(DESKTOP);

    // Closed and revealed: the result and the correct answer, in each delegate's language.
    await guide.locator('.guide-poll__actions .button:not(.button--quiet)').first().click();
    for (const page of [zhPhone, enDesk]) await page.waitForSelector('.poll-sheet__answer', { timeout: 15_000 });
    await shot(zhPhone, 'live-poll-result-phone-zh');
    await shot(enDesk, 'live-poll-result-desktop-en');
    await showInSide(guide, '.guide-poll');
    await shot(guide, 'live-poll-result-guide-desktop-zh');
    await showInSide(guide, '.roster');
    await shot(guide, 'live-roster-guide-desktop-zh');
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
