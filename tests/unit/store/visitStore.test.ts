import { describe, expect, it } from 'vitest';
import { createVisitStore, pickState } from '../../../src/store/visitStore';

describe('the tour store', () => {
  it('can be driven from outside React and its state survives JSON', () => {
    const store = createVisitStore();
    const seen: string[] = [];
    store.subscribe((s) => seen.push(s.place.page));
    store.getState().goTo({ page: 'stop', campusId: 'yubei', stopId: 'library' }, { yaw: 1, pitch: 2, fov: 80 });
    store.getState().openHotspot('reading-room');
    store.getState().setLang('zh');
    const snapshot = JSON.parse(JSON.stringify(pickState(store.getState())));
    expect(snapshot).toEqual({
      lang: 'zh',
      place: { page: 'stop', campusId: 'yubei', stopId: 'library' },
      view: { yaw: 1, pitch: 2, fov: 80 },
      openHotspotId: 'reading-room',
      tour: null,
    });
    expect(seen).toEqual(['stop', 'stop', 'stop']);

    const other = createVisitStore();
    other.getState().restore(snapshot);
    expect(pickState(other.getState())).toEqual(snapshot);
  });

  it('closes the open hotspot when the visitor moves to another stop, and keeps it on a language switch', () => {
    const store = createVisitStore();
    store.getState().goTo({ page: 'stop', campusId: 'yubei', stopId: 'library' });
    store.getState().openHotspot('reading-room');
    store.getState().setLang('zh');
    expect(store.getState().openHotspotId).toBe('reading-room');
    store.getState().goTo({ page: 'stop', campusId: 'yubei', stopId: 'main-gate' });
    expect(store.getState().openHotspotId).toBeNull();
    expect(store.getState().view).toBeNull();
  });

  it('moves to a tour step in one change, and keeps the tour while the visitor looks around', () => {
    const store = createVisitStore();
    let changes = 0;
    store.subscribe(() => (changes += 1));
    const view = { yaw: 10, pitch: 0, fov: 80 };
    store.getState().goToStep({ id: 'yubei-tour', step: 2 }, { page: 'stop', campusId: 'yubei', stopId: 'library' }, view, 'library-books');
    expect(changes).toBe(1);
    expect(pickState(store.getState())).toMatchObject({ tour: { id: 'yubei-tour', step: 2 }, view, openHotspotId: 'library-books' });
    store.getState().goTo({ page: 'stop', campusId: 'yubei', stopId: 'main-gate' });
    expect(store.getState().tour).toEqual({ id: 'yubei-tour', step: 2 });
    store.getState().leaveTour();
    expect(store.getState().tour).toBeNull();
    expect(store.getState().place).toEqual({ page: 'stop', campusId: 'yubei', stopId: 'main-gate' });
  });
});
