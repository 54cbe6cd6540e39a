/**
 * One static server for the three viewers, so they are served alike: keep-alive HTTP/1.1, gzip for
 * text (as a typical host does), images as they are, a day of caching. Nothing comes from the internet:
 *   /                    the app's build (index.html for any path without an extension)
 *   /anchors/*.html      the Pannellum and Photo Sphere Viewer pages (bench/anchors)
 *   /vendor/pannellum/*  node_modules/pannellum/build
 *   /vendor/psv/*        node_modules/@photo-sphere-viewer/core
 *   /vendor/three/*      the three.js build that Photo Sphere Viewer depends on
 *   /master.jpg          the master both anchors are given
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.webmanifest']);

export interface BenchServer {
  url: string;
  close(): Promise<void>;
}

export async function startServer(options: { root: string; appDir: string; master: string }): Promise<BenchServer> {
  const { root, appDir, master } = options;
  const mounts: [string, string][] = [
    ['/anchors/', path.join(root, 'bench', 'anchors')],
    ['/vendor/pannellum/', path.join(root, 'node_modules', 'pannellum', 'build')],
    ['/vendor/psv/', path.join(root, 'node_modules', '@photo-sphere-viewer', 'core')],
    ['/vendor/three/', path.join(root, 'node_modules', '@photo-sphere-viewer', 'core', 'node_modules', 'three', 'build')],
  ];
  const cache = new Map<string, { body: Buffer; gz: Buffer | null }>();

  const resolve = (pathname: string): string | null => {
    if (pathname === '/master.jpg') return master;
    for (const [prefix, dir] of mounts) {
      if (pathname.startsWith(prefix)) return path.join(dir, pathname.slice(prefix.length));
    }
    const file = path.join(appDir, pathname);
    if (existsSync(file) && statSync(file).isFile()) return file;
    return path.extname(pathname) ? null : path.join(appDir, 'index.html');
  };

  const server: Server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = resolve(pathname);
    const inside = file !== null && (file === master || [appDir, ...mounts.map((m) => m[1])].some((dir) => path.resolve(file).startsWith(dir + path.sep)));
    if (!file || !inside || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const ext = path.extname(file);
    let entry = cache.get(file);
    if (!entry) {
      const body = readFileSync(file);
      entry = { body, gz: COMPRESSIBLE.has(ext) ? gzipSync(body, { level: 6 }) : null };
      cache.set(file, entry);
    }
    const gzip = entry.gz && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzip ? entry.gz! : entry.body;
    res.writeHead(200, {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': 'public, max-age=86400',
      ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
