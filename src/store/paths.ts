/**
 * Every URL of the app is built and read here, and nowhere else.
 *
 *   /zh                         welcome page
 *   /en/about                   about the college
 *   /en/yubei                   a campus and its stops
 *   /en/yubei/library?yaw=12.5&pitch=-3&fov=90&spot=reading-room
 *                               a stop, the view and the open hotspot
 *   /en/yubei/library?…&tour=college-in-10-stops&step=4
 *                               the same, as step 4 of a guided tour (steps count from 1 here)
 *   /en/notes/college-in-10-stops?step=4
 *                               the presenter's speaker-notes window
 *   /en/live/K7QX2M             joining a guide's live session
 *   /en/passport                the delegate's participation record
 *   /en/quiz/yubei-tour         a tour's quiz
 *   /en/certificate/yubei-tour  making that tour's certificate
 *   /en/verify/ABCD-EFGH-JKMN-PQRS
 *                               what was issued under a certificate's code (/en/verify: the form);
 *                               /verify/… without a language, as printed on a certificate, too
 *   /en/words                   the learner's starred words ("My words")
 */
import { ID_PATTERN as ID, LANGS, FOV_MAX, FOV_MIN, type Lang } from '../content/limits';
import type { View } from '../content/schema';
import { CODE_LENGTH, normalizeCode } from '../live/protocol';
import { formatCertCode, normalizeCertCode } from '../certificate/code';
import type { Place, TourPosition, VisitState } from './visitStore';

export const isLang = (value: string | undefined): value is Lang => LANGS.includes(value as Lang);

/** The first path segment (after the language) of each page that is not a campus or a stop. */
const SEGMENT = { about: 'about', notes: 'notes', live: 'live', verify: 'verify', words: 'words', passport: 'passport', quiz: 'quiz', certificate: 'certificate' } as const satisfies Partial<Record<Place['page'], string>>;

/**
 * First path segments the app's own pages take. A campus with one of these ids could never be
 * reached (`/en/about` is the about page), so the content check rejects it.
 */
export const RESERVED_SEGMENTS: readonly string[] = Object.values(SEGMENT);

const round = (n: number) => Math.round(n * 10) / 10;

/** The URL of a state; null for a page that has no URL of its own (not found). */
export function stateToUrl(
  state: Pick<VisitState, 'lang' | 'place' | 'view' | 'openHotspotId'> & { tour?: VisitState['tour'] },
): string | null {
  const { lang, place } = state;
  switch (place.page) {
    case 'home':
      return `/${lang}`;
    case 'about':
      return `/${lang}/${SEGMENT.about}`;
    case 'words':
      return `/${lang}/${SEGMENT.words}`;
    case 'campus':
      return `/${lang}/${place.campusId}`;
    case 'stop': {
      const params = new URLSearchParams();
      if (state.view) {
        params.set('yaw', String(round(state.view.yaw)));
        params.set('pitch', String(round(state.view.pitch)));
        params.set('fov', String(round(state.view.fov)));
      }
      if (state.openHotspotId) params.set('spot', state.openHotspotId);
      if (state.tour) {
        params.set('tour', state.tour.id);
        params.set('step', String(state.tour.step + 1));
      }
      const query = params.toString();
      return `/${lang}/${place.campusId}/${place.stopId}${query ? `?${query}` : ''}`;
    }
    case 'notes':
      return `/${lang}/${SEGMENT.notes}/${place.tourId}?step=${(state.tour?.step ?? 0) + 1}`;
    case 'live':
      return `/${lang}/${SEGMENT.live}/${place.code}`;
    case 'passport':
      return `/${lang}/${SEGMENT.passport}`;
    case 'quiz':
      return `/${lang}/${SEGMENT.quiz}/${place.tourId}`;
    case 'certificate':
      return `/${lang}/${SEGMENT.certificate}/${place.tourId}`;
    case 'verify':
      return `/${lang}/${SEGMENT.verify}${place.code ? `/${normalizeCertCode(place.code) ? formatCertCode(place.code) : place.code}` : ''}`;
    case 'notFound':
      return null;
  }
}

/** A URL's path alone: what decides whether a change is a new history entry. */
export const pathOf = (url: string) => url.split('?')[0] ?? url;


