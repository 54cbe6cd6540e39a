import { describe, expect, it } from 'vitest';
import { stateToUrl, urlToState } from '../../../src/store/paths';

describe('URLs', () => {
  it('round-trips a stop with its view and open hotspot', () => {
    const state = {
      lang: 'zh' as const,
      place: { page: 'stop' as const, campusId: 'yubei', stopId: 'library' },
      view: { yaw: -12.34, pitch: 5.06, fov: 75 },
      openHotspotId: 'reading-room',
      tour: { id: 'college-in-10-stops', step: 3 },
    };
    const url = stateToUrl(state)!;
    expect(url).toBe('/zh/yubei/library?yaw=-12.3&pitch=5.1&fov=75&spot=reading-room&tour=college-in-10-stops&step=4');
    const [pathname, search] = url.split('?');
    expect(urlToState(pathname!, `?${search}`)).toEqual({
      ...state,
      view: { yaw: -12.3, pitch: 5.1, fov: 75 },
    });
  });

  it('builds the page URLs', () => {
    const base = { lang: 'en' as const, view: null, openHotspotId: null };
    expect(stateToUrl({ ...base, place: { page: 'home' } })).toBe('/en');
    expect(stateToUrl({ ...base, place: { page: 'about' } })).toBe('/en/about');
    expect(stateToUrl({ ...base, place: { page: 'campus', campusId: 'nanchuan' } })).toBe('/en/nanchuan');
    expect(stateToUrl({ ...base, place: { page: 'notFound' } })).toBeNull();
    expect(stateToUrl({ ...base, place: { page: 'notes', tourId: 'yubei-tour' }, tour: { id: 'yubei-tour', step: 2 } })).toBe(
      '/en/notes/yubei-tour?step=3',
    );
  });

  it('opens a tour step from a link, and ignores a step that is not a whole number from 1', () => {
    expect(urlToState('/en/yubei/library', '?tour=yubei-tour&step=4').tour).toEqual({ id: 'yubei-tour', step: 3 });
    expect(urlToState('/en/yubei/library', '?tour=yubei-tour&step=0').tour).toBeNull();
    expect(urlToState('/en/yubei/library', '?tour=yubei-tour&step=1.5').tour).toBeNull();
    expect(urlToState('/en/notes/yubei-tour', '?step=2')).toMatchObject({ place: { page: 'notes', tourId: 'yubei-tour' }, tour: { id: 'yubei-tour', step: 1 } });
  });

  it('reads the root as home with no language, so the visitor’s own language applies', () => {
    expect(urlToState('/', '')).toMatchObject({ lang: null, place: { page: 'home' } });
  });

  it('sends unreadable addresses to the not-found page', () => {
    expect(urlToState('/fr/yubei', '').place).toEqual({ page: 'notFound' });
    expect(urlToState('/en/yubei/library/extra', '').place).toEqual({ page: 'notFound' });
    expect(urlToState('/en/Yubei', '').place).toEqual({ page: 'notFound' });
  });

  it('ignores a view that is incomplete or out of range, and a malformed hotspot id', () => {
    expect(urlToState('/en/yubei/library', '?yaw=10&pitch=0').view).toBeNull();
    expect(urlToState('/en/yubei/library', '?yaw=400&pitch=0&fov=90').view).toBeNull();
    expect(urlToState('/en/yubei/library', '?yaw=10&pitch=0&fov=5').view).toBeNull();
    expect(urlToState('/en/yubei/library', '?yaw=abc&pitch=0&fov=90').view).toBeNull();
    expect(urlToState('/en/yubei/library', '?spot=<script>').openHotspotId).toBeNull();
  });
});

describe('live-session URLs', () => {
  const live = (code: string) => ({ lang: 'zh' as const, place: { page: 'live' as const, code }, view: null, openHotspotId: null });

  it('round-trip a session code, in both languages', () => {
    for (const lang of ['zh', 'en'] as const) {
      const url = stateToUrl({ ...live('K7QX2M'), lang })!;
      expect(url).toBe(`/${lang}/live/K7QX2M`);
      expect(urlToState(url, '')).toEqual({ ...live('K7QX2M'), lang, tour: null });
    }
  });

  it('read a code as a delegate may type it: lower case, with a dash', () => {
    for (const typed of ['k7qx2m', 'K7Q-X2M', 'k7q-x2m', 'K7QX-2M']) {
      const parsed = urlToState(`/en/live/${typed}`, '');
      expect(parsed.place, typed).toEqual({ page: 'live', code: 'K7QX2M' });
      // …and the URL written back is the canonical one.
      expect(stateToUrl({ ...parsed, lang: 'en' })).toBe('/en/live/K7QX2M');
    }
  });

  it('send a missing, short, long or garbled code to the not-found page', () => {
    for (const path of ['/en/live', '/en/live/', '/en/live/K7QX2', '/en/live/K7QX2MA', '/en/live/K7Q-X2M-A', '/en/live/K7Q_X2M', '/en/live/K7QX2M/extra', '/en/live/%E5%AF%BC%E6%B8%B8']) {
      expect(urlToState(path, '').place, path).toEqual({ page: 'notFound' });
    }
  });

  it('ignore a view, hotspot or tour in the query of a live URL (the guide drives those)', () => {
    expect(urlToState('/en/live/K7QX2M', '?yaw=10&pitch=0&fov=90&spot=gate-history&tour=college-in-10-stops&step=2')).toEqual({
      ...live('K7QX2M'),
      lang: 'en',
      tour: null,
    });
  });
});
