/**
 * The document title for where the visitor is (WCAG 2.4.2): the place first, so a tab strip, a
 * window list and a screen reader's "page title" tell pages apart, then the programme.
 */
import type { TFunction } from 'i18next';
import type { Content } from '../content/schema';
import { findCampus, findStop } from '../content/lookup';
import { formatCode } from '../live/protocol';
import type { VisitState } from '../store/visitStore';

export function pageTitle(state: Pick<VisitState, 'lang' | 'place' | 'tour'>, content: Content, t: TFunction): string {
  const { lang, place } = state;
  const { college } = content;
  const tourOf = (id: string) => content.tours.find((x) => x.id === id);
  let parts: string[];
  switch (place.page) {
    case 'home':
      parts = [college.name[lang]];
      break;
    case 'about':
      parts = [t('nav.about')];
      break;
    case 'words':
      parts = [t('words.myWords.title')];
      break;
    case 'campus':
      parts = [findCampus(content, place.campusId)?.name[lang] ?? t('notFound.title')];
      break;
    case 'stop': {
      const campus = findCampus(content, place.campusId);
      const stop = campus && findStop(campus, place.stopId);
      if (!campus || !stop) {
        parts = [t('notFound.title')];
        break;
      }
      parts = [stop.name[lang], campus.name[lang]];
      const tour = state.tour && tourOf(state.tour.id);
      // In a tour the step comes first: it is what changes from one title to the next.
      if (state.tour && tour) parts = [t('tour.progress', { step: state.tour.step + 1, count: tour.steps.length }), ...parts, tour.title[lang]];
      break;
    }
    case 'notes': {
      const tour = tourOf(place.tourId);
      const step = state.tour?.id === place.tourId ? state.tour.step : 0;
      parts = tour
        ? [t('notes.heading', { tour: tour.title[lang] }), t('tour.progress', { step: step + 1, count: tour.steps.length })]
        : [t('notes.title')];
      break;
    }
    case 'live':
      parts = [t('live.joinThis', { code: formatCode(place.code) })];
      break;
    case 'passport':
      parts = [t('passport.title')];
      break;
    case 'quiz':
    case 'certificate': {
      const tour = tourOf(place.tourId);
      parts = tour ? [t(place.page === 'quiz' ? 'quiz.title' : 'certificate.title', { tour: tour.title[lang] })] : [t('notFound.title')];
      break;
    }
    case 'verify':
      parts = [t('verify.title')];
      break;
    case 'notFound':
      parts = [t('notFound.title')];
      break;
  }
  return [...parts, college.programme[lang]].join(' · ');
}
