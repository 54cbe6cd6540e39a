/**
 * What the college's IT office relies on: security headers on every answer, health and readiness
 * for the load balancer, metrics for Prometheus kept from visitors, logs that hold what happened
 * and never a secret, and a graceful stop.
 */
import { Writable } from 'node:stream';
import { request } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { startLiveServer, type LiveServer } from '../../server/app';
import { createLogger } from '../../server/observability/logger';
import { TestClient, joinSession, liveUrl, sleep, startRedis, startSession, stopState, until } from './helpers';

const secret = Buffer.from('o'.repeat(32));
const servers: LiveServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

async function start(options: Parameters<typeof startLiveServer>[0] = {}): Promise<LiveServer> {
  const server = await startLiveServer({ port: 0, distDir: 'tests/fixtures/no-dist', secret, ...options });
  servers.push(server);
  return server;
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = request(url, { method, headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += String(chunk)));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

/** A log destination in memory: every JSON line the server writes. */
function memoryLog() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger({ destination, level: 'info' }), lines, text: () => lines.join('\n') };
}

describe('security headers', () => {
  it('come with every answer: pages, health, errors, 404s, refused methods, the relay path', async () => {
    const server = await start();
    const answers = [
      await get(`${server.url}/`),
      await get(`${server.url}/healthz`),
      await get(`${server.url}/readyz`),
      await get(`${server.url}/assets/missing-1.js`),
      await get(`${server.url}/%E0%A4%A`),
      await get(`${server.url}/`, {}, 'DELETE'),
      await get(`${server.url}/live`),
      await get(`${server.url}/metrics`),
    ];
    expect(answers.map((a) => a.status)).toEqual([404, 200, 200, 404, 400, 405, 426, 404]);
    for (const answer of answers) {
      const csp = String(answer.headers['content-security-policy']);
      const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
      expect(directives.get('script-src')).toEqual(["'self'"]);
      expect(directives.get('style-src')).toEqual(["'self'"]);
      expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.get('connect-src')).toContain("'self'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      expect(answer.headers['permissions-policy']).toMatch(/(^|, )fullscreen=\(self\)(,|$)/);
      // The motion sensors behind "Move phone to look" and WebXR ("Enter VR") are this origin's too; nothing else is allowed.
      expect(answer.headers['permissions-policy']).toMatch(/(^|, )xr-spatial-tracking=\(self\)(,|$)/);
      const allowed = ['fullscreen=', 'accelerometer=', 'gyroscope=', 'magnetometer=', 'xr-spatial-tracking='];
      for (const feature of String(answer.headers['permissions-policy']).split(', ')) {
        expect(feature).toMatch(allowed.some((a) => feature.startsWith(a)) ? /=\(self\)$/ : /=\(\)$/);
      }
      expect(answer.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['referrer-policy']).toBe('same-origin');
      expect(answer.headers['x-request-id']).toMatch(/^[\w.:-]{1,64}$/);
    }
  });

  it('let the live relay be reached on the public origin, ws or wss as the page is', async () => {
    const server = await start({ publicOrigins: ['https://tour.example.edu', 'http://10.0.0.5:8080'] });
    const csp = String((await get(`${server.url}/healthz`)).headers['content-security-policy']);
    expect(csp).toContain("connect-src 'self' wss://tour.example.edu ws://10.0.0.5:8080;");
  });
});

