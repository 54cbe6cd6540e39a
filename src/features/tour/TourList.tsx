/** The guided tours to start, as cards (all of them, or one campus's). */
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useContent } from '../../content/ContentContext';
import { Text } from '../../components/Text';
import { useReducedMotion } from '../../components/useReducedMotion';
import { useLang, useVisitStore } from '../../store/context';
import { stateToUrl } from '../../store/paths';
import { goToTourStep } from './goToTourStep';
import { stepTarget } from './tourSteps';

/** `campusId` limits the list to tours that stay on that campus. */
export function TourList({ campusId }: { campusId?: string }) {
  const { t } = useTranslation();
  const { tours } = useContent();
  const lang = useLang();
  const store = useVisitStore();
  const reducedMotion = useReducedMotion();
  const shown = campusId ? tours.filter((tour) => tour.steps.every((s) => s.campus === campusId)) : tours;
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="tours-heading" className="tours">
      <h2 id="tours-heading">{t('tour.heading')}</h2>
      <ul className="tour-cards">
        {shown.map((tour) => {
          const first = tour.steps[0]!;
          const href = stateToUrl({ lang, ...stepTarget(first), tour: { id: tour.id, step: 0 } }) ?? '/';
          const start = (e: MouseEvent<HTMLAnchorElement>) => {
            if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
            e.preventDefault();
            goToTourStep(store, tour, 0, reducedMotion);
          };
          return (
            <li key={tour.id} className="tour-card">
              <h3>
                <Text value={tour.title} />
              </h3>
              <Text as="p" value={tour.summary} />
              <p className="card__meta">{t('tour.stepsCount', { count: tour.steps.length })}</p>
              <a className="button" href={href} onClick={start} aria-label={t('tour.startNamed', { tour: tour.title[lang] })}>
                {t('tour.start')}
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
