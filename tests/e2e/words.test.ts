/**
 * The Chinese-learner layer in a browser: pinyin on demand (ruby on screen in both languages,
 * remembered, read once by screen readers), the words of a stop with the keyboard, hearing a word
 * (a stub speech synthesis: the browser API, with a stub voice), the "no Chinese voice" message,
 * stroke order, hotspot words, starring words into My words and its downloads, and axe.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, DESKTOP, launchBrowser, openPage, PHONE, readTourContent, type PageOptions } from './browser';

const base = inject('baseUrl');
const { campuses, tours, t } = readTourContent();
const yubei = campuses.find((c) => c.id === 'yubei')!;
const nanchuan = campuses.find((c) => c.id === 'nanchuan')!;
const workshop = yubei.stops.find((s) => s.id === 'mechanical-workshop')!;
const machineTools = workshop.hotspots.find((h) => h.id === 'machine-tools')!;
const [firstWord, secondWord] = workshop.vocabulary!;
const dormitory = nanchuan.stops.find((s) => s.id === 'dormitory')!;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Speech synthesis with the given voices; what it is asked to say lands in window.__spoken. */
function stubSpeech(list: { lang: string; name: string }[]) {
  {
    const spoken: { text: string; rate: number; lang: string; voice: string }[] = [];
    (window as unknown as { __spoken: typeof spoken }).__spoken = spoken;
    class Utterance {
      text: string;
      rate = 1;
      lang = '';
      voice: { name: string } | null = null;
      onend: (() => void) | null = null;
      onerror: ((e: { error: string }) => void) | null = null;
      constructor(text: string) {
        this.text = text;
      }
    }
    const stubVoices = list.map((v) => ({ ...v, voiceURI: v.name, default: false, localService: true }));
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
    Object.defineProperty(window, 'speechSynthesis', {
      configurable: true,
      value: {
        getVoices: () => stubVoices,
        speak: (u: Utterance) => {
          spoken.push({ text: u.text, rate: u.rate, lang: u.lang, voice: u.voice?.name ?? '' });
          setTimeout(() => u.onend?.(), 0);
        },
        cancel: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
      },
    });
  }
}

async function open(options: PageOptions & { voices?: { lang: string; name: string }[] } = {}): Promise<Page> {
  const page = await openPage(browser, options);
  if (options.voices) await page.context().addInitScript(stubSpeech, options.voices);
  return page;
}

const stopUrl = (lang: string, query = '') => `${base}/${lang}/${yubei.id}/${workshop.id}${query}`;

