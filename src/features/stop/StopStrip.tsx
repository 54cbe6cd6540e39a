/**
 * Wide screens (issue 18): the campus's stops as one compact row attached under the panorama, so a
 * teacher at 1280×720 can jump to any stop without scrolling to the side column's list. Phones
 * have the side list itself moved under the picture as a strip (styles.css), so this one is hidden
 * there.
 */
import { useLayoutEffect, useRef, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Campus } from '../../content/schema';
import { PlaceLink } from '../../components/PlaceLink';
import { Text } from '../../components/Text';
import { useLang } from '../../store/context';
import './StopStrip.css';

export function StopStrip({ campus, currentId }: { campus: Campus; currentId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const list = useRef<HTMLOListElement>(null);
  // Where the names do not fit one row, the row scrolls so the current stop is in view; only the
  // row moves (scrollIntoView would scroll the page too).
  useLayoutEffect(() => {
    const row = list.current;
    const here = row?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!row || !here || row.scrollWidth <= row.clientWidth) return;
    row.scrollLeft = here.offsetLeft - (row.clientWidth - here.offsetWidth) / 2;
  }, [currentId]);
  // Chromium does not scroll a focused element that is already partly in view, so a keyboard
  // visitor could land on a name cut off at the row's edge: bring the whole link in (row only).
  const showFocused = (e: FocusEvent<HTMLOListElement>) => {
    const row = e.currentTarget;
    const link = e.target;
    if (!(link instanceof HTMLElement) || row.scrollWidth <= row.clientWidth) return;
    // The row is the links' offsetParent (position: relative), so offsetLeft is within the row.
    const left = link.offsetLeft;
    const right = left + link.offsetWidth;
    if (left < row.scrollLeft) row.scrollLeft = left;
    else if (right > row.scrollLeft + row.clientWidth) row.scrollLeft = right - row.clientWidth;
  };
  return (
    <nav className="stop-strip" aria-label={t('stop.stripLabel', { campus: campus.name[lang] })}>
      <ol ref={list} className="stop-strip__list" onFocus={showFocused}>
        {campus.stops.map((s, i) => (
          <li key={s.id}>
            <PlaceLink to={{ page: 'stop', campusId: campus.id, stopId: s.id }} className="stop-strip__link" aria-current={s.id === currentId ? 'page' : undefined}>
              <span className="stop-strip__number" aria-hidden="true">
                {i + 1}
              </span>
              <Text value={s.name} />
            </PlaceLink>
          </li>
        ))}
      </ol>
    </nav>
  );
}
