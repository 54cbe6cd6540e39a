/** Asking the server for a certificate: it checks the attempt passed and the name, and signs the fields. */
import type { IssuedCertificate } from '../../store/recordStore';

export type IssueResult =
  | { ok: true; certificate: IssuedCertificate }
  | { ok: false; reason: 'name'; message: { zh: string; en: string } }
  | { ok: false; reason: 'not-passed' | 'unknown-attempt' | 'network' | 'server'; detail: string; message?: { zh: string; en: string } };

export async function issueCertificate(attemptId: string, name: string, lang: 'zh' | 'en'): Promise<IssueResult> {
  let response: Response;
  try {
    response = await fetch('/api/certificates', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ attemptId, name, lang }) });
  } catch (error) {
    return { ok: false, reason: 'network', detail: error instanceof Error ? error.message : String(error) };
  }
  const body = (await response.json().catch(() => null)) as {
    code?: string;
    certificate?: Omit<IssuedCertificate, 'code'>;
    message?: { zh: string; en: string };
    error?: string;
  } | null;
  // 200: the same request again (a retry after a lost answer) gets the same certificate.
  if ((response.status === 201 || response.status === 200) && body?.code && body.certificate) return { ok: true, certificate: { ...body.certificate, code: body.code } };
  if (response.status === 400 && body?.message) return { ok: false, reason: 'name', message: body.message };
  // 409: the attempt did not pass, or already has its certificate (one certificate per passed attempt).
  if (response.status === 409) return { ok: false, reason: 'not-passed', detail: body?.error ?? '409', ...(body?.message ? { message: body.message } : {}) };
  if (response.status === 404) return { ok: false, reason: 'unknown-attempt', detail: body?.error ?? '404' };
  return { ok: false, reason: 'server', detail: `HTTP ${response.status}${body?.error ? ` ${body.error}` : ''}` };
}
