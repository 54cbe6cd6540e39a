/**
 * The "Delegation passport": both campuses' stops as stamps (visited or not, with the date; a ring
 * when every information point of the stop was opened), the count "9 / 17", each tour's way to its
 * quiz and certificate, the certificates issued, and the record's export, import and erase.
 */
import { useTranslation } from 'react-i18next';
import { useUiT } from '../../components/useUiT';
import { PlaceLink } from '../../components/PlaceLink';
import { Text } from '../../components/Text';
import { useContent } from '../../content/ContentContext';
import type { Lang } from '../../content/schema';
import { htmlLang } from '../../i18n/i18n';
import { useLang } from '../../store/context';
import { useRecord, useRecordStore } from '../../store/recordContext';
import { allStops, hasRing, infoHotspotIds, tourProgress } from '../../store/recordProgress';
import { stopKey } from '../../store/recordStore';
import { downloadFile } from './recordFile';
import { RecordTools } from './RecordTools';
import './PassportPage.css';

export const formatDate = (iso: string, lang: Lang) => new Intl.DateTimeFormat(htmlLang(lang), { dateStyle: 'long' }).format(new Date(iso));

function DamagedNotice() {
  const ut = useUiT();
  const record = useRecordStore();
  const damaged = useRecord((s) => s.damaged);
  if (!damaged) return null;
  return (
    <div className="passport__damaged" role="alert">
      <p>{ut('record.damaged')}</p>
      <p className="button-row">
        <button type="button" className="button button--quiet" onClick={() => downloadFile('delegation-passport-damaged.txt', damaged.raw, 'text/plain')}>
          {ut('record.downloadDamaged')}
        </button>
        <button type="button" className="button button--quiet" onClick={() => record.getState().dismissDamaged()}>
          {ut('record.dismissDamaged')}
        </button>
      </p>
    </div>
  );
}

export function PassportPage() {
  const { t } = useTranslation();
  const ut = useUiT();
  const lang = useLang();
  const content = useContent();
  const status = useRecord((s) => s.status);
  const stamps = useRecord((s) => s.stamps);
  const opened = useRecord((s) => s.opened);
  const quizzes = useRecord((s) => s.quizzes);
  const certificates = useRecord((s) => s.certificates);
  const record = { stamps, opened, quizzes };
  const stops = allStops(content);
  const visited = stops.filter(({ campus, stop }) => stamps[stopKey(campus.id, stop.id)]).length;
  const rings = stops.filter(({ campus, stop }) => hasRing(record, campus.id, stop)).length;
  const tourTitle = (id: string) => content.tours.find((x) => x.id === id)?.title;

  return (
    <div className="passport">
      <h1>{ut('passport.title')}</h1>
      <p className="lead">{ut('passport.intro')}</p>
      <DamagedNotice />
      {status === 'loading' ? (
        <p role="status">{ut('passport.loading')}</p>
      ) : (
        <>
          <p className="passport__progress">
            <span className="passport__count" aria-hidden="true">
              {visited} / {stops.length}
            </span>
            <span className="visually-hidden">{t('passport.progressLabel', { visited, total: stops.length })}</span>
            <span className="passport__rings">{ut('passport.ringsLabel', { count: rings })}</span>
          </p>
          {content.campuses.map((campus) => {
            const campusVisited = campus.stops.filter((s) => stamps[stopKey(campus.id, s.id)]).length;
            return (
              <section key={campus.id} className="passport__campus" aria-labelledby={`passport-${campus.id}`}>
                <h2 id={`passport-${campus.id}`}>
                  <Text value={campus.name} />
                </h2>
                <p className="passport__campus-count">{ut('passport.campusProgress', { visited: campusVisited, total: campus.stops.length })}</p>
                <ul className="stamps">
                  {campus.stops.map((stop) => {
                    const stamp = stamps[stopKey(campus.id, stop.id)];
                    const ring = hasRing(record, campus.id, stop);
                    const spots = infoHotspotIds(stop);
                    const openedHere = (opened[stopKey(campus.id, stop.id)] ?? []).filter((id) => spots.includes(id)).length;
                    return (
                      <li key={stop.id} className={`stamp${stamp ? ' stamp--visited' : ''}${ring ? ' stamp--ring' : ''}`}>
                        <PlaceLink to={{ page: 'stop', campusId: campus.id, stopId: stop.id }} className="stamp__link">
                          <span className="stamp__seal" aria-hidden="true">
                            <Text value={stop.name} />
                          </span>
                          <Text className="stamp__name" value={stop.name} />
                        </PlaceLink>
                        <span className="stamp__state">{stamp ? ut('passport.visitedOn', { date: formatDate(stamp.visitedAt, lang) }) : ut('passport.notVisited')}</span>
                        {ring ? <span className="stamp__ring-note">{ut('passport.ring')}</span> : spots.length > 0 && stamp ? <span className="stamp__spots">{ut('passport.spots', { opened: openedHere, total: spots.length })}</span> : null}
                      </li>
                    );
                  })}
                </ul>
              </section>
            );
          })}
          <section className="passport__tours" aria-labelledby="passport-tours">
            <h2 id="passport-tours">{ut('passport.toursHeading')}</h2>
            <ul className="passport__tour-list">
              {content.tours
                .filter((tour) => tour.quiz)
                .map((tour) => {
                  const progress = tourProgress(record, tour);
                  const best = quizzes[tour.id];
                  return (
                    <li key={tour.id} className="passport__tour">
                      <h3>
                        <Text value={tour.title} />
                      </h3>
                      <p>{ut('passport.tourStops', { visited: progress.visited, total: progress.total })}</p>
                      <p>
                        {best
                          ? ut('passport.quizBest', { correct: best.correct, total: best.total, percent: best.percent, result: best.passed ? t('passport.passed') : t('passport.notPassed') })
                          : ut('passport.noQuizYet')}
                      </p>
                      <p className="button-row">
                        <PlaceLink to={{ page: 'quiz', tourId: tour.id }} className={progress.quizPassed ? 'button button--quiet' : 'button'}>
                          {best ? ut('passport.retakeQuiz') : ut('passport.takeQuiz')}
                        </PlaceLink>
                        {progress.ready && (
                          <PlaceLink to={{ page: 'certificate', tourId: tour.id }} className="button">
                            {ut('passport.getCertificate')}
                          </PlaceLink>
                        )}
                      </p>
                    </li>
                  );
                })}
            </ul>
          </section>
          {certificates.length > 0 && (
            <section aria-labelledby="passport-certificates">
              <h2 id="passport-certificates">{ut('passport.certificatesHeading')}</h2>
              <ul className="passport__certificates">
                {certificates.map((c) => {
                  const title = tourTitle(c.tourId);
                  return (
                    <li key={c.code}>
                      <bdi className="passport__cert-name">{c.name}</bdi>
                      {' — '}
                      {ut('passport.certificateLine', { tour: title ? title[lang] : c.tourId, date: formatDate(c.issuedAt, lang), code: c.code })}{' '}
                      <a href={`/verify/${encodeURIComponent(c.code)}`}>{ut('passport.verifyLink')}</a>
                    </li>
                  );
                })}
              </ul>
            </section>
          )}
          <RecordTools />
        </>
      )}
    </div>
  );
}
