/**
 * The certificate's fonts: which names they can print. The coverage is read from the subsets the
 * build makes (lib/certificateFonts.ts; made here when missing or stale, a few seconds).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCertificateFonts } from '../../../lib/certificateFonts';
import { isRightToLeft, splitRuns, uncovered, type Coverage } from '../../../src/certificate/coverage';

let coverage: Coverage;
beforeAll(async () => {
  await buildCertificateFonts(process.cwd());
  coverage = JSON.parse(readFileSync(path.join(process.cwd(), 'public/generated/fonts/coverage.json'), 'utf8')) as Coverage;
}, 120_000);

describe('names the certificate can print', () => {
  it.each([
    ['German (Latin)', 'Jürgen Müller-Weiß'],
    ['Russian (Cyrillic)', 'Анна Сергеевна Кузнецова'],
    ['Saudi Arabia (Arabic)', 'محمد بن عبد الله'],
    ['Pakistan (Urdu)', 'عائشہ ڈار'],
    ['Laos (Lao)', 'ສົມພອນ ແກ້ວມະນີ'],
    ['China (Chinese)', '王小明'],
    ['a two-character Chinese surname', '欧阳娜娜'],
  ])('prints a name from %s', (_where, name) => {
    expect(uncovered(coverage, name)).toEqual([]);
    expect(splitRuns(coverage, name)).not.toBeNull();
  });

  it.each([
    ['Ethiopic', 'ሰላም ተስፋዬ', ['ሰ', 'ላ', 'ም', 'ተ', 'ስ', 'ፋ', 'ዬ']],
    ['Tamil', 'முருகன்', ['ம', 'ு', 'ர', 'க', 'ன', '்']],
    ['an emoji', 'Anna 🐼', ['🐼']],
    // The Chinese font holds the 6,763 characters of GB 2312 and those of the content: rarer ones are refused, not boxed.
    ['a Chinese character outside GB 2312', '欧阳翀', ['翀']],
  ])('refuses %s, naming the characters it cannot print', (_what, name, missing) => {
    expect(uncovered(coverage, name)).toEqual(missing);
    expect(splitRuns(coverage, name)).toBeNull();
  });

  it('keeps an Arabic name with its spaces as one right-to-left run, so it is shaped as a whole', () => {
    expect(splitRuns(coverage, 'محمد بن عبد الله')).toEqual([{ font: 'arabic', text: 'محمد بن عبد الله' }]);
    expect(isRightToLeft('عائشہ ڈار')).toBe(true);
    expect(isRightToLeft('Анна')).toBe(false);
  });

  it('draws the college\'s Chinese name with the Chinese font', () => {
    expect(splitRuns(coverage, '重庆工业职业技术学院')).toEqual([{ font: 'han', text: '重庆工业职业技术学院' }]);
  });
});
