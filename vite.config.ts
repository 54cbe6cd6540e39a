/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readContentFiles, readModelFiles, validateContentAt } from './lib/content';
import { precompressDir } from './server/precompress';
import { formatIssue } from './src/content/validate';
import { validateCampusModels } from './src/content/validateModels';

const root = import.meta.dirname;

/**
 * Bundles the content store as `virtual:content`, checked, and refuses to build invalid content:
 * the same check as `npm run content:check`, so a broken file never reaches visitors.
 */
function contentStore(): Plugin {
  const id = 'virtual:content';
  const resolved = `\0${id}`;
  return {
    name: 'content-store',
    resolveId: (source) => (source === id ? resolved : undefined),
    load(loadId) {
      if (loadId !== resolved) return undefined;
      const files = readContentFiles(root);
      for (const file of Object.keys(files)) this.addWatchFile(`${root}/${file}`);
      const result = validateContentAt(root, files);
      const models = readModelFiles(root);
      for (const file of Object.keys(models)) this.addWatchFile(`${root}/${file}`);
      // The campus models are bundled apart (src/content/campusModels.ts), but checked here too.
      const issues = result.ok ? validateCampusModels(models, result.content).issues : result.issues;
      if (issues.length > 0 && process.env.CONTENT_CHECK !== 'off') {
        this.error(`Invalid content:\n${issues.map(formatIssue).join('\n')}`);
      }
      // Checked content goes out as it is, so the app needs no validator (nor zod) to start. Only a
      // build told to skip the check gets the raw files, for the app to check and explain.
      if (result.ok && issues.length === 0) return `export const content = ${JSON.stringify(result.content)};\nexport const files = null;`;
      return `export const content = null;\nexport const files = ${JSON.stringify(files)};`;
    },
  };
}

/**
 * Writes brotli and gzip variants of the built text files (server/precompress.ts), which the
 * server sends as they are: compressed once at the best level instead of on every request.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async closeBundle() {
      if (this.environment.config.build.ssr) return;
      const result = await precompressDir(outDir);
      this.info(`precompressed ${result.files} files: ${(result.bytes / 1024).toFixed(0)} KB → brotli ${(result.brotliBytes / 1024).toFixed(0)} KB, gzip ${(result.gzipBytes / 1024).toFixed(0)} KB`);
    },
  };
}

export default defineConfig({
  plugins: [react(), contentStore(), precompress()],
  build: {
    target: 'es2022',
    rolldownOptions: {
      output: {
        codeSplitting: {
          // three.js and R3F only load where a 3D view is on screen. React and zustand, which R3F
          // also uses, get their own chunk first, or they would be pulled into the 3D one.
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|zustand|use-sync-external-store)[\\/]/, priority: 20 },
            { name: 'three', test: /node_modules[\\/](three|@react-three)[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false },
  // In development the live relay runs apart (`npm run serve`); the dev server passes /live to it.
  server: { host: '127.0.0.1', proxy: { '/live': { target: 'ws://127.0.0.1:4173', ws: true } } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/unit/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          setupFiles: ['tests/e2e/page-errors.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          // The live relay (server/): real sockets on 127.0.0.1, spawned relays and redis-server.
          name: 'server',
          environment: 'node',
          include: ['tests/server/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
