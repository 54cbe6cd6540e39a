/** Asks the server what was issued under a certificate code (GET /api/certificates/:code). */
export interface IssuedCertificate {
  name: string;
  tourId: string;
  score: number;
  total: number;
  percent: number;
  /** ISO 8601 */
  issuedAt: string;
  lang: string;
}

export type Verification = { state: 'found'; code: string; certificate: IssuedCertificate } | { state: 'notIssued' } | { state: 'error' };

function isCertificate(value: unknown): value is IssuedCertificate {
  const c = value as Partial<IssuedCertificate> | null;
  return (
    typeof c === 'object' && c !== null &&
    typeof c.name === 'string' && typeof c.tourId === 'string' && typeof c.issuedAt === 'string' && typeof c.lang === 'string' &&
    typeof c.score === 'number' && typeof c.total === 'number' && typeof c.percent === 'number'
  );
}

export async function verifyCertificate(code: string, signal?: AbortSignal): Promise<Verification> {
  try {
    const res = await fetch(`/api/certificates/${encodeURIComponent(code)}`, { headers: { Accept: 'application/json' }, ...(signal ? { signal } : {}) });
    if (res.status === 404) return { state: 'notIssued' };
    if (!res.ok) return { state: 'error' };
    const body = (await res.json()) as { code?: unknown; certificate?: unknown };
    return typeof body.code === 'string' && isCertificate(body.certificate) ? { state: 'found', code: body.code, certificate: body.certificate } : { state: 'error' };
  } catch (error) {
    if (signal?.aborted) throw error;
    return { state: 'error' };
  }
}
