/**
 * Where session reports are kept: for REPORT_TTL_MS after they are made (at the session's end, or
 * when its guide asks), found by the session's code and the guide token's hash — the report goes
 * to whoever holds the token, and only to them. `MemoryReportStore` keeps them in this process;
 * the database's store (reportsDb.ts) keeps them in the server's database.
 */
import type { SessionReport } from './sessionReport';

/** Reports are deleted this long after they were made. */
export const REPORT_TTL_MS = 30 * 24 * 3600_000;

export interface StoredReport {
  code: string;
  tokenHash: string;
  /** ms since the epoch */
  createdAt: number;
  expiresAt: number;
  report: SessionReport;
}

/** A stored report in a guide's list. */
export interface ReportListing {
  code: string;
  createdAt: string;
  expiresAt: string;
  ended: boolean;
  delegates: number;
  polls: number;
  questions: number;
}

export interface ReportStore {
  /** Stores a session's report, replacing the one made before for the same session and token. */
  save(entry: StoredReport): Promise<void>;
  get(code: string, tokenHash: string, now: number): Promise<StoredReport | null>;
  /** The reports of these tokens, newest first. */
  list(tokenHashes: readonly string[], now: number): Promise<StoredReport[]>;
  /** Deletes what expired. */
  sweep(now: number): Promise<void>;
}

export const listing = (entry: StoredReport): ReportListing => ({
  code: entry.code,
  createdAt: new Date(entry.createdAt).toISOString(),
  expiresAt: new Date(entry.expiresAt).toISOString(),
  ended: entry.report.ended,
  delegates: entry.report.delegates.length,
  polls: entry.report.polls.length,
  questions: entry.report.questions.length,
});

export class MemoryReportStore implements ReportStore {
  private readonly entries = new Map<string, StoredReport>();

  async save(entry: StoredReport): Promise<void> {
    this.entries.set(`${entry.tokenHash}/${entry.code}`, entry);
  }

  async get(code: string, tokenHash: string, now: number): Promise<StoredReport | null> {
    const entry = this.entries.get(`${tokenHash}/${code}`);
    return entry && entry.expiresAt > now ? entry : null;
  }

  async list(tokenHashes: readonly string[], now: number): Promise<StoredReport[]> {
    const wanted = new Set(tokenHashes);
    return [...this.entries.values()].filter((entry) => wanted.has(entry.tokenHash) && entry.expiresAt > now).sort((a, b) => b.createdAt - a.createdAt);
  }

  async sweep(now: number): Promise<void> {
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}