describe('health and readiness', () => {
  it('says alive and ready in memory, with the database it uses', async () => {
    const server = await start();
    expect(await get(`${server.url}/healthz`)).toMatchObject({ status: 200, body: '{"status":"ok"}\n' });
    expect(await get(`${server.url}/readyz`)).toMatchObject({ status: 200, body: '{"status":"ready","db":"sqlite"}\n' });
  });

  it('is not ready while the database does not answer, and says why in the log', async () => {
    const log = memoryLog();
    const server = await start({ logger: log.logger });
    await server.database.close();
    expect(await get(`${server.url}/readyz`)).toMatchObject({ status: 503, body: '{"status":"not ready"}\n' });
    expect(log.text()).toContain('the database (sqlite) does not answer');
  });

  it('is not ready while Redis does not answer, and says why in the log only', async () => {
    const redis = await startRedis();
    const log = memoryLog();
    const server = await start({ redisUrl: redis.url, logger: log.logger });
    expect((await get(`${server.url}/readyz`)).status).toBe(200);
    await redis.stop();
    const down = await get(`${server.url}/readyz`);
    expect(down).toMatchObject({ status: 503, body: '{"status":"not ready"}\n' });
    expect((await get(`${server.url}/healthz`)).status).toBe(200);
    expect(log.text()).toContain('"event":"not-ready"');
    expect(log.text()).not.toContain(redis.url);
  });

  it('says 503 on /readyz from the moment a shutdown begins, then tells live clients to go elsewhere (1001)', async () => {
    const server = await start({ shutdownDelayMs: 800 });
    const { guide, code } = await startSession(liveUrl(server.url));
    const { delegate } = await joinSession(liveUrl(server.url), code);
    const stopping = server.shutdown();
    const ready = await get(`${server.url}/readyz`);
    expect(ready).toMatchObject({ status: 503, body: '{"status":"shutting down"}\n' });
    expect((await get(`${server.url}/healthz`)).status).toBe(200);
    expect(await delegate.closed).toEqual({ code: 1001, reason: 'going away' });
    expect((await guide.closed).code).toBe(1001);
    await stopping;
    await expect(get(`${server.url}/healthz`)).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe('metrics', () => {
  it('are served on their own port, never to visitors, with sessions, sockets, messages, refusals and latencies', async () => {
    const server = await start({ metricsPort: 0, relay: { parkMs: 0 } });
    expect(server.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect((await get(`${server.url}/metrics`)).status).toBe(404);
    const { guide, code } = await startSession(liveUrl(server.url));
    const { delegate } = await joinSession(liveUrl(server.url), code);
    guide.send({ type: 'state', rev: 1, state: stopState('library') });
    await delegate.next('snapshot');
    const stranger = await TestClient.connect(liveUrl(server.url));
    stranger.send({ type: 'join', code: code === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA', lang: 'en', following: true });
    await stranger.next('error');
    const scrape = await get(String(server.metricsUrl));
    expect(scrape.status).toBe(200);
    expect(scrape.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const value = (line: RegExp) => Number(new RegExp(`^${line.source} (\\S+)$`, 'm').exec(scrape.body)?.[1]);
    expect(value(/live_sessions/)).toBe(1);
    expect(value(/live_sockets/)).toBe(3);
    expect(value(/live_refusals_total\{reason="bad-code"\}/)).toBe(1);
    expect(value(/live_messages_in_total/)).toBeGreaterThanOrEqual(4);
    expect(value(/live_messages_out_total/)).toBeGreaterThanOrEqual(5);
    expect(value(/live_message_seconds_count\{type="join"\}/)).toBe(2);
    expect(scrape.body).toMatch(/^live_message_seconds_bucket\{le="0\.005",type="state"\} \d+$/m);
    expect(scrape.body).toMatch(/^http_request_seconds_count\{status="404"\} 1$/m);
    expect(scrape.body).not.toContain(code);
  });

  it('are served on the main port only with the metrics token', async () => {
    const token = 'metrics-token-0123456789';
    const server = await start({ metricsToken: token });
    expect((await get(`${server.url}/metrics`)).status).toBe(401);
    expect((await get(`${server.url}/metrics`, { authorization: 'Bearer wrong-token-0123456789' })).status).toBe(401);
    const scrape = await get(`${server.url}/metrics`, { authorization: `Bearer ${token}` });
    expect(scrape.status).toBe(200);
    expect(scrape.body).toContain('# TYPE live_sockets gauge');
  });
});

describe('logs', () => {
  it('record requests, refused joins, floods and limits as JSON — never a token, a join code or a name', async () => {
    const log = memoryLog();
    const server = await start({ logger: log.logger, relay: { joinCodes: 3, parkMs: 0 } });
    const url = liveUrl(server.url);
    const { guide, code, token } = await startSession(url);
    const name = 'Aisha Rahman';
    // A delegate follows; the guide's screen reconnects with its token (as after a reload).
    const { delegate } = await joinSession(url, code, 'zh');
    const again = await TestClient.connect(url);
    again.send({ type: 'resume', code, token });
    await again.next('started');
    again.send({ type: 'state', rev: 1, state: stopState('library') });
    await delegate.next('snapshot');
    // Someone sends a name where none belongs, and the token in a message that is not valid.
    again.sendRaw(JSON.stringify({ v: 1, type: 'join', code, lang: 'en', following: true, name }));
    again.sendRaw(JSON.stringify({ v: 1, type: 'nonsense', token, name }));
    // The link itself, with a name in its query.
    await get(`${server.url}/en/live/${code}?name=${encodeURIComponent(name)}`, { 'x-request-id': 'req-from-proxy-1' });
    // Guessing codes until the limit, then a flood.
    const guesser = await TestClient.connect(url);
    for (const wrong of ['AAAAAA', 'BBBBBB', 'CCCCCC', 'DDDDDD', 'EEEEEE']) {
      guesser.send({ type: 'join', code: wrong === code ? 'FFFFFF' : wrong, lang: 'en', following: true });
      await guesser.next('error');
    }
    const flooder = await TestClient.connect(url);
    for (let i = 0; i < 60; i += 1) flooder.send({ type: 'ping', t: i });
    await flooder.closed;
    // A forged guide message.
    const forger = await TestClient.connect(url);
    forger.send({ type: 'state', rev: 9, state: stopState('gate') });
    await forger.next('error');
    await sleep(100);
    guide.close();
    log.logger.flush();
    await until(() => log.text().includes('"reason":"forbidden"'), 3000, 'the log lines');

    const entries = log.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.every((entry) => typeof entry.time === 'string' && typeof entry.level === 'number')).toBe(true);
    expect(entries).toContainEqual(expect.objectContaining({ event: 'request', id: 'req-from-proxy-1', path: '/en/live/:code', status: 404 }));
    expect(entries).toContainEqual(expect.objectContaining({ event: 'refused', reason: 'bad-code', address: '127.0.0.1' }));
    expect(entries).toContainEqual(expect.objectContaining({ event: 'refused', reason: 'rate-limited' }));
    expect(entries).toContainEqual(expect.objectContaining({ event: 'refused', reason: 'flood' }));
    expect(entries).toContainEqual(expect.objectContaining({ event: 'refused', reason: 'forbidden' }));
    const text = log.text();
    expect(text).not.toContain(token);
    expect(text).not.toContain(code);
    expect(text).not.toContain(name);
    expect(text).not.toContain('Aisha');
  });
});
