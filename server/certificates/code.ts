/**
 * A certificate's verification code: an HMAC-SHA256, with the server's certificate key, of the
 * certificate's fields in one canonical form, shown as 16 base32 characters (80 bits) in groups
 * of four: `ABCD-EFGH-JKMN-PQRS`. Nobody without the key can make a code that verifies, and a
 * record whose fields were changed no longer matches its code.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { CertificateFields } from '../db/certificates';
import { CERT_CODE_ALPHABET as ALPHABET, CERT_CODE_LENGTH as CODE_LENGTH, formatCertCode, normalizeCertCode } from '../../src/certificate/code';

export { CODE_LENGTH };
export type { CertificateFields };

/** The fields in a fixed order, as JSON: no separator inside a name can shift one field into another. */
export function canonicalFields(fields: CertificateFields): string {
  return JSON.stringify(['cbdo-certificate-v1', fields.attemptId, fields.name, fields.tourId, fields.score, fields.total, fields.percent, fields.lang, fields.issuedAt]);
}

function base32(bytes: Buffer, length: number): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
    if (out.length >= length) break;
  }
  return out;
}

/** The code as stored: 16 base32 characters, no dashes. */
export function certificateCode(secret: Buffer, fields: CertificateFields): string {
  return base32(createHmac('sha256', secret).update(canonicalFields(fields), 'utf8').digest(), CODE_LENGTH);
}

export const formatCode = formatCertCode;
export const normalizeCode = normalizeCertCode;

/** True when `code` is the HMAC of exactly these fields: a stored record that was changed fails. */
export function verifyCode(secret: Buffer, code: string, fields: CertificateFields): boolean {
  const expected = Buffer.from(certificateCode(secret, fields));
  const given = Buffer.from(code);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
