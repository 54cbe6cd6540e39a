/**
 * A live class (issue 13): a guide and three delegates — Chinese on a phone, English on a
 * desktop, and one who joins late. Names on the roster, a poll from the tour's content answered
 * in two languages and revealed with the correct answer in each, a hand raised and lowered, a
 * written question with markup in it shown to the guide as text only, the session report
 * downloaded and read back, and axe on every new panel.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import tours from '../../assets/content/tours.json';
import en from '../../src/i18n/en.json';
import zh from '../../src/i18n/zh.json';
import { axeViolations, launchBrowser, openPage, PHONE } from './browser';

const base = inject('baseUrl');
const tour = tours.tours.find((t) => t.id === 'college-in-10-stops')!;
const question = tour.steps[0]!.questions.find((q) => q.id === 'founded-year')!;
const fill = (template: string, values: Record<string, string | number>) => template.replace(/{{(\w+)}}/g, (_, k: string) => String(values[k]));
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const XSS = 'Is this safe? <img src=x onerror=alert(1)>';

/** Opens the join page and joins, with a name when given. */
async function join(page: Page, code: string, lang: 'zh' | 'en', name?: string) {
  const ui = lang === 'zh' ? zh : en;
  await page.goto(`${base}/${lang}/live/${code}`);
  if (name) await page.getByLabel(ui.liveRoom.name.label).fill(name);
  await page.getByRole('button', { name: ui.live.join, exact: true }).click();
  await expect.poll(() => page.locator('.delegate-bar__status').textContent(), { timeout: 20_000 }).toBe(ui.live.following);
}

