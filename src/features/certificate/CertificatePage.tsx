/**
 * Making a tour's certificate. Once every stop of the tour is stamped and its quiz passed (the
 * server's result), the delegate types their name: it is checked as typed by the shared name rules
 * (src/certificate/name.ts) and against the fonts' coverage, sent to the server, which checks the
 * attempt and signs the fields, and comes back with its verification code. Then the certificate
 * shows, and can be downloaded as PDF or PNG, or printed. The fonts load when this page opens (the
 * coverage) and when a file or the print view is made; pdf-lib only when a PDF is.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiT } from '../../components/useUiT';
import { PlaceLink } from '../../components/PlaceLink';
import { QuizTourGate } from '../../components/QuizTourGate';
import { Text } from '../../components/Text';
import { useContent } from '../../content/ContentContext';
import { findCampus, findStop } from '../../content/lookup';
import type { Tour } from '../../content/schema';
import { uncovered, type Coverage } from '../../certificate/coverage';
import { checkName } from '../../certificate/name';
import { useLang } from '../../store/context';
import { useRecord, useRecordStore } from '../../store/recordContext';
import { tourProgress } from '../../store/recordProgress';
import type { IssuedCertificate } from '../../store/recordStore';
import { issueCertificate } from './certificateApi';
import { certificateLines } from './certificateText';
import { CertificateSheet } from './CertificateSheet';
import { loadCoverage, loadFontFaces } from './fontAssets';
import './CertificatePage.css';

export default function CertificatePage({ tourId }: { tourId: string }) {
  return <QuizTourGate tourId={tourId}>{(tour) => <Certificate tour={tour} />}</QuizTourGate>;
}

function Certificate({ tour }: { tour: Tour }) {
  const ut = useUiT();
  const lang = useLang();
  const content = useContent();
  const stamps = useRecord((s) => s.stamps);
  const quizzes = useRecord((s) => s.quizzes);
  const certificates = useRecord((s) => s.certificates);
  const progress = tourProgress({ stamps, quizzes }, tour);
  const issued = certificates.filter((c) => c.tourId === tour.id);
  // The form until a certificate comes back; then the certificate (one per passed attempt: the
  // server refuses a second, so a new one needs the quiz again).
  const [making, setMaking] = useState(issued.length === 0);
  const latest = issued[issued.length - 1];

  return (
    <div className="certificate-page">
      <h1 tabIndex={-1}>{ut('certificate.title', { tour: tour.title[lang] })}</h1>
      {!progress.ready && issued.length === 0 ? (
        <div className="certificate-page__not-yet">
          <p>{ut('certificate.notYet')}</p>
          {progress.missing.length > 0 && (
            <>
              <p>{ut('certificate.stopsMissing')}</p>
              <ul>
                {progress.missing.map((m) => {
                  const campus = findCampus(content, m.campusId);
                  const stop = campus && findStop(campus, m.stopId);
                  return (
                    <li key={`${m.campusId}/${m.stopId}`}>
                      <PlaceLink to={{ page: 'stop', campusId: m.campusId, stopId: m.stopId }}>{stop ? <Text value={stop.name} /> : m.stopId}</PlaceLink>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
          {!progress.quizPassed && (
            <p>
              {ut('certificate.quizMissing')} <PlaceLink to={{ page: 'quiz', tourId: tour.id }}>{ut('passport.takeQuiz')}</PlaceLink>
            </p>
          )}
        </div>
      ) : making || !latest ? (
        <NameForm tour={tour} onIssued={() => setMaking(false)} />
      ) : (
        <>
          <IssuedView tour={tour} certificate={latest} />
        </>
      )}
      <p>
        <PlaceLink to={{ page: 'passport' }}>{ut('quiz.toPassport')}</PlaceLink>
      </p>
    </div>
  );
}

function NameForm({ tour, onIssued }: { tour: Tour; onIssued: () => void }) {
  const { t } = useTranslation();
  const ut = useUiT();
  const lang = useLang();
  const record = useRecordStore();
  const attempt = useRecord((s) => s.quizzes[tour.id]);
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [coverage, setCoverage] = useState<Coverage | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    let live = true;
    loadCoverage()
      .then((c) => live && setCoverage(c))
      .catch(() => live && setError(t('certificate.fontsFailed')));
    return () => {
      live = false;
    };
  }, [t]);

  /** What is wrong with the name, in the page's language; null when it can be printed. */
  const problem = (raw: string): string | null => {
    const checked = checkName(raw);
    if (!checked.ok) return checked.message[lang];
    if (coverage) {
      const missing = uncovered(coverage, checked.name);
      if (missing.length > 0) return t('certificate.unsupported', { chars: missing.join(' ') });
    }
    return null;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const checked = checkName(name);
    const wrong = problem(name) ?? (coverage ? null : t('certificate.fontsFailed'));
    if (wrong || !checked.ok) {
      setError(wrong ?? '');
      input.current?.focus();
      return;
    }
    if (!attempt?.passed) {
      setError(t('certificate.quizMissing'));
      return;
    }
    setBusy(true);
    setError('');
    const result = await issueCertificate(attempt.attemptId, checked.name, lang);
    setBusy(false);
    if (result.ok) {
      record.getState().addCertificate(result.certificate);
      onIssued();
      return;
    }
    const message =
      result.reason === 'name'
        ? result.message[lang]
        : result.reason === 'not-passed'
          ? (result.message?.[lang] ?? t('certificate.notPassedServer'))
          : result.reason === 'unknown-attempt'
            ? t('certificate.unknownAttempt')
            : result.reason === 'network'
              ? t('certificate.networkFailed')
              : t('certificate.issueFailed', { detail: result.detail });
    setError(message);
    input.current?.focus();
  };

  return (
    <form className="certificate-form" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor="certificate-name">{ut('certificate.nameLabel')}</label>
      <p id="certificate-name-hint" className="certificate-form__hint">
        {ut('certificate.nameHint')}
      </p>
      <input
        ref={input}
        id="certificate-name"
        name="name"
        type="text"
        autoComplete="name"
        dir="auto"
        value={name}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'certificate-name-hint certificate-name-error' : 'certificate-name-hint'}
        onChange={(e) => {
          setName(e.target.value);
          if (error) setError(problem(e.target.value) ?? '');
        }}
      />
      <p id="certificate-name-error" className="certificate-form__error" role="alert">
        {error}
      </p>
      <p className="button-row">
        <button type="submit" className="button" aria-disabled={busy ? 'true' : undefined}>
          {busy ? ut('certificate.making') : ut('certificate.make')}
        </button>
      </p>
    </form>
  );
}

