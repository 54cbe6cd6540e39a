/**
 * The key that signs certificate codes (code.ts). It must outlive restarts — a certificate printed
 * last year must still verify — and every server sharing a database must hold the same one.
 *
 * - `CERT_SECRET` (at least 32 characters) when set; required with DATABASE_URL (several servers).
 * - Else a random key kept in the data directory (`cert-secret`, 0600), made on first start.
 *   Never committed: the data directory is ignored by git.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createPrivateFile, ensureDataDir, readPrivateFile } from '../dataDir';
import { secretFromText } from '../secret';

export const CERT_SECRET_FILE_NAME = 'cert-secret';

export function certSecretFromText(text: string): Buffer {
  return secretFromText(text, 'CERT_SECRET');
}

/** The key in the data directory, made there (0600) on first start. */
export function dataDirCertSecret(dataDir: string): Buffer {
  const file = join(ensureDataDir(dataDir), CERT_SECRET_FILE_NAME);
  const existing = readPrivateFile(file);
  if (existing !== null) return secretFromText(existing.trim(), file);
  const text = randomBytes(32).toString('base64url');
  if (createPrivateFile(file, text)) return Buffer.from(text, 'utf8');
  // Another server on the same data directory made it first: use theirs.
  const theirs = readPrivateFile(file);
  if (theirs === null) throw new Error(`${file} vanished while it was being created`);
  return secretFromText(theirs.trim(), file);
}

/** The key this server signs with; refuses to make one up when servers share a database. */
export function certSecret(options: { certSecret: Buffer | null; databaseUrl: string | null; dataDir: string }): Buffer {
  if (options.certSecret) return options.certSecret;
  if (options.databaseUrl) {
    throw new Error('DATABASE_URL is set, so servers may share certificates, and every one must sign them with the same key: set CERT_SECRET (at least 32 characters) to the same value on all of them');
  }
  return dataDirCertSecret(options.dataDir);
}
