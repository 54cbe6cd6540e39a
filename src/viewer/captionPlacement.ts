/**
 * Where each hotspot's name goes: right of its marker, left of it, or nowhere (then it shows when
 * the marker is hovered or focused, and the hotspot list holds the full text). A name never lies
 * over another name, over a marker or across the frame's edge: on a phone, "图书馆" written over
 * "人工智能与大数据实训室" reads as neither.
 */

/** A marker's centre on screen, in CSS px. */
export interface MarkerAt {
  id: string;
  x: number;
  y: number;
}

export type CaptionSide = 'right' | 'left' | 'none';

/** A marker's half size and the gap from its centre to its name, in px (the panorama's markers). */
export interface MarkerShape {
  half: number;
  gap: number;
}
const PANORAMA_MARKER: MarkerShape = { half: 22, gap: 30 };
/** Room kept clear at the frame's edges (the rounded corners, the illustration badge's inset). */
const MARGIN = 4;

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const hits = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The side each name goes on, given each name's size (width, height) in px; in the markers' order. */
export function placeCaptions(
  markers: readonly MarkerAt[],
  size: (id: string) => { width: number; height: number },
  width: number,
  height: number,
  { half, gap }: MarkerShape = PANORAMA_MARKER,
): Map<string, CaptionSide> {
  const markerRects: Rect[] = markers.map((m) => ({ left: m.x - half, top: m.y - half, right: m.x + half, bottom: m.y + half }));
  const taken: Rect[] = [];
  const sides = new Map<string, CaptionSide>();
  for (const m of markers) {
    const { width: w, height: h } = size(m.id);
    const top = m.y - h / 2;
    const candidates: [CaptionSide, Rect][] = [
      ['right', { left: m.x + gap, top, right: m.x + gap + w, bottom: top + h }],
      ['left', { left: m.x - gap - w, top, right: m.x - gap, bottom: top + h }],
    ];
    // Near the right edge, try the left first: the name reads towards the middle of the picture.
    if (m.x > width * 0.62) candidates.reverse();
    const fits = candidates.find(
      ([, r]) =>
        r.left >= MARGIN &&
        r.top >= MARGIN &&
        r.right <= width - MARGIN &&
        r.bottom <= height - MARGIN &&
        !markerRects.some((mr) => hits(r, mr)) &&
        !taken.some((t) => hits(r, t)),
    );
    if (fits) taken.push(fits[1]);
    sides.set(m.id, fits ? fits[0] : 'none');
  }
  return sides;
}

/** Which way a link's arrow points: where the stop it leads to lies, seen from the middle of the frame. */
export type ArrowDirection = 'ahead' | 'left' | 'right';

export function arrowDirection(x: number, width: number): ArrowDirection {
  const off = (x - width / 2) / width;
  if (off < -0.12) return 'left';
  if (off > 0.12) return 'right';
  return 'ahead';
}

/** A name's size before it can be measured, for text of `fontPx`: generous, so it never underestimates. */
export function estimateCaptionSize(text: string, fontPx = 13.6) {
  let width = 22;
  for (const ch of text) width += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? fontPx * 1.08 : fontPx * 0.62;
  return { width, height: fontPx * 1.9 };
}

/**
 * Moves markers that would cover each other apart (upwards, `spacing` px at a time, or downwards
 * where up would leave the frame of `height` px), so each keeps a whole target: seen from above,
 * two stops side by side project to nearly the same point.
 */
export function spreadMarkers<T extends { x: number; y: number }>(markers: readonly T[], spacing: number, height: number): T[] {
  const placed: T[] = [];
  const clash = (x: number, y: number) => placed.some((p) => Math.abs(p.x - x) < spacing && Math.abs(p.y - y) < spacing);
  for (const m of markers) {
    let { y } = m;
    while (clash(m.x, y) && y - spacing >= spacing / 2) y -= spacing;
    if (clash(m.x, y)) {
      y = m.y;
      while (clash(m.x, y) && y + spacing <= height - spacing / 2) y += spacing;
    }
    placed.push({ ...m, y });
  }
  return placed;
}
