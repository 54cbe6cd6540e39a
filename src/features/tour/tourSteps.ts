/** What a tour step means for the store: where to be, where to look, what to open. */
import type { Content, Lang, Tour, TourStep, View } from '../../content/schema';
import type { Place, VisitState } from '../../store/visitStore';

export function findTour(content: Content, tourId: string): Tour | undefined {
  return content.tours.find((t) => t.id === tourId);
}

export interface StepTarget {
  place: Extract<Place, { page: 'stop' }>;
  view: View;
  openHotspotId: string | null;
}

export function stepTarget(step: TourStep): StepTarget {
  return {
    place: { page: 'stop', campusId: step.campus, stopId: step.stop },
    view: step.view,
    openHotspotId: step.hotspot ?? null,
  };
}

/** Whether the visitor stands where the step put them (they may have wandered off on their own). */
export function isAtStep(state: Pick<VisitState, 'place'>, step: TourStep): boolean {
  const p = state.place;
  return p.page === 'stop' && p.campusId === step.campus && p.stopId === step.stop;
}

/** How long autoplay stays on a step with no voice to read it: about a reading pace, at least 6 s. */
export function stepSeconds(step: TourStep, lang: Lang): number {
  if (step.duration) return step.duration;
  const text = step.narration[lang];
  const perSecond = lang === 'zh' ? 4.5 : 15; // characters read aloud per second
  return Math.max(6, Math.round(text.length / perSecond) + 2);
}
