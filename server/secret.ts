/**
 * The relay's secret, which signs guide tokens and delegate passes (token.ts). It must outlive a
 * restart, and every relay of a deployment must hold the same one, or a guide's token would be
 * valid on one relay and `forbidden` on another.
 *
 * - `LIVE_SECRET` (at least 32 characters), or `LIVE_SECRET_FILE` (a file holding it) when set.
 * - One relay in memory without either: a random secret kept in the data directory (dataDir.ts),
 *   created on first start, 0600.
 * - Several relays over Redis must be given it (LIVE_SECRET or LIVE_SECRET_FILE): a secret made up
 *   by one relay, or kept in Redis, is lost with Redis's data and then differs between relays. At
 *   start a relay compares its secret's fingerprint with the one the others wrote to Redis and
 *   refuses to run on a different one.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createPrivateFile, ensureDataDir, readPrivateFile } from './dataDir';

export const SECRET_FILE_NAME = 'live-secret';

export function secretFromText(text: string, source = 'LIVE_SECRET'): Buffer {
  if (text.length < 32) throw new Error(`${source} must be at least 32 characters`);
  return Buffer.from(text, 'utf8');
}

/** Reads a secret file; it must exist, belong to this user and be private. */
export function readSecretFile(file: string): Buffer {
  const text = readPrivateFile(file);
  if (text === null) throw new Error(`${file} (LIVE_SECRET_FILE) does not exist`);
  return secretFromText(text.trim(), file);
}

/** The secret in the data directory, made there (0600) on first start. */
export function dataDirSecret(dataDir: string): Buffer {
  const file = join(ensureDataDir(dataDir), SECRET_FILE_NAME);
  const existing = readPrivateFile(file);
  if (existing !== null) return secretFromText(existing.trim(), file);
  const text = randomBytes(32).toString('base64url');
  // `wx`: when two relays start at once on one data directory, the second reads what the first wrote.
  if (createPrivateFile(file, text)) return Buffer.from(text, 'utf8');
  return readSecretFile(file);
}

/** What relays compare to know they share a secret, without telling it: an HMAC of a fixed text. */
export const secretFingerprint = (secret: Buffer): string => createHmac('sha256', secret).update('chinese-bridge live relay secret').digest('hex').slice(0, 32);
