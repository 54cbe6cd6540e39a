/**
 * The certificate's fonts (`npm run fonts`, part of every build): from the Noto TTFs that npm
 * packages ship, the subsets the certificate page loads into public/generated/fonts/, and
 * coverage.json — the code points each one maps (its cmap, read back from the subset), which the
 * page checks a name against before drawing it, so a script no font holds is refused, never drawn
 * as empty boxes.
 *
 * TrueType, not WOFF2: pdf-lib embeds the file through fontkit, and fontkit's subset of a WOFF2
 * font's transformed glyf table drew nothing (checked). The server sends them brotli-compressed.
 * An unchanged input (same package files, same character list) is not subset again.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';
import subsetFont from 'subset-font';

const VERSION = 1; // bump when the outputs change shape

/** One font of the certificate: the file the page loads, where it comes from, what it keeps. */
export interface CertificateFontSource {
  /** The file's name under /generated/fonts/ and the key in coverage.json. */
  id: 'latin' | 'arabic' | 'lao' | 'han';
  /** The package and the file in it. */
  file: string;
  /** The characters kept: code point ranges, inclusive. */
  ranges: readonly (readonly [number, number])[];
  /** Characters kept besides the ranges (the Chinese font: every character of the content and UI). */
  extra?: (root: string) => string;
}

const BASIC = [[0x20, 0x7e], [0xa0, 0xff], [0x2010, 0x2027], [0x2030, 0x205e]] as const;

/** Every character of the content and the Chinese UI strings, so the certificate's own text is always covered. */
function contentCharacters(root: string): string {
  const files = [path.join(root, 'src/i18n/zh.json'), ...walk(path.join(root, 'assets/content')).filter((f) => f.endsWith('.json'))];
  return [...new Set(files.flatMap((f) => [...readFileSync(f, 'utf8')]))].join('');
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)]));
}

/** The 6,763 Chinese characters of GB 2312 (levels 1 and 2), the set a Chinese name is written in almost always. */
export function gb2312Hanzi(): string {
  const decoder = new TextDecoder('gb2312');
  let out = '';
  for (let lead = 0xb0; lead <= 0xf7; lead++) {
    for (let trail = 0xa1; trail <= 0xfe; trail++) {
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (/^\p{Script=Han}$/u.test(ch)) out += ch;
    }
  }
  return out;
}

export const CERTIFICATE_FONTS: readonly CertificateFontSource[] = [
  // Latin (German and the rest of Europe) and Cyrillic (Russian).
  { id: 'latin', file: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf', ranges: [...BASIC, [0x100, 0x24f], [0x300, 0x36f], [0x370, 0x3ff], [0x400, 0x52f], [0x1e00, 0x1eff], [0x20a0, 0x20bf]] },
  // Arabic with the letters of Urdu (Pakistan), Naskh style.
  { id: 'arabic', file: '@expo-google-fonts/noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf', ranges: [[0x20, 0x20], [0x600, 0x6ff], [0x750, 0x77f], [0xfb50, 0xfdff], [0xfe70, 0xfeff]] },
  { id: 'lao', file: '@expo-google-fonts/noto-sans-lao/400Regular/NotoSansLao_400Regular.ttf', ranges: [[0x20, 0x20], [0xe80, 0xeff]] },
  {
    id: 'han',
    file: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
    ranges: [[0x20, 0x7e], [0x3000, 0x303f], [0xff01, 0xff5e], [0x2014, 0x2026]],
    extra: (root) => gb2312Hanzi() + contentCharacters(root),
  },
];

/** Code points as sorted, merged inclusive ranges: coverage.json stays small. */
export function toRanges(codePoints: Iterable<number>): [number, number][] {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const cp of sorted) {
    const last = out[out.length - 1];
    if (last && cp === last[1] + 1) last[1] = cp;
    else out.push([cp, cp]);
  }
  return out;
}

function wanted(source: CertificateFontSource, root: string): string {
  let text = '';
  for (const [from, to] of source.ranges) for (let cp = from; cp <= to; cp++) text += String.fromCodePoint(cp);
  return text + (source.extra?.(root) ?? '');
}

export interface FontsReport {
  made: string[];
  sizes: Record<string, number>;
}

/** Writes the subsets and coverage.json under `out` (public/generated/fonts). */
export async function buildCertificateFonts(root: string, out = path.join(root, 'public/generated/fonts')): Promise<FontsReport> {
  mkdirSync(out, { recursive: true });
  const require = createRequire(path.join(root, 'package.json'));
  const coverage: Record<string, [number, number][]> = {};
  const made: string[] = [];
  const sizes: Record<string, number> = {};
  for (const source of CERTIFICATE_FONTS) {
    const input = readFileSync(require.resolve(source.file));
    const text = wanted(source, root);
    const key = createHash('sha256').update(String(VERSION)).update(input).update(text).digest('hex');
    const target = path.join(out, `${source.id}.ttf`);
    // The key of what a subset was made from lives outside the served folder.
    const stamp = path.join(root, 'node_modules/.cache/certificate-fonts', `${source.id}.key`);
    mkdirSync(path.dirname(stamp), { recursive: true });
    if (!existsSync(target) || !existsSync(stamp) || readFileSync(stamp, 'utf8') !== key) {
      const subset = await subsetFont(input, text, { targetFormat: 'truetype' });
      writeFileSync(target, subset);
      writeFileSync(stamp, key);
      made.push(source.id);
    }
    const font = fontkit.create(readFileSync(target));
    if (!('characterSet' in font)) throw new Error(`${target} is a font collection, not one font`);
    // Spaces are drawn by every font; a code point counts only when the font has a glyph for it.
    coverage[source.id] = toRanges(font.characterSet.filter((cp) => cp === 0x20 || font.glyphForCodePoint(cp).id !== 0));
    sizes[source.id] = statSync(target).size;
  }
  writeFileSync(path.join(out, 'coverage.json'), JSON.stringify(coverage));
  return { made, sizes };
}