describe('pinyin on demand', () => {
  it('shows pinyin as ruby in English and in Chinese, and remembers it after a reload', async () => {
    const page = await open();
    await page.goto(stopUrl('en'));
    const toggle = page.getByRole('button', { name: t('en', 'pinyin.toggle') });
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator('ruby rt').count()).toBe(0);
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    // An English reader sees the college's Chinese name in the footer, with its pinyin: 重庆 is chóng qìng.
    const footerRuby = page.locator('.site-footer ruby');
    await footerRuby.first().waitFor();
    expect(await page.locator('.site-footer rt').allTextContents()).toEqual(expect.arrayContaining(['chóng', 'qìng']));

    await page.reload();
    await page.locator('.site-footer ruby').first().waitFor();
    expect(await page.getByRole('button', { name: t('en', 'pinyin.toggle') }).getAttribute('aria-pressed')).toBe('true');

    await page.getByRole('button', { name: '中文' }).click();
    // The stop's name and the Chinese UI headings of the stop page get pinyin too.
    await page.locator('h1 ruby').first().waitFor();
    expect(await page.locator('#words-heading rt').allTextContents()).toEqual(['běn', 'zhàn', 'cí', 'huì']);
    await page.context().close();
  });

  it('reads a polyphone as the content overrides it (整齐地: de, per text)', async () => {
    const page = await open();
    await page.goto(`${base}/zh/${nanchuan.id}/${dormitory.id}?spot=courtyard-life`);
    await page.getByRole('button', { name: t('zh', 'pinyin.toggle') }).click();
    // (Its text content now holds the syllables too, so the paragraph is found by its language.)
    const paragraph = page.locator('.info-panel p[lang="zh-CN"]').first();
    await paragraph.locator('ruby').first().waitFor();
    const pairs = await paragraph.evaluate((p) =>
      [...p.querySelectorAll('rt')].map((rt) => `${rt.previousSibling?.textContent ?? ''}${rt.textContent ?? ''}`),
    );
    expect(pairs).toContain('地de');
    expect(pairs).toContain('行xíng');
    await page.context().close();
  });

  /**
   * Chromium 156 (the apt build these tests drive) exposes a <ruby>'s annotation as the ruby's
   * accessible *description* (role "Ruby", description "chóng" — the first <rt>), and Playwright's
   * ARIA snapshot reads the <rt> text into names and text ("重 chóng 庆 qìng"). Neither shows in the
   * accessible names Chromium computes (the heading is "重庆…" with or without aria-hidden), nor as
   * StaticText/InlineTextBox nodes — which is why a check of the names alone passed without
   * aria-hidden too. So this test reads the descriptions and the snapshot, and then removes
   * aria-hidden from the page's <rt>s to see the same check catch the syllables: proof it can fail.
   */
  it('is read once by screen readers: no syllable in the accessibility tree (names, descriptions) or the ARIA snapshot', async () => {
    const page = await open();
    await page.goto(`${base}/zh/${yubei.id}/${workshop.id}`);
    await page.getByRole('button', { name: t('zh', 'pinyin.toggle') }).click();
    await page.locator('h1 ruby').first().waitFor();
    const syllables = new Set(await page.locator('rt').allTextContents());
    expect(syllables.size).toBeGreaterThan(10);
    const cdp = await page.context().newCDPSession(page);
    type AxNode = { ignored: boolean; role?: { value: string }; name?: { value: string }; description?: { value: string } };
    const syllablesIn = (text: string) => text.split(/[\s\p{P}]+/u).filter((w) => syllables.has(w));
    /** What assistive technology is given: every name and description, and the ARIA snapshot of the page. */
    const exposed = async () => {
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
      const shown = nodes.filter((n) => !n.ignored);
      const texts = shown.flatMap((n) => [n.name?.value ?? '', n.description?.value ?? '']).filter(Boolean);
      const snapshot = await page.locator('body').ariaSnapshot();
      return {
        rubies: shown.filter((n) => n.role?.value === 'Ruby').length,
        heard: [...texts.flatMap(syllablesIn), ...syllablesIn(snapshot)],
        heading: shown.find((n) => n.role?.value === 'heading' && n.name?.value.includes(workshop.name.zh))?.name?.value,
      };
    };
    const withHidden = await exposed();
    // The ruby is in the tree (it is not simply missing), with the characters once and no syllable.
    expect(withHidden.rubies).toBeGreaterThan(0);
    expect(withHidden.heading).toBe(workshop.name.zh);
    expect(withHidden.heard).toEqual([]);

    // Control: the same page with the <rt>s no longer hidden gives the syllables away.
    await page.evaluate(() => document.querySelectorAll('rt[aria-hidden]').forEach((rt) => rt.removeAttribute('aria-hidden')));
    await expect.poll(async () => (await exposed()).heard.length).toBeGreaterThan(0);
    expect((await exposed()).heard).toEqual(expect.arrayContaining(['chóng']));
    await page.context().close();
  });

  it('draws pinyin over the names in the panorama, and each marker keeps the plain name', async () => {
    const page = await open({ viewport: DESKTOP, locale: 'zh-CN' });
    await page.goto(`${base}/zh/${yubei.id}/${workshop.id}`);
    // An info marker whose name is drawn beside it (one with no room shows it on hover only).
    const marker = page.locator('.hotspot--info:not(.hotspot--caption-none)').first();
    await marker.waitFor();
    const id = await marker.getAttribute('data-hotspot-id');
    const info = workshop.hotspots.find((h) => h.id === id && h.kind === 'info');
    if (info?.kind !== 'info') throw new Error(`no info hotspot "${id}" in ${workshop.id}`);
    expect(await page.locator('.hotspot__caption ruby').count()).toBe(0);
    await page.getByRole('button', { name: t('zh', 'pinyin.toggle') }).click();
    const caption = page.locator(`.hotspot[data-hotspot-id="${id}"] .hotspot__caption`);
    await caption.locator('ruby').first().waitFor();
    // A syllable over each character of the title (the build's reading of the whole text).
    const hanzi = [...info.title.zh].filter((c) => /\p{Script=Han}/u.test(c));
    const pairs = await caption.evaluate((el) => [...el.querySelectorAll('rt')].map((rt) => [rt.previousSibling?.textContent ?? '', rt.textContent ?? '']));
    expect(pairs.map(([char]) => char)).toEqual(hanzi);
    expect(pairs.every(([, reading]) => /^\p{Ll}+$/u.test(reading!.normalize('NFC')))).toBe(true);
    // The marker's name for assistive technology is the title, without syllables.
    const name = t('zh', 'stop.infoLabel', { title: info.title.zh });
    expect(await page.locator(`.hotspot[data-hotspot-id="${id}"]`).ariaSnapshot()).toMatch(new RegExp(`^- button "${name}"( \\[pressed=false\\])?$`));
    await page.getByRole('button', { name: t('zh', 'pinyin.toggle') }).click();
    await caption.locator('ruby').first().waitFor({ state: 'detached' });
    expect(await caption.textContent()).toBe(info.title.zh);
    await page.context().close();
  });

  it('puts pinyin over the passport, quiz and certificate pages in Chinese, their names for assistive technology plain', async () => {
    const tour = tours.find((x) => x.quiz)!;
    const page = await open({ viewport: DESKTOP, locale: 'zh-CN' });
    await page.addInitScript(() => localStorage.setItem('cbdo.pinyin', 'on'));
    const han = (text: string) => [...text].filter((c) => /\p{Script=Han}/u.test(c)).length;
    /** The page's heading carries a syllable over each character of `title`, and is named `title` alone. */
    const headingWithPinyin = async (title: string) => {
      const h1 = page.locator('h1');
      await h1.locator('rt').first().waitFor();
      expect(await h1.locator('rt').count()).toBe(han(title));
      expect(await page.getByRole('heading', { level: 1, name: title, exact: true }).count()).toBe(1);
      // The ruby keeps the page clean for axe (contrast of the small syllables, names).
      expect(await axeViolations(page)).toEqual([]);
    };

    await page.goto(`${base}/zh/passport`);
    await headingWithPinyin(t('zh', 'passport.title'));
    // The page's UI strings (the tours' heading, "take the quiz") and its content (stop names).
    expect(await page.locator('#passport-tours rt').count()).toBe(han(t('zh', 'passport.toursHeading')));
    expect(await page.locator('.stamp__name rt').count()).toBeGreaterThan(10);

    await page.goto(`${base}/zh/quiz/${tour.id}`);
    await headingWithPinyin(t('zh', 'quiz.title', { tour: tour.title.zh }));
    const first = tour.quiz!.questions[0]!;
    const question = page.locator('.quiz__question').first();
    expect(await question.locator('.quiz__number rt').count()).toBeGreaterThan(0);
    expect(await question.locator('.quiz__prompt rt').count()).toBe(han(first.prompt.zh));
    // The answers too, content options and "对/错" alike.
    const options = first.kind === 'choice' ? first.options.map((o) => o.zh) : [t('zh', 'quiz.true'), t('zh', 'quiz.false')];
    expect(await question.locator('.quiz__option label rt').count()).toBe(options.reduce((n, o) => n + han(o), 0));
    expect(await question.getByRole('button', { name: t('zh', 'quiz.check'), exact: true }).locator('rt').count()).toBe(han(t('zh', 'quiz.check')));

    await page.goto(`${base}/zh/certificate/${tour.id}`);
    await headingWithPinyin(t('zh', 'certificate.title', { tour: tour.title.zh }));
    await page.context().close();
  });

  it('puts pinyin over the live session’s guide panel and delegate bar in Chinese, their buttons named plainly', async () => {
    const tour = tours[0]!;
    const guide = await open({ viewport: DESKTOP, locale: 'zh-CN' });
    await guide.addInitScript(() => localStorage.setItem('cbdo.pinyin', 'on'));
    await guide.goto(`${base}/zh/${tour.steps[0]!.campus}/${tour.steps[0]!.stop}?tour=${tour.id}&step=1`);
    const start = guide.getByRole('button', { name: t('zh', 'live.start'), exact: true });
    await start.locator('rt').first().waitFor();
    await start.click();
    const code = (await guide.locator('.live-panel__code').textContent({ timeout: 15_000 }))!.replace('-', '');
    expect(await guide.locator('.live-panel__code-label rt').allTextContents()).toEqual(['jiā', 'rù', 'mǎ']);
    expect(await guide.getByRole('button', { name: t('zh', 'live.end'), exact: true }).locator('rt').count()).toBeGreaterThan(0);

    const delegate = await open({ locale: 'zh-CN' });
    await delegate.addInitScript(() => localStorage.setItem('cbdo.pinyin', 'on'));
    await delegate.goto(`${base}/zh/live/${code}`);
    await delegate.locator('h1 rt').first().waitFor();
    await delegate.getByRole('button', { name: t('zh', 'live.join'), exact: true }).click();
    const bar = delegate.locator('.delegate-bar');
    await bar.locator('.delegate-bar__status rt').first().waitFor({ timeout: 15_000 });
    const leave = delegate.getByRole('button', { name: t('zh', 'live.leave'), exact: true });
    expect(await leave.locator('rt').count()).toBe([...t('zh', 'live.leave')].length);
    expect(await axeViolations(delegate)).toEqual([]);
    await delegate.context().close();
    await guide.context().close();
  });

  it('puts pinyin over the stop and tour UI strings in Chinese (hotspot list, tour player, step bar), and none when off', async () => {
    const tour = tours[0]!;
    const first = tour.steps[0]!;
    const stop = campuses.find((c) => c.id === first.campus)!.stops.find((s) => s.id === first.stop)!;
    const info = stop.hotspots.find((h) => h.kind === 'info')!;
    const page = await open({ viewport: DESKTOP, locale: 'zh-CN' });
    await page.goto(`${base}/zh/${first.campus}/${first.stop}?tour=${tour.id}&step=1`);
    const list = page.locator('.hotspot-list');
    const player = page.locator('.tour-player');
    await player.waitFor();
    await list.waitFor();
    // Off: the UI strings are plain text.
    expect(await page.locator('.hotspot-list ruby, .tour-player ruby, .step-bar ruby').count()).toBe(0);

    await page.getByRole('button', { name: t('zh', 'pinyin.toggle') }).click();
    await page.locator('.tour-player__controls ruby').first().waitFor();
    // The hotspot list: "信息：" over its title, each read apart (the title as the content has it).
    const infoButton = list.locator(`[data-list-hotspot-id="${info.id}"]`);
    expect(await infoButton.locator('rt').first().textContent()).toBe('xìn');
    expect(await infoButton.locator('rt').nth(1).textContent()).toBe('xī');
    expect(await infoButton.locator('rt').count()).toBe([...info.title.zh].filter((c) => /\p{Script=Han}/u.test(c)).length + 2);
    expect(await page.locator('#hotspots-heading rt').count()).toBeGreaterThan(0);
    expect(await page.locator('#stops-heading rt').count()).toBeGreaterThan(0);
    // The tour player's buttons, summary and step bar: 下一步, read with pinyin-pro's tone sandhi (一 yí before bù).
    const next = player.locator('.tour-player__next');
    expect(await next.locator('rt').allTextContents()).toEqual(['xià', 'yí', 'bù']);
    expect(await player.locator('summary rt').count()).toBe([...t('zh', 'tour.allSteps')].length);
    expect(await page.locator('.step-bar__next rt').allTextContents()).toEqual(['xià', 'yí', 'bù']);
    // Names for assistive technology stay the characters alone.
    expect(await page.getByRole('button', { name: t('zh', 'tour.next'), exact: true }).count()).toBeGreaterThan(0);
    expect(await list.getByRole('button', { name: t('zh', 'stop.infoLabel', { title: info.title.zh }), exact: true }).count()).toBe(1);

    await page.getByRole('button', { name: t('zh', 'pinyin.toggle') }).click();
    await page.locator('.tour-player ruby').first().waitFor({ state: 'detached' });
    expect(await page.locator('.hotspot-list ruby, .tour-player ruby, .step-bar ruby').count()).toBe(0);
    await page.context().close();
  });
});