function IssuedView({ tour, certificate }: { tour: Tour; certificate: IssuedCertificate }) {
  const { t, i18n } = useTranslation();
  const ut = useUiT();
  const content = useContent();
  const [fontsReady, setFontsReady] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const lines = useMemo(
    () => certificateLines(content, tour, certificate, { zh: i18n.getFixedT('zh'), en: i18n.getFixedT('en') }, window.location.origin),
    [content, tour, certificate, i18n],
  );
  useEffect(() => {
    heading.current?.focus();
    let live = true;
    loadFontFaces()
      .then(() => live && setFontsReady(true))
      .catch(() => live && setError(t('certificate.fontsFailed')));
    return () => {
      live = false;
    };
  }, [t]);

  const fileName = (ext: string) => `certificate-${tour.id}-${certificate.code}.${ext}`;
  const make = async (kind: 'pdf' | 'png') => {
    setError('');
    setStatus(t('certificate.preparing'));
    try {
      const { downloadBlob } = await import('./download');
      if (kind === 'pdf') {
        const [{ certificatePdf, needsNameImage, layout }, coverage] = await Promise.all([import('./certificatePdf'), loadCoverage()]);
        const nameSize = layout(lines).find((row) => row.text === lines.name)?.size ?? 32;
        const picture = needsNameImage(lines.name) ? await (await import('./certificatePng')).nameImage(lines.name, nameSize) : undefined;
        const bytes = await certificatePdf(lines, coverage, picture);
        downloadBlob(fileName('pdf'), new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }));
      } else {
        const { certificatePng } = await import('./certificatePng');
        downloadBlob(fileName('png'), await certificatePng(lines));
      }
      setStatus('');
    } catch (e) {
      setStatus('');
      setError(t('certificate.fileFailed', { detail: e instanceof Error ? e.message : String(e) }));
    }
  };

  return (
    <section className="certificate-issued" aria-labelledby="certificate-ready">
      <h2 id="certificate-ready" ref={heading} tabIndex={-1}>
        {ut('certificate.ready')}
      </h2>
      <p className="button-row certificate-issued__actions">
        <button type="button" className="button" onClick={() => void make('pdf')}>
          {ut('certificate.downloadPdf')}
        </button>
        <button type="button" className="button button--quiet" onClick={() => void make('png')}>
          {ut('certificate.downloadPng')}
        </button>
        <button type="button" className="button button--quiet" onClick={() => window.print()}>
          {ut('certificate.print')}
        </button>
      </p>
      <p role="status" className="certificate-issued__status">
        {status}
      </p>
      {error && (
        <p role="alert" className="certificate-form__error">
          {error}
        </p>
      )}
      <CertificateSheet lines={lines} fontsReady={fontsReady} />
    </section>
  );
}
