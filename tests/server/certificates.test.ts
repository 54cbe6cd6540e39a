/**
 * The quiz and certificate API on both database engines: the server scores the answers itself,
 * issues certificates only for passed attempts, and confirms a code only for what it issued —
 * a changed code or a changed stored field is not confirmed. The key survives a restart.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startLiveServer, type LiveServer, type LiveServerOptions } from '../../server/app';
import { certificateCode, formatCode, normalizeCode, verifyCode, type CertificateFields } from '../../server/certificates/code';
import { CERT_SECRET_FILE_NAME } from '../../server/certificates/secret';
import { loadTours } from '../../server/certificates/tours';
import { NAME_MESSAGES } from '../../src/certificate/name';
import { ENGINES, freshDatabase, stopDatabases } from './databases';

const liveSecret = randomBytes(32);
const servers: LiveServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.close();
  await stopDatabases();
});

async function start(options: Partial<LiveServerOptions>): Promise<LiveServer> {
  const server = await startLiveServer({ port: 0, distDir: 'tests/fixtures/no-dist', secret: liveSecret, ...options });
  servers.push(server);
  return server;
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

function call(url: string, method: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((done, fail) => {
    const req = request(url, { method, headers: { ...(text === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers } }, (res) => {
      let data = '';
      res.on('data', (chunk) => (data += String(chunk)));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: data ? (JSON.parse(data) as Record<string, unknown>) : {} }));
    });
    req.on('error', fail);
    req.end(text);
  });
}

const TOUR = 'college-in-10-stops';
const tour = loadTours().get(TOUR);
if (!tour?.quiz) throw new Error(`${TOUR} has no quiz`);
const questions = tour.quiz.questions;
const rightAnswers = Object.fromEntries(questions.map((q) => [q.id, q.answer]));
/** Right answers to the first `n` questions, wrong ones to the rest. */
function answersWith(n: number): Record<string, number | boolean> {
  return Object.fromEntries(questions.map((q, i) => [q.id, i < n ? q.answer : q.kind === 'choice' ? (q.answer + 1) % q.options.length : !q.answer]));
}
const passing = Math.ceil(questions.length * 0.6);

