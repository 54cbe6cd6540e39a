/**
 * Screenshots of the running app at phone and desktop sizes, in both languages, for the README
 * and for looking at what we built. Usage: `npm run screenshots -- [baseUrl] [outDir]`
 * (default http://127.0.0.1:4173 and docs/screenshots; start the app with `npm start` first).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DESKTOP, launchBrowser, openPage, PHONE, waitForPanorama } from '../tests/e2e/browser';

const base = process.argv[2] ?? 'http://127.0.0.1:4173';
const out = process.argv[3] ?? 'docs/screenshots';

const shots: { name: string; path: string; panorama?: boolean; fullPage?: boolean }[] = [
  { name: 'welcome', path: '/{lang}', fullPage: true },
  { name: 'campus', path: '/{lang}/yubei', fullPage: true },
  { name: 'stop', path: '/{lang}/yubei/main-gate?yaw=10&pitch=0&fov=90&spot=gate-history', panorama: true },
  { name: 'stop-nanchuan', path: '/{lang}/nanchuan/main-gate', panorama: true },
  { name: 'about', path: '/{lang}/about' },
];

async function main() {
  mkdirSync(out, { recursive: true });
  const browser = await launchBrowser();
  try {
    for (const [sizeName, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
      for (const lang of ['en', 'zh']) {
        const page = await openPage(browser, { viewport, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
        for (const shot of shots) {
          await page.goto(`${base}${shot.path.replace('{lang}', lang)}`);
          if (shot.panorama) await waitForPanorama(page);
          else await page.waitForLoadState('networkidle');
          const file = path.join(out, `${shot.name}-${sizeName}-${lang}.png`);
          await page.screenshot({ path: file, fullPage: shot.fullPage ?? false });
          console.log(file);
        }
        await page.context().close();
      }
    }
  } finally {
    await browser.close();
  }
}

void main();
