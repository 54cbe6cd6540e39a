/**
 * /verify and /verify/CODE: a teacher types the code printed on a certificate (or follows its link)
 * and sees what the server issued under it — the name, the tour, the score, the date, the college —
 * or plainly that nothing was issued under that code. The answer is announced politely.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCertCode, normalizeCertCode } from '../../certificate/code';
import { useContent } from '../../content/ContentContext';
import { htmlLang } from '../../i18n/i18n';
import { useLang, useVisitStore } from '../../store/context';
import { verifyCertificate, type Verification } from './verifyApi';
import './VerifyPage.css';

type Shown = Verification | { state: 'checking' };

export function VerifyPage({ code }: { code: string | null }) {
  const { t } = useTranslation();
  const store = useVisitStore();
  const normalized = code === null ? null : normalizeCertCode(code);
  const [typed, setTyped] = useState(normalized ? formatCertCode(normalized) : (code ?? ''));
  const [typedInvalid, setTypedInvalid] = useState(false);
  const [shown, setShown] = useState<{ code: string; result: Shown } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const inputId = useId();
  const errorId = useId();

  useEffect(() => {
    if (!normalized) return;
    const abort = new AbortController();
    setShown({ code: normalized, result: { state: 'checking' } });
    verifyCertificate(normalized, abort.signal).then(
      (result) => setShown({ code: normalized, result }),
      () => {}, // aborted: a newer code is being checked
    );
    return () => abort.abort();
  }, [normalized, attempt]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = normalizeCertCode(typed);
    setTypedInvalid(next === null);
    if (next === null) return;
    if (next === normalized) setAttempt((n) => n + 1);
    else store.getState().goTo({ page: 'verify', code: next });
  };

  const urlInvalid = code !== null && normalized === null;
  const invalid = typedInvalid || urlInvalid;
  const result = shown && shown.code === normalized ? shown.result : null;

  return (
    <div className="message-page verify">
      <h1>{t('verify.title')}</h1>
      <p>{t('verify.intro')}</p>
      <form className="verify__form" onSubmit={submit} noValidate>
        <label htmlFor={inputId}>{t('verify.codeLabel')}</label>
        <div className="verify__row">
          <input
            id={inputId}
            className="verify__input"
            value={typed}
            onChange={(event) => {
              setTyped(event.target.value);
              setTypedInvalid(false);
            }}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={40}
            placeholder="ABCD-EFGH-JKMN-PQRS"
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? errorId : undefined}
          />
          <button type="submit" className="button">
            {t('verify.check')}
          </button>
        </div>
        {invalid && (
          <p id={errorId} className="verify__error" role="alert">
            {t('verify.codeInvalid')}
          </p>
        )}
      </form>
      <div className="verify__result" aria-live="polite">
        {normalized && result && <VerificationResult code={normalized} result={result} onRetry={() => setAttempt((n) => n + 1)} />}
      </div>
    </div>
  );
}

function VerificationResult({ code, result, onRetry }: { code: string; result: Shown; onRetry: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const content = useContent();
  const shownCode = formatCertCode(code);
  switch (result.state) {
    case 'checking':
      return <p>{t('verify.checking', { code: shownCode })}</p>;
    case 'notIssued':
      return (
        <p className="verify__none">
          <strong>{t('verify.notIssued', { code: shownCode })}</strong>
        </p>
      );
    case 'error':
      return (
        <p className="verify__error">
          {t('verify.error')}{' '}
          <button type="button" className="button" onClick={onRetry}>
            {t('verify.retry')}
          </button>
        </p>
      );
    case 'found': {
      const { certificate } = result;
      const tour = content.tours.find((x) => x.id === certificate.tourId);
      const issued = new Date(certificate.issuedAt);
      const date = new Intl.DateTimeFormat(htmlLang(lang), { dateStyle: 'long' }).format(issued);
      const { name, programme } = content.college;
      return (
        <section className="verify__card" aria-labelledby="verify-confirmed">
          <h2 id="verify-confirmed">{t('verify.confirmed', { code: result.code })}</h2>
          <dl className="verify__facts">
            <dt>{t('verify.name')}</dt>
            <dd>
              <bdi className="verify__name">{certificate.name}</bdi>
            </dd>
            <dt>{t('verify.tour')}</dt>
            <dd>{tour ? tour.title[lang] : certificate.tourId}</dd>
            <dt>{t('verify.score')}</dt>
            <dd>{t('verify.scoreValue', { score: certificate.score, total: certificate.total, percent: certificate.percent })}</dd>
            <dt>{t('verify.issued')}</dt>
            <dd>
              <time dateTime={certificate.issuedAt}>{date}</time>
            </dd>
            <dt>{t('verify.issuer')}</dt>
            <dd>
              <span lang="zh-CN">{name.zh}</span>
              <br />
              <span lang="en">{name.en}</span>
            </dd>
            <dt>{t('verify.programme')}</dt>
            <dd>{programme[lang]}</dd>
          </dl>
        </section>
      );
    }
  }
}
