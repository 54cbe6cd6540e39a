import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLiveServer, type LiveServer } from '../../server/app';
import { MemoryReportStore } from '../../server/reports';
import { TestClient, joinSession, liveUrl, startSession, stopState } from './helpers';

let live: LiveServer;
let store: MemoryReportStore;

beforeAll(async () => {
  store = new MemoryReportStore();
  live = await startLiveServer({ port: 0, distDir: '/nonexistent', dataDir: mkdtempSync(join(tmpdir(), 'reports-data-')), reportStore: store, relay: { parkMs: 0 } });
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

  it('forgets a report 30 days after it was made', async () => {
    const { guide, code, token } = await startSession(liveUrl(live.url));
    const { delegate } = await joinSession(liveUrl(live.url), code);
    guide.send({ type: 'end' });
    await guide.next('ended');
    expect((await get(`/api/live/sessions/${code}/report.json`, token)).status).toBe(200);
    await store.sweep(Date.now() + 31 * 24 * 3600_000);
    expect((await get(`/api/live/sessions/${code}/report.json`, token)).status).toBe(404);
    delegate.close();
    guide.close();
  });
});
