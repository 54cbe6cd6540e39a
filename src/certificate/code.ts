/**
 * How a certificate's verification code is written: 16 characters of the base32 alphabet (A–Z,
 * 2–7), printed in groups of four (`ABCD-EFGH-JKMN-PQRS`), read back however it was typed. The
 * server makes the code (an HMAC); the verify page and the certificate only show and read it.
 */
export const CERT_CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const CERT_CODE_LENGTH = 16;

/** `ABCD-EFGH-JKMN-PQRS`, as printed on the certificate. */
export const formatCertCode = (code: string): string => code.match(/.{1,4}/g)?.join('-') ?? code;

/** A code as typed (any case, with dashes or spaces) as stored; null when it cannot be one. */
export function normalizeCertCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  return code.length === CERT_CODE_LENGTH && [...code].every((c) => CERT_CODE_ALPHABET.includes(c)) ? code : null;
}
