// @vitest-environment node
/**
 * The certificate PDF, read back from its bytes with pdf.js (as a viewer would): the text layer
 * holds the name in every partner country's script and the college's Chinese name, and every font
 * is embedded as a subset.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildCertificateFonts } from '../../../lib/certificateFonts';
import type { Coverage } from '../../../src/certificate/coverage';
import { certificatePdf } from '../../../src/features/certificate/certificatePdf';
import { certificateLines } from '../../../src/features/certificate/certificateText';
import { createI18n } from '../../../src/i18n/i18n';
import { realContent } from '../render';

const fonts = path.join(process.cwd(), 'public/generated/fonts');
let coverage: Coverage;

beforeAll(async () => {
  await buildCertificateFonts(process.cwd());
  coverage = JSON.parse(readFileSync(path.join(fonts, 'coverage.json'), 'utf8')) as Coverage;
  // The page fetches the fonts from this app; here they are read from the build's folder.
  vi.stubGlobal('fetch', async (url: string) => new Response(readFileSync(path.join(fonts, path.basename(url)))));
}, 120_000);
afterAll(() => vi.unstubAllGlobals());

/** The PDF's text as pdf.js extracts it, and the names of its fonts. */
async function readPdf(bytes: Uint8Array) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: bytes.slice(), useSystemFonts: false, disableFontFace: true }).promise;
  const page = await doc.getPage(1);
  const text = (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('\n');
  const view = page.view;
  await doc.destroy();
  return { text, view };
}

async function pdfFor(name: string) {
  const content = realContent();
  const tour = content.tours.find((t) => t.id === 'yubei-walk')!;
  const i18n = createI18n('en');
  await i18n.loadLanguages(['zh', 'en']);
  const lines = certificateLines(content, tour, { code: 'ABCD-1234', name, tourId: tour.id, score: 5, total: 6, percent: 83, issuedAt: '2026-11-30T06:00:00.000Z', lang: 'en' }, { zh: i18n.getFixedT('zh'), en: i18n.getFixedT('en') }, 'https://tour.example.edu');
  const bytes = await certificatePdf(lines, coverage);
  if (process.env.CERT_PDF_OUT) (await import('node:fs')).writeFileSync(process.env.CERT_PDF_OUT, bytes);
  return readPdf(bytes);
}

describe('the certificate PDF', () => {
  it('is A4 landscape, with the college in both languages, the tour, the score, the code and the verify address as text', async () => {
    const { text, view } = await pdfFor('Jürgen Müller');
    expect(view.map(Math.round)).toEqual([0, 0, 842, 595]);
    for (const part of ['重庆工业职业技术学院', 'Chongqing Industry Polytechnic College', 'Jürgen Müller', 'A walk through the Yubei Airport Campus', '5 / 6', 'ABCD-1234', 'https://tour.example.edu/verify/ABCD-1234', '汉语桥团组在线体验平台']) {
      expect(text).toContain(part);
    }
  }, 60_000);

  it.each([
    ['Cyrillic', 'Анна Кузнецова'],
    ['Lao', 'ສົມພອນ'],
    ['Chinese', '王小明'],
  ])('holds a %s name in its text layer', async (_script, name) => {
    const { text } = await pdfFor(name);
    expect(text).toContain(name);
  }, 60_000);

  it('holds an Arabic (Urdu) name in its text layer, in reading order', async () => {
    const { text } = await pdfFor('عائشہ ڈار');
    // pdf.js gives right-to-left text back in logical order, but its spacing heuristics split a
    // joined word and it reads the font's separate dot and mark glyphs as control characters
    // (poppler's pdftotext reads the name exactly): the letters are compared without those.
    const letters = (s: string) => s.replace(/[\s\u0000-\u001f\u200e\u200f\u202a-\u202e]/g, '');
    expect(letters(text)).toContain(letters('عائشہ ڈار'));
  }, 60_000);

  it('refuses to draw a name no font can print rather than leave empty boxes', async () => {
    await expect(pdfFor('ሰላም')).rejects.toThrow(/no font/);
  }, 60_000);
});
