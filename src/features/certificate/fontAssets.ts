/**
 * The certificate's fonts, fetched from this app (/generated/fonts, built by `npm run fonts`) only
 * when a certificate is made: the coverage first (to check a name as it is typed), the font files
 * when a file is drawn. Each is fetched once per visit.
 */
import type { Coverage, FontId } from '../../certificate/coverage';

const BASE = '/generated/fonts';
let coverage: Promise<Coverage> | null = null;
const files = new Map<FontId, Promise<ArrayBuffer>>();

export function loadCoverage(): Promise<Coverage> {
  coverage ??= fetch(`${BASE}/coverage.json`).then((r) => {
    if (!r.ok) throw new Error(`coverage.json: HTTP ${r.status}`);
    return r.json() as Promise<Coverage>;
  });
  coverage.catch(() => (coverage = null));
  return coverage;
}

export function loadFont(id: FontId): Promise<ArrayBuffer> {
  let file = files.get(id);
  if (!file) {
    file = fetch(`${BASE}/${id}.ttf`).then((r) => {
      if (!r.ok) throw new Error(`${id}.ttf: HTTP ${r.status}`);
      return r.arrayBuffer();
    });
    file.catch(() => files.delete(id));
    files.set(id, file);
  }
  return file;
}

/** CSS family names of the fonts, for the print view and the PNG's canvas. */
export const FAMILY: Record<FontId, string> = { latin: 'CertNotoSans', arabic: 'CertNotoNaskhArabic', lao: 'CertNotoSansLao', han: 'CertNotoSansSC' };
export const FAMILY_STACK = `${FAMILY.latin}, ${FAMILY.arabic}, ${FAMILY.lao}, ${FAMILY.han}, sans-serif`;

let faces: Promise<void> | null = null;
/** Registers the fonts with the document, so the print view and the canvas draw with the certificate's own fonts. */
export function loadFontFaces(): Promise<void> {
  faces ??= Promise.all(
    (Object.keys(FAMILY) as FontId[]).map(async (id) => {
      const face = new FontFace(FAMILY[id], await loadFont(id));
      document.fonts.add(await face.load());
    }),
  ).then(() => undefined);
  faces.catch(() => (faces = null));
  return faces;
}