describe('a live class', () => {
  it('names, a content poll in two languages, a hand, a written question as text, the report', async () => {
    const dialogs: string[] = [];
    const guide = await openPage(browser);
    guide.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await guide.goto(`${base}/en/yubei/main-gate?tour=${tour.id}&step=1`);
    await guide.getByRole('button', { name: en.live.start }).click();
    const code = (await guide.locator('.live-panel__code').textContent({ timeout: 15_000 }))!.replace('-', '');

    // The join page says who sees the name and for how long, in the delegate's language.
    const zhPhone = await openPage(browser, { viewport: PHONE, locale: 'zh-CN' });
    await zhPhone.goto(`${base}/zh/live/${code}`);
    expect(await zhPhone.locator('.name-field__note').textContent()).toBe(zh.liveRoom.name.note);
    // A name with a bidi override is refused, with the reason, before anything connects.
    await zhPhone.getByLabel(zh.liveRoom.name.label).fill('李\u202E明');
    await zhPhone.getByRole('button', { name: zh.live.join, exact: true }).click();
    await expect.poll(() => zhPhone.locator('.name-field__error').textContent()).toBe(zh.liveRoom.nameError.bidi);
    await join(zhPhone, code, 'zh', '李明');
    const enDesk = await openPage(browser);
    enDesk.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await join(enDesk, code, 'en', 'Anna Smith');

    // The guide's roster: names, languages, following.
    const roster = guide.locator('.roster');
    await expect.poll(() => roster.locator('.roster__name').allTextContents(), { timeout: 15_000 }).toEqual(['李明', 'Anna Smith']);
    expect(await roster.locator('.roster__counts').textContent()).toBe(fill(en.liveRoom.roster.counts, { connected: 2, dropped: 0, following: 2, exploring: 0 }));

    // A poll from the step's content questions.
    await guide.getByRole('button', { name: `${en.liveRoom.poll.ask}: ${question.prompt.en}` }).click();
    const zhSheet = zhPhone.locator('.poll-sheet');
    const enSheet = enDesk.locator('.poll-sheet');
    await expect.poll(() => zhSheet.locator('legend').textContent(), { timeout: 15_000 }).toBe(question.prompt.zh);
    await expect.poll(() => enSheet.locator('legend').textContent(), { timeout: 15_000 }).toBe(question.prompt.en);
    // Announced politely, focus left where it was.
    await expect.poll(() => zhPhone.locator('.delegate-bar [aria-live="polite"]').textContent()).toBe(fill(zh.liveRoom.sheet.announce, { prompt: question.prompt.zh }));
    expect(await zhPhone.evaluate(() => document.activeElement?.closest('.poll-sheet') ?? null)).toBeNull();
    expect(await axeViolations(zhPhone)).toEqual([]);

    // Answers: right in Chinese (by touch), wrong in English (by keyboard: the radio group's arrows).
    await zhSheet.getByLabel(question.options[0]!.zh, { exact: true }).tap();
    await zhSheet.getByRole('button', { name: zh.liveRoom.sheet.send }).tap();
    await expect.poll(() => zhSheet.locator('.poll-sheet__status').textContent(), { timeout: 15_000 }).toBe(zh.liveRoom.sheet.received);
    await enSheet.getByLabel(question.options[0]!.en, { exact: true }).focus();
    await enDesk.keyboard.press('Space');
    await enDesk.keyboard.press('ArrowDown');
    expect(await enSheet.getByLabel(question.options[1]!.en, { exact: true }).isChecked()).toBe(true);
    await enSheet.getByRole('button', { name: en.liveRoom.sheet.send }).click();
    await expect.poll(() => enSheet.locator('.poll-sheet__status').textContent(), { timeout: 15_000 }).toBe(en.liveRoom.sheet.received);

    // The guide sees them arrive, by language.
    const results = guide.locator('.guide-poll .poll-results__option');
    await expect.poll(() => guide.locator('.guide-poll__answered').textContent(), { timeout: 15_000 }).toBe(fill(en.liveRoom.poll.answered, { count: 2 }));
    expect(await results.nth(0).locator('.poll-results__langs').textContent()).toBe(fill(en.liveRoom.results.byLang, { zh: 1, en: 0 }));
    expect(await results.nth(1).locator('.poll-results__langs').textContent()).toBe(fill(en.liveRoom.results.byLang, { zh: 0, en: 1 }));

    // On a laptop (1280×720) the guide works the poll with the panorama still whole on screen: the
    // side column scrolls beside the picture instead of taking the page, and the picture, away.
    await guide.getByRole('button', { name: en.liveRoom.poll.close }).focus();
    const onScreen = await guide.evaluate(() => {
      const inside = (r: DOMRect) => r.top >= 0 && r.bottom <= window.innerHeight;
      return { panorama: inside(document.querySelector('.pano')!.getBoundingClientRect()), focused: inside(document.activeElement!.getBoundingClientRect()) };
    });
    expect(onScreen).toEqual({ panorama: true, focused: true });

    // A delegate who joins late, without a name, gets the poll that is on, and is "Delegate 3".
    const late = await openPage(browser);
    await join(late, code, 'en');
    await expect.poll(() => late.locator('.poll-sheet legend').textContent(), { timeout: 15_000 }).toBe(question.prompt.en);
    await expect.poll(() => roster.locator('.roster__name').allTextContents(), { timeout: 15_000 }).toEqual(['李明', 'Anna Smith', fill(en.liveRoom.roster.anonymous, { number: 3 })]);

    // Close, then reveal: each delegate reads the correct answer in their language.
    await guide.getByRole('button', { name: en.liveRoom.poll.close }).click();
    await expect.poll(() => enSheet.locator('.poll-sheet__status').textContent(), { timeout: 15_000 }).toBe(en.liveRoom.sheet.closed);
    await guide.getByRole('button', { name: en.liveRoom.poll.reveal }).click();
    await expect.poll(() => zhSheet.locator('.poll-sheet__answer').textContent(), { timeout: 15_000 }).toBe(fill(zh.liveRoom.results.correct, { answer: question.options[0]!.zh }));
    await expect.poll(() => enSheet.locator('.poll-sheet__answer').textContent(), { timeout: 15_000 }).toBe(fill(en.liveRoom.results.correct, { answer: question.options[0]!.en }));
    expect(await zhSheet.locator('.poll-results__option--correct').textContent()).toContain(question.options[0]!.zh);
    expect(await axeViolations(enDesk)).toEqual([]);
    // Hidden, and back.
    await enSheet.getByRole('button', { name: en.liveRoom.sheet.hide }).click();
    expect(await enSheet.count()).toBe(0);
    await enDesk.getByRole('button', { name: en.liveRoom.sheet.reopenResult }).click();
    await expect.poll(() => enSheet.locator('.poll-sheet__answer').count()).toBe(1);

    // A raised hand, seen by the guide by name, lowered by the guide.
    await enDesk.getByRole('button', { name: en.liveRoom.hands.raise }).click();
    const hands = guide.locator('.class-hands__list li');
    await expect.poll(() => hands.locator('.class-hands__name').allTextContents(), { timeout: 15_000 }).toEqual(['Anna Smith']);
    await guide.getByRole('button', { name: fill(en.liveRoom.hands.lowerLabel, { name: 'Anna Smith' }) }).click();
    await expect.poll(() => hands.count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => enDesk.getByRole('button', { name: en.liveRoom.hands.raise }).getAttribute('aria-pressed'), { timeout: 15_000 }).toBe('false');
    await expect.poll(() => enDesk.locator('.delegate-bar [aria-live="polite"]').textContent()).toBe(en.liveRoom.hands.announceLowered);

    // A written question with markup: the guide reads it as text; nobody else gets it.
    await zhPhone.getByRole('button', { name: zh.liveRoom.ask.open }).tap();
    await zhPhone.getByLabel(zh.liveRoom.ask.label).fill(XSS);
    expect(await zhPhone.locator('#ask-count').textContent()).toBe(fill(zh.liveRoom.ask.counter, { count: [...XSS].length, max: 280 }));
    await zhPhone.getByRole('button', { name: zh.liveRoom.ask.send }).tap();
    await expect.poll(() => zhPhone.locator('.ask-form__sent').textContent(), { timeout: 15_000 }).toBe(zh.liveRoom.ask.sent);
    await expect.poll(() => guide.locator('.class-questions__text').allTextContents(), { timeout: 15_000 }).toEqual([XSS]);
    expect(await guide.locator('.class-questions__from').textContent()).toContain('李明');
    expect(await guide.locator('img[src="x"]').count()).toBe(0);
    expect(await guide.locator('.class-questions img').count()).toBe(0);
    for (const page of [enDesk, late]) expect(await page.content()).not.toContain('onerror=alert');
    // Too long is refused with the reason, and not sent.
    await zhPhone.getByLabel(zh.liveRoom.ask.label).fill('问'.repeat(290));
    await expect.poll(() => zhPhone.locator('.ask-form__error').textContent()).toBe(fill(zh.liveRoom.questionError['too-long'], { over: 10, max: 280 }));
    expect(await axeViolations(zhPhone)).toEqual([]);
    await guide.getByRole('button', { name: en.liveRoom.questions.answer }).click();
    await expect.poll(() => guide.locator('.class-questions__list .class-questions__item').count(), { timeout: 15_000 }).toBe(0);

    // Reactions: counts, not a flood.
    await enDesk.getByRole('button', { name: en.liveRoom.reactions.thumbs }).click();
    await late.getByRole('button', { name: en.liveRoom.reactions.thumbs }).click();
    await expect
      .poll(() => guide.locator('.class-reactions__list').textContent(), { timeout: 15_000 })
      .toContain(fill(en.liveRoom.reactions.count, { label: en.liveRoom.reactions.thumbs, count: 2 }));

    // axe on the guide's panels: desktop and phone, both languages.
    expect(await axeViolations(guide)).toEqual([]);
    await guide.setViewportSize(PHONE);
    expect(await axeViolations(guide)).toEqual([]);
    await guide.getByRole('button', { name: '中文' }).first().click();
    await expect.poll(() => guide.locator('#guide-poll-heading').textContent()).toBe(zh.liveRoom.poll.heading);
    expect(await axeViolations(guide)).toEqual([]);
    await guide.setViewportSize({ width: 1280, height: 720 });
    expect(await axeViolations(guide)).toEqual([]);

    // The report: CSV (UTF-8 with BOM, Chinese intact) and JSON, downloaded with the token.
    const [csvDownload] = await Promise.all([
      guide.waitForEvent('download'),
      guide.getByRole('button', { name: fill(zh.liveRoom.reports.csvLabel, { code: `${code.slice(0, 3)}-${code.slice(3)}` }) }).click(),
    ]);
    const csv = readFileSync((await csvDownload.path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(csv.subarray(3).toString('utf8'));
    const cells = rows.flat();
    expect(cells).toContain('李明');
    expect(cells).toContain('Anna Smith');
    expect(cells).toContain(XSS);
    const [jsonDownload] = await Promise.all([
      guide.waitForEvent('download'),
      guide.getByRole('button', { name: fill(zh.liveRoom.reports.jsonLabel, { code: `${code.slice(0, 3)}-${code.slice(3)}` }) }).click(),
    ]);
    const report = JSON.parse(readFileSync((await jsonDownload.path())!, 'utf8')) as { delegates: { name: string | null; lang: string }[]; polls: { zh: { counts: number[] }; en: { counts: number[] } }[] };
    expect(report.delegates.map((d) => d.name)).toEqual(['李明', 'Anna Smith', null]);
    expect(report.polls[0]?.zh.counts.slice(0, 2)).toEqual([1, 0]);
    expect(report.polls[0]?.en.counts.slice(0, 2)).toEqual([0, 1]);

    // Ending asks first, then says it has ended; the report stays to download.
    await guide.getByRole('button', { name: zh.live.end }).click();
    await guide.getByRole('button', { name: zh.live.endNow }).click();
    await expect.poll(() => guide.locator('.live-start__ended').textContent(), { timeout: 15_000 }).toBe(zh.liveRoom.endedNote);
    expect(await guide.locator('.reports').count()).toBe(1);
    await expect.poll(() => zhPhone.locator('.delegate-bar').textContent(), { timeout: 15_000 }).toContain(zh.live.ended);
    expect(dialogs).toEqual([]);
    for (const page of [guide, zhPhone, enDesk, late]) await page.context().close();
  }, 300_000);
});

/** RFC 4180: fields in quotes may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}
