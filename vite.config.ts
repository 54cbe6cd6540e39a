/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { readContentFiles, readModelFiles, validateContentAt } from './lib/content';
import { checkPinyin } from './lib/checks/pinyin';
import { buildPinyinData, vocabularyChars } from './lib/pinyinData';
import type { Content } from './src/content/schema';
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
      const issues = result.ok ? [...validateCampusModels(models, result.content).issues, ...checkPinyin(result.content)] : result.issues;
      if (issues.length > 0 && process.env.CONTENT_CHECK !== 'off') {
        this.error(`Invalid content:\n${issues.map(formatIssue).join('\n')}`);
      }
      // Checked content goes out as it is, so the app needs no validator (nor zod) to start. Only a
      // build told to skip the check gets the raw files, for the app to check and explain.
      // The vocabulary goes out apart (`virtual:vocabulary`, learnerData below): stop pages load it.
      if (result.ok && issues.length === 0) return `export const content = ${JSON.stringify(withoutVocabulary(result.content))};\nexport const files = null;`;
      return `export const content = null;\nexport const files = ${JSON.stringify(files)};`;
    },
  };
}

/**
 * The content as the app's main bundle carries it: without the vocabulary (its own chunk) and
 * without the pinyin overrides (the build has applied them in `virtual:pinyin`).
 */
function withoutVocabulary(content: Content): Content {
  const lean = { ...content, campuses: content.campuses.map((c) => ({ ...c, stops: c.stops.map(({ vocabulary: _words, ...s }) => s) })) };
  // Override maps are the only objects under a `pinyin` key (a word's pinyin is a string).
  return JSON.parse(JSON.stringify(lean, (key, value: unknown) => (key === 'pinyin' && typeof value === 'object' ? undefined : value))) as Content;
}

/** The checked content, for the learner data; null when invalid (contentStore reports why). */
function checkedContent(): Content | null {
  const result = validateContentAt(root);
  return result.ok ? result.content : null;
}

/** Stroke-order data of one character, as hanzi-writer-data ships it; served at /hanzi/<hex code>.json. */
export const hanziFile = (ch: string) => `hanzi/${ch.codePointAt(0)!.toString(16)}.json`;

/**
 * The learner layer's data, each loaded only where used:
 * - `virtual:pinyin`: every Chinese text's pinyin, read at build time (lib/pinyinData.ts);
 * - `virtual:vocabulary`: each stop's words, by campus and stop id;
 * - /hanzi/*.json: hanzi-writer's stroke data for the characters of the vocabulary only, copied
 *   from hanzi-writer-data into the build (and served from it in development): no CDN.
 */
function learnerData(): Plugin {
  const ids = { pinyin: 'virtual:pinyin', vocabulary: 'virtual:vocabulary' } as const;
  const hanziSource = (ch: string) => `${root}/node_modules/hanzi-writer-data/${ch}.json`;
  return {
    name: 'learner-data',
    resolveId: (source) => (source === ids.pinyin || source === ids.vocabulary ? `\0${source}` : undefined),
    load(loadId) {
      if (loadId !== `\0${ids.pinyin}` && loadId !== `\0${ids.vocabulary}`) return undefined;
      const content = checkedContent();
      if (!content) return 'export default null;';
      for (const file of Object.keys(readContentFiles(root))) this.addWatchFile(`${root}/${file}`);
      if (loadId === `\0${ids.vocabulary}`) {
        const byStop = Object.fromEntries(content.campuses.map((c) => [c.id, Object.fromEntries(c.stops.map((s) => [s.id, s.vocabulary ?? []]))]));
        return `export default ${JSON.stringify(byStop)};`;
      }
      this.addWatchFile(`${root}/src/i18n/zh.json`);
      const zhUi: unknown = JSON.parse(readFileSync(`${root}/src/i18n/zh.json`, 'utf8'));
      return `export default ${JSON.stringify(buildPinyinData(content, zhUi))};`;
    },
    generateBundle() {
      if (this.environment.config.build.ssr) return;
      const content = checkedContent();
      for (const ch of content ? vocabularyChars(content) : []) {
        this.emitFile({ type: 'asset', fileName: hanziFile(ch), source: readFileSync(hanziSource(ch), 'utf8') });
      }
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const match = /^\/hanzi\/([0-9a-f]+)\.json$/.exec(req.url ?? '');
        if (!match) return next();
        try {
          const body = readFileSync(hanziSource(String.fromCodePoint(parseInt(match[1]!, 16))));
          res.setHeader('Content-Type', 'application/json');
          res.end(body);
        } catch {
          res.statusCode = 404;
          res.end();
        }
      });
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
  plugins: [react(), contentStore(), learnerData(), precompress()],
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
