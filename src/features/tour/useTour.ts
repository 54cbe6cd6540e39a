/** The tour the visitor follows, with the moves a player, a clicker or a notes window make. */
import { useCallback } from 'react';
import { useStore } from 'zustand';
import { useContent } from '../../content/ContentContext';
import { useReducedMotion } from '../../components/useReducedMotion';
import { usePresenterStore, useVisitStore } from '../../store/context';
import { goToTourStep } from './goToTourStep';
import { findTour } from './tourSteps';

export function useTour() {
  const store = useVisitStore();
  const presenter = usePresenterStore();
  const setTourEnded = presenter.getState().setTourEnded;
  const content = useContent();
  const reducedMotion = useReducedMotion();
  const position = useStore(store, (s) => s.tour);
  const tour = position ? findTour(content, position.id) : undefined;
  const index = position?.step ?? 0;
  const step = tour?.steps[index];
  const goTo = useCallback(
    (n: number) => {
      setTourEnded(false);
      if (tour) goToTourStep(store, tour, n, reducedMotion);
    },
    [store, tour, reducedMotion, setTourEnded],
  );
  return {
    tour,
    index,
    step,
    count: tour?.steps.length ?? 0,
    goTo,
    // Past the last step comes the closing card; Previous from there puts it away.
    next: () => (tour && index >= tour.steps.length - 1 ? setTourEnded(true) : goTo(index + 1)),
    previous: () => (presenter.getState().tourEnded ? setTourEnded(false) : goTo(index - 1)),
    leave: () => {
      setTourEnded(false);
      store.getState().leaveTour();
    },
  };
}