describe('words of a stop', () => {
  it('opens a word card with the keyboard, and Escape brings the focus back', async () => {
    const page = await open({ voices: [{ lang: 'zh-CN', name: 'Stub Mandarin' }] });
    await page.goto(stopUrl('en'));
    const section = page.getByRole('region', { name: t('en', 'words.heading') });
    const button = section.getByRole('button', { name: new RegExp(firstWord!.zh) });
    await button.focus();
    await page.keyboard.press('Enter');
    const card = page.getByRole('region', { name: t('en', 'words.cardLabel', { zh: firstWord!.zh }) });
    await card.waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H3');
    expect(await card.textContent()).toContain(firstWord!.en);
    expect(await card.textContent()).toContain(firstWord!.example.en);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.word)).toBe(firstWord!.zh);
    await page.context().close();
  });

  it('speaks a word with a Chinese voice at the chosen speed', async () => {
    const page = await open({ voices: [{ lang: 'en-US', name: 'Stub English' }, { lang: 'zh-CN', name: 'Stub Mandarin' }] });
    await page.goto(stopUrl('en'));
    await page.getByRole('button', { name: new RegExp(firstWord!.zh) }).click();
    await page.getByRole('button', { name: t('en', 'words.listenAt', { speed: 0.6 }) }).click();
    await page.getByRole('button', { name: t('en', 'words.listenAt', { speed: 1 }) }).click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __spoken: unknown[] }).__spoken))
      .toEqual([
        { text: firstWord!.zh, rate: 0.6, lang: 'zh-CN', voice: 'Stub Mandarin' },
        { text: firstWord!.zh, rate: 1, lang: 'zh-CN', voice: 'Stub Mandarin' },
      ]);
    await page.context().close();
  });

  it('says so when the device has no Chinese voice, and speaks nothing', async () => {
    const page = await open({ voices: [{ lang: 'en-US', name: 'Stub English' }] });
    await page.goto(stopUrl('en'));
    await page.getByRole('button', { name: new RegExp(firstWord!.zh) }).click();
    const listen = page.getByRole('button', { name: t('en', 'words.listenAt', { speed: 0.8 }) });
    await expect.poll(() => page.getByRole('status').filter({ hasText: t('en', 'words.noVoice') }).count()).toBe(1);
    expect(await listen.getAttribute('aria-disabled')).toBe('true');
    await listen.focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (window as unknown as { __spoken: unknown[] }).__spoken)).toEqual([]);
    await page.context().close();
  });

  it.each(['no-preference', 'reduce'] as const)('draws the stroke order from the app’s own data (motion: %s)', async (reducedMotion) => {
    const page = await open({ reducedMotion });
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).host === new URL(base).host ? new URL(r.url()).pathname : r.url()));
    await page.goto(stopUrl('en'));
    await page.getByRole('button', { name: new RegExp(firstWord!.zh) }).click();
    await page.getByRole('button', { name: t('en', 'words.showStrokes') }).click();
    const chars = [...firstWord!.zh];
    const boxes = page.getByRole('img', { name: /./ }).filter({ has: page.locator('svg') });
    await expect.poll(() => boxes.count()).toBe(chars.length);
    await expect.poll(() => page.locator('.strokes__char svg path').count()).toBeGreaterThan(chars.length * 2);
    expect(fetched.filter((u) => u.startsWith('/hanzi/'))).toEqual(chars.map((c) => `/hanzi/${c.codePointAt(0)!.toString(16)}.json`));
    expect(fetched.filter((u) => !u.startsWith('/') && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    if (reducedMotion === 'reduce') {
      // The finished character at once: its strokes are drawn in full without waiting for an animation.
      const drawn = await page.locator('.strokes__char').first().screenshot();
      expect(drawn.length).toBeGreaterThan(1000);
    }
    await page.context().close();
  });

  it('marks the stop’s words in an info panel; Enter on one opens its card', async () => {
    const page = await open();
    await page.goto(stopUrl('zh', `?spot=${machineTools.id}`));
    const marked = page.locator('.info-panel .hotspot-word', { hasText: '车床' });
    await marked.first().focus();
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: t('zh', 'words.cardLabel', { zh: '车床' }) }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('车床');
    await page.context().close();
  });
});

