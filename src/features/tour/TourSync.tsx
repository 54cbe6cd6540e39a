/**
 * While presenting (or in the notes window), joins the presenter channel so that the main window
 * and the speaker-notes window move through the tour together.
 */
import { useEffect } from 'react';
import { useContent } from '../../content/ContentContext';
import { useReducedMotion } from '../../components/useReducedMotion';
import { usePlace, usePresenter, useVisitStore } from '../../store/context';
import { goToTourStep } from './goToTourStep';
import { connectPresenterChannel } from './presenterChannel';
import { findTour } from './tourSteps';

export function TourSync() {
  const store = useVisitStore();
  const content = useContent();
  const reducedMotion = useReducedMotion();
  const presenting = usePresenter((s) => s.presenting);
  const inNotes = usePlace().page === 'notes';
  useEffect(() => {
    if (!presenting && !inNotes) return;
    return connectPresenterChannel(store, (tourId, step) => {
      if (inNotes) {
        store.getState().setTour({ id: tourId, step });
        return;
      }
      const tour = findTour(content, tourId);
      if (tour) goToTourStep(store, tour, step, reducedMotion);
    });
  }, [presenting, inNotes, store, content, reducedMotion]);
  return null;
}
