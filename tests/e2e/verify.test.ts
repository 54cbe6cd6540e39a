/**
 * A certificate checked against the real built server: the quiz answers go to the server, which
 * scores them and issues the certificate; /verify/CODE (as printed, without a language) shows what
 * was issued, in a phone's browser, axe-clean; the code with one character changed is refused.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import tours from '../../assets/content/tours.json';
import en from '../../src/i18n/en.json';
import zh from '../../src/i18n/zh.json';
import { axeViolations, launchBrowser, openPage, PHONE } from './browser';

const base = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const post = async (path: string, body: unknown) => {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('verifying a certificate', () => {
  it('shows what was issued under its code, and refuses the code with one character changed', async () => {
    const tour = tours.tours.find((t) => t.id === 'nanchuan-walk')!;
    const answers = Object.fromEntries(tour.quiz.questions.map((q) => [q.id, q.answer]));
    const attempt = await post(`/api/quiz/${tour.id}/attempts`, { answers });
    expect(attempt.body).toMatchObject({ passed: true, percent: 100 });
    const issued = await post('/api/certificates', { attemptId: attempt.body.attemptId, name: 'ສົມພອນ ແສງທອງ', lang: 'en' });
    expect(issued.status).toBe(201);
    const code = issued.body.code as string;

    const page = await openPage(browser, { viewport: PHONE, locale: 'en-US' });
    await page.goto(`${base}/verify/${code}`);
    const card = page.getByRole('region', { name: en.verify.confirmed.replace('{{code}}', code) });
    await card.waitFor();
    await page.waitForURL(`${base}/en/verify/${code}`);
    expect(await card.textContent()).toContain('ສົມພອນ ແສງທອງ');
    expect(await card.textContent()).toContain(tour.title.en);
    expect(await card.textContent()).toContain('7 of 7 (100 %)');
    expect(await axeViolations(page)).toEqual([]);

    // The code with its last character changed, typed on the Chinese page with the keyboard.
    const tampered = `${code.slice(0, -1)}${code.endsWith('A') ? 'B' : 'A'}`;
    await page.goto(`${base}/zh/verify`);
    await page.getByLabel(zh.verify.codeLabel).fill(tampered);
    await page.keyboard.press('Enter');
    await page.getByText(zh.verify.notIssued.replace('{{code}}', tampered)).waitFor();
    expect(await page.getByRole('region').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
