/** JSON over HTTP for the server's small API: a bounded, typed request body and JSON replies. */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface ApiError {
  error: string;
  message: { zh: string; en: string };
}

export function replyJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers }).end(JSON.stringify(body));
}

export const apiError = (error: string, zh: string, en: string): ApiError => ({ error, message: { zh, en } });

export type BodyResult = { ok: true; value: unknown } | { ok: false; status: number; body: ApiError };

/**
 * Reads a JSON body of at most `limit` bytes: 415 unless it is said to be JSON, 413 past the limit
 * (told by Content-Length before reading, or counted while reading), 400 when it does not parse.
 */
export function readJsonBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const type = String(req.headers['content-type'] ?? '');
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    req.resume();
    return Promise.resolve({ ok: false, status: 415, body: apiError('not-json', '请求内容须为 JSON。', 'The request body must be JSON (Content-Type: application/json).') });
  }
  const tooLarge: BodyResult = { ok: false, status: 413, body: apiError('too-large', '请求内容过大。', `The request body is larger than ${limit} bytes.`) };
  if (Number(req.headers['content-length'] ?? 0) > limit) {
    req.resume();
    return Promise.resolve(tooLarge);
  }
  return new Promise((done) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else chunks.push(chunk);
    });
    req.on('error', () => done({ ok: false, status: 400, body: apiError('bad-request', '请求不完整。', 'The request was cut off.') }));
    req.on('end', () => {
      if (over) return done(tooLarge);
      try {
        done({ ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown });
      } catch {
        done({ ok: false, status: 400, body: apiError('bad-json', '请求内容不是有效的 JSON。', 'The request body is not valid JSON.') });
      }
    });
  });
}
