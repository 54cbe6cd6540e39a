/**
 * Session reports for the guide: this session's (at any time, and after it ended) and those of
 * the sessions this browser led in the last 30 days, as CSV or JSON. The server answers only
 * to the session's token, sent in the Authorization header — never in a URL — so a download is a
 * fetch turned into a file, not a link.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../components/downloadFile';
import { formatCode } from '../../live/protocol';
import { useLang } from '../../store/context';
import { guidedSessions, type GuidedSession } from './guidedSessions';
import './ReportsPanel.css';

type Format = 'csv' | 'json';

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Fetches a report with its token and hands it to the browser as a download; the HTTP status when it fails. */
async function download(session: GuidedSession, format: Format): Promise<number | null> {
  const response = await fetch(`/api/live/sessions/${session.code}/report.${format}`, {
    headers: { Authorization: `Bearer ${session.token}` },
    cache: 'no-store',
  });
  if (!response.ok) return response.status;
  downloadFile(`live-report-${formatCode(session.code)}.${format}`, await response.blob());
  return null;
}

interface Listed {
  code: string;
  createdAt: string;
}

function ReportLinks({ session, label }: { session: GuidedSession; label: string }) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState<number | null>(null);
  const get = (format: Format) => {
    setFailed(null);
    download(session, format)
      .then(setFailed)
      .catch(() => setFailed(0));
  };
  const code = formatCode(session.code);
  return (
    <li className="reports__item">
      <span className="reports__label">{label}</span>
      <span className="reports__buttons">
        <button type="button" className="button button--quiet button--small" aria-label={t('liveRoom.reports.csvLabel', { code })} onClick={() => get('csv')}>
          {t('liveRoom.reports.csv')}
        </button>
        <button type="button" className="button button--quiet button--small" aria-label={t('liveRoom.reports.jsonLabel', { code })} onClick={() => get('json')}>
          {t('liveRoom.reports.json')}
        </button>
      </span>
      {failed !== null && (
        <span className="reports__error" role="alert">
          {t('liveRoom.reports.failed', { status: failed || '—' })}
        </span>
      )}
    </li>
  );
}

/** `current`: the code of the session on screen (live, or just ended). */
export function ReportsPanel({ current }: { current: string | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [kept] = useState(() => guidedSessions(localStorageOrNull()));
  const [listed, setListed] = useState<Listed[] | null>(null);
  const time = useMemo(
    () => new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }),
    [lang],
  );
  const earlier = kept.filter((s) => s.code !== current);

  // Which earlier sessions still have a report: the server lists those of the tokens kept here.
  useEffect(() => {
    if (earlier.length === 0) return;
    let live = true;
    fetch('/api/live/reports', { headers: { Authorization: `Bearer ${earlier.map((s) => s.token).join(', ')}` }, cache: 'no-store' })
      .then((r) => (r.ok ? (r.json() as Promise<{ reports: Listed[] }>) : { reports: [] }))
      .then((body) => live && setListed(body.reports))
      .catch(() => live && setListed([]));
    return () => {
      live = false;
    };
    // The kept list is read once per mount; `earlier` changes only with `current`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current]);

  const currentSession = current ? (kept.find((s) => s.code === current) ?? guidedSessions(localStorageOrNull()).find((s) => s.code === current)) : undefined;
  const withReport = earlier.filter((s) => listed?.some((l) => l.code === s.code));

  return (
    <section className="side-section reports" aria-labelledby="reports-heading">
      <h2 id="reports-heading">{t('liveRoom.reports.heading')}</h2>
      <p className="reports__intro">{t('liveRoom.reports.intro')}</p>
      {currentSession && (
        <ul className="reports__list">
          <ReportLinks session={currentSession} label={t('liveRoom.reports.this', { code: formatCode(currentSession.code) })} />
        </ul>
      )}
      <h3 className="reports__subheading">{t('liveRoom.reports.past')}</h3>
      {withReport.length === 0 ? (
        <p className="reports__none">{t('liveRoom.reports.none')}</p>
      ) : (
        <ul className="reports__list">
          {withReport.map((s) => (
            <ReportLinks key={s.code} session={s} label={t('liveRoom.reports.started', { code: formatCode(s.code), time: time.format(s.startedAt) })} />
          ))}
        </ul>
      )}
    </section>
  );
}
