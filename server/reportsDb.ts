/**
 * Session reports in the server's database (the live_reports table, through its repository,
 * db/liveReports.ts): the ReportStore the server runs with. Found by session code and the guide
 * token's hash; the 30 days and their purge are the repository's.
 */
import type { LiveReports } from './db/liveReports';
import type { ReportStore, StoredReport } from './reports';
import { REPORT_VERSION, type SessionReport } from './sessionReport';

/** A report as stored, read back: ours when it says its version (anything else is skipped, not trusted). */
const asReport = (value: unknown): SessionReport | null =>
  typeof value === 'object' && value !== null && (value as { version?: unknown }).version === REPORT_VERSION ? (value as SessionReport) : null;

export function databaseReportStore(repository: LiveReports): ReportStore {
  const read = async (id: string, tokenHash: string, now: Date): Promise<StoredReport | null> => {
    const row = await repository.get(id, tokenHash, now);
    const report = row ? asReport(row.report) : null;
    if (!row || !report) return null;
    return { code: row.sessionCode, tokenHash, createdAt: Date.parse(row.createdAt), expiresAt: Date.parse(row.expiresAt), report };
  };
  return {
    async save(entry) {
      await repository.save({ sessionCode: entry.code, tokenHash: entry.tokenHash, report: entry.report }, new Date(entry.createdAt));
    },
    async get(code, tokenHash, now) {
      const summary = (await repository.listByTokenHash(tokenHash, new Date(now))).find((row) => row.sessionCode === code);
      return summary ? read(summary.id, tokenHash, new Date(now)) : null;
    },
    async list(tokenHashes, now) {
      const found: StoredReport[] = [];
      for (const tokenHash of new Set(tokenHashes)) {
        for (const summary of await repository.listByTokenHash(tokenHash, new Date(now))) {
          const entry = await read(summary.id, tokenHash, new Date(now));
          if (entry) found.push(entry);
        }
      }
      return found.sort((a, b) => b.createdAt - a.createdAt);
    },
    async sweep(now) {
      await repository.purgeExpired(new Date(now));
    },
  };
}
