/**
 * Live-session reports kept for the guide who ran the session: listed and read only with the
 * session's guide token (stored as its SHA-256), kept 30 days from the last save, then purged
 * (at start and every hour, app.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema';

export const LIVE_REPORT_RETENTION_MS = 30 * 24 * 3600_000;

export interface LiveReportSummary {
  id: string;
  sessionCode: string;
  /** ISO 8601 */
  createdAt: string;
  expiresAt: string;
}

export interface LiveReport extends LiveReportSummary {
  /** The report as it was saved (parsed JSON). */
  report: unknown;
}

export interface SaveLiveReport {
  sessionCode: string;
  /** SHA-256 hex of the guide's token (see `tokenHash`). */
  tokenHash: string;
  /** Any JSON value; stored as text. */
  report: unknown;
}

export interface LiveReports {
  /**
   * Saves a session's report: a second save for the same session and token replaces the report
   * (the guide may take one during the session and the final one at its end) and keeps it 30
   * days from now. Returns what is stored.
   */
  save(input: SaveLiveReport, now?: Date): Promise<LiveReportSummary>;
  /** The reports of this token not yet expired, newest first. */
  listByTokenHash(tokenHash: string, now?: Date): Promise<LiveReportSummary[]>;
  /** One report, when it is this token's and not expired; else null. */
  get(id: string, tokenHash: string, now?: Date): Promise<LiveReport | null>;
  /** Deletes every expired report; returns how many. */
  purgeExpired(now?: Date): Promise<number>;
}

const summary = (row: { id: string; session_code: string; created_at: string; expires_at: string }): LiveReportSummary => ({
  id: row.id,
  sessionCode: row.session_code,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
});

export function liveReports(db: Kysely<Database>): LiveReports {
  return {
    save(input, now = new Date()) {
      const createdAt = now.toISOString();
      const expiresAt = new Date(now.getTime() + LIVE_REPORT_RETENTION_MS).toISOString();
      const report = JSON.stringify(input.report) ?? 'null';
      return db.transaction().execute(async (trx) => {
        const existing = await trx
          .selectFrom('live_reports')
          .select(['id', 'created_at'])
          .where('token_hash', '=', input.tokenHash)
          .where('session_code', '=', input.sessionCode)
          .executeTakeFirst();
        if (existing) {
          await trx.updateTable('live_reports').set({ report, expires_at: expiresAt }).where('id', '=', existing.id).execute();
          return { id: existing.id, sessionCode: input.sessionCode, createdAt: existing.created_at, expiresAt };
        }
        const id = randomBytes(12).toString('base64url');
        await trx
          .insertInto('live_reports')
          .values({ id, session_code: input.sessionCode, token_hash: input.tokenHash, created_at: createdAt, expires_at: expiresAt, report })
          .execute();
        return { id, sessionCode: input.sessionCode, createdAt, expiresAt };
      });
    },
    async listByTokenHash(tokenHash, now = new Date()) {
      const rows = await db
        .selectFrom('live_reports')
        .select(['id', 'session_code', 'created_at', 'expires_at'])
        .where('token_hash', '=', tokenHash)
        .where('expires_at', '>', now.toISOString())
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(summary);
    },
    async get(id, tokenHash, now = new Date()) {
      const row = await db
        .selectFrom('live_reports')
        .selectAll()
        .where('id', '=', id)
        .where('token_hash', '=', tokenHash)
        .where('expires_at', '>', now.toISOString())
        .executeTakeFirst();
      return row ? { ...summary(row), report: JSON.parse(row.report) as unknown } : null;
    },
    async purgeExpired(now = new Date()) {
      const result = await db.deleteFrom('live_reports').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

/** What is stored of a guide token: its SHA-256, hex (the token itself never reaches the database). */
export const tokenHash = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');
