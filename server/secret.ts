/**
 * The relay's secret, which signs guide tokens (token.ts). It must outlive a restart, or a guide
 * could not resume after one: `LIVE_SECRET` when set (at least 32 characters; give every relay of
 * a deployment the same), else a random one kept in a file only this user can read.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';

export const defaultSecretFile = (): string => join(tmpdir(), `chinese-bridge-live-${userInfo().uid}.secret`);

export function secretFromText(text: string): Buffer {
  if (text.length < 32) throw new Error('LIVE_SECRET must be at least 32 characters');
  return Buffer.from(text, 'utf8');
}

/** Reads the secret from `file`, or creates it there (mode 0600) when it is missing. */
export function loadSecretFile(file: string): Buffer {
  try {
    const text = readFileSync(file, 'utf8').trim();
    if (text.length >= 43) return Buffer.from(text, 'base64url');
    throw new Error(`${file} does not hold a relay secret: delete it or set LIVE_SECRET`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32);
  try {
    // `wx`: when two relays start at once, the second reads what the first wrote.
    writeFileSync(file, secret.toString('base64url'), { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
  }
}
