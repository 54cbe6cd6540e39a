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

/** Half a marker's box (44 px), and the gap between a marker's centre and its name. */
const MARKER_HALF = 22;
const GAP = 30;
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
): Map<string, CaptionSide> {
  const markerRects: Rect[] = markers.map((m) => ({ left: m.x - MARKER_HALF, top: m.y - MARKER_HALF, right: m.x + MARKER_HALF, bottom: m.y + MARKER_HALF }));
  const taken: Rect[] = [];
  const sides = new Map<string, CaptionSide>();
  for (const m of markers) {
    const { width: w, height: h } = size(m.id);
    const top = m.y - h / 2;
    const candidates: [CaptionSide, Rect][] = [
      ['right', { left: m.x + GAP, top, right: m.x + GAP + w, bottom: top + h }],
      ['left', { left: m.x - GAP - w, top, right: m.x - GAP, bottom: top + h }],
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
