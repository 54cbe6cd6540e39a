// @vitest-environment node
/**
 * The store handle the browser tests drive (window.__visitStore) is only in builds made with
 * VITE_TEST_HOOKS=1 (`npm run test:e2e`, which uses it through tests/e2e/browser.ts `visitState`):
 * the build a visitor gets (`npm start`, `npm run build`) does not have it.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from 'vite';

const outDirs: string[] = [];
afterAll(() => {
  for (const dir of outDirs) rmSync(dir, { recursive: true, force: true });
});

/** The app's JavaScript, built for production with or without test hooks. */
async function builtScripts(testHooks: boolean): Promise<string> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'hooks-build-'));
  outDirs.push(outDir);
  const saved = process.env.VITE_TEST_HOOKS;
  if (testHooks) process.env.VITE_TEST_HOOKS = '1';
  else delete process.env.VITE_TEST_HOOKS;
  try {
    await build({ root: process.cwd(), mode: 'production', logLevel: 'silent', publicDir: false, build: { outDir, emptyOutDir: true } });
  } finally {
    if (saved === undefined) delete process.env.VITE_TEST_HOOKS;
    else process.env.VITE_TEST_HOOKS = saved;
  }
  const assets = path.join(outDir, 'assets');
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(path.join(assets, f), 'utf8'))
    .join('\n');
}

describe('the store handle for tests', () => {
  it('is in a build with test hooks, and not in the production build', async () => {
    expect(await builtScripts(true)).toContain('__visitStore');
    expect(await builtScripts(false)).not.toContain('__visitStore');
  }, 240_000);
});