describe('my words', () => {
  it('lists two starred words with pinyin, English and the stop, and downloads them as CSV and for Anki', async () => {
    const page = await open();
    await page.goto(stopUrl('en'));
    for (const word of [firstWord!, secondWord!]) {
      await page.getByRole('button', { name: new RegExp(word.zh) }).first().click();
      const star = page.getByRole('button', { name: t('en', 'words.starLabel', { zh: word.zh }) });
      await star.click();
      await expect.poll(() => star.getAttribute('aria-pressed')).toBe('true');
    }
    await page.getByRole('link', { name: t('en', 'words.navMyWords') }).click();
    await page.getByRole('heading', { level: 1, name: t('en', 'words.myWords.title') }).waitFor();
    const rows = page.locator('.my-words__table tbody tr');
    expect(await rows.count()).toBe(2);
    for (const [i, word] of [firstWord!, secondWord!].entries()) {
      const text = await rows.nth(i).textContent();
      expect(text).toContain(word.zh);
      expect(text).toContain(word.pinyin);
      expect(text).toContain(word.en);
      expect(text).toContain(workshop.name.en);
    }
    // Still there after a reload: the list is kept in the browser.
    await page.reload();
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: t('en', 'words.myWords.csv') }).click()]);
    const csvText = readFileSync((await csv.path())!, 'utf8');
    expect(csvText.startsWith('\uFEFF')).toBe(true);
    expect(csvText).toContain(`${firstWord!.zh},${firstWord!.pinyin},`);
    const [tsv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: t('en', 'words.myWords.anki') }).click()]);
    const tsvText = readFileSync((await tsv.path())!, 'utf8');
    expect(tsvText).toContain('#separator:tab');
    expect(tsvText).toContain(`${secondWord!.zh}\t${secondWord!.pinyin}\t`);
    await page.context().close();
  });

  it('tells the visitor when the stored list cannot be read, and the app goes on working', async () => {
    const page = await open();
    await page.context().addInitScript(() => localStorage.setItem('cbdo.words', '{not json'));
    await page.goto(`${base}/en/words`);
    await page.getByRole('alert').filter({ hasText: t('en', 'words.myWords.corrupt') }).waitFor();
    expect(await page.getByText(t('en', 'words.myWords.empty')).count()).toBe(1);
    await page.context().close();
  });
});

