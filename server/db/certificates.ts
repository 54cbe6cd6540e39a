/**
 * Quiz attempts (scored by the server) and the certificates issued for passed ones. A certificate
 * is written in the same transaction that checks its attempt passed and has none yet.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema';

export interface QuizAttempt {
  id: string;
  tourId: string;
  answers: Record<string, number | boolean>;
  correct: number;
  total: number;
  passed: boolean;
  createdAt: string;
}

/** What a certificate says, and what its verification code is made from (certificates/code.ts). */
export interface CertificateFields {
  attemptId: string;
  name: string;
  tourId: string;
  score: number;
  total: number;
  percent: number;
  lang: string;
  /** ISO 8601 */
  issuedAt: string;
}

export type CertificateRecord = CertificateFields & { code: string };

export type IssueResult =
  | { status: 'issued'; certificate: CertificateRecord }
  /** The attempt already has this certificate (a retried request): the same one again. */
  | { status: 'existing'; certificate: CertificateRecord }
  | { status: 'unknown-attempt' }
  | { status: 'not-passed' }
  /** The attempt already has a certificate with another name or language. */
  | { status: 'attempt-used' };

export interface Certificates {
  saveAttempt(attempt: Omit<QuizAttempt, 'id' | 'createdAt'>, now?: Date): Promise<QuizAttempt>;
  getAttempt(id: string): Promise<QuizAttempt | null>;
  /**
   * Issues a certificate for a passed attempt. `makeCode` turns the certificate's fields into its
   * verification code (an HMAC: certificates/code.ts).
   */
  issue(input: { attemptId: string; name: string; lang: string }, makeCode: (fields: CertificateFields) => string, now?: Date): Promise<IssueResult>;
  get(code: string): Promise<CertificateRecord | null>;
}

type CertificateRow = Database['certificates'];

const record = (row: CertificateRow): CertificateRecord => ({
  code: row.code,
  attemptId: row.attempt_id,
  name: row.name,
  tourId: row.tour_id,
  score: row.score,
  total: row.total,
  percent: row.percent,
  lang: row.lang,
  issuedAt: row.issued_at,
});

export function certificates(db: Kysely<Database>): Certificates {
  return {
    async saveAttempt(attempt, now = new Date()) {
      const stored: QuizAttempt = { ...attempt, id: randomBytes(16).toString('base64url'), createdAt: now.toISOString() };
      await db
        .insertInto('quiz_attempts')
        .values({
          id: stored.id,
          tour_id: stored.tourId,
          answers: JSON.stringify(stored.answers),
          correct: stored.correct,
          total: stored.total,
          passed: stored.passed ? 1 : 0,
          created_at: stored.createdAt,
        })
        .execute();
      return stored;
    },
    async getAttempt(id) {
      const row = await db.selectFrom('quiz_attempts').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return null;
      return {
        id: row.id,
        tourId: row.tour_id,
        answers: JSON.parse(row.answers) as Record<string, number | boolean>,
        correct: row.correct,
        total: row.total,
        passed: row.passed === 1,
        createdAt: row.created_at,
      };
    },
    issue(input, makeCode, now = new Date()) {
      return db.transaction().execute(async (trx): Promise<IssueResult> => {
        const attempt = await trx.selectFrom('quiz_attempts').selectAll().where('id', '=', input.attemptId).executeTakeFirst();
        if (!attempt) return { status: 'unknown-attempt' };
        if (attempt.passed !== 1) return { status: 'not-passed' };
        const existing = await trx.selectFrom('certificates').selectAll().where('attempt_id', '=', attempt.id).executeTakeFirst();
        if (existing) {
          return existing.name === input.name && existing.lang === input.lang ? { status: 'existing', certificate: record(existing) } : { status: 'attempt-used' };
        }
        const fields = {
          attemptId: attempt.id,
          name: input.name,
          tourId: attempt.tour_id,
          score: attempt.correct,
          total: attempt.total,
          percent: attempt.total === 0 ? 0 : Math.round((attempt.correct / attempt.total) * 100),
          lang: input.lang,
          issuedAt: now.toISOString(),
        };
        const certificate = { ...fields, code: makeCode(fields) };
        await trx
          .insertInto('certificates')
          .values({
            code: certificate.code,
            attempt_id: certificate.attemptId,
            name: certificate.name,
            tour_id: certificate.tourId,
            score: certificate.score,
            total: certificate.total,
            percent: certificate.percent,
            lang: certificate.lang,
            issued_at: certificate.issuedAt,
          })
          .execute();
        return { status: 'issued', certificate };
      });
    },
    async get(code) {
      const row = await db.selectFrom('certificates').selectAll().where('code', '=', code).executeTakeFirst();
      return row ? record(row) : null;
    },
  };
}
