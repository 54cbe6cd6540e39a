/**
 * The text view of a stop: its hotspots and the campus's stops. It does everything the 3D view
 * does, for screen readers, for visitors without WebGL, and for anyone who prefers a list.
 */
import type { ReactNode } from 'react';
import { useUiT } from '../../components/useUiT';
import type { Campus, Hotspot, Stop } from '../../content/schema';
import { findStop } from '../../content/lookup';
import { derivedImage } from '../../content/images';
import { PlaceLink } from '../../components/PlaceLink';
import { Text } from '../../components/Text';
import { useLang } from '../../store/context';

interface HotspotListProps {
  campus: Campus;
  stop: Stop;
  openId: string | null;
  onActivate(hotspot: Hotspot): void;
}

export function HotspotList({ campus, stop, openId, onActivate }: HotspotListProps) {
  const ut = useUiT();
  const lang = useLang();
  return (
    <section aria-labelledby="hotspots-heading" className="side-section">
      <h2 id="hotspots-heading">{ut('stop.hotspotsHeading')}</h2>
      <ul className="hotspot-list">
        {stop.hotspots.map((h) => {
          const name = h.kind === 'info' ? h.title[lang] : (findStop(campus, h.target)?.name[lang] ?? h.target);
          return (
            <li key={h.id}>
              <button
                type="button"
                className={`list-button list-button--${h.kind}`}
                aria-pressed={h.kind === 'info' ? h.id === openId : undefined}
                data-list-hotspot-id={h.id}
                onClick={() => onActivate(h)}
              >
                <span className="list-button__icon" aria-hidden="true">
                  {h.kind === 'info' ? 'i' : '➜'}
                </span>
                <span>{h.kind === 'info' ? ut('stop.infoLabel', { title: name }) : ut('stop.linkLabel', { stop: name })}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * The campus's stops, with thumbnails once `thumbnails` is set: the stop page holds them back while
 * its panorama loads, so that on a slow line they do not take the bandwidth the panorama needs.
 */
export function StopList({
  campus,
  currentId,
  thumbnails = true,
  badge,
}: {
  campus: Campus;
  currentId: string;
  thumbnails?: boolean;
  /** Composed in by the app: a note beside a stop (a live session's "3 here"). */
  badge?: ((stopId: string) => ReactNode) | undefined;
}) {
  const ut = useUiT();
  const lang = useLang();
  return (
    <nav aria-labelledby="stops-heading" className="side-section stop-nav">
      <h2 id="stops-heading">{ut('stop.stopsHeading', { campus: campus.name[lang] })}</h2>
      <ol className="stop-list">
        {campus.stops.map((s) => (
          <li key={s.id}>
            <PlaceLink
              to={{ page: 'stop', campusId: campus.id, stopId: s.id }}
              className="stop-list__link"
              aria-current={s.id === currentId ? 'page' : undefined}
            >
              <img src={thumbnails ? derivedImage.thumbnail(s.panorama.master) : undefined} alt="" width={96} height={54} loading="lazy" fetchPriority="low" />
              <Text value={s.name} />
              {s.id === currentId && <span className="stop-list__here">({ut('stop.here')})</span>}
              {badge?.(s.id)}
            </PlaceLink>
          </li>
        ))}
      </ol>
    </nav>
  );
}
