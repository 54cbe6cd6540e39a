/**
 * What the record means against the content: which stops are stamped and ringed, how far a tour
 * is, whether its certificate can be made. Pure, so the passport, the quiz and the certificate
 * page count the same way, and tests check the rules without a page.
 */
import type { Campus, Content, Stop, Tour } from '../content/schema';
import { stopKey, type RecordData } from './recordStore';

export interface StopRef {
  campusId: string;
  stopId: string;
}

/** The ids of a stop's info hotspots: opening all of them earns the stamp its ring. */
export const infoHotspotIds = (stop: Stop) => stop.hotspots.filter((h) => h.kind === 'info').map((h) => h.id);

/** A visited stop whose every info hotspot has been opened (a stop with none has its ring on the visit). */
export function hasRing(record: Pick<RecordData, 'stamps' | 'opened'>, campusId: string, stop: Stop): boolean {
  const key = stopKey(campusId, stop.id);
  if (!record.stamps[key]) return false;
  const opened = new Set(record.opened[key] ?? []);
  return infoHotspotIds(stop).every((id) => opened.has(id));
}

/** Every stop of both campuses, in content order. */
export const allStops = (content: Pick<Content, 'campuses'>): { campus: Campus; stop: Stop }[] =>
  content.campuses.flatMap((campus) => campus.stops.map((stop) => ({ campus, stop })));

/** The stops a tour shows, each once, in the order it first shows them. */
export function tourStops(tour: Tour): StopRef[] {
  const seen = new Set<string>();
  return tour.steps.flatMap((s) => {
    const key = stopKey(s.campus, s.stop);
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ campusId: s.campus, stopId: s.stop }];
  });
}

export interface TourProgress {
  visited: number;
  total: number;
  missing: StopRef[];
  quizPassed: boolean;
  /** Every stop visited and the quiz passed: the certificate can be made. */
  ready: boolean;
}

export function tourProgress(record: Pick<RecordData, 'stamps' | 'quizzes'>, tour: Tour): TourProgress {
  const stops = tourStops(tour);
  const missing = stops.filter((s) => !record.stamps[stopKey(s.campusId, s.stopId)]);
  const quizPassed = record.quizzes[tour.id]?.passed === true;
  return { visited: stops.length - missing.length, total: stops.length, missing, quizPassed, ready: missing.length === 0 && quizPassed && !!tour.quiz };
}
