/**
 * Each vocabulary word's HSK 3.0 level, checked against the published lists (lib/wordlists/hsk3-levels.json,
 * Node only: the table is 187 KB and the browser only needs each word's own level, written in the
 * content). A word the lists do not hold is "beyond"; the table's 7 is the 7–9 band, written "7-9".
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Content, HskLevel } from '../../src/content/schema';
import type { ContentIssue } from '../../src/content/issues';
import { campusFile } from '../../src/content/validate';

interface HskTable {
  source: string;
  licence: string;
  /** Simplified word → its lowest level, 1–6, or 7 for the 7–9 band. */
  levels: Record<string, number>;
}

const TABLE_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../wordlists/hsk3-levels.json');
let levels: Readonly<Record<string, number>> | undefined;

/** Read on first use, not imported: vite.config.ts loads lib/ through Node, whose JSON imports need attributes. */
function table(): Readonly<Record<string, number>> {
  levels ??= (JSON.parse(readFileSync(TABLE_FILE, 'utf8')) as HskTable).levels;
  return levels;
}

/** The HSK 3.0 level of a simplified word, as the content writes it. */
export function hskLevelOf(zh: string): HskLevel {
  const level = table()[zh];
  if (level === undefined) return 'beyond';
  if (level >= 7) return '7-9';
  return level as 1 | 2 | 3 | 4 | 5 | 6;
}

const shown = (level: HskLevel) => JSON.stringify(level);

export function checkHsk(content: Content): ContentIssue[] {
  const issues: ContentIssue[] = [];
  for (const campus of content.campuses) {
    campus.stops.forEach((stop, si) => {
      stop.vocabulary?.forEach((word, wi) => {
        const expected = hskLevelOf(word.zh);
        if (word.hsk === expected) return;
        const where = expected === 'beyond' ? 'is in none of the HSK 3.0 lists' : `is HSK 3.0 level ${expected === '7-9' ? '7–9' : expected}`;
        issues.push({
          file: campusFile(campus.id),
          path: `$.stops[${si}].vocabulary[${wi}].hsk`,
          message: `"${word.zh}" ${where}: write ${shown(expected)}, not ${shown(word.hsk)} (lib/wordlists/hsk3-levels.json)`,
        });
      });
    });
  }
  return issues;
}
