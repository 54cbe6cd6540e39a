import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLiveServer, type LiveServer } from '../../server/app';

const dist = mkdtempSync(join(tmpdir(), 'static-dist-'));
const script = `console.log(${JSON.stringify('live '.repeat(400))});\n`;
mkdirSync(join(dist, 'assets'));
mkdirSync(join(dist, 'generated/pano'), { recursive: true });
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title><div id="root"></div>');
writeFileSync(join(dist, 'assets/index-Bx12abCd.js'), script);
writeFileSync(join(dist, 'assets/index-Bx12abCd.css'), 'body{margin:0}');
writeFileSync(join(dist, 'generated/pano/yubei-gate.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

let live: LiveServer;
beforeAll(async () => {
  live = await startLiveServer({ port: 0, distDir: dist, secret: Buffer.from('x'.repeat(32)) });
});
afterAll(() => live.close());

/** A raw request: the path goes out exactly as written (no client-side normalizing). */
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  const { port } = live;
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('serving the built app', () => {
  it('serves index.html for the root and for every app route, never cached stale', async () => {
    for (const path of ['/', '/en', '/zh/yubei/library?yaw=12&pitch=-3', '/en/live/K7QX2M', '/about']) {
      const reply = await get(path);
      expect(reply.status, path).toBe(200);
      expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(reply.headers['cache-control']).toBe('no-cache');
      expect(reply.body.toString()).toContain('<div id="root">');
    }
  });

  it('serves hashed assets with their type, cached for a year, gzipped when asked', async () => {
    const plain = await get('/assets/index-Bx12abCd.js');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body.toString()).toBe(script);
    const zipped = await get('/assets/index-Bx12abCd.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('Accept-Encoding');
    expect(gunzipSync(zipped.body).toString()).toBe(script);
    expect(zipped.body.length).toBeLessThan(script.length / 4);
    expect((await get('/assets/index-Bx12abCd.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await get('/favicon.svg')).headers['content-type']).toBe('image/svg+xml');
  });

  it('revalidates generated files with an ETag', async () => {
    const first = await get('/generated/pano/yubei-gate.jpg');
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('image/jpeg');
    expect(first.headers['cache-control']).toBe('no-cache');
    expect(first.headers['x-content-type-options']).toBe('nosniff');
    const again = await get('/generated/pano/yubei-gate.jpg', { 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('answers 404 for missing files, never the app', async () => {
    for (const path of ['/assets/missing-123.js', '/generated/pano/nowhere.jpg', '/generated/tiles', '/assets/', '/robots.txt', '/missing.png']) {
      const reply = await get(path);
      expect(reply.status, path).toBe(404);
      expect(reply.body.toString()).not.toContain('<div id="root">');
    }
  });

  it('never serves a file outside dist/', async () => {
    for (const path of ['/../package.json', '/..%2f..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fpackage.json', '/%00']) {
      const reply = await get(path);
      expect(reply.body.toString(), path).not.toMatch(/root:|"devDependencies"/);
      expect([200, 400, 404]).toContain(reply.status);
    }
  });

  it('answers HEAD without a body, other methods with 405, and plain GETs of the relay path with 426', async () => {
    const head = await get('/assets/index-Bx12abCd.js', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(script)));
    expect(head.body.length).toBe(0);
    expect((await get('/', {}, 'POST')).status).toBe(405);
    expect((await get('/live')).status).toBe(426);
  });
});
