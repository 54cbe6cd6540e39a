/**
 * `npm run build:server`: bundles the server (server/ + src/live/protocol.ts) into
 * build/server/index.js for plain `node`, with the npm packages left as imports. Same code as
 * `tsx server/index.ts`, without tsx's loader thread (about 40 MB of memory).
 */
import { build } from 'vite';

await build({
  configFile: false,
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: 'server/index.ts',
    outDir: 'build/server',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
  },
});
