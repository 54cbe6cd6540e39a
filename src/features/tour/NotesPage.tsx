/**
 * The presenter's speaker-notes window: the current step, its notes, the next step, the count and
 * an elapsed timer, with next/previous. It moves the main window and follows it (TourSync).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useContent } from '../../content/ContentContext';
import { findCampus, findStop } from '../../content/lookup';
import { Text } from '../../components/Text';
import { useLang, useVisitStore } from '../../store/context';
import { usePresenterKeys } from './PresenterLayer';
import { findTour } from './tourSteps';

function useElapsedSeconds(): [number, () => void] {
  const [start, setStart] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return [
    Math.max(0, Math.floor((now - start) / 1000)),
    () => {
      setStart(Date.now());
      setNow(Date.now());
    },
  ];
}

const clock = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

export function NotesPage({ tourId }: { tourId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const content = useContent();
  const store = useVisitStore();
  const tour = findTour(content, tourId);
  const index = useStore(store, (s) => (s.tour?.id === tourId ? s.tour.step : 0));
  const [elapsed, restart] = useElapsedSeconds();
  const count = tour?.steps.length ?? 0;
  const go = (n: number) => store.getState().setTour({ id: tourId, step: Math.max(0, Math.min(count - 1, n)) });
  usePresenterKeys(Boolean(tour), () => go(index + 1), () => go(index - 1));

  if (!tour) {
    return (
      <div className="message-page">
        <h1>{t('notes.title')}</h1>
        <p>{t('notes.unknownTour')}</p>
      </div>
    );
  }
  const step = tour.steps[index];
  const following = tour.steps[index + 1];
  const name = (campusId: string, stopId: string) => {
    const c = findCampus(content, campusId);
    return (c && findStop(c, stopId)?.name[lang]) ?? stopId;
  };
  return (
    <div className="notes">
      <h1>{t('notes.heading', { tour: tour.title[lang] })}</h1>
      <div className="notes__bar">
        <p className="notes__count" aria-live="polite">
          {t('tour.progress', { step: index + 1, count })}
        </p>
        <p className="notes__timer">
          {t('notes.elapsed')} <span className="notes__clock">{clock(elapsed)}</span>
        </p>
        <button type="button" className="button button--quiet" onClick={restart}>
          {t('notes.restart')}
        </button>
      </div>
      <div className="notes__controls">
        <button type="button" className="button button--big" onClick={() => go(index - 1)} aria-disabled={index === 0}>
          ◀ {t('tour.previous')}
        </button>
        <button type="button" className="button button--big" onClick={() => go(index + 1)} aria-disabled={index === count - 1}>
          {t('tour.next')} ▶
        </button>
      </div>
      {step && (
        <section className="notes__now" aria-labelledby="notes-now">
          <h2 id="notes-now">{t('notes.nowNamed', { stop: name(step.campus, step.stop) })}</h2>
          <h3>{t('notes.notes')}</h3>
          {step.notes ? <Text as="p" className="notes__text" value={step.notes} /> : <p>{t('notes.none')}</p>}
          <h3>{t('notes.narration')}</h3>
          <Text as="p" value={step.narration} />
        </section>
      )}
      <section className="notes__next" aria-labelledby="notes-next">
        <h2 id="notes-next">{t('notes.next')}</h2>
        {following ? (
          <>
            <p className="notes__next-name">{name(following.campus, following.stop)}</p>
            <Text as="p" value={following.narration} />
          </>
        ) : (
          <p>{t('notes.last')}</p>
        )}
      </section>
    </div>
  );
}
