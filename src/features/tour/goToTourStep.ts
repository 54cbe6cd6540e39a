/** Moves the one store to a tour step: the same store a visitor's own clicks move. */
import type { Tour } from '../../content/schema';
import type { VisitStore } from '../../store/visitStore';
import { isAtStep, stepTarget } from './tourSteps';
import { turnView } from './turnView';

let stopTurning: (() => void) | null = null;

/**
 * Goes to step `index` (from 0). On the same stop the camera turns smoothly to the step's view,
 * unless the visitor prefers reduced motion: then, and on another stop, it cuts.
 */
export function goToTourStep(store: VisitStore, tour: Tour, index: number, reducedMotion: boolean): void {
  const clamped = Math.max(0, Math.min(tour.steps.length - 1, index));
  const step = tour.steps[clamped];
  if (!step) return;
  stopTurning?.();
  stopTurning = null;
  const target = stepTarget(step);
  const state = store.getState();
  const position = { id: tour.id, step: clamped };
  if (!reducedMotion && state.view && isAtStep(state, step)) {
    state.goToStep(position, target.place, state.view, target.openHotspotId);
    stopTurning = turnView(store, target.view);
  } else {
    state.goToStep(position, target.place, target.view, target.openHotspotId);
  }
}
