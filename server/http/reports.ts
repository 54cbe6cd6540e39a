/**
 * The session reports over HTTP, for the guide who holds the session's token — sent in the
 * Authorization header (`Bearer <token>`), never in the URL, where logs and browser history would
 * keep it:
 *
 *   GET /api/live/sessions/:code/report.csv   the report as CSV (UTF-8 with BOM), as a download
 *   GET /api/live/sessions/:code/report.json  the report as JSON (also …/report)
 *   GET /api/live/reports                     the token holder's kept reports (`Bearer t1, t2, …`:
 *                                             a guide's browser may hold several sessions' tokens)
 *
 * A live session's report is made from its log at that moment (and kept); an ended one's comes
 * from the store. A wrong token and an unknown code look the same (404): the answer tells nothing
 * about which codes exist.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CODE_PATTERN, CREDENTIAL_PATTERN, formatCode, normalizeCode } from '../../src/live/protocol';
import { listing, type ReportStore } from '../reports';
import type { SessionReport } from '../sessionReport';
import { reportCsv } from '../sessionReport';
import { hashToken } from '../token';

/** Tokens one list request may carry. */
export const LIST_TOKENS_MAX = 50;

export interface ReportsApi {
  store: ReportStore;
  /** The live session's report for this token; null when not live; 'forbidden' for another token. */
  liveReport(code: string, token: string): Promise<SessionReport | 'forbidden' | null>;
  now(): number;
}

const REPORT_PATH = /^\/api\/live\/sessions\/([^/]+)\/report(\.csv|\.json)?$/;
const LIST_PATH = '/api/live/reports';

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(`${JSON.stringify(body)}\n`);
}

/** The bearer tokens of the Authorization header, or null when it has none well formed. */
function bearerTokens(req: IncomingMessage, max: number): string[] | null {
  const value = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization ?? ''))?.[1];
  if (!value) return null;
  const tokens = value.split(/[\s,]+/).filter(Boolean);
  if (tokens.length === 0 || tokens.length > max || !tokens.every((token) => CREDENTIAL_PATTERN.test(token))) return null;
  return tokens;
}

function unauthorized(res: ServerResponse): void {
  res.setHeader('WWW-Authenticate', 'Bearer');
  json(res, 401, { error: 'unauthorized', message: 'send the session token as Authorization: Bearer <token>' });
}

async function serveReport(req: IncomingMessage, res: ServerResponse, api: ReportsApi, rawCode: string, format: 'csv' | 'json'): Promise<void> {
  const tokens = bearerTokens(req, 1);
  const token = tokens?.[0];
  if (!token) {
    unauthorized(res);
    return;
  }
  const code = normalizeCode(decodeURIComponent(rawCode));
  let report: SessionReport | null = null;
  if (CODE_PATTERN.test(code)) {
    const live = await api.liveReport(code, token);
    if (live && live !== 'forbidden') report = live;
    else report = (await api.store.get(code, hashToken(token), api.now()))?.report ?? null;
  }
  if (!report) {
    json(res, 404, { error: 'not-found', message: 'no report for this session and token' });
    return;
  }
  const name = `live-report-${formatCode(code)}`;
  if (format === 'csv') {
    res
      .writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.csv"`, 'Cache-Control': 'no-store' })
      .end(reportCsv(report));
    return;
  }
  res.setHeader('Content-Disposition', `attachment; filename="${name}.json"`);
  json(res, 200, report);
}

async function serveList(req: IncomingMessage, res: ServerResponse, api: ReportsApi): Promise<void> {
  const tokens = bearerTokens(req, LIST_TOKENS_MAX);
  if (!tokens) {
    unauthorized(res);
    return;
  }
  const entries = await api.store.list(tokens.map(hashToken), api.now());
  json(res, 200, { reports: entries.map(listing) });
}

/** Answers the report paths; false for any other request. */
export function handleReports(req: IncomingMessage, res: ServerResponse, api: ReportsApi, onError: (error: unknown) => void): boolean {
  const path = (req.url ?? '').split('?')[0] ?? '';
  const match = REPORT_PATH.exec(path);
  if (!match && path !== LIST_PATH) return false;
  if (req.method !== 'GET') {
    res.setHeader('Allow', 'GET');
    json(res, 405, { error: 'method-not-allowed' });
    return true;
  }
  const served = match ? serveReport(req, res, api, match[1] ?? '', match[2] === '.csv' ? 'csv' : 'json') : serveList(req, res, api);
  served.catch((error: unknown) => {
    onError(error);
    if (!res.headersSent) json(res, 503, { error: 'unavailable' });
  });
  return true;
}
