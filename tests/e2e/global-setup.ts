/**
 * Serves the built app (dist/, built by `npm run test:e2e` before this runs) for the browser tests
 * with the project's own server — the one `npm start` runs, live relay included. It runs in this
 * process, so it always stops with the tests. E2E_DIST names another build folder (e.g. one built
 * with `vite build --outDir`), so parallel work does not share dist/.
 */
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startLiveServer } from '../../server/app';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const outDir = process.env.E2E_DIST ?? 'dist';
  if (!existsSync(`${outDir}/index.html`)) throw new Error(`${outDir}/ is missing: run \`npm run build\` first (npm run test:e2e does)`);
  const server = await startLiveServer({ host: '127.0.0.1', port: 0, distDir: outDir });
  project.provide('baseUrl', server.url.replace(/\/$/, ''));
  return async () => {
    await server.close();
  };
}
