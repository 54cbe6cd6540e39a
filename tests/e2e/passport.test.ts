/**
 * The participation record in a real browser: a delegate on a phone, in English, walks a campus
 * tour (four stops, 5 s each), takes its quiz with the keyboard alone, passes (the server scores
 * it), types a name and downloads the PDF — read back from the file with pdf.js — and the verify
 * page confirms it; a tampered code is refused. Certificates in the partner countries' scripts,
 * a script no font has, and axe on the new pages at phone and desktop sizes in both languages.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, DESKTOP, launchBrowser, openPage, PHONE, readTourContent } from './browser';

const base = inject('baseUrl');
const { college, tours, t } = readTourContent();
/** A tour that stays on one campus and has four stops. */
const tour = tours.find((x) => x.quiz && new Set(x.steps.map((s) => s.campus)).size === 1 && new Set(x.steps.map((s) => s.stop)).size === 4)!;
const questions = tour.quiz!.questions;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function withPage(options: Parameters<typeof openPage>[1], run: (page: Page) => Promise<void>) {
  const page = await openPage(browser, options);
  try {
    await run(page);
  } finally {
    await page.context().close();
  }
}

const recordOf = (page: Page) =>
  page.evaluate(() => {
    const s = (window as unknown as { __recordStore: { getState(): { stamps: Record<string, unknown>; quizzes: Record<string, { attemptId: string; passed: boolean }>; certificates: { code: string; name: string }[] } } }).__recordStore.getState();
    return { stamps: s.stamps, quizzes: s.quizzes, certificates: s.certificates };
  });

/** The PDF's text as pdf.js extracts it (as a viewer would), from the downloaded file. */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: bytes, useSystemFonts: false, disableFontFace: true }).promise;
  const page = await doc.getPage(1);
  const text = (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('\n');
  await doc.destroy();
  return text;
}

async function downloadPdf(page: Page): Promise<Uint8Array> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: t('en', 'certificate.downloadPdf') }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  return new Uint8Array(await readFile((await download.path())!));
}

/** The right answer of each question, as the server expects it. */
const rightAnswers = Object.fromEntries(questions.map((q) => [q.id, q.answer]));

/** A passed attempt on the server (as the quiz page makes one) and a record holding it with every stop of the tour stamped. */
async function seedPassedRecord(page: Page) {
  const response = await page.request.post(`${base}/api/quiz/${tour.id}/attempts`, { data: { answers: rightAnswers } });
  expect(response.status()).toBe(200);
  const attempt = (await response.json()) as { attemptId: string; correct: number; total: number; percent: number; passed: boolean };
  expect(attempt.passed).toBe(true);
  const stamps = Object.fromEntries(tour.steps.map((s) => [`${s.campus}/${s.stop}`, { visitedAt: '2026-11-30T06:00:00.000Z' }]));
  const record = { version: 1, stamps, opened: {}, quizzes: { [tour.id]: { ...attempt, at: '2026-11-30T06:10:00.000Z' } }, certificates: [] };
  await page.context().addInitScript((text) => localStorage.setItem('cbdo.record', text), JSON.stringify(record));
}

