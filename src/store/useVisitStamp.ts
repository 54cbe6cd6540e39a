/**
 * The passport's rule for a visit: a stop is stamped once its panorama has been on screen for
 * VISIT_MS. Time with the page hidden (another tab, a locked phone) does not count, and leaving
 * the stop before then stamps nothing. The stop page says when its panorama shows (the viewer's
 * `onShown`; the viewer itself knows no store).
 */
import { useEffect } from 'react';
import { useRecordStore } from './recordContext';

export const VISIT_MS = 5000;

export function useVisitStamp(campusId: string, stopId: string, shown: boolean): void {
  const record = useRecordStore();
  useEffect(() => {
    if (!shown) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let remaining = VISIT_MS;
    let startedAt = 0;
    const start = () => {
      if (timer !== undefined || document.hidden) return;
      startedAt = Date.now();
      timer = setTimeout(() => record.getState().stamp(campusId, stopId, new Date()), remaining);
    };
    const pause = () => {
      if (timer === undefined) return;
      clearTimeout(timer);
      timer = undefined;
      remaining = Math.max(0, remaining - (Date.now() - startedAt));
    };
    const onVisibility = () => (document.hidden ? pause() : start());
    start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [record, campusId, stopId, shown]);
}
