import { act } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { UrlSync } from '../../../src/app/UrlSync';
import { renderWithApp } from '../render';

const here = (router: { state: { location: { pathname: string; search: string } } }) =>
  router.state.location.pathname + router.state.location.search;

describe('the URL and the store', () => {
  it('reads a shared link into the store', () => {
    const { store } = renderWithApp(<UrlSync />, {}, '/zh/yubei/library?yaw=12.5&pitch=-3&fov=80&spot=library-books');
    expect(store.getState()).toMatchObject({
      lang: 'zh',
      place: { page: 'stop', campusId: 'yubei', stopId: 'library' },
      view: { yaw: 12.5, pitch: -3, fov: 80 },
      openHotspotId: 'library-books',
    });
  });

  it('pushes a history entry for a new stop, and replaces it for a hotspot or a language', () => {
    const { store, router } = renderWithApp(<UrlSync />, {}, '/en/yubei/main-gate');
    act(() => store.getState().goTo({ page: 'stop', campusId: 'yubei', stopId: 'library' }, { yaw: 10, pitch: 0, fov: 90 }));
    expect(here(router)).toBe('/en/yubei/library?yaw=10&pitch=0&fov=90');
    act(() => store.getState().openHotspot('library-books'));
    act(() => store.getState().setLang('zh'));
    expect(here(router)).toBe('/zh/yubei/library?yaw=10&pitch=0&fov=90&spot=library-books');
    // Back walks the stops visited, not every hotspot or language change.
    act(() => void router.navigate(-1));
    expect(store.getState().place).toEqual({ page: 'stop', campusId: 'yubei', stopId: 'main-gate' });
  });

  it('goes back to the stop left even when the router reports the back before the new stop', async () => {
    const { store, router } = renderWithApp(<UrlSync />, {}, '/en/yubei/main-gate');
    // A turn, a link followed at once, and Back, all before React renders: the router's first
    // report is the pop into the entry the app itself rewrote with the turned view.
    act(() => {
      store.getState().setView({ yaw: -35, pitch: 0, fov: 90 });
      store.getState().goTo({ page: 'stop', campusId: 'yubei', stopId: 'library' }, { yaw: 0, pitch: 0, fov: 90 });
      void router.navigate(-1);
    });
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(here(router)).toBe('/en/yubei/main-gate?yaw=-35&pitch=0&fov=90');
    expect(store.getState()).toMatchObject({
      place: { page: 'stop', campusId: 'yubei', stopId: 'main-gate' },
      view: { yaw: -35, pitch: 0, fov: 90 },
    });
  });

  it('writes a dragged view to the URL shortly after, not on every move', async () => {
    const { store, router } = renderWithApp(<UrlSync />, {}, '/en/yubei/main-gate');
    act(() => {
      for (let i = 1; i <= 30; i += 1) store.getState().setView({ yaw: i, pitch: 0, fov: 90 });
    });
    expect(here(router)).toBe('/en/yubei/main-gate');
    await act(() => new Promise((r) => setTimeout(r, 400)));
    expect(here(router)).toBe('/en/yubei/main-gate?yaw=30&pitch=0&fov=90');
    expect(store.getState().view?.yaw).toBe(30);
  });

  it('sends the bare address to the visitor’s language', () => {
    const { router } = renderWithApp(<UrlSync />, { lang: 'zh' }, '/');
    expect(here(router)).toBe('/zh');
  });
});
