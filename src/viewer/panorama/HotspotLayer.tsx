/**
 * Hotspots as real DOM buttons laid over the panorama: focusable, named, and found by screen
 * readers, which a hotspot drawn in WebGL never is. Only hotspots in front of the camera and on
 * screen are rendered, so Tab reaches exactly the visible ones.
 */
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { View } from '../../content/schema';
import { arrowDirection, estimateCaptionSize, placeCaptions } from '../captionPlacement';
import { projectToScreen } from '../viewMath';

/** A hotspot as the viewer needs it: a place, a kind and words already in the visitor's language. */
export interface ViewerHotspot {
  id: string;
  kind: 'info' | 'link';
  yaw: number;
  pitch: number;
  /** The accessible name, e.g. "Information: Library". */
  label: string;
  /** A short visible caption next to the marker. */
  caption: string;
  /**
   * What the caption draws, where more than its text: the name with pinyin over it, composed by the
   * page (the viewer knows no languages). Hidden from assistive technology like the caption: the
   * button's name is `label`, given as hidden text rather than aria-label, so that axe's "label in
   * name" check does not read the pinyin as a visible label missing from the name. Give a new
   * hotspot object when it changes size, so it is measured again.
   */
  captionContent?: ReactNode;
  lang: string;
}

interface HotspotLayerProps {
  hotspots: readonly ViewerHotspot[];
  view: View;
  width: number;
  height: number;
  activeId: string | null;
  onActivate(id: string): void;
}

// Icons are drawn, not written: a letter in the button would be visible text missing from its name.
const InfoIcon = () => (
  <svg viewBox="0 0 24 24" width="22" height="22" focusable="false">
    <circle cx="12" cy="6" r="2.2" fill="currentColor" />
    <rect x="10" y="10" width="4" height="10" rx="1.5" fill="currentColor" />
  </svg>
);
const ArrowIcon = () => (
  <svg viewBox="0 0 24 24" width="22" height="22" focusable="false">
    <path d="M4 12h13M12 6l6 6-6 6" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);

/** Keeps a marker's centre this far inside the edges, so its whole target stays clickable. */
const EDGE = 22;

/** Markers closer than this (CSS px, centre to centre) would overlap: the later one moves down. */
const SPACING = 48;

/**
 * Screen positions of the hotspots in view. Two hotspots that fall on the same spot (seen from far
 * away, or zoomed out) are stacked apart, so that each keeps a whole target of its own.
 */
export function layoutHotspots(hotspots: readonly ViewerHotspot[], view: View, width: number, height: number) {
  const placed: { hotspot: ViewerHotspot; x: number; y: number }[] = [];
  for (const hotspot of hotspots) {
    const at = projectToScreen(hotspot.yaw, hotspot.pitch, view, width, height);
    if (!at || at.x < EDGE || at.x > width - EDGE || at.y < EDGE || at.y > height - EDGE) continue;
    let { y } = at;
    while (placed.some((p) => Math.abs(p.x - at.x) < SPACING && Math.abs(p.y - y) < SPACING)) y += SPACING;
    if (y > height - EDGE) continue;
    placed.push({ hotspot, x: at.x, y });
  }
  // Tab goes through them as the eye does, left to right (then top to bottom), not in content order.
  return placed.sort((a, b) => a.x - b.x || a.y - b.y);
}

/**
 * The viewer's own layers: its picture, and the passing "Loading…" line (gone within moments; a
 * marker hidden under it would drop out of the Tab order for no lasting reason).
 */
const PICTURE = '.pano__canvas, .pano__preview, .pano__cover, .pano__status, .hotspot-layer, .hotspot-slot';

/** Points of a marker (from its centre) that must be clear for it to count as shown. */
const PROBES = [
  [0, 0],
  [-15, -15],
  [15, -15],
  [-15, 15],
  [15, 15],
] as const;

/**
 * Is something laid over this marker — the page's captions, a fixed bar, a panel, the view
 * buttons? Then it must not take focus where nobody can see it (WCAG 2.4.11). Points outside
 * the window cannot be tested and count as clear.
 */
