/**
 * The guide's token, and the delegate's pass (the same construction under another label). It is random and bound to its session's code by an HMAC under the relay's
 * secret: `base64url(issued-at (6 bytes) + 12 random bytes) + base64url(HMAC(code, payload)[0..18])`,
 * 48 URL-safe characters. A running relay keeps only its SHA-256 and compares hashes in constant
 * time; the HMAC lets a restarted in-memory relay, which has lost the hash, accept the guide's
 * `resume` and re-create the session, while a delegate who knows the code cannot claim it.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const PAYLOAD_BYTES = 18;
const MAC_BYTES = 18;
/** Characters in a token: 24 for the payload, 24 for the MAC. */
export const TOKEN_LENGTH = ((PAYLOAD_BYTES + MAC_BYTES) / 3) * 4;

/**
 * What a credential lets its holder do. A guide's token prefixes nothing (tokens issued before
 * passes existed stay valid); a pass is signed under another label, so one can never pass for the other.
 */
export type Purpose = 'guide' | 'delegate';

function mac(secret: Buffer, code: string, payload: Buffer, purpose: Purpose): Buffer {
  const hmac = createHmac('sha256', secret);
  if (purpose === 'delegate') hmac.update('delegate:');
  return hmac.update(code).update('.').update(payload).digest().subarray(0, MAC_BYTES);
}

export function issueToken(secret: Buffer, code: string, now = Date.now(), purpose: Purpose = 'guide'): string {
  const payload = Buffer.alloc(PAYLOAD_BYTES);
  payload.writeUIntBE(Math.floor(now / 1000), 0, 6);
  randomBytes(PAYLOAD_BYTES - 6).copy(payload, 6);
  return payload.toString('base64url') + mac(secret, code, payload, purpose).toString('base64url');
}

/** True when `token` was issued by a relay with this secret for this code and purpose, within `maxAgeMs`. */
export function verifyToken(secret: Buffer, code: string, token: string, maxAgeMs: number, now = Date.now(), purpose: Purpose = 'guide'): boolean {
  if (token.length !== TOKEN_LENGTH) return false;
  const payload = Buffer.from(token.slice(0, TOKEN_LENGTH / 2), 'base64url');
  const given = Buffer.from(token.slice(TOKEN_LENGTH / 2), 'base64url');
  if (payload.length !== PAYLOAD_BYTES || given.length !== MAC_BYTES) return false;
  if (!timingSafeEqual(given, mac(secret, code, payload, purpose))) return false;
  const issuedMs = payload.readUIntBE(0, 6) * 1000;
  return issuedMs <= now + 60_000 && now - issuedMs <= maxAgeMs;
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Compares a token with a stored hash in constant time. */
export function tokenMatches(token: string, storedHash: string): boolean {
  const stored = Buffer.from(storedHash, 'hex');
  const given = createHash('sha256').update(token).digest();
  return stored.length === given.length && timingSafeEqual(stored, given);
}

/**
 * A delegate as others see it: 12 characters of a hash of its pass. Stable while the pass is (a
 * delegate rejoining with its pass keeps it), and telling nothing of the pass itself.
 */
export const delegateIdOf = (pass: string): string => createHash('sha256').update('delegate-id:').update(pass).digest('base64url').slice(0, 12);
