/**
 * Serves the built app (dist/, built by `npm run test:e2e` before this runs) for the browser tests.
 * The server runs in this process, so it always stops with the tests. E2E_DIST names another
 * build folder (e.g. one built with `vite build --outDir`), so parallel work does not share dist/.
 */
import { existsSync } from 'node:fs';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const outDir = process.env.E2E_DIST ?? 'dist';
  if (!existsSync(`${outDir}/index.html`)) throw new Error(`${outDir}/ is missing: run \`npm run build\` first (npm run test:e2e does)`);
  const server = await preview({
    build: { outDir },
    preview: { host: '127.0.0.1', port: 4390, strictPort: false, open: false },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server did not report its URL');
  project.provide('baseUrl', url.replace(/\/$/, ''));
  return async () => {
    await server.close();
  };
}
