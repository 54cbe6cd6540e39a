/**
 * Where the "You are here" map puts each stop's name: beside its dot, on the side (and a row up or
 * down) where it covers no other name or dot and stays inside the frame. Sizes are in the map's own
 * units, about CSS pixels in the side column; names are measured roughly from their characters.
 */
export const MAP_WIDTH = 320;
const FONT = 11;
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
  /** False where no place was free: the name shows on hover and focus only (it stays the link's name). */
  fits: boolean;
}

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

// Four pixels apart at least: the sizes are estimates (a Latin letter taken as 0.7 of the font size, wider than most, so an estimate errs towards room).
const hits = (a: Rect, b: Rect) => a.x < b.x + b.w + 4 && b.x < a.x + a.w + 4 && a.y < b.y + b.h + 4 && b.y < a.y + a.h + 4;

/** The widest a name runs before it wraps (StopMap.css sets the same on .stop-map__name). */
export const NAME_MAX = 100;
const LINE = 14;

const textWidth = (text: string) => {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? FONT : FONT * 0.7;
  return w;
};

/**
 * A rough size of a name: a Chinese character is a square, a Latin letter about half of one; a long
 * name wraps at spaces, filling each line as the browser does.
 */
export function nameSize(name: string): { w: number; h: number } {
  const lines: string[] = [];
  for (const word of name.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && textWidth(`${last} ${word}`) <= NAME_MAX - 8) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return { w: Math.min(NAME_MAX, Math.max(...lines.map(textWidth)) + 8), h: Math.max(ROW, lines.length * LINE + 4) };
}

/** Places the names greedily in the order given; returns them with the number of clashes left. */
function placeInOrder(points: { id: string; x: number; y: number; name: string }[], height: number): { placed: Placed[]; cost: number } {
  const taken: Rect[] = points.map((p) => ({ x: p.x - DOT / 2, y: p.y - DOT / 2, w: DOT, h: DOT }));
  const placed: Placed[] = [];
  let cost = 0;
  for (const p of points) {
    const size = nameSize(p.name);
    const w = size.w + DOT;
    const h = size.h;
    let best: { placed: Placed; cost: number } | null = null;
    for (const dy of [0, -ROW / 2 - 2, ROW / 2 + 2, -ROW, ROW, -h / 2 - 8, h / 2 + 8, -h - 2, h + 2]) {
      for (const side of ['right', 'left'] as const) {
        const box: Rect = { x: side === 'right' ? p.x - DOT / 2 : p.x + DOT / 2 - w, y: p.y + dy - h / 2, w, h };
        const cost =
          taken.filter((r) => !(r.x === p.x - DOT / 2 && r.y === p.y - DOT / 2) && hits(r, box)).length * 10 +
          (box.x < 0 || box.x + box.w > MAP_WIDTH || box.y < 0 || box.y + box.h > height ? 5 : 0) +
          Math.abs(dy) / ROW;
        if (!best || cost < best.cost) best = { placed: { id: p.id, x: p.x, y: p.y, side, dy, fits: cost < 5 }, cost };
      }
    }
    const chosen = best!.placed;
    cost += Math.floor(best!.cost / 5);
    // A name that found no free place takes none: only its dot is on the map.
    if (chosen.fits) taken.push({ x: chosen.side === 'right' ? p.x - DOT / 2 : p.x + DOT / 2 - w, y: p.y + chosen.dy - h / 2, w, h });
    placed.push(chosen);
  }
  return { placed, cost };
}

/**
 * Places the names, the first one (the current stop) first so it gets the best place; the others
 * in a few orders, keeping the one with the fewest clashes (a greedy pass can box a name in).
 */
export function placeNames(points: { id: string; x: number; y: number; name: string }[], height: number): Placed[] {
  const [first, ...rest] = points;
  if (!first) return [];
  const orders = [rest, [...rest].reverse(), [...rest].sort((a, b) => b.x - a.x), [...rest].sort((a, b) => a.x - b.x), [...rest].sort((a, b) => Math.abs(b.x - MAP_WIDTH / 2) - Math.abs(a.x - MAP_WIDTH / 2)), [...rest].sort((a, b) => nameSize(b.name).w - nameSize(a.name).w)];
  let best: { placed: Placed[]; cost: number } | null = null;
  for (const order of orders) {
    const tried = placeInOrder([first, ...order], height);
    if (!best || tried.cost < best.cost) best = tried;
  }
  const byId = new Map(best!.placed.map((p) => [p.id, p]));
  return points.map((p) => byId.get(p.id)!);
}
