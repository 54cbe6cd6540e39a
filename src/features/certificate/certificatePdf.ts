/**
 * The certificate as a PDF: A4 landscape, drawn with pdf-lib, every font embedded as a subset of
 * the characters it draws (so Chinese and the name show in any viewer and the file stays small),
 * and real text (a viewer can search it, copy it, read it aloud). Arabic names are shaped by
 * fontkit's layout (joined letters, right to left) as pdf-lib writes the glyphs. This module and
 * pdf-lib load only when a certificate file is made.
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
    { text: lines.name, size: 32, color: INK, gap: 14 },
    { text: lines.completed, size: 12, color: SOFT, gap: 14 },
    { text: lines.tourZh, size: 17, color: INK, gap: 10 },
    { text: lines.tourEn, size: 14, color: INK, gap: 6 },
    { text: lines.score, size: 11, color: INK, gap: 20 },
    { text: lines.date, size: 11, color: INK, gap: 6 },
    { text: lines.code, size: 10, color: SOFT, gap: 16 },
    { text: lines.verifyLine, size: 9, color: SOFT, gap: 5 },
  ];
}

function drawLine(page: PDFPage, fonts: Record<FontId, PDFFont>, coverage: Coverage, line: Line, y: number): void {
  const runs = splitRuns(coverage, line.text);
  if (!runs) throw new Error(`no font for a character of “${line.text}”`);
  // A right-to-left name is laid out from the right: its runs in reverse order (each run's own
  // glyphs are ordered by fontkit's layout).
  const ordered = isRightToLeft(line.text) ? [...runs].reverse() : runs;
  const widths = ordered.map((r) => fonts[r.font].widthOfTextAtSize(r.text, line.size));
  let x = (A4.width - widths.reduce((a, b) => a + b, 0)) / 2;
  ordered.forEach((r, i) => {
    page.drawText(r.text, { x, y, size: line.size, font: fonts[r.font], color: line.color });
    x += widths[i]!;
  });
}

export async function certificatePdf(lines: CertificateLines, coverage: Coverage): Promise<Uint8Array> {
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
    drawLine(page, fonts, coverage, row, y);
    y -= row.size;
  }
  const qr = await QRCode.toDataURL(lines.verifyUrl, { margin: 1, width: 240, errorCorrectionLevel: 'M' });
  const image = await doc.embedPng(qr);
  page.drawImage(image, { x: A4.width - m - 20 - 78, y: m + 20, width: 78, height: 78 });
  return doc.save();
}