describe.each(ENGINES)('quiz attempts and certificates on %s', (engine) => {
  let server: LiveServer;
  const certSecret = randomBytes(32);
  const url = (path: string) => `${server.url}${path}`;
  const attempt = (answers: unknown) => call(url(`/api/quiz/${TOUR}/attempts`), 'POST', { answers });

  it('starts', async () => {
    server = await start({ ...(await freshDatabase(engine)), certSecret });
  });

  it('scores an attempt itself and stores it; the client cannot claim a pass', async () => {
    const all = await attempt(rightAnswers);
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ correct: questions.length, total: questions.length, percent: 100, passed: true });
    expect(all.body.attemptId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect((all.body.perQuestion as unknown[]).length).toBe(questions.length);

    const failing = await call(url(`/api/quiz/${TOUR}/attempts`), 'POST', { answers: answersWith(passing - 1), passed: true, correct: 8 });
    expect(failing.status).toBe(400); // unknown fields refused
    const low = await attempt(answersWith(passing - 1));
    expect(low.body).toMatchObject({ correct: passing - 1, passed: false });
    const issued = await call(url('/api/certificates'), 'POST', { attemptId: low.body.attemptId, name: 'Anna', lang: 'en' });
    expect(issued).toMatchObject({ status: 409, body: { error: 'not-passed' } });
    expect((issued.body.message as { zh: string }).zh).toContain('60%');
  });

  it('refuses a bad attempt: unknown tour, unknown question, wrong types, not JSON, too large', async () => {
    expect((await call(url('/api/quiz/no-such-tour/attempts'), 'POST', { answers: {} })).body.error).toBe('unknown-tour');
    expect((await attempt({ ...rightAnswers, 'not-a-question': 1 })).body.error).toBe('unknown-question');
    expect((await attempt({ [questions[0]!.id]: 'yes' })).body.error).toBe('bad-answers');
    expect((await call(url(`/api/quiz/${TOUR}/attempts`), 'POST', '{"answers":')).body.error).toBe('bad-json');
    const form = await call(url(`/api/quiz/${TOUR}/attempts`), 'POST', 'answers=1', { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(form).toMatchObject({ status: 415, body: { error: 'not-json' } });
    const big = await call(url(`/api/quiz/${TOUR}/attempts`), 'POST', JSON.stringify({ answers: {}, pad: 'x'.repeat(20_000) }));
    expect(big).toMatchObject({ status: 413, body: { error: 'too-large' } });
    expect((await call(url(`/api/quiz/${TOUR}/attempts`), 'GET')).status).toBe(405);
  });

  it('issues a certificate for a passed attempt, and the code confirms exactly what was issued', async () => {
    const passed = await attempt(answersWith(passing));
    expect(passed.body.passed).toBe(true);
    const issued = await call(url('/api/certificates'), 'POST', { attemptId: passed.body.attemptId, name: '  Анна Иванова ', lang: 'zh' });
    expect(issued.status).toBe(201);
    const code = issued.body.code as string;
    expect(code).toMatch(/^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$/);
    const certificate = issued.body.certificate as Record<string, unknown>;
    expect(certificate).toMatchObject({ name: 'Анна Иванова', tourId: TOUR, score: passing, total: questions.length, percent: Math.round((passing / questions.length) * 100), lang: 'zh' });
    expect(new Date(certificate.issuedAt as string).toISOString()).toBe(certificate.issuedAt);

    expect(await call(url(`/api/certificates/${code}`), 'GET')).toMatchObject({ status: 200, body: { code, certificate } });
    // Typed in lower case without dashes: the same certificate.
    expect((await call(url(`/api/certificates/${code.replace(/-/g, '').toLowerCase()}`), 'GET')).status).toBe(200);

    // The same request again (a retry): the same certificate; another name for that attempt: refused.
    expect(await call(url('/api/certificates'), 'POST', { attemptId: passed.body.attemptId, name: 'Анна Иванова', lang: 'zh' })).toMatchObject({ status: 200, body: { code } });
    expect((await call(url('/api/certificates'), 'POST', { attemptId: passed.body.attemptId, name: 'Someone Else', lang: 'zh' })).body.error).toBe('attempt-used');

    // One character of the code changed: nothing was issued under it.
    const last = code.at(-1) === 'A' ? 'B' : 'A';
    const tampered = `${code.slice(0, -1)}${last}`;
    expect(await call(url(`/api/certificates/${tampered}`), 'GET')).toMatchObject({ status: 404, body: { error: 'not-issued' } });
    expect((await call(url('/api/certificates/%E0%A4%A'), 'GET')).status).toBe(404);

    // A stored field changed behind the server's back: the code no longer matches, not confirmed.
    await server.database.db.updateTable('certificates').set({ score: questions.length, percent: 100 }).where('code', '=', normalizeCode(code) ?? '').execute();
    expect(await call(url(`/api/certificates/${code}`), 'GET')).toMatchObject({ status: 404, body: { error: 'not-issued' } });
  });

  it('refuses unknown attempts and malformed requests', async () => {
    expect(await call(url('/api/certificates'), 'POST', { attemptId: 'AAAAAAAAAAAAAAAAAAAAAA', name: 'Anna', lang: 'en' })).toMatchObject({ status: 404, body: { error: 'unknown-attempt' } });
    expect((await call(url('/api/certificates'), 'POST', { attemptId: 'x', name: 'Anna', lang: 'fr' })).body.error).toBe('bad-request');
    expect((await call(url('/api/nothing'), 'GET')).status).toBe(404);
  });

  it.each([
    ['empty', '   ', 'name-empty'],
    ['too long', 'x'.repeat(81), 'name-too-long'],
    ['a control character', 'Anna\u0007', 'name-control'],
    ['a bidi override', 'Anna\u202E', 'name-bidi'],
    ['an isolate', '\u2066Anna\u2069', 'name-bidi'],
    ['markup', '<img src=x onerror=alert(1)>', 'name-html'],
  ] as const)('refuses a name that is %s with its code and message', async (_what, name, error) => {
    const passed = await attempt(rightAnswers);
    const reply = await call(url('/api/certificates'), 'POST', { attemptId: passed.body.attemptId, name, lang: 'en' });
    expect(reply).toMatchObject({ status: 400, body: { error, message: NAME_MESSAGES[error] } });
  });

  it('answers with a strict CSP and no caching', async () => {
    const reply = await call(url('/api/certificates/AAAA-AAAA-AAAA-AAAA'), 'GET');
    const csp = String(reply.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe');
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
  });
});

describe('the certificate key', () => {
  it('is made once in the data directory (0600) and kept: a certificate verifies after a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cert-key-'));
    const first = await start({ dataDir, databaseUrl: null, certSecret: null });
    const passed = await call(`${first.url}/api/quiz/${TOUR}/attempts`, 'POST', { answers: rightAnswers });
    const issued = await call(`${first.url}/api/certificates`, 'POST', { attemptId: passed.body.attemptId, name: 'فاطمة', lang: 'en' });
    expect(issued.status).toBe(201);
    await first.close();
    expect(statSync(join(dataDir, CERT_SECRET_FILE_NAME)).mode & 0o777).toBe(0o600);

    const second = await start({ dataDir, databaseUrl: null, certSecret: null });
    expect(await call(`${second.url}/api/certificates/${issued.body.code as string}`, 'GET')).toMatchObject({ status: 200, body: { certificate: { name: 'فاطمة' } } });
  });

  it('must be given (CERT_SECRET) when servers share a PostgreSQL database', async () => {
    await expect(start({ dataDir: mkdtempSync(join(tmpdir(), 'cert-key-')), databaseUrl: 'postgres://127.0.0.1:1/none', certSecret: null })).rejects.toThrow(/CERT_SECRET/);
  });

  it('limits POSTs per address', async () => {
    const server = await start({ dataDir: mkdtempSync(join(tmpdir(), 'cert-limit-')), apiPostLimit: 2 });
    const post = () => call(`${server.url}/api/quiz/${TOUR}/attempts`, 'POST', { answers: {} });
    expect((await post()).status).toBe(200);
    expect((await post()).status).toBe(200);
    const third = await post();
    expect(third).toMatchObject({ status: 429, body: { error: 'too-many' } });
    expect(third.headers['retry-after']).toBeDefined();
  });
});

describe('verification codes', () => {
  const key = randomBytes(32);
  const fields: CertificateFields = { attemptId: 'a1', name: 'Anna', tourId: TOUR, score: 7, total: 8, percent: 88, lang: 'en', issuedAt: '2026-11-30T06:00:00.000Z' };

  it('are 16 base32 characters, shown in groups of four, read back however typed', () => {
    const code = certificateCode(key, fields);
    expect(code).toMatch(/^[A-Z2-7]{16}$/);
    expect(normalizeCode(formatCode(code).toLowerCase())).toBe(code);
    expect(normalizeCode('too-short')).toBeNull();
  });

  it.each(Object.keys(fields) as (keyof CertificateFields)[])('no longer verify when %s is changed', (field) => {
    const code = certificateCode(key, fields);
    expect(verifyCode(key, code, fields)).toBe(true);
    const changed = { ...fields, [field]: typeof fields[field] === 'number' ? (fields[field] as number) + 1 : `${fields[field]}x` };
    expect(verifyCode(key, code, changed)).toBe(false);
    expect(verifyCode(randomBytes(32), code, fields)).toBe(false);
  });
});
