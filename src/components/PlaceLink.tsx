/**
 * A real link to a place of the tour (it opens in a new tab, it can be copied) that, on a plain
 * click, moves the visitor through the store, so the URL and the store change together.
 */
import type { MouseEvent, ReactNode } from 'react';
import type { View } from '../content/schema';
import { useVisitStore } from '../store/context';
import { stateToUrl } from '../store/paths';
import type { Place } from '../store/visitStore';

interface PlaceLinkProps {
  to: Place;
  view?: View | null;
  children: ReactNode;
  className?: string;
  'aria-current'?: 'page' | 'location' | undefined;
}

export function PlaceLink({ to, view = null, children, className, ...rest }: PlaceLinkProps) {
  const store = useVisitStore();
  const lang = store.getState().lang;
  const href = stateToUrl({ lang, place: to, view, openHotspotId: null }) ?? '/';
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    store.getState().goTo(to, view);
  };
  return (
    <a href={href} onClick={onClick} className={className} aria-current={rest['aria-current']}>
      {children}
    </a>
  );
}
