/**
 * The symbols of the view buttons, one set for both views (issue 18: the panorama's ◀ ▲ + ⟲ and
 * the overview's drawn chevrons differed): the same action looks the same everywhere. Drawn as
 * 24 × 24 strokes, so they are as crisp on a projector as on a phone and need no font.
 */
export const VIEW_ICONS = {
  left: 'M15 5l-7 7 7 7',
  right: 'M9 5l7 7-7 7',
  up: 'M5 15l7-7 7 7',
  down: 'M5 9l7 7 7-7',
  zoomIn: 'M12 5v14M5 12h14',
  zoomOut: 'M5 12h14',
  moveForward: 'M12 4v16M4 12h16M8 8l4-4 4 4',
  moveBack: 'M12 4v16M4 12h16M8 16l4 4 4-4',
  moveLeft: 'M12 4v16M4 12h16M8 8l-4 4 4 4',
  moveRight: 'M12 4v16M4 12h16M16 8l4 4-4 4',
  reset: 'M4 12a8 8 0 1 0 3-6.2M4 4v5h5',
} as const;

export type ViewIconName = keyof typeof VIEW_ICONS;

export function ViewIcon({ name }: { name: ViewIconName }) {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false" data-icon={name}>
      <path d={VIEW_ICONS[name]} fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
