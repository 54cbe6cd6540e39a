/**
 * Serves the built app (dist/) through `send` (Express's file sender: Range requests, ETags,
 * conditional requests with weak and listed validators, HEAD). What this module adds is the app's
 * rules: the content types; the brotli or gzip variant written at build time
 * (scripts/precompress.ts), chosen with `negotiator` by the browser's Accept-Encoding (q=0 refuses);
 * hashed files under /assets/ cached for a year, everything else revalidated; app routes (paths
 * without a file extension) answered with index.html so the router takes over; a missing file under
 * /assets/ or /generated/, or any missing path with an extension, a 404.
 */
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, relative, resolve, sep } from 'node:path';
import Negotiator from 'negotiator';
import send from 'send';
import { COMPRESSIBLE } from './precompress';

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

/** Paths under these never fall back to the app: a missing file there is a 404. */
const FILE_AREAS = ['/assets/', '/generated/'];
/** Build-time variants, best first when the browser takes both equally. */
const VARIANTS = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

export const contentType = (path: string): string => TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';

interface Found {
  path: string;
  mtimeMs: number;
}

/**
 * Negotiator's choice among `available`; among codings the browser rates equally, brotli first
 * (Chrome sends `gzip, deflate, br, zstd`, which by order alone would pick gzip). The `preferred`
 * option exists in negotiator 1.x but not in its type definitions.
 */
function preferredEncoding(req: IncomingMessage, available: string[]): string | undefined {
  const negotiator = new Negotiator(req) as unknown as { encoding(available: string[], options: { preferred: string[] }): string | undefined };
  return negotiator.encoding(available, { preferred: ['br', 'gzip', 'identity'] });
}

const text = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache', ...headers }).end(body);
};

export function createStaticHandler(distDir: string): (req: IncomingMessage, res: ServerResponse) => void {
  const root = resolve(distDir);

  async function find(pathname: string): Promise<Found | null> {
    const path = resolve(root, `.${pathname}`);
    if (path !== root && !path.startsWith(root + sep)) return null;
    try {
      const info = await stat(path);
      return info.isFile() ? { path, mtimeMs: info.mtimeMs } : null;
    } catch {
      return null;
    }
  }

  /** The variants on disk for this file, ignoring any older than it (a file edited after the build). */
  async function variantsOf(found: Found): Promise<(typeof VARIANTS)[number][]> {
    if (!COMPRESSIBLE.has(extname(found.path).toLowerCase())) return [];
    const present = await Promise.all(
      VARIANTS.map(async (variant) => {
        try {
          const info = await stat(found.path + variant.suffix);
          return info.isFile() && info.mtimeMs >= found.mtimeMs ? variant : null;
        } catch {
          return null;
        }
      }),
    );
    return present.filter((variant) => variant !== null);
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      text(res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://relay.invalid').pathname);
    } catch {
      text(res, 400, 'Bad request\n');
      return;
    }
    if (pathname.includes('\0')) {
      text(res, 400, 'Bad request\n');
      return;
    }
    let found = pathname.endsWith('/') ? null : await find(pathname);
    const isAppRoute = !found && !FILE_AREAS.some((area) => pathname.startsWith(area)) && extname(pathname) === '';
    if (!found && isAppRoute) found = await find('/index.html');
    if (!found) {
      text(res, 404, 'Not found\n');
      return;
    }
    const variants = await variantsOf(found);
    // Negotiator honours q-values: `br;q=0` or `gzip;q=0` refuse that coding, and `identity` is
    // what is left when nothing else is acceptable.
    const chosen = preferredEncoding(req, [...variants.map((v) => v.encoding), 'identity']);
    const variant = variants.find((v) => v.encoding === chosen);
    const hashed = pathname.startsWith('/assets/') && !isAppRoute;
    res.setHeader('Content-Type', contentType(found.path));
    res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    // Caches must key on Accept-Encoding whenever the answer could depend on it.
    if (variants.length > 0) res.setHeader('Vary', 'Accept-Encoding');
    if (variant) res.setHeader('Content-Encoding', variant.encoding);
    const file = relative(root, found.path + (variant?.suffix ?? '')).split(sep).join('/');
    await new Promise<void>((done) => {
      send(req, `/${file.split('/').map(encodeURIComponent).join('/')}`, { root, cacheControl: false, etag: true, lastModified: true, dotfiles: 'allow' })
        .on('error', (error: { status?: number; headers?: Record<string, string> }) => {
          for (const name of ['Content-Type', 'Content-Encoding', 'Vary', 'Cache-Control']) res.removeHeader(name);
          const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
          // e.g. 416 with `Content-Range: bytes */size`, 412 for a failed If-Match
          if (res.headersSent) res.destroy();
          else text(res, status, status === 404 ? 'Not found\n' : status === 500 ? 'Server error\n' : 'Cannot serve this request\n', error.headers ?? {});
          done();
        })
        .on('end', () => done())
        .pipe(res);
      res.once('close', () => done());
    });
  }

  return (req, res) => {
    serve(req, res).catch(() => {
      if (!res.headersSent) text(res, 500, 'Server error\n');
      else res.end();
    });
  };
}
