// @vitest-environment node
/**
 * The content the app starts with: a build that skipped the content check (CONTENT_CHECK=off, for
 * an editor trying a change) hands the app the raw files, and the app explains what is wrong by
 * file and JSON path instead of starting on broken content.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

const college = JSON.parse(readFileSync('assets/content/college.json', 'utf8'));
college.name.en = ' ';

vi.mock('virtual:content', () => ({
  content: null,
  files: {
    'assets/content/college.json': JSON.stringify(college),
    'assets/content/campuses/yubei.json': readFileSync('assets/content/campuses/yubei.json', 'utf8'),
    'assets/content/campuses/nanchuan.json': readFileSync('assets/content/campuses/nanchuan.json', 'utf8'),
  },
}));

describe('the content the app starts with', () => {
  it('is checked in the app when the build did not check it, and names the file and path of each problem', async () => {
    const { loadBundledContent } = await import('../../../src/content/load');
    const result = await loadBundledContent();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toContainEqual(expect.objectContaining({ file: 'assets/content/college.json', path: '$.name.en' }));
  });
});
