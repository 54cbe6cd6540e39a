/**
 * The quiz and certificate API (README "Server database"):
 *
 *   POST /api/quiz/:tourId/attempts   { answers: { [questionId]: number | boolean } }
 *        → 200 { attemptId, correct, total, percent, passed, perQuestion }   scored here, stored
 *   POST /api/certificates            { attemptId, name, lang }
 *        → 201 { code, certificate }  (200 with the same for a retried request)
 *          409 not-passed / attempt-used, 404 unknown-attempt, 400 name-… (src/certificate/name.ts)
 *   GET  /api/certificates/:code      → 200 { code, certificate } or 404 not-issued
 *
 * Every error is `{ error, message: { zh, en } }`. POSTs are JSON only, bounded, and limited per
 * address; the pass that earns a certificate is the server's own scoring, never the client's word.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { checkName } from '../../src/certificate/name';
import { ID_PATTERN, LANGS } from '../../src/content/limits';
import { scoreQuiz } from '../../src/content/quiz';
import type { Tour } from '../../src/content/schema';
import { certificateCode, formatCode, normalizeCode, verifyCode } from '../certificates/code';
import type { Certificates, CertificateRecord } from '../db/certificates';
import { WindowCounter } from '../limits';
import { clientAddress } from '../liveSocket';
import type { Logger } from '../observability/logger';
import { apiError, readJsonBody, replyJson } from './json';

export interface CertificatesApiOptions {
  tours: ReadonlyMap<string, Tour>;
  certificates: Certificates;
  secret: Buffer;
  trustProxy: boolean;
  /** POSTs one address may make in `postWindowMs`: sized for a classroom behind one NAT. */
  postLimit: number;
  postWindowMs: number;
  logger: Logger;
}

export const API_BODY_LIMIT = 16 * 1024;

const attemptBody = z.strictObject({
  answers: z
    .record(z.string().max(64).regex(ID_PATTERN), z.union([z.number().int().min(0).max(99), z.boolean()]))
    .refine((answers) => Object.keys(answers).length <= 50, { message: 'too many answers' }),
});

const certificateBody = z.strictObject({
  attemptId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  // Bounded by the body limit; its rules (and their messages) are checkName's.
  name: z.string(),
  lang: z.enum(LANGS),
});

const ERRORS = {
  badAnswers: apiError('bad-answers', '答案格式不正确。', 'The answers are not in the expected form: { "answers": { "questionId": number | boolean } }.'),
  unknownTour: apiError('unknown-tour', '没有这个导览的测验。', 'There is no quiz for this tour.'),
  unknownQuestion: apiError('unknown-question', '答案中有测验里没有的题目。', 'The answers name a question this quiz does not have.'),
  badCertificate: apiError('bad-request', '请求格式不正确。', 'The request is not in the expected form: { "attemptId", "name", "lang": "zh" | "en" }.'),
  unknownAttempt: apiError('unknown-attempt', '找不到这次测验记录。', 'This quiz attempt is not known.'),
  notPassed: apiError('not-passed', '这次测验没有通过（需要答对60%），不能颁发证书。', 'This quiz attempt did not pass (60 % is needed), so no certificate can be issued.'),
  attemptUsed: apiError('attempt-used', '这次测验已经颁发过证书。', 'A certificate has already been issued for this quiz attempt.'),
  notIssued: apiError('not-issued', '这个验证码下没有颁发过证书。', 'No certificate was issued under this code.'),
  tooMany: apiError('too-many', '请求太频繁，请稍后再试。', 'Too many requests from this address: please try again later.'),
  notFound: apiError('not-found', '没有这个接口。', 'There is no such API path.'),
  method: apiError('method-not-allowed', '不支持这个请求方法。', 'This method is not allowed here.'),
};

const shown = (c: CertificateRecord) => ({
  code: formatCode(c.code),
  certificate: { name: c.name, tourId: c.tourId, score: c.score, total: c.total, percent: c.percent, issuedAt: c.issuedAt, lang: c.lang },
});

const ATTEMPTS = /^\/api\/quiz\/([^/]+)\/attempts$/;
const CERTIFICATE = /^\/api\/certificates\/([^/]+)$/;

