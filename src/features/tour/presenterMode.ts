/**
 * Presenter mode's way in and out, with the browser's full screen. Full screen is kept out of the
 * presenter store, which holds plain data: it needs a user gesture, and where it is refused (an
 * iframe, a test browser) presenter mode still works without it.
 */
import { useMemo } from 'react';
import { enterFullscreen, exitFullscreen } from '../../components/fullscreen';
import { usePresenterStore } from '../../store/context';

export { toggleFullscreen } from '../../components/fullscreen';

/** Enters and leaves presenter mode: the store's state and the screen change together. */
export function usePresenterMode() {
  const store = usePresenterStore();
  return useMemo(
    () => ({
      enter() {
        store.getState().enter();
        enterFullscreen();
      },
      leave() {
        store.getState().leave();
        exitFullscreen();
      },
    }),
    [store],
  );
}
