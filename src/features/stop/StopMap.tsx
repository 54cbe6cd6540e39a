/**
 * "You are here": a small plan of the campus with its stops (issue 18), drawn from the campus
 * model the 3D overview is built from. The current stop is marked; the others are links to them.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Campus } from '../../content/schema';
import { loadStopPlan, type StopPlan } from '../../content/stopPlan';
import { PlaceLink } from '../../components/PlaceLink';
import { Text } from '../../components/Text';
import { useLang } from '../../store/context';
import { MAP_WIDTH, placeNames } from './stopMapLayout';
import './StopMap.css';

/** The plan, once loaded; null while loading or for a campus without a model (then no map). */
function usePlan(campusId: string): StopPlan | null {
  const [plan, setPlan] = useState<{ id: string; plan: StopPlan | null } | null>(null);
  useEffect(() => {
    let live = true;
    loadStopPlan(campusId).then(
      (p) => live && setPlan({ id: campusId, plan: p }),
      () => live && setPlan({ id: campusId, plan: null }),
    );
    return () => {
      live = false;
    };
  }, [campusId]);
  return plan?.id === campusId ? plan.plan : null;
}

export function StopMap({ campus, currentId, plan: given }: { campus: Campus; currentId: string; plan?: StopPlan | null }) {
  const loaded = usePlan(campus.id);
  const plan = given === undefined ? loaded : given;
  const { t } = useTranslation();
  const lang = useLang();

  // The placement below estimates text widths; the browser knows them. After drawing, a name that
  // still touches one drawn before it (the current stop's first) gives way as a name with no free
  // place does: shown on hover and focus, its link named as before.
  const planRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const stops = [...(planRef.current?.querySelectorAll<HTMLElement>('.stop-map__stop') ?? [])];
    stops.sort((a, b) => Number(b.classList.contains('stop-map__stop--here')) - Number(a.classList.contains('stop-map__stop--here')));
    const kept: DOMRect[] = [];
    for (const el of stops) {
      if (el.classList.contains('stop-map__stop--gives-way')) el.classList.remove('stop-map__stop--tight', 'stop-map__stop--gives-way');
      const name = el.querySelector('.stop-map__name');
      if (!name || el.classList.contains('stop-map__stop--tight')) continue;
      const r = name.getBoundingClientRect();
      if (kept.some((k) => r.left < k.right + 2 && k.left < r.right + 2 && r.top < k.bottom + 2 && k.top < r.bottom + 2)) el.classList.add('stop-map__stop--tight', 'stop-map__stop--gives-way');
      else kept.push(r);
    }
  });

  const layout = useMemo(() => {
    if (!plan) return null;
    const { min, max } = plan.bounds;
    const scale = MAP_WIDTH / (max[0] - min[0]);
    const height = (max[1] - min[1]) * scale;
    const at = ([x, z]: [number, number]) => ({ x: (x - min[0]) * scale, y: (z - min[1]) * scale });
    const stops = campus.stops.flatMap((s) => {
      const p = plan.stops[s.id];
      return p ? [{ stop: s, ...at(p) }] : [];
    });
    // The current stop first: its name gets the clearest place.
    const order = [...stops].sort((a, b) => Number(b.stop.id === currentId) - Number(a.stop.id === currentId));
    const placed = new Map(placeNames(order.map((s) => ({ id: s.stop.id, x: s.x, y: s.y, name: s.stop.name[lang] })), height).map((p) => [p.id, p]));
    const buildings = plan.buildings.map((b) => ({ ...at(b.position), w: b.size[0] * scale, h: b.size[1] * scale, turn: b.facing - 180 }));
    return { height, stops, placed, buildings };
  }, [plan, campus, currentId, lang]);

  if (!layout) return null;
  const { height, stops, placed, buildings } = layout;
  const pos = (x: number, y: number, id: string): CSSProperties => {
    const p = placed.get(id);
    return {
      left: `${(x / MAP_WIDTH) * 100}%`,
      top: `${(y / height) * 100}%`,
      '--name-dy': `${p?.dy ?? 0}px`,
    } as CSSProperties;
  };

  return (
    <nav className="side-section stop-map" aria-label={t('stop.mapLabel', { campus: campus.name[lang] })}>
      <h2 className="stop-map__heading">{t('stop.youAreHere')}</h2>
      <div ref={planRef} className="stop-map__plan" style={{ aspectRatio: `${MAP_WIDTH} / ${height}` }}>
        <svg viewBox={`0 0 ${MAP_WIDTH} ${height}`} aria-hidden="true" focusable="false">
          <rect className="stop-map__ground" x="0" y="0" width={MAP_WIDTH} height={height} rx="8" />
          {buildings.map((b, i) => (
            <rect key={i} className="stop-map__building" x={b.x - b.w / 2} y={b.y - b.h / 2} width={b.w} height={b.h} transform={`rotate(${b.turn} ${b.x} ${b.y})`} />
          ))}
        </svg>
        <ul className="stop-map__stops">
          {stops.map(({ stop, x, y }) => {
            const place = placed.get(stop.id);
            const className = `stop-map__stop stop-map__stop--${place?.side ?? 'right'}${place?.fits === false ? ' stop-map__stop--tight' : ''}`;
            return (
              <li key={stop.id} style={pos(x, y, stop.id)}>
                {stop.id === currentId ? (
                  <span className={`${className} stop-map__stop--here`} aria-current="location">
                    <span className="stop-map__dot" aria-hidden="true" />
                    <span className="stop-map__name">
                      <Text value={stop.name} />
                      <span className="visually-hidden"> ({t('stop.here')})</span>
                    </span>
                  </span>
                ) : (
                  <PlaceLink to={{ page: 'stop', campusId: campus.id, stopId: stop.id }} className={className}>
                    <span className="stop-map__dot" aria-hidden="true" />
                    <span className="stop-map__name">
                      <Text value={stop.name} />
                    </span>
                  </PlaceLink>
                )}
              </li>
            );
          })}
        </ul>
      </div>
    </nav>
  );
}
