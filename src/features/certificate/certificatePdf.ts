/**
 * The certificate as a PDF: A4 landscape, drawn with pdf-lib, every font embedded as a subset of
 * the characters it draws (so Chinese and the name show in any viewer and the file stays small),
 * and real text (a viewer can search it, copy it, read it aloud). This module and pdf-lib load only
 * when a certificate file is made.
 *
 * Arabic (and Urdu) and Lao names: fontkit's layout joins the Arabic letters and orders them right
 * to left, but pdf-lib writes each glyph at its plain advance and drops the font's mark positioning
 * (GPOS), so dots, hamzas and Lao vowel marks land beside their letters (checked with poppler). For
 * those names the page draws the name line with the browser's own text engine onto a canvas, and
 * the PDF shows that picture with the same name as invisible text over it: the text layer (search,
 * copy, screen readers) still holds the name.
 */
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import { isRightToLeft, splitRuns, type Coverage, type FontId } from '../../certificate/coverage';
import type { CertificateLines } from './certificateText';
import { fontkitForPdfLib } from './fontkitForPdfLib';
import { loadFont } from './fontAssets';

/** A4 landscape in PDF points. */
export const A4 = { width: 841.89, height: 595.28 };
const RED = rgb(0.55, 0.11, 0.09);
const INK = rgb(0.11, 0.11, 0.12);
const SOFT = rgb(0.29, 0.29, 0.31);
const GOLD = rgb(0.95, 0.76, 0.31);

/** Names whose marks need the font's positioning: Arabic script and Lao. */
export const needsNameImage = (name: string) => /[\u0600-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF\u0E80-\u0EFF]/u.test(name);

/** The name line drawn by the browser: a PNG and its size in PDF points. */
export interface NameImage {
  png: Uint8Array;
  width: number;
  height: number;
  /** From the image's bottom edge up to the text's baseline, in points. */
  baseline: number;
}

interface Line {
  text: string;
  size: number;
  color: ReturnType<typeof rgb>;
}

/** The lines from top to bottom, with their sizes; shared with the PNG so both look alike. */
export function layout(lines: CertificateLines): (Line & { gap: number })[] {
  return [
    { text: lines.collegeZh, size: 26, color: RED, gap: 0 },
    { text: lines.collegeEn, size: 15, color: RED, gap: 8 },
    { text: lines.programme, size: 11, color: SOFT, gap: 10 },
    { text: lines.headingZh, size: 30, color: INK, gap: 30 },
    { text: lines.headingEn, size: 16, color: INK, gap: 8 },
    { text: lines.certifies, size: 12, color: SOFT, gap: 26 },
    { text: lines.name, size: 32, color: INK, gap: 22 },
    { text: lines.completed, size: 12, color: SOFT, gap: 18 },
    { text: lines.tourZh, size: 17, color: INK, gap: 10 },
    { text: lines.tourEn, size: 14, color: INK, gap: 6 },
    { text: lines.score, size: 11, color: INK, gap: 20 },
    { text: lines.date, size: 11, color: INK, gap: 6 },
    { text: lines.code, size: 10, color: SOFT, gap: 16 },
    { text: lines.verifyLine, size: 9, color: SOFT, gap: 5 },
  ];
}

function drawLine(page: PDFPage, fonts: Record<FontId, PDFFont>, coverage: Coverage, line: Line, y: number, opacity = 1): number {
  const runs = splitRuns(coverage, line.text);
  if (!runs) throw new Error(`no font for a character of “${line.text}”`);
  // A right-to-left name is laid out from the right: its runs in reverse order (each run's own
  // glyphs are ordered by fontkit's layout).
  const ordered = isRightToLeft(line.text) ? [...runs].reverse() : runs;
  const widths = ordered.map((r) => fonts[r.font].widthOfTextAtSize(r.text, line.size));
  let x = (A4.width - widths.reduce((a, b) => a + b, 0)) / 2;
  const total = widths.reduce((a, b) => a + b, 0);
  ordered.forEach((r, i) => {
    page.drawText(r.text, { x, y, size: line.size, font: fonts[r.font], color: line.color, opacity });
    x += widths[i]!;
  });
  return total;
}

export async function certificatePdf(lines: CertificateLines, coverage: Coverage, nameImage?: NameImage): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkitForPdfLib);
  doc.setTitle(`${lines.headingEn} — ${lines.name}`);
  doc.setAuthor(lines.collegeEn);
  doc.setSubject(`${lines.tourEn} · ${lines.code}`);
  doc.setLanguage('zh-CN');
  const rows = layout(lines);
  const used = new Set<FontId>(rows.flatMap((r) => (splitRuns(coverage, r.text) ?? []).map((run) => run.font)));
  const fonts = {} as Record<FontId, PDFFont>;
  for (const id of used) fonts[id] = await doc.embedFont(await loadFont(id), { subset: true });

  const page = doc.addPage([A4.width, A4.height]);
  const m = 22;
  page.drawRectangle({ x: m, y: m, width: A4.width - 2 * m, height: A4.height - 2 * m, borderColor: RED, borderWidth: 3 });
  page.drawRectangle({ x: m + 7, y: m + 7, width: A4.width - 2 * m - 14, height: A4.height - 2 * m - 14, borderColor: GOLD, borderWidth: 1.5 });

  let y = A4.height - 80;
  for (const row of rows) {
    y -= row.gap;
    if (nameImage && row.text === lines.name) {
      const image = await doc.embedPng(nameImage.png);
      page.drawImage(image, { x: (A4.width - nameImage.width) / 2, y: y - nameImage.baseline, width: nameImage.width, height: nameImage.height });
      // The same name as text, invisible over the picture, for search, copy and screen readers.
      drawLine(page, fonts, coverage, row, y, 0);
    } else {
      drawLine(page, fonts, coverage, row, y);
    }
    y -= row.size;
  }
  const qr = await QRCode.toDataURL(lines.verifyUrl, { margin: 1, width: 240, errorCorrectionLevel: 'M' });
  const image = await doc.embedPng(qr);
  page.drawImage(image, { x: A4.width - m - 20 - 78, y: m + 20, width: 78, height: 78 });
  return doc.save();
}