describe('a delegate on a phone earns a certificate', () => {
  it('visits the four stops, takes the quiz by keyboard, gets a PDF with the name and the college, verified online', async () => {
    await withPage({ viewport: PHONE, locale: 'en-US' }, async (page) => {
      await page.goto(`${base}/en/${tour.steps[0]!.campus}/${tour.steps[0]!.stop}?tour=${tour.id}&step=1`);
      for (let i = 0; i < tour.steps.length; i++) {
        const step = tour.steps[i]!;
        // The stamp comes after 5 s of the panorama on screen.
        await expect.poll(async () => Object.keys((await recordOf(page)).stamps), { timeout: 30_000, interval: 500 }).toContain(`${step.campus}/${step.stop}`);
        await page.getByRole('button', { name: t('en', 'tour.next') }).first().click();
      }
      // Past the last step, the tour's closing card offers its quiz.
      await page.getByRole('link', { name: t('en', 'quiz.tourEnd') }).click();
      await page.getByRole('heading', { level: 1, name: t('en', 'quiz.title', { tour: tour.title.en }) }).waitFor();

      // The quiz with the keyboard alone: Tab into each radio group, arrows to the answer, Tab to "Check", Enter.
      await page.locator('#main h1').focus();
      for (const [i, q] of questions.entries()) {
        await page.keyboard.press('Tab');
        await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('radio');
        // The first radio takes focus unchecked; Space chooses it, each ArrowDown moves and chooses the next.
        await page.keyboard.press('Space');
        const target = q.kind === 'choice' ? (q.answer as number) : q.answer ? 0 : 1;
        for (let k = 0; k < target; k++) await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(t('en', 'quiz.check'));
        await page.keyboard.press('Enter');
        // Feedback said politely in the one live region; focus stays on the button.
        await expect.poll(() => page.locator('[role="status"][aria-live="polite"]').textContent()).toContain(t('en', 'quiz.right'));
        expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(t('en', 'quiz.checked'));
        // The explanation cites the place in the tour: the next Tab reaches the link to that step.
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toContain(`tour=${tour.id}&step=${q.cites.step}`);
        if (i === 0) expect(await page.locator('.quiz__feedback').first().textContent()).toContain(q.explanation.en);
      }
      await page.getByRole('button', { name: t('en', 'quiz.submit') }).focus();
      await page.keyboard.press('Enter');
      const score = t('en', 'quiz.score', { correct: questions.length, total: questions.length, percent: 100 });
      await page.getByRole('heading', { name: score }).waitFor();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(score);
      await page.getByText(t('en', 'quiz.scoredByServer')).waitFor();

      // The certificate: the name, then the PDF.
      await page.getByRole('link', { name: t('en', 'quiz.toCertificate') }).click();
      await page.getByLabel(t('en', 'certificate.nameLabel')).fill('Anna Schmidt');
      await page.getByRole('button', { name: t('en', 'certificate.make') }).click();
      await page.getByRole('heading', { name: t('en', 'certificate.ready') }).waitFor();
      const text = await pdfText(await downloadPdf(page));
      expect(text).toContain('Anna Schmidt');
      expect(text).toContain(college.name.zh);
      expect(text).toContain(tour.title.en);
      const [certificate] = (await recordOf(page)).certificates;
      expect(certificate?.name).toBe('Anna Schmidt');
      expect(text).toContain(certificate!.code);

      // The passport shows the four stamps and the certificate.
      await page.goto(`${base}/en/passport`);
      await page.getByText(t('en', 'passport.progressLabel', { visited: 4, total: 17 })).waitFor({ state: 'attached' });

      // The verify page confirms what was issued under the code; a tampered code is refused.
      const verify = await page.request.get(`${base}/api/certificates/${encodeURIComponent(certificate!.code)}`);
      expect(verify.status()).toBe(200);
      expect(await verify.json()).toMatchObject({ code: certificate!.code, certificate: { name: 'Anna Schmidt', tourId: tour.id } });
      await page.goto(`${base}/en/verify/${encodeURIComponent(certificate!.code)}`);
      await page.getByText('Anna Schmidt').first().waitFor();
      const code = certificate!.code;
      const last = code.at(-1) === 'A' ? 'B' : 'A';
      const tampered = `${code.slice(0, -1)}${last}`;
      expect((await page.request.get(`${base}/api/certificates/${encodeURIComponent(tampered)}`)).status()).toBe(404);
      await page.goto(`${base}/en/verify/${encodeURIComponent(tampered)}`);
      await expect.poll(() => page.locator('#main').textContent(), { timeout: 10_000 }).not.toContain('Anna Schmidt');
    });
  }, 240_000);
});

