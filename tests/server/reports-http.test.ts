import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLiveServer, type LiveServer } from '../../server/app';
import { liveReports } from '../../server/db/liveReports';
import { openDatabase } from '../../server/db/open';
import { databaseReportStore } from '../../server/reportsDb';
import { buildReport } from '../../server/sessionReport';
import { ClassState } from '../../server/classState';
import { TestClient, liveUrl, startSession, stopState } from './helpers';

let live: LiveServer;

beforeAll(async () => {
  // The server's own store: the database (SQLite in the data directory).
  live = await startLiveServer({ port: 0, distDir: '/nonexistent', dataDir: mkdtempSync(join(tmpdir(), 'reports-data-')), relay: { parkMs: 0 } });
});
afterAll(async () => {
  await live?.close();
});

const get = (path: string, token?: string) => fetch(`${live.url}${path}`, token ? { headers: { Authorization: `Bearer ${token}` } } : {});

describe('session reports over HTTP', () => {
  it('gives the guide holding the token the report of a live session and of an ended one, as CSV and JSON; nobody else', async () => {
    const url = liveUrl(live.url);
    const { guide, code, token } = await startSession(url);
    guide.send({ type: 'state', rev: 1, state: stopState('library') });
    const delegate = await TestClient.connect(url);
    delegate.send({ type: 'join', code, lang: 'zh', following: true, name: '张伟, "小张"' });
    await delegate.next('joined');
    guide.send({ type: 'poll-open', source: { kind: 'content', tourId: 'campus-walk', step: 0, questionId: 'q' }, options: 2, multiple: false, correct: [0] });
    const poll = (await delegate.next('poll')).poll?.id ?? 0;
    delegate.send({ type: 'answer', poll, choices: [0] });
    await delegate.next('answered');

    // Live: made from the log now.
    const json = await get(`/api/live/sessions/${code}/report.json`, token);
    expect(json.status).toBe(200);
    expect(json.headers.get('cache-control')).toBe('no-store');
    const report = (await json.json()) as { ended: boolean; delegates: Array<{ name: string; lang: string }>; polls: Array<{ zh: { total: number } }>; stops: Array<{ stop: { stopId: string } }> };
    expect(report.ended).toBe(false);
    expect(report.delegates).toMatchObject([{ name: '张伟, "小张"', lang: 'zh' }]);
    expect(report.polls[0]?.zh.total).toBe(1);
    expect(report.stops.map((s) => s.stop.stopId)).toEqual(['library']);

    // No token, a malformed one, another session's: nothing, and no hint the code exists.
    expect((await get(`/api/live/sessions/${code}/report.csv`)).status).toBe(401);
    expect((await get(`/api/live/sessions/${code}/report.csv`, 'not a token')).status).toBe(401);
    const other = await startSession(url);
    const wrong = await get(`/api/live/sessions/${code}/report.csv`, other.token);
    expect(wrong.status).toBe(404);
    expect((await get('/api/live/sessions/ZZZZZZ/report.csv', token)).status).toBe(404);
    expect((await fetch(`${live.url}/api/live/sessions/${code}/report.csv?token=${token}`)).status).toBe(401);

    // Ended: kept, and still there for its token.
    guide.send({ type: 'end' });
    await guide.next('ended');
    const csv = await get(`/api/live/sessions/${code}/report.csv`, token);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="live-report-${code.slice(0, 3)}-${code.slice(3)}.csv"`);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('"张伟, ""小张"""');

    // The guide's list, with several tokens at once (the browser may hold more than one).
    const list = await get('/api/live/reports', `${token}, ${other.token}`);
    expect(list.status).toBe(200);
    const body = (await list.json()) as { reports: Array<{ code: string; ended: boolean; delegates: number; polls: number }> };
    expect(body.reports).toContainEqual(expect.objectContaining({ code, ended: true, delegates: 1, polls: 1 }));
    expect((await get('/api/live/reports', other.token)).status).toBe(200);
    expect(((await (await get('/api/live/reports', other.token)).json()) as { reports: Array<{ code: string }> }).reports.map((r) => r.code)).not.toContain(code);
    expect((await fetch(`${live.url}/api/live/reports`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } })).status).toBe(405);
    other.guide.close();
    delegate.close();
    guide.close();
  });

  it('keeps a report in the database 30 days, found by code and token only', async () => {
    const database = await openDatabase({ databaseUrl: null, dataDir: mkdtempSync(join(tmpdir(), 'reports-db-')) });
    try {
      const store = databaseReportStore(liveReports(database.db));
      const now = Date.now();
      const report = buildReport(new ClassState(), { code: 'K7QX2M', madeAt: now, ended: true });
      await store.save({ code: 'K7QX2M', tokenHash: 'a'.repeat(64), createdAt: now, expiresAt: now + 30 * 24 * 3600_000, report });
      expect((await store.get('K7QX2M', 'a'.repeat(64), now))?.report).toEqual(report);
      expect(await store.get('K7QX2M', 'b'.repeat(64), now)).toBeNull();
      expect(await store.get('ABCDEF', 'a'.repeat(64), now)).toBeNull();
      expect((await store.list(['a'.repeat(64), 'b'.repeat(64)], now)).map((entry) => entry.code)).toEqual(['K7QX2M']);
      await store.sweep(now + 31 * 24 * 3600_000);
      expect(await store.get('K7QX2M', 'a'.repeat(64), now)).toBeNull();
    } finally {
      await database.close();
    }
  });
});
