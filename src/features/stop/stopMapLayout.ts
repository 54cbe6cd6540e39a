/**
 * Where the "You are here" map puts each stop's name: beside its dot, on the side (and a row up or
 * down) where it covers no other name or dot and stays inside the frame. Sizes are in the map's own
 * units, about CSS pixels in the side column; names are measured roughly from their characters.
 */
export const MAP_WIDTH = 320;
const FONT = 12;
const DOT = 12;
const ROW = 24;

export interface Placed {
  id: string;
  /** The dot, in map units from the top left. */
  x: number;
  y: number;
  side: 'right' | 'left';
  /** How far the name's row sits above (−) or below (+) the dot, in map units. */
  dy: number;
}

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

const hits = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** A rough width of a name: a Chinese character is a square, a Latin letter about half of one. */
export function nameWidth(name: string): number {
  let w = 0;
  for (const ch of name) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? FONT : FONT * 0.56;
  return w + 8;
}

/** Places the names in the order given (the current stop first, so it gets the best place). */
export function placeNames(points: { id: string; x: number; y: number; name: string }[], height: number): Placed[] {
  const taken: Rect[] = points.map((p) => ({ x: p.x - DOT / 2, y: p.y - DOT / 2, w: DOT, h: DOT }));
  const placed: Placed[] = [];
  for (const p of points) {
    const w = nameWidth(p.name) + DOT;
    let best: { placed: Placed; cost: number } | null = null;
    for (const dy of [0, -ROW / 2 - 2, ROW / 2 + 2, -ROW, ROW]) {
      for (const side of ['right', 'left'] as const) {
        const box: Rect = { x: side === 'right' ? p.x - DOT / 2 : p.x + DOT / 2 - w, y: p.y + dy - ROW / 2, w, h: ROW };
        const cost =
          taken.filter((r) => !(r.x === p.x - DOT / 2 && r.y === p.y - DOT / 2) && hits(r, box)).length * 10 +
          (box.x < 0 || box.x + box.w > MAP_WIDTH || box.y < 0 || box.y + box.h > height ? 5 : 0) +
          Math.abs(dy) / ROW;
        if (!best || cost < best.cost) best = { placed: { id: p.id, x: p.x, y: p.y, side, dy }, cost };
      }
    }
    const chosen = best!.placed;
    taken.push({ x: chosen.side === 'right' ? p.x - DOT / 2 : p.x + DOT / 2 - w, y: p.y + chosen.dy - ROW / 2, w, h: ROW });
    placed.push(chosen);
  }
  return placed;
}