describe('certificates in the partner countries\' scripts', () => {
  it.each([
    ['Cyrillic', 'Анна Кузнецова'],
    ['Arabic (Urdu)', 'عائشہ ڈار'],
    ['Lao', 'ສົມພອນ ແກ້ວມະນີ'],
    ['Chinese', '王小明'],
  ])('a %s name is in the PDF\'s text', async (_script, name) => {
    await withPage({ viewport: DESKTOP, locale: 'en-US' }, async (page) => {
      await seedPassedRecord(page);
      await page.goto(`${base}/en/certificate/${tour.id}`);
      await page.getByLabel(t('en', 'certificate.nameLabel')).fill(name);
      await page.getByRole('button', { name: t('en', 'certificate.make') }).click();
      await page.getByRole('heading', { name: t('en', 'certificate.ready') }).waitFor();
      const text = await pdfText(await downloadPdf(page));
      // pdf.js may split a joined Arabic word and reads its separate dot glyphs as control characters.
      const letters = (s: string) => s.replace(/[\s\u0000-\u001f\u200e\u200f\u202a-\u202e]/g, '');
      expect(letters(text)).toContain(letters(name));
      expect(text).toContain(college.name.zh);
    });
  });

  it('refuses a name in a script no font has, saying which characters, and sends nothing', async () => {
    await withPage({ viewport: PHONE, locale: 'en-US' }, async (page) => {
      await seedPassedRecord(page);
      let issued = 0;
      page.on('request', (r) => {
        if (r.url().endsWith('/api/certificates') && r.method() === 'POST') issued++;
      });
      await page.goto(`${base}/en/certificate/${tour.id}`);
      await page.getByLabel(t('en', 'certificate.nameLabel')).fill('ሰላም');
      await page.getByRole('button', { name: t('en', 'certificate.make') }).click();
      await expect.poll(() => page.getByRole('alert').filter({ hasText: 'ሰ ላ ም' }).count()).toBe(1);
      expect(await page.getByLabel(t('en', 'certificate.nameLabel')).getAttribute('aria-invalid')).toBe('true');
      expect(issued).toBe(0);
    });
  });
});

describe('accessibility of the passport, the quiz and the certificate', () => {
  for (const lang of ['en', 'zh'] as const) {
    for (const [size, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
      it(`has no axe violations on ${size} in ${lang}`, async () => {
        await withPage({ viewport, locale: lang === 'zh' ? 'zh-CN' : 'en-US' }, async (page) => {
          await seedPassedRecord(page);
          for (const path of ['passport', `quiz/${tour.id}`, `certificate/${tour.id}`]) {
            await page.goto(`${base}/${lang}/${path}`);
            await page.locator('#main h1').waitFor();
            if (path.startsWith('quiz')) {
              // With feedback shown: check the first question's first option.
              await page.locator('.quiz__option input').first().check();
              await page.getByRole('button', { name: t(lang, 'quiz.check') }).first().click();
            }
            expect(await axeViolations(page), `${lang} ${size} ${path}`).toEqual([]);
          }
          // The issued certificate's page.
          await page.getByLabel(t(lang, 'certificate.nameLabel')).fill('Anna Schmidt');
          await page.getByRole('button', { name: t(lang, 'certificate.make') }).click();
          await page.getByRole('heading', { name: t(lang, 'certificate.ready') }).waitFor();
          expect(await axeViolations(page), `${lang} ${size} certificate issued`).toEqual([]);
        });
      });
    }
  }
});

describe('a quiz or certificate address without a quiz', () => {
  it('says the tour has no quiz, in the page language, and leads back to the passport', async () => {
    for (const [lang, path] of [['zh', 'quiz/no-such-tour'], ['en', 'certificate/no-such-tour']] as const) {
      await withPage({ viewport: PHONE, locale: lang === 'zh' ? 'zh-CN' : 'en-US' }, async (page) => {
        await page.goto(`${base}/${lang}/${path}`);
        await expect.poll(() => page.locator('#main h1').textContent()).toBe(t(lang, 'quiz.noQuiz'));
        await page.getByRole('link', { name: t(lang, 'quiz.toPassport') }).click();
        await page.waitForURL(`${base}/${lang}/passport`);
      });
    }
  });
});