function numberIn(value: string | null, min: number, max: number): number | null {
  if (value === null || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) && n >= min && n <= max ? n : null;
}

/** Reads the view from a query; a view with any part missing or out of range is ignored. */
function parseView(params: URLSearchParams): View | null {
  const yaw = numberIn(params.get('yaw'), -180, 180);
  const pitch = numberIn(params.get('pitch'), -90, 90);
  const fov = numberIn(params.get('fov'), FOV_MIN, FOV_MAX);
  return yaw === null || pitch === null || fov === null ? null : { yaw, pitch, fov };
}

export interface ParsedUrl {
  /** The language the URL names; null at `/`, where the visitor's own language applies. */
  lang: Lang | null;
  place: Place;
  view: View | null;
  openHotspotId: string | null;
  tour: TourPosition | null;
}

function parseTour(id: string | null, step: string | null): TourPosition | null {
  const n = numberIn(step, 1, 999);
  return id && ID.test(id) && n !== null && Number.isInteger(n) ? { id, step: n - 1 } : null;
}

/** Reads a URL. Anything it cannot read is the not-found page. */
export function urlToState(pathname: string, search: string): ParsedUrl {
  const parts = pathname.split('/').filter(Boolean);
  const none = { view: null, openHotspotId: null, tour: null };
  if (parts.length === 0) return { lang: null, place: { page: 'home' }, ...none };
  // The verify page, with or without a language: its address is printed on certificates.
  const verifyAt = parts[0] === SEGMENT.verify ? 0 : isLang(parts[0]) && parts[1] === SEGMENT.verify ? 1 : -1;
  if (verifyAt >= 0 && parts.length <= verifyAt + 2) {
    const lang = verifyAt === 1 && isLang(parts[0]) ? parts[0] : null;
    const typed = parts[verifyAt + 1];
    if (typed === undefined) return { lang, place: { page: 'verify', code: null }, ...none };
    // A code that cannot be one stays as typed (within bounds): the page says what is wrong with it.
    const code = normalizeCertCode(typed) ?? (/^[\w-]{1,40}$/.test(typed) ? typed : null);
    return { lang, place: code ? { page: 'verify', code } : { page: 'notFound' }, ...none };
  }
  const [lang, first, second, ...rest] = parts;
  if (!isLang(lang) || rest.length > 0) return { lang: isLang(lang) ? lang : null, place: { page: 'notFound' }, ...none };
  if (first === undefined) return { lang, place: { page: 'home' }, ...none };
  const codeLike = first === SEGMENT.live && second !== undefined && /^[0-9A-Za-z-]{6,8}$/.test(second);
  if (!ID.test(first) || (second !== undefined && !ID.test(second) && !codeLike)) return { lang, place: { page: 'notFound' }, ...none };
  if (first === SEGMENT.passport) return { lang, place: second === undefined ? { page: 'passport' } : { page: 'notFound' }, ...none };
  if (first === SEGMENT.quiz || first === SEGMENT.certificate) {
    return { lang, place: second === undefined ? { page: 'notFound' } : { page: first, tourId: second }, ...none };
  }
  if (second === undefined) {
    if (first === SEGMENT.notes || first === SEGMENT.live) return { lang, place: { page: 'notFound' }, ...none };
    if (first === SEGMENT.words) return { lang, place: { page: 'words' }, ...none };
    return { lang, place: first === SEGMENT.about ? { page: 'about' } : { page: 'campus', campusId: first }, ...none };
  }
  const params = new URLSearchParams(search);
  if (first === SEGMENT.live) {
    const code = normalizeCode(second);
    return code.length === CODE_LENGTH ? { lang, place: { page: 'live', code }, ...none } : { lang, place: { page: 'notFound' }, ...none };
  }
  if (first === SEGMENT.notes) {
    const tour = parseTour(second, params.get('step') ?? '1');
    return { lang, place: { page: 'notes', tourId: second }, ...none, tour };
  }
  if (first === SEGMENT.about || first === SEGMENT.words) return { lang, place: { page: 'notFound' }, ...none };
  const spot = params.get('spot');
  return {
    lang,
    place: { page: 'stop', campusId: first, stopId: second },
    view: parseView(params),
    openHotspotId: spot && ID.test(spot) ? spot : null,
    tour: parseTour(params.get('tour'), params.get('step')),
  };
}
