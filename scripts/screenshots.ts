/**
 * Screenshots of the running app at phone and desktop sizes, in both languages, for the README
 * and for looking at what we built. Usage: `npm run screenshots -- [baseUrl] [outDir] [--gallery]`
 * (default http://127.0.0.1:4173 and docs/screenshots; start the app with `npm start` first).
 * --gallery takes the campus imagery gallery instead: the 3D overviews and a choice of stops,
 * saved as palette PNGs (a quarter of the size, no visible loss on renderings).
 * --learner takes the Chinese-learner views: pinyin on, a word card with its stroke order, and
 * My words, at both sizes in both languages.
 * --pinyin-panorama takes a stop with pinyin on: the names drawn over the panorama on a phone in
 * Chinese, and a presenter's "Both languages" view on a laptop in English.
 * --passport takes the delegation passport, a quiz with feedback and an issued certificate (the
 * page and the PNG file it downloads), phone and desktop, both languages; it answers a quiz on the
 * server it shoots, so run it against a throwaway data directory.
 */
import { mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { contextOptions, DESKTOP, launchBrowser, PHONE, waitForPanorama, type PageSettings } from '../lib/chromium';

const openPage = async (browser: Browser, settings: PageSettings) => (await browser.newContext(contextOptions(settings))).newPage();

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const base = args[0] ?? 'http://127.0.0.1:4173';
const out = args[1] ?? 'docs/screenshots';
const gallery = process.argv.includes('--gallery');
const learner = process.argv.includes('--learner');
const passport = process.argv.includes('--passport');
const pinyinPanorama = process.argv.includes('--pinyin-panorama');

type Size = 'desktop' | 'phone';
/** The campus imagery gallery: each overview on a desktop and a phone, in both languages, and twelve stops. */
const galleryShots: { file: string; path: string; size: Size; lang: 'en' | 'zh'; overview?: boolean }[] = [
  ...([
    ['yubei', 'desktop', 'en'],
    ['nanchuan', 'desktop', 'zh'],
    ['yubei', 'phone', 'en'],
    ['nanchuan', 'phone', 'zh'],
  ] as const).map(([campus, size, lang]) => ({ file: `overview-${campus}-${size}-${lang}`, path: `/${lang}/${campus}`, size, lang, overview: true })),
  { file: 'stop-yubei-main-gate-desktop-en', path: '/en/yubei/main-gate?yaw=0&pitch=8&fov=80', size: 'desktop', lang: 'en' },
  { file: 'stop-yubei-library-desktop-zh', path: '/zh/yubei/library?yaw=0&pitch=6&fov=90', size: 'desktop', lang: 'zh' },
  { file: 'stop-yubei-library-reading-room-desktop-en', path: '/en/yubei/library-reading-room?yaw=-10&pitch=-4&fov=90', size: 'desktop', lang: 'en' },
  { file: 'stop-yubei-mechanical-workshop-desktop-zh', path: '/zh/yubei/mechanical-workshop?yaw=-25&pitch=-6&fov=90', size: 'desktop', lang: 'zh' },
  { file: 'stop-yubei-vehicle-workshop-desktop-en', path: '/en/yubei/vehicle-workshop?yaw=-20&pitch=-4&fov=90', size: 'desktop', lang: 'en' },
  { file: 'stop-yubei-international-exchange-hall-desktop-en', path: '/en/yubei/international-exchange-hall?yaw=45&pitch=2&fov=90', size: 'desktop', lang: 'en' },
  { file: 'stop-yubei-ai-big-data-lab-phone-zh', path: '/zh/yubei/ai-big-data-lab?yaw=0&pitch=-2&fov=90', size: 'phone', lang: 'zh' },
  { file: 'stop-nanchuan-main-gate-phone-en', path: '/en/nanchuan/main-gate?yaw=0&pitch=8&fov=90', size: 'phone', lang: 'en' },
  { file: 'stop-nanchuan-lakeside-desktop-zh', path: '/zh/nanchuan/lakeside?yaw=20&pitch=0&fov=90', size: 'desktop', lang: 'zh' },
  { file: 'stop-nanchuan-classroom-desktop-en', path: '/en/nanchuan/classroom?yaw=0&pitch=-3&fov=90', size: 'desktop', lang: 'en' },
  { file: 'stop-nanchuan-electrical-workshop-desktop-zh', path: '/zh/nanchuan/electrical-workshop?yaw=15&pitch=-6&fov=90', size: 'desktop', lang: 'zh' },
  { file: 'stop-nanchuan-sports-ground-desktop-en', path: '/en/nanchuan/sports-ground?yaw=0&pitch=0&fov=90', size: 'desktop', lang: 'en' },
];

/** Re-encodes a screenshot as a palette PNG. */
async function shrink(file: string) {
  await sharp(file).png({ palette: true, quality: 92, effort: 9, compressionLevel: 9 }).toFile(`${file}.tmp`);
  renameSync(`${file}.tmp`, file);
}

async function takeGallery() {
  mkdirSync(out, { recursive: true });
  const browser = await launchBrowser();
  try {
    for (const shot of galleryShots) {
      const page: Page = await openPage(browser, { viewport: shot.size === 'phone' ? PHONE : DESKTOP, locale: shot.lang === 'zh' ? 'zh-CN' : 'en-US' });
      await page.goto(`${base}${shot.path}`);
      if (shot.overview) {
        await page.waitForSelector('.overview[data-ready="true"]', { timeout: 120_000 });
        // The section heading and the model on screen, as a visitor scrolling down sees them.
        await page.locator('#overview-heading').evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      } else {
        await waitForPanorama(page);
      }
      const file = path.join(out, `${shot.file}.png`);
      await page.screenshot({ path: file });
      await shrink(file);
      console.log(file);
      await page.context().close();
    }
  } finally {
    await browser.close();
  }
}

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

/** Three starred words, as the words store keeps them (src/store/wordsStore.ts). */
const starredWords = [
  { campusId: 'yubei', stopId: 'mechanical-workshop', zh: '数控机床', pinyin: 'shùkòng jīchuáng', en: 'CNC machine tool' },
  { campusId: 'yubei', stopId: 'library', zh: '图书馆', pinyin: 'túshūguǎn', en: 'library' },
  { campusId: 'nanchuan', stopId: 'canteen', zh: '食堂', pinyin: 'shítáng', en: 'canteen' },
];

async function takeLearner() {
  mkdirSync(out, { recursive: true });
  const browser = await launchBrowser();
  try {
    for (const [size, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
      for (const lang of ['en', 'zh'] as const) {
        // Reduced motion: the stroke order shows the finished characters, not a frame of the animation.
        const page = await openPage(browser, { viewport, locale: lang === 'zh' ? 'zh-CN' : 'en-US', reducedMotion: 'reduce' });
        await page.addInitScript((words) => {
          localStorage.setItem('cbdo.pinyin', 'on');
          localStorage.setItem('cbdo.words', JSON.stringify(words));
        }, starredWords);
        const save = async (name: string, target?: import('playwright-core').Locator) => {
          const file = path.join(out, `learner-${name}-${size}-${lang}.png`);
          if (target) await target.screenshot({ path: file });
          else await page.screenshot({ path: file });
          await shrink(file);
          console.log(file);
        };
        await page.goto(`${base}/${lang}/yubei/mechanical-workshop?yaw=-25&pitch=-6&fov=90&spot=machine-tools`);
        await waitForPanorama(page);
        await page.locator(lang === 'zh' ? '.info-panel ruby' : '.site-footer ruby').first().waitFor();
        if (size === 'phone') await page.locator('.info-panel').evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await save('pinyin');
        await page.locator('.word-list__button').first().click();
        await page.locator('.strokes button').click();
        await page.locator('.strokes__char svg path').first().waitFor({ state: 'attached' });
        await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
        await save('word-card', page.locator('.words-panel'));
        await page.goto(`${base}/${lang}/words`);
        await page.locator('.my-words__table').waitFor();
        await save('my-words');
        await page.context().close();
      }
    }
  } finally {
    await browser.close();
  }
}

async function takePinyinPanorama() {
  mkdirSync(out, { recursive: true });
  const browser = await launchBrowser();
  const save = async (page: Page, name: string) => {
    const file = path.join(out, `learner-${name}.png`);
    await page.screenshot({ path: file });
    await shrink(file);
    console.log(file);
  };
  try {
    const phone = await openPage(browser, { viewport: PHONE, locale: 'zh-CN' });
    await phone.addInitScript(() => localStorage.setItem('cbdo.pinyin', 'on'));
    await phone.goto(`${base}/zh/yubei/mechanical-workshop?yaw=-25&pitch=-6&fov=90`);
    await waitForPanorama(phone);
    await phone.locator('.hotspot__caption ruby').first().waitFor({ state: 'attached' });
    await save(phone, 'pinyin-panorama-phone-zh');
    await phone.context().close();

    // A teacher presenting to a mixed class: English interface, both languages, pinyin on.
    const laptop = await openPage(browser, { viewport: DESKTOP, locale: 'en-US' });
    await laptop.addInitScript(() => localStorage.setItem('cbdo.pinyin', 'on'));
    await laptop.goto(`${base}/en/yubei/mechanical-workshop?tour=college-in-10-stops&step=3`);
    await laptop.getByRole('button', { name: 'Present', exact: true }).click();
    await laptop.locator('html.is-presenting').waitFor();
    await laptop.getByRole('button', { name: 'Both languages' }).click();
    await waitForPanorama(laptop);
    if ((await laptop.locator('.info-panel').count()) === 0) await laptop.locator('.hotspot--info').first().click();
    await laptop.locator('.info-panel ruby').first().waitFor();
    await save(laptop, 'pinyin-bilingual-desktop-en');
    await laptop.context().close();
  } finally {
    await browser.close();
  }
}

/** A record with a few stamps (one ringed) and a passed quiz the server has seen, for the passport shots. */
async function seedRecord(page: Page, tourId: string, answers: Record<string, number | boolean>) {
  const response = await page.request.post(`${base}/api/quiz/${tourId}/attempts`, { data: { answers } });
  const attempt = (await response.json()) as { attemptId: string; correct: number; total: number; percent: number; passed: boolean };
  const at = '2026-11-30T06:00:00.000Z';
  const stamps = Object.fromEntries(['yubei/main-gate', 'yubei/library', 'yubei/training-centre', 'yubei/sports-ground', 'nanchuan/main-gate', 'nanchuan/canteen'].map((k) => [k, { visitedAt: at }]));
  const record = { version: 1, stamps, opened: { 'yubei/main-gate': ['gate-history'] }, quizzes: { [tourId]: { ...attempt, at } }, certificates: [] };
  await page.context().addInitScript((text) => localStorage.setItem('cbdo.record', text), JSON.stringify(record));
}

async function takePassport() {
  mkdirSync(out, { recursive: true });
  const { readFileSync } = await import('node:fs');
  const tours = (JSON.parse(readFileSync('assets/content/tours.json', 'utf8')) as { tours: { id: string; quiz?: { questions: { id: string; answer: number | boolean }[] } }[] }).tours;
  const tour = tours.find((x) => x.id === 'yubei-walk')!;
  const answers = Object.fromEntries(tour.quiz!.questions.map((q) => [q.id, q.answer]));
  const names = { en: 'Anna Schmidt', zh: '王小明' };
  const browser = await launchBrowser();
  try {
    for (const [sizeName, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
      for (const lang of ['en', 'zh'] as const) {
        const page = await openPage(browser, { viewport, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
        await seedRecord(page, tour.id, answers);
        const shoot = async (name: string, fullPage = false) => {
          const file = path.join(out, `${name}-${sizeName}-${lang}.png`);
          await page.screenshot({ path: file, fullPage });
          await shrink(file);
          console.log(file);
        };
        await page.goto(`${base}/${lang}/passport`);
        await page.waitForLoadState('networkidle');
        await shoot('passport');
        await page.goto(`${base}/${lang}/quiz/${tour.id}`);
        await page.locator('.quiz__option input').nth(2).check();
        await page.locator('.quiz__check button').first().click();
        await page.locator('.quiz__feedback').first().evaluate((el) => el.scrollIntoView({ block: 'center' }));
        await shoot('quiz');
        await page.goto(`${base}/${lang}/certificate/${tour.id}`);
        await page.locator('#certificate-name').fill(names[lang]);
        await page.locator('.certificate-form button[type="submit"]').click();
        await page.locator('.certificate-sheet').waitFor();
        await page.waitForLoadState('networkidle');
        await shoot('certificate');
        if (sizeName === 'desktop') {
          const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.certificate-issued__actions button').nth(1).click()]);
          const file = path.join(out, `certificate-file-${lang}.png`);
          await sharp((await download.path())!).resize({ width: 1200 }).toFile(file);
          await shrink(file);
          console.log(file);
        }
        await page.context().close();
      }
    }
  } finally {
    await browser.close();
  }
}

void (gallery ? takeGallery() : learner ? takeLearner() : passport ? takePassport() : pinyinPanorama ? takePinyinPanorama() : main());