describe.each([
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const)('accessibility of the learner views on a %s', (_, viewport) => {
  it.each(['en', 'zh'])('has no axe violations in %s', async (lang) => {
    const page = await open({ viewport, locale: lang === 'zh' ? 'zh-CN' : 'en-US', voices: [{ lang: 'en-US', name: 'Stub English' }] });
    await page.addInitScript(() => localStorage.setItem('cbdo.pinyin', 'on'));
    const found: string[] = [];
    await page.goto(stopUrl(lang, `?spot=${machineTools.id}`));
    await page.locator('ruby').first().waitFor();
    await page.getByRole('button', { name: new RegExp(firstWord!.zh) }).click();
    await page.getByRole('button', { name: t(lang as 'en', 'words.showStrokes') }).click();
    await page.getByRole('button', { name: t(lang as 'en', 'words.starLabel', { zh: firstWord!.zh }) }).click();
    await page.locator('.strokes__char svg').first().waitFor();
    found.push(...(await axeViolations(page)).map((v) => `stop: ${v}`));
    await page.goto(`${base}/${lang}/words`);
    await page.locator('.my-words__table').waitFor();
    found.push(...(await axeViolations(page)).map((v) => `my words: ${v}`));
    expect(found).toEqual([]);
    await page.context().close();
  });
});