/** Returns a handler that answers /api/… requests (true) and leaves the rest (false). */
export function certificatesApi(options: CertificatesApiOptions) {
  const posts = new WindowCounter(options.postLimit, options.postWindowMs);
  const sweep = setInterval(() => posts.sweep(), options.postWindowMs);
  sweep.unref();

  async function attempt(req: IncomingMessage, res: ServerResponse, tourId: string): Promise<void> {
    const body = await readJsonBody(req, API_BODY_LIMIT);
    if (!body.ok) return replyJson(res, body.status, body.body);
    const tour = options.tours.get(tourId);
    if (!tour?.quiz) return replyJson(res, 404, ERRORS.unknownTour);
    const parsed = attemptBody.safeParse(body.value);
    if (!parsed.success) return replyJson(res, 400, ERRORS.badAnswers);
    const answers = parsed.data.answers;
    const ids = new Set(tour.quiz.questions.map((q) => q.id));
    if (Object.keys(answers).some((id) => !ids.has(id))) return replyJson(res, 400, ERRORS.unknownQuestion);
    const score = scoreQuiz(tour, answers);
    const stored = await options.certificates.saveAttempt({ tourId, answers, correct: score.correct, total: score.total, passed: score.passed });
    replyJson(res, 200, { attemptId: stored.id, ...score });
  }

  async function issue(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJsonBody(req, API_BODY_LIMIT);
    if (!body.ok) return replyJson(res, body.status, body.body);
    const parsed = certificateBody.safeParse(body.value);
    if (!parsed.success) return replyJson(res, 400, ERRORS.badCertificate);
    const name = checkName(parsed.data.name);
    if (!name.ok) return replyJson(res, 400, { error: name.error, message: name.message });
    const result = await options.certificates.issue({ attemptId: parsed.data.attemptId, name: name.name, lang: parsed.data.lang }, (fields) => certificateCode(options.secret, fields));
    switch (result.status) {
      case 'issued':
        return replyJson(res, 201, shown(result.certificate));
      case 'existing':
        return replyJson(res, 200, shown(result.certificate));
      case 'unknown-attempt':
        return replyJson(res, 404, ERRORS.unknownAttempt);
      case 'not-passed':
        return replyJson(res, 409, ERRORS.notPassed);
      case 'attempt-used':
        return replyJson(res, 409, ERRORS.attemptUsed);
    }
  }

  async function verify(res: ServerResponse, typed: string): Promise<void> {
    let code: string | null;
    try {
      code = normalizeCode(decodeURIComponent(typed));
    } catch {
      code = null; // malformed %-escapes
    }
    const found = code ? await options.certificates.get(code) : null;
    if (!found) return replyJson(res, 404, ERRORS.notIssued);
    if (!verifyCode(options.secret, found.code, found)) {
      // The stored record no longer matches its code: changed in the database, or another key.
      options.logger.error({ event: 'certificate-mismatch' }, 'a stored certificate does not match its code: not confirmed');
      return replyJson(res, 404, ERRORS.notIssued);
    }
    replyJson(res, 200, shown(found));
  }

  return function handle(req: IncomingMessage, res: ServerResponse, path: string): boolean {
    if (!path.startsWith('/api/')) return false;
    const method = req.method ?? 'GET';
    const fail = (error: unknown) => {
      options.logger.error({ event: 'api-failed', err: error instanceof Error ? error.message : String(error) }, 'API request failed');
      if (!res.headersSent) replyJson(res, 500, apiError('server-error', '服务器出错，请稍后再试。', 'The server failed: please try again later.'));
    };
    const post = (run: () => Promise<void>) => {
      if (method !== 'POST') return replyJson(res, 405, ERRORS.method, { Allow: 'POST' });
      if (!posts.hit(clientAddress(req, options.trustProxy))) {
        req.resume();
        return replyJson(res, 429, ERRORS.tooMany, { 'Retry-After': String(Math.ceil(options.postWindowMs / 1000)) });
      }
      run().catch(fail);
    };
    const attempts = ATTEMPTS.exec(path);
    if (attempts?.[1]) post(() => attempt(req, res, attempts[1] ?? ''));
    else if (path === '/api/certificates') post(() => issue(req, res));
    else if (CERTIFICATE.test(path)) {
      if (method !== 'GET' && method !== 'HEAD') replyJson(res, 405, ERRORS.method, { Allow: 'GET, HEAD' });
      else verify(res, CERTIFICATE.exec(path)?.[1] ?? '').catch(fail);
    } else replyJson(res, 404, ERRORS.notFound);
    return true;
  };
}
