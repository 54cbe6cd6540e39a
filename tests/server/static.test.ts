import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLiveServer, type LiveServer } from '../../server/app';
import { precompressDir } from '../../server/precompress';

const dist = mkdtempSync(join(tmpdir(), 'static-dist-'));
const script = `console.log(${JSON.stringify('live '.repeat(400))});\n`;
mkdirSync(join(dist, 'assets'));
mkdirSync(join(dist, 'generated/pano'), { recursive: true });
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title><div id="root"></div>');
writeFileSync(join(dist, 'assets/index-Bx12abCd.js'), script);
writeFileSync(join(dist, 'assets/index-Bx12abCd.css'), 'body{margin:0}');
writeFileSync(join(dist, 'generated/pano/yubei-gate.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
/** A panorama-sized file, to resume from the middle. */
const panorama = Buffer.alloc(1024 * 1024, 7);
panorama.write('middle', 512 * 1024);
writeFileSync(join(dist, 'generated/pano/large.jpg'), panorama);

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

let live: LiveServer;
beforeAll(async () => {
  // As the build does (vite.config.ts): brotli and gzip variants beside the text files.
  await precompressDir(dist);
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

  it('serves hashed assets with their type, cached for a year, brotli or gzip as the browser takes them', async () => {
    const plain = await get('/assets/index-Bx12abCd.js');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
    const br = await get('/assets/index-Bx12abCd.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.body).toString()).toBe(script);
    expect(br.body.length).toBeLessThan(script.length / 4);
    const zipped = await get('/assets/index-Bx12abCd.js', { 'accept-encoding': 'gzip, deflate' });
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

  it('refuses a coding the browser rates q=0, and gives each coding its own ETag', async () => {
    const noGzip = await get('/assets/index-Bx12abCd.js', { 'accept-encoding': 'gzip;q=0, deflate' });
    expect(noGzip.headers['content-encoding']).toBeUndefined();
    expect(noGzip.body.toString()).toBe(script);
    const noBr = await get('/assets/index-Bx12abCd.js', { 'accept-encoding': 'br;q=0, gzip' });
    expect(noBr.headers['content-encoding']).toBe('gzip');
    const plain = await get('/assets/index-Bx12abCd.js');
    const br = await get('/assets/index-Bx12abCd.js', { 'accept-encoding': 'br' });
    const tags = new Set([plain.headers.etag, br.headers.etag, noBr.headers.etag]);
    expect(tags.size).toBe(3);
    // A cache that holds the gzip body must not get a 304 for it when asking for brotli.
    const crossed = await get('/assets/index-Bx12abCd.js', { 'accept-encoding': 'br', 'if-none-match': String(noBr.headers.etag) });
    expect(crossed.status).toBe(200);
    expect(crossed.headers['content-encoding']).toBe('br');
  });

  it('answers 304 to weak and listed validators, as browsers and proxies send them', async () => {
    const first = await get('/', { 'accept-encoding': 'gzip' });
    const etag = String(first.headers.etag);
    const strong = etag.replace(/^W\//, '');
    for (const validator of [etag, `W/${strong}`, strong, `"nope", ${etag}`, '*']) {
      const again = await get('/', { 'accept-encoding': 'gzip', 'if-none-match': validator });
      expect(again.status, validator).toBe(304);
      expect(again.body.length).toBe(0);
    }
    expect((await get('/', { 'accept-encoding': 'gzip', 'if-none-match': '"nope"' })).status).toBe(200);
  });

  it('resumes a panorama from the middle (Range), and says it can', async () => {
    const whole = await get('/generated/pano/large.jpg');
    expect(whole.headers['accept-ranges']).toBe('bytes');
    const start = 512 * 1024;
    const part = await get('/generated/pano/large.jpg', { range: `bytes=${start}-` });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes ${start}-${panorama.length - 1}/${panorama.length}`);
    expect(part.body.equals(panorama.subarray(start))).toBe(true);
    expect(part.body.subarray(0, 6).toString()).toBe('middle');
    const beyond = await get('/generated/pano/large.jpg', { range: `bytes=${panorama.length + 10}-` });
    expect(beyond.status).toBe(416);
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
