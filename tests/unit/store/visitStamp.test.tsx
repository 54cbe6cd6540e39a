import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RecordStoreProvider } from '../../../src/store/recordContext';
import { createRecordStore, type RecordStore } from '../../../src/store/recordStore';
import { useVisitStamp, VISIT_MS } from '../../../src/store/useVisitStamp';

function Probe({ stopId, shown }: { stopId: string; shown: boolean }) {
  useVisitStamp('yubei', stopId, shown);
  return null;
}

function mount(store: RecordStore, stopId: string, shown: boolean) {
  const ui = (id: string, s: boolean) => (
    <RecordStoreProvider store={store}>
      <Probe stopId={id} shown={s} />
    </RecordStoreProvider>
  );
  const r = render(ui(stopId, shown));
  return { rerender: (id: string, s: boolean) => r.rerender(ui(id, s)), unmount: r.unmount };
}

let hidden = false;
beforeEach(() => {
  vi.useFakeTimers();
  hidden = false;
  vi.spyOn(document, 'hidden', 'get').mockImplementation(() => hidden);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the 5-second visit rule', () => {
  it('stamps a stop once its panorama has been on screen for 5 s, not before', () => {
    const store = createRecordStore();
    mount(store, 'library', true);
    act(() => vi.advanceTimersByTime(VISIT_MS - 1));
    expect(store.getState().stamps['yubei/library']).toBeUndefined();
    act(() => vi.advanceTimersByTime(1));
    expect(store.getState().stamps['yubei/library']).toBeDefined();
  });

  it('does not start the clock before the panorama shows', () => {
    const store = createRecordStore();
    const page = mount(store, 'library', false);
    act(() => vi.advanceTimersByTime(10_000));
    expect(store.getState().stamps).toEqual({});
    page.rerender('library', true);
    act(() => vi.advanceTimersByTime(VISIT_MS));
    expect(store.getState().stamps['yubei/library']).toBeDefined();
  });

  it('stamps nothing when the visitor leaves the stop before 5 s, and starts again on the next stop', () => {
    const store = createRecordStore();
    const page = mount(store, 'library', true);
    act(() => vi.advanceTimersByTime(4000));
    page.rerender('main-gate', true);
    act(() => vi.advanceTimersByTime(4000));
    expect(store.getState().stamps).toEqual({});
    act(() => vi.advanceTimersByTime(1000));
    expect(Object.keys(store.getState().stamps)).toEqual(['yubei/main-gate']);
    page.unmount();
  });

  it('does not count time while the page is hidden', () => {
    const store = createRecordStore();
    mount(store, 'library', true);
    act(() => vi.advanceTimersByTime(3000));
    hidden = true;
    act(() => document.dispatchEvent(new Event('visibilitychange')));
    act(() => vi.advanceTimersByTime(60_000));
    expect(store.getState().stamps).toEqual({});
    hidden = false;
    act(() => document.dispatchEvent(new Event('visibilitychange')));
    act(() => vi.advanceTimersByTime(1999));
    expect(store.getState().stamps).toEqual({});
    act(() => vi.advanceTimersByTime(1));
    expect(store.getState().stamps['yubei/library']).toBeDefined();
  });
});
