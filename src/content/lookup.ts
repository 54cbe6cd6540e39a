/** Finding things in validated content by id. */
import type { Campus, Content, Hotspot, Stop, View } from './schema';

export function findCampus(content: Content, campusId: string): Campus | undefined {
  return content.campuses.find((c) => c.id === campusId);
}

export function findStop(campus: Campus, stopId: string): Stop | undefined {
  return campus.stops.find((s) => s.id === stopId);
}

export function findHotspot(stop: Stop, hotspotId: string): Hotspot | undefined {
  return stop.hotspots.find((h) => h.id === hotspotId);
}

/** The view a link leads to: the hotspot's own, or the target stop's initial view. */
export function arrivalView(campus: Campus, targetStopId: string, arrive: View | undefined): View | undefined {
  return arrive ?? findStop(campus, targetStopId)?.initialView;
}
