/**
 * Serves the built app (dist/): files with their content type; hashed files under /assets/ cached
 * for a year, everything else revalidated (ETag); text compressed with gzip when the browser takes
 * it; app routes (paths without a file extension) answered with index.html so the router takes
 * over; a missing file under /assets/ or /generated/, or any missing path with an extension, a 404.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.glb': 'model/gltf-binary',
  '.gltf': 'model/gltf+json',
  '.ktx2': 'image/ktx2',
  '.bin': 'application/octet-stream',
  '.mp3': 'audio/mpeg',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.pdf': 'application/pdf',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.map', '.txt', '.xml', '.svg', '.gltf']);
const MAX_COMPRESSED_FILE = 4 * 1024 * 1024;
/** Paths under these never fall back to the app: a missing file there is a 404. */
const FILE_AREAS = ['/assets/', '/generated/'];

export const contentType = (path: string): string => TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';

interface Found {
  path: string;
  size: number;
  mtimeMs: number;
}

export function createStaticHandler(distDir: string): (req: IncomingMessage, res: ServerResponse) => void {
  const root = resolve(distDir);
  const gzipCache = new Map<string, { key: string; body: Buffer }>();

  async function find(pathname: string): Promise<Found | null> {
    const path = resolve(root, `.${pathname}`);
    if (path !== root && !path.startsWith(root + sep)) return null;
    try {
      const info = await stat(path);
      return info.isFile() ? { path, size: info.size, mtimeMs: info.mtimeMs } : null;
    } catch {
      return null;
    }
  }

  async function gzipped(found: Found): Promise<Buffer> {
    const key = `${found.size}-${found.mtimeMs}`;
    const cached = gzipCache.get(found.path);
    if (cached?.key === key) return cached.body;
    const body = gzipSync(await readFile(found.path), { level: 6 });
    gzipCache.set(found.path, { key, body });
    return body;
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed\n');
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://relay.invalid').pathname);
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request\n');
      return;
    }
    if (pathname.includes('\0')) {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request\n');
      return;
    }
    let found = pathname.endsWith('/') ? null : await find(pathname);
    const isAppRoute = !found && !FILE_AREAS.some((area) => pathname.startsWith(area)) && extname(pathname) === '';
    if (!found && isAppRoute) found = await find('/index.html');
    if (!found) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' }).end('Not found\n');
      return;
    }
    const ext = extname(found.path).toLowerCase();
    const hashed = pathname.startsWith('/assets/') && !isAppRoute;
    const etag = `"${found.size.toString(36)}-${Math.floor(found.mtimeMs).toString(36)}"`;
    const headers: Record<string, string> = {
      'Content-Type': contentType(found.path),
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      ETag: etag,
      'Last-Modified': new Date(found.mtimeMs).toUTCString(),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers).end();
      return;
    }
    const compress = COMPRESSIBLE.has(ext) && found.size <= MAX_COMPRESSED_FILE && found.size > 512;
    if (compress) headers.Vary = 'Accept-Encoding';
    if (compress && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      const body = await gzipped(found);
      res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': String(body.length) });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Length': String(found.size) });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(found.path);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  return (req, res) => {
    serve(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end();
    });
  };
}
