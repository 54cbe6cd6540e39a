/**
 * The certificate as a picture (PNG), drawn on a canvas with the same lines and the same fonts as
 * the PDF: the browser shapes and orders every script itself (Arabic joined, right to left).
 */
import QRCode from 'qrcode';
import { isRightToLeft } from '../../certificate/coverage';
import type { CertificateLines } from './certificateText';
import { A4, layout, type NameImage } from './certificatePdf';
import { FAMILY_STACK, loadFontFaces } from './fontAssets';

/** Pixels per PDF point: 1754 × 1240, A4 at 150 dpi. */
const SCALE = 150 / 72;

export async function certificatePng(lines: CertificateLines): Promise<Blob> {
  await loadFontFaces();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(A4.width * SCALE);
  canvas.height = Math.round(A4.height * SCALE);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.scale(SCALE, SCALE);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, A4.width, A4.height);
  const m = 22;
  ctx.strokeStyle = '#8c1d18';
  ctx.lineWidth = 3;
  ctx.strokeRect(m, m, A4.width - 2 * m, A4.height - 2 * m);
  ctx.strokeStyle = '#f2c14e';
  ctx.lineWidth = 1.5;
  ctx.strokeRect(m + 7, m + 7, A4.width - 2 * m - 14, A4.height - 2 * m - 14);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  // The PDF's y runs up from the bottom; the canvas's runs down from the top.
  let y = 80;
  for (const row of layout(lines)) {
    y += row.gap + row.size;
    const [r, g, b] = [row.color.red, row.color.green, row.color.blue].map((v) => Math.round(v * 255));
    ctx.fillStyle = `rgb(${r} ${g} ${b})`;
    ctx.font = `${row.size}px ${FAMILY_STACK}`;
    ctx.direction = isRightToLeft(row.text) ? 'rtl' : 'ltr';
    ctx.fillText(row.text, A4.width / 2, y);
  }
  const qr = new Image();
  qr.src = await QRCode.toDataURL(lines.verifyUrl, { margin: 1, width: 240, errorCorrectionLevel: 'M' });
  await qr.decode();
  ctx.drawImage(qr, A4.width - m - 20 - 78, A4.height - m - 20 - 78, 78, 78);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob gave nothing'))), 'image/png'));
}

/** How much finer than a PDF point the name's picture is drawn: sharp when printed. */
const NAME_SCALE = 6;

/** The name line as the browser draws it (shaped, marks placed, right to left), for the PDF. */
export async function nameImage(name: string, size: number): Promise<NameImage> {
  await loadFontFaces();
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  const font = `${size * NAME_SCALE}px ${FAMILY_STACK}`;
  ctx.font = font;
  ctx.direction = isRightToLeft(name) ? 'rtl' : 'ltr';
  const m = ctx.measureText(name);
  const ascent = Math.ceil(m.actualBoundingBoxAscent) + 4 * NAME_SCALE;
  const descent = Math.ceil(m.actualBoundingBoxDescent) + 4 * NAME_SCALE;
  canvas.width = Math.ceil(m.width) + 8 * NAME_SCALE;
  canvas.height = ascent + descent;
  ctx.font = font;
  ctx.direction = isRightToLeft(name) ? 'rtl' : 'ltr';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = '#1c1c1f';
  ctx.fillText(name, canvas.width / 2, ascent);
  const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob gave nothing'))), 'image/png'));
  return { png: new Uint8Array(await blob.arrayBuffer()), width: canvas.width / NAME_SCALE, height: canvas.height / NAME_SCALE, baseline: descent / NAME_SCALE };
}
