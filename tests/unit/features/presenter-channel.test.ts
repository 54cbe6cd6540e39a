// @vitest-environment node
/**
 * The presenter's two windows (main and speaker notes) kept on the same tour step over a
 * BroadcastChannel. Node's BroadcastChannel stands in for the browser's: two stores connected in
 * one process are two windows, and a bare channel is a third party that listens or sends.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectPresenterChannel, PRESENTER_CHANNEL } from '../../../src/features/tour/presenterChannel';
import { createVisitStore, type VisitStore } from '../../../src/store/visitStore';

const TOUR = 'college-in-10-stops';
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A window: its store, connected, applying the other window's steps as TourSync does in the notes window. */
function openWindow(step: number | null) {
  const store: VisitStore = createVisitStore();
  if (step !== null) store.getState().setTour({ id: TOUR, step });
  const remote: [string, number][] = [];
  const disconnect = connectPresenterChannel(store, (tourId, s) => {
    remote.push([tourId, s]);
    store.getState().setTour({ id: tourId, step: s });
  });
  cleanups.push(disconnect);
  return { store, remote, disconnect };
}

/** Everything said on the channel, as another window hears it. */
function listen() {
  const channel = new BroadcastChannel(PRESENTER_CHANNEL);
  const heard: unknown[] = [];
  channel.onmessage = (event) => heard.push((event as MessageEvent).data);
  cleanups.push(() => channel.close());
  return { channel, heard };
}

const step = (store: VisitStore) => store.getState().tour?.step;

describe('the presenter channel', () => {
  it('moves the other window to the step this one goes to, both ways', async () => {
    const main = openWindow(1);
    const notes = openWindow(1);
    main.store.getState().setTour({ id: TOUR, step: 2 });
    await vi.waitFor(() => expect(step(notes.store)).toBe(2));
    notes.store.getState().setTour({ id: TOUR, step: 3 });
    await vi.waitFor(() => expect(step(main.store)).toBe(3));
    expect(main.remote).toEqual([[TOUR, 3]]);
    expect(notes.remote).toEqual([[TOUR, 2]]);
  });

  it('does not send back a step it was told, so the windows never echo each other', async () => {
    const main = openWindow(1);
    const notes = openWindow(0);
    // The greeting is over (the main window has answered the newcomer's hello) before listening.
    await vi.waitFor(() => expect(step(notes.store)).toBe(1));
    const { heard } = listen();
    main.store.getState().setTour({ id: TOUR, step: 4 });
    await vi.waitFor(() => expect(step(notes.store)).toBe(4));
    // The notes window's own next change follows anything it would have echoed, on the same channel.
    notes.store.getState().setTour({ id: TOUR, step: 5 });
    await vi.waitFor(() => expect(step(main.store)).toBe(5));
    expect(heard.filter((m) => (m as { kind: string }).kind === 'step')).toEqual([
      { kind: 'step', tourId: TOUR, step: 4 },
      { kind: 'step', tourId: TOUR, step: 5 },
    ]);
    expect(main.remote).toEqual([[TOUR, 5]]);
  });

  it('brings a window opened later to the step the other one is on', async () => {
    const main = openWindow(6);
    const notes = openWindow(0);
    await vi.waitFor(() => expect(step(notes.store)).toBe(6));
    // The window that was there first keeps its step: the newcomer asked, it did not tell.
    expect(step(main.store)).toBe(6);
    expect(main.remote).toEqual([]);
  });

  it('ignores steps of another tour, garbled messages, and the step it is already on', async () => {
    const notes = openWindow(2);
    const { channel } = listen();
    for (const message of [
      { kind: 'step', tourId: 'another-tour', step: 7 },
      { kind: 'step', tourId: TOUR, step: -1 },
      { kind: 'step', tourId: TOUR, step: 1.5 },
      { kind: 'step', tourId: TOUR, step: '3' },
      { kind: 'jump', tourId: TOUR, step: 3 },
      null,
      'step 3',
      { kind: 'step', tourId: TOUR, step: 2 },
    ]) {
      channel.postMessage(message);
    }
    // A good message after them all: once it is applied, every one before it has been seen.
    channel.postMessage({ kind: 'step', tourId: TOUR, step: 8 });
    await vi.waitFor(() => expect(step(notes.store)).toBe(8));
    expect(notes.remote).toEqual([[TOUR, 8]]);
  });

  it('stops both ways once disconnected', async () => {
    const main = openWindow(1);
    const notes = openWindow(1);
    const { channel, heard } = listen();
    notes.disconnect();
    main.store.getState().setTour({ id: TOUR, step: 3 });
    notes.store.getState().setTour({ id: TOUR, step: 5 });
    // The main window is still connected: what it says arrives; the notes window's change does not.
    await vi.waitFor(() => expect(heard).toContainEqual({ kind: 'step', tourId: TOUR, step: 3 }));
    channel.postMessage({ kind: 'step', tourId: TOUR, step: 9 });
    await vi.waitFor(() => expect(step(main.store)).toBe(9));
    expect(heard).not.toContainEqual({ kind: 'step', tourId: TOUR, step: 5 });
    expect(step(notes.store)).toBe(5);
    expect(notes.remote).toEqual([]);
  });
});
