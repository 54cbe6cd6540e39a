/**
 * What a certificate says, line by line, in both languages at once (a teacher in China and a school
 * abroad both read it): the college, the programme, the heading, the name, the tour, the score, the
 * date and the verification code with its address. The PDF, the PNG and the print view all draw
 * these same lines.
 */
import type { TFunction } from 'i18next';
import type { Content, Tour } from '../../content/schema';
import type { IssuedCertificate } from '../../store/recordStore';

export interface CertificateLines {
  collegeZh: string;
  collegeEn: string;
  programme: string;
  headingZh: string;
  headingEn: string;
  certifies: string;
  name: string;
  completed: string;
  tourZh: string;
  tourEn: string;
  score: string;
  date: string;
  code: string;
  verifyUrl: string;
  verifyLine: string;
}

/** The address a teacher opens to check a certificate (the server's /verify page). */
export const verifyUrl = (origin: string, code: string) => `${origin}/verify/${encodeURIComponent(code)}`;

const dateIn = (iso: string, locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(iso));

/** The lines of a certificate; `zh` and `en` are i18next's fixed translators of each language. */
export function certificateLines(content: Pick<Content, 'college'>, tour: Pick<Tour, 'title'>, c: IssuedCertificate, t: { zh: TFunction; en: TFunction }, origin: string): CertificateLines {
  const { college } = content;
  const url = verifyUrl(origin, c.code);
  const both = (key: string, values: Record<string, unknown> = {}) => `${t.zh(key, values)} · ${t.en(key, values)}`;
  return {
    collegeZh: college.name.zh,
    collegeEn: college.name.en,
    programme: `${college.programme.zh} · ${college.programme.en}`,
    headingZh: t.zh('certificate.heading'),
    headingEn: t.en('certificate.heading'),
    certifies: both('certificate.certifies'),
    name: c.name,
    completed: both('certificate.completed'),
    tourZh: tour.title.zh,
    tourEn: tour.title.en,
    score: both('certificate.score', { correct: c.score, total: c.total, percent: c.percent }),
    date: `${t.zh('certificate.date', { date: dateIn(c.issuedAt, 'zh-CN') })} · ${t.en('certificate.date', { date: dateIn(c.issuedAt, 'en-GB') })}`,
    code: both('certificate.code', { code: c.code }),
    verifyUrl: url,
    verifyLine: t.en('certificate.verifyAt', { url }),
  };
}