function isCovered(button: HTMLElement): boolean {
  if (typeof document.elementFromPoint !== 'function') return false;
  const box = button.getBoundingClientRect();
  const cx = box.left + box.width / 2;
  const cy = box.top + box.height / 2;
  return PROBES.some(([dx, dy]) => {
    const hit = document.elementFromPoint(cx + dx, cy + dy);
    // The panorama itself lies under every marker (and shows through a hidden one): not a cover.
    return hit !== null && !button.contains(hit) && !hit.classList.contains('pano') && hit.closest(PICTURE) === null;
  });
}

export function HotspotLayer({ hotspots, view, width, height, activeId, onActivate }: HotspotLayerProps) {
  // Measured sizes of the names as rendered (font, language, presenter mode's larger text), by id.
  const [sizes, setSizes] = useState<Record<string, { width: number; height: number }>>({});
  const layer = useRef<HTMLUListElement>(null);
  useLayoutEffect(() => {
    const measured: Record<string, { width: number; height: number }> = {};
    let changed = false;
    layer.current?.querySelectorAll<HTMLElement>('.hotspot__caption[data-for]').forEach((el) => {
      const id = el.dataset.for ?? '';
      const size = { width: Math.ceil(el.offsetWidth), height: Math.ceil(el.offsetHeight) };
      measured[id] = size;
      const before = sizes[id];
      if (!before || before.width !== size.width || before.height !== size.height) changed = true;
    });
    if (changed) setSizes((old) => ({ ...old, ...measured }));
    // A turn brings new names into view; a resize or presenter mode changes their size.
  }, [hotspots, view, width, height, sizes]);

  // Read before this render changes the DOM: did a marker have focus?
  const focusWasInside = layer.current?.contains(document.activeElement) ?? false;

  // After every render: covered markers leave the Tab order (inert), and a marker that had focus
  // but turned out of view or under a cover hands focus to the viewer instead of to <body>.
  useLayoutEffect(() => {
    const ul = layer.current;
    if (!ul) return;
    const viewer = ul.closest<HTMLElement>('.pano');
    for (const slot of ul.querySelectorAll<HTMLLIElement>('.hotspot-slot')) {
      const button = slot.querySelector<HTMLElement>('.hotspot');
      const covered = button !== null && isCovered(button);
      if (covered && slot.contains(document.activeElement)) viewer?.focus({ preventScroll: true });
      slot.inert = covered;
    }
    const active = document.activeElement;
    const lost = !active || active === document.body || !active.isConnected;
    if (focusWasInside && lost) viewer?.focus({ preventScroll: true });
  });

  if (width === 0 || height === 0) return null;
  const placed = layoutHotspots(hotspots, view, width, height);
  const sides = placeCaptions(
    placed.map((p) => ({ id: p.hotspot.id, x: p.x, y: p.y })),
    (id) => sizes[id] ?? estimateCaptionSize(placed.find((p) => p.hotspot.id === id)?.hotspot.caption ?? ''),
    width,
    height,
  );
  return (
    <ul ref={layer} className="hotspot-layer">
      {placed.map(({ hotspot: h, ...at }) => {
        const side = sides.get(h.id) ?? 'none';
        const direction = h.kind === 'link' ? arrowDirection(at.x, width) : undefined;
        return (
          <li key={h.id} className="hotspot-slot" style={{ transform: `translate(${at.x}px, ${at.y}px)` }}>
            <button
              type="button"
              // A name with no free room beside its marker waits for hover or focus (the list has it).
              className={`hotspot hotspot--${h.kind} hotspot--caption-${side}`}
              // A caption drawn with more than its words (pinyin over them) would not be part of an
              // aria-label (WCAG 2.5.3, "label in name"): then the name is hidden text of its own.
              aria-label={h.captionContent === undefined ? h.label : undefined}
              aria-pressed={h.kind === 'info' ? h.id === activeId : undefined}
              data-hotspot-id={h.id}
              data-direction={direction}
              onClick={() => onActivate(h.id)}
            >
              {h.captionContent !== undefined && <span className="hotspot__name">{h.label}</span>}
              <span className="hotspot__icon" aria-hidden="true">
                {h.kind === 'info' ? <InfoIcon /> : <ArrowIcon />}
              </span>
              <span className="hotspot__caption" aria-hidden="true" lang={h.lang} data-for={h.id}>
                {h.captionContent ?? h.caption}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
