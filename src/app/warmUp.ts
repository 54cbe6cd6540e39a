/**
 * A link that opens on a stop starts what its first picture needs as soon as the app has read the
 * URL: the viewer's code and the panorama's manifest and preview. Otherwise they wait for React's
 * first render and the viewer chunk, one after the other (on slow 4G: the preview 0.4 s later).
 */
import type { Content } from '../content/schema';
import { findCampus, findStop } from '../content/lookup';
import { derivedImage } from '../content/images';
import type { Place } from '../store/visitStore';
import { warmUp } from '../viewer/panorama/loading/earlyFetch';

export function warmUpFirstStop(place: Place, content: Content): void {
  if (place.page !== 'stop') return;
  const campus = findCampus(content, place.campusId);
  const stop = campus && findStop(campus, place.stopId);
  if (!stop) return;
  // The same module the stop page's lazy() asks for: one request, shared.
  void import('../viewer/panorama/PanoramaViewer');
  warmUp([derivedImage.panorama(stop.panorama.master), derivedImage.preview(stop.panorama.master)]);
}
