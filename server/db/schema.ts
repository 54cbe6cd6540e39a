/**
 * The tables of the server's database, as kysely sees them. Both engines store the same types:
 * times as ISO 8601 UTC text (`toISOString()`, so they sort and compare as text), JSON as text,
 * yes/no as 0/1: one query layer, no per-engine conversions.
 */
export interface QuizAttemptsTable {
  id: string;
  tour_id: string;
  /** The answers as sent, JSON: `{ questionId: number | boolean }`. */
  answers: string;
  correct: number;
  total: number;
  /** 1 when the server's scoring passed it. */
  passed: number;
  created_at: string;
}

export interface CertificatesTable {
  /** The verification code, 16 base32 characters without dashes. */
  code: string;
  /** At most one certificate per passed attempt. */
  attempt_id: string;
  name: string;
  tour_id: string;
  score: number;
  total: number;
  percent: number;
  lang: string;
  issued_at: string;
}

export interface LiveReportsTable {
  id: string;
  session_code: string;
  /** SHA-256 (hex) of the guide's token: whoever holds the token may list and read its reports. */
  token_hash: string;
  created_at: string;
  expires_at: string;
  /** The session report, JSON. */
  report: string;
}

export interface Database {
  quiz_attempts: QuizAttemptsTable;
  certificates: CertificatesTable;
  live_reports: LiveReportsTable;
}
