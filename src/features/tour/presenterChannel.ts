/**
 * Keeps the presenter's windows on the same tour step, both ways, in one browser and with no
 * server: the main window and the speaker-notes window talk over a BroadcastChannel.
 */
import type { VisitStore } from '../../store/visitStore';
import { sameTourPosition } from '../../store/visitStore';

/** The BroadcastChannel's name (exported for tests, which talk on it as another window would). */
export const PRESENTER_CHANNEL = 'cbdo-presenter';

type Message = { kind: 'step'; tourId: string; step: number } | { kind: 'hello' };

function isMessage(data: unknown): data is Message {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Record<string, unknown>;
  return (
    m.kind === 'hello' ||
    (m.kind === 'step' && typeof m.tourId === 'string' && Number.isInteger(m.step) && (m.step as number) >= 0)
  );
}

/**
 * Posts this window's tour step whenever it changes, and hands the other window's steps to
 * `onRemoteStep`. Returns a function that disconnects.
 */
export function connectPresenterChannel(store: VisitStore, onRemoteStep: (tourId: string, step: number) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(PRESENTER_CHANNEL);
  let applying = false;
  const post = () => {
    const tour = store.getState().tour;
    if (tour) channel.postMessage({ kind: 'step', tourId: tour.id, step: tour.step } satisfies Message);
  };
  const unsubscribe = store.subscribe((state, prev) => {
    if (!applying && !sameTourPosition(state.tour, prev.tour)) post();
  });
  channel.onmessage = (event: MessageEvent) => {
    if (!isMessage(event.data)) return;
    if (event.data.kind === 'hello') return post();
    const { tourId, step } = event.data;
    const current = store.getState().tour;
    if (current?.id !== tourId || current.step === step) return;
    applying = true; // what the other window did is not sent back to it
    try {
      onRemoteStep(tourId, step);
    } finally {
      applying = false;
    }
  };
  channel.postMessage({ kind: 'hello' } satisfies Message);
  return () => {
    unsubscribe();
    channel.close();
  };
}
