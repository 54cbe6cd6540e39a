/**
 * Every move to another page, stop or tour step shows the top of what it leads to, as a link to a
 * new page does on any site: a visitor who started a tour at the foot of the welcome page must not
 * land on the empty middle of a stop page with the panorama and captions scrolled away.
 */
import { useEffect, useRef } from 'react';
import { useLiveSession } from '../features/live/LiveSessionContext';

export function useScrollOnNavigation(placeKey: string, tourKey: string) {
  const session = useLiveSession();
  const previous = useRef({ placeKey, tourKey });
  useEffect(() => {
    const was = previous.current;
    previous.current = { placeKey, tourKey };
    if (was.placeKey === placeKey && was.tourKey === tourKey) return;
    // A guide moving a delegate's screen is announced; where the delegate reads stays theirs.
    const live = session.getState();
    if (live.role === 'delegate' && live.following) return;
    if (was.placeKey !== placeKey) {
      window.scrollTo({ top: 0 });
      return;
    }
    // A step at the same stop: bring the panorama back if the visitor scrolled it away.
    const stage = document.querySelector<HTMLElement>('.stage');
    if (stage && stage.getBoundingClientRect().top < 0) stage.scrollIntoView({ block: 'start' });
  }, [placeKey, tourKey, session]);
}
