/** The name of a live place in a language: a stop's or a campus's from the content, a page's from the UI strings. */
import type { TFunction } from 'i18next';
import { findCampus, findStop } from '../../content/lookup';
import type { Content, Lang } from '../../content/schema';
import type { LivePlace } from '../../live/protocol';

export function placeName(place: LivePlace, content: Content, lang: Lang, t: TFunction): string | null {
  if (place.page === 'stop') {
    const campus = findCampus(content, place.campusId);
    return (campus && findStop(campus, place.stopId)?.name[lang]) ?? null;
  }
  if (place.page === 'campus') return findCampus(content, place.campusId)?.name[lang] ?? null;
  return place.page === 'home' ? t('nav.home') : t('nav.about');
}
