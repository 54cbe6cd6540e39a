/** The ground: campus lawns, the land around, roads with kerbs and markings, paved areas, water, sports. */
import { BufferAttribute, BufferGeometry, CylinderGeometry, Mesh, PlaneGeometry, RepeatWrapping, RingGeometry, Shape, ShapeGeometry, TorusGeometry, Vector2 } from 'three';
import type { Area, CampusModel, Point } from '../../content/campusModel';
import { createRng } from './random';
import { boxOnGround, facingRotation, place, subdivide } from './shapes';
import { courtTexture, drawnTexture, pitchTexture } from './textures';
import { paint, surface, type SceneKit } from './kit';
import { addCar } from './props';

/** Heights of ground layers, so none fights another for the same pixels. */
export const LAYER = { outside: -0.4, campus: 0, lawn: 0.03, plaza: 0.05, road: 0.07, marking: 0.1, water: 0.04 } as const;

/** A flat strip along a polyline, mitred at corners; UVs planar in world metres / tile. */
export function ribbon(points: readonly Point[], width: number, y: number, tile: number, closed = false, maxEdge = FLAT_EDGE): BufferGeometry {
  const n = points.length;
  const left: Point[] = [];
  const right: Point[] = [];
  for (let i = 0; i < n; i++) {
    const prev = points[closed ? (i - 1 + n) % n : Math.max(0, i - 1)]!;
    const next = points[closed ? (i + 1) % n : Math.min(n - 1, i + 1)]!;
    const here = points[i]!;
    const a = i === 0 && !closed ? here : prev;
    const b = i === n - 1 && !closed ? here : next;
    let dx = b[0] - a[0];
    let dz = b[1] - a[1];
    const len = Math.hypot(dx, dz) || 1;
    dx /= len;
    dz /= len;
    // Mitre: stretch the offset where the line turns, up to a limit.
    let miter = 1;
    if ((i > 0 && i < n - 1) || closed) {
      const d1x = here[0] - prev[0];
      const d1z = here[1] - prev[1];
      const l1 = Math.hypot(d1x, d1z) || 1;
      const cos = (d1x / l1) * dx + (d1z / l1) * dz;
      miter = Math.min(2.5, 1 / Math.max(0.4, Math.sqrt((1 + cos) / 2)));
    }
    const nx = -dz * (width / 2) * miter;
    const nz = dx * (width / 2) * miter;
    left.push([here[0] + nx, here[1] + nz]);
    right.push([here[0] - nx, here[1] - nz]);
  }
  const segs = closed ? n : n - 1;
  const pos = new Float32Array(segs * 18);
  const uv = new Float32Array(segs * 12);
  const nrm = new Float32Array(segs * 18);
  for (let i = 0; i < segs; i++) {
    const j = (i + 1) % n;
    // Wound so the strip faces up.
    const quad = [right[i]!, left[i]!, left[j]!, right[i]!, left[j]!, right[j]!];
    quad.forEach((p, k) => {
      pos.set([p[0], y, p[1]], i * 18 + k * 3);
      nrm.set([0, 1, 0], i * 18 + k * 3);
      uv.set([p[0] / tile, -p[1] / tile], i * 12 + k * 2);
    });
  }
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(pos, 3));
  g.setAttribute('normal', new BufferAttribute(nrm, 3));
  g.setAttribute('uv', new BufferAttribute(uv, 2));
  return subdivide(g, maxEdge);
}

/**
 * Longest triangle edge of flat ground geometry (see `subdivide`): short for the baker, whose
 * camera stands on the ground; the overview looks from high up and needs far fewer triangles.
 */
const FLAT_EDGE = 12;
const edgeFor = (kit: SceneKit) => (kit.detail === 'bake' ? FLAT_EDGE : 60);

/** The outline of an area as points [x, z]. */
export function areaOutline(a: Area): Point[] {
  if ('polygon' in a.shape) return a.shape.polygon;
  const { centre, radius, rotation } = a.shape;
  const r = (rotation * Math.PI) / 180;
  const pts: Point[] = [];
  for (let i = 0; i < 48; i++) {
    const t = (i / 48) * Math.PI * 2;
    const x = Math.cos(t) * radius[0];
    const z = Math.sin(t) * radius[1];
    pts.push([centre[0] + x * Math.cos(r) - z * Math.sin(r), centre[1] + x * Math.sin(r) + z * Math.cos(r)]);
  }
  return pts;
}

/** A flat polygon on the ground at height y, UVs in metres / tile. */
function flatPolygon(points: readonly Point[], y: number, tile: number, maxEdge: number): BufferGeometry {
  const shape = toShape(points);
  const g = new ShapeGeometry(shape);
  g.rotateX(-Math.PI / 2);
  g.translate(0, y, 0);
  const p = g.getAttribute('position');
  const uv = g.getAttribute('uv');
  for (let i = 0; i < p.count; i++) uv.setXY(i, p.getX(i) / tile, -p.getZ(i) / tile);
  return subdivide(g, maxEdge);
}

function areaMaterial(kit: SceneKit, kind: Area['kind']) {
  switch (kind) {
    case 'lawn':
      return surface(kit, 'grass', '#78a04a');
    case 'plaza':
      return surface(kit, 'paving');
    case 'parking':
      return surface(kit, 'asphalt', '#6a6d70');
    case 'garden':
      return surface(kit, 'dirt', '#6f5a3e');
    case 'water':
      return kit.materials.get('water', { colour: '#3d6a78', roughness: 0.04, metalness: 0.35 });
  }
}

function addArea(kit: SceneKit, a: Area, index: number) {
  const outline = areaOutline(a);
  const y = a.kind === 'water' ? LAYER.water : a.kind === 'lawn' || a.kind === 'garden' ? LAYER.lawn : LAYER.plaza;
  const tile = a.kind === 'plaza' ? 6 : a.kind === 'lawn' ? 9 : 8;
  kit.batch.add(flatPolygon(outline, y, tile, edgeFor(kit)), areaMaterial(kit, a.kind), undefined, { castShadow: false });
  const rng = createRng(`area/${index}`);
  if (a.kind === 'water') {
    // A stone edge round the water.
    kit.batch.add(ribbon(outline, 1.2, LAYER.plaza + 0.12, 3, true, edgeFor(kit)), surface(kit, 'paving', '#bdb6a7'), undefined, { castShadow: false });
  }
  if (a.kind === 'lawn' || a.kind === 'garden') {
    kit.batch.add(ribbon(outline, 0.35, LAYER.lawn + 0.1, 2, true, edgeFor(kit)), paint(kit, '#c4c0b8', 0.8), undefined, { castShadow: false });
  }
  if (a.kind === 'garden') {
    // Shrubs and flowers.
    const xs = outline.map((p) => p[0]);
    const zs = outline.map((p) => p[1]);
    const [minX, maxX, minZ, maxZ] = [Math.min(...xs), Math.max(...xs), Math.min(...zs), Math.max(...zs)];
    const colours = ['#d9475a', '#f2c14e', '#e889b5', '#f4f1de', '#9b5de5'];
    for (let i = 0; i < 60; i++) {
      const p: Point = [rng.range(minX, maxX), rng.range(minZ, maxZ)];
      if (!inside(outline, p)) continue;
      const s = rng.range(0.5, 1.1);
      kit.batch.add(boxOnGround(s, s * 0.6, s), paint(kit, rng() < 0.5 ? '#4e7a35' : rng.pick(colours), 0.9), place(p[0], LAYER.lawn, p[1], rng() * 3));
    }
  }
  if (a.kind === 'parking') {
    const xs = outline.map((p) => p[0]);
    const zs = outline.map((p) => p[1]);
    const [minX, maxX, minZ, maxZ] = [Math.min(...xs), Math.max(...xs), Math.min(...zs), Math.max(...zs)];
    const alongX = maxX - minX >= maxZ - minZ;
    const line = paint(kit, '#e8e8e2', 0.6);
    // Two rows of bays along the long side, with cars in most of them.
    const long = alongX ? maxX - minX : maxZ - minZ;
    const bays = Math.floor((long - 2) / 2.7);
    for (const row of [0, 1]) {
      for (let i = 0; i <= bays; i++) {
        const s = (alongX ? minX : minZ) + 1 + i * 2.7;
        const across = row === 0 ? (alongX ? minZ : minX) + 2.6 : (alongX ? maxZ : maxX) - 2.6;
        const [x, z] = alongX ? [s, across] : [across, s];
        kit.batch.add(boxOnGround(alongX ? 0.12 : 5, 0.02, alongX ? 5 : 0.12), line, place(x, LAYER.marking, z), { castShadow: false });
        if (i < bays && rng() < 0.72) {
          const [cx, cz] = alongX ? [s + 1.35, across] : [across, s + 1.35];
          addCar(kit, [cx, cz], alongX ? (row === 0 ? 180 : 0) : row === 0 ? 90 : -90, rng);
        }
      }
    }
  }
}

/** Whether a point is inside a polygon (even-odd). */
export function inside(poly: readonly Point[], p: Point): boolean {
  let yes = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const a = poly[i]!;
    const b = poly[j]!;
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) yes = !yes;
  }
  return yes;
}

function addRoads(kit: SceneKit, model: CampusModel) {
  const asphalt = surface(kit, 'asphalt');
  const path = surface(kit, 'paving', '#c7bfae');
  const kerb = paint(kit, '#cfcac0', 0.8);
  const marking = paint(kit, '#f0efe8', 0.6);
  for (const r of model.roads) {
    const isRoad = r.kind === 'road';
    kit.batch.add(ribbon(r.points, r.width, isRoad ? LAYER.road : LAYER.plaza + 0.01, isRoad ? 7 : 5, false, edgeFor(kit)), isRoad ? asphalt : path, undefined, { castShadow: false });
    if (!isRoad) continue;
    // Kerbs along both edges, and a dashed centre line on wide roads.
    for (const side of [-1, 1]) {
      const edge = offsetLine(r.points, (side * (r.width + 0.4)) / 2);
      kit.batch.add(ribbon(edge, 0.4, LAYER.road + 0.1, 2, false, kit.detail === 'bake' ? FLAT_EDGE : 400), kerb, undefined, { castShadow: false });
    }
    if (r.width >= 7) {
      for (let i = 0; i < r.points.length - 1; i++) {
        const a = r.points[i]!;
        const b = r.points[i + 1]!;
        const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
        const dir = [(b[0] - a[0]) / len, (b[1] - a[1]) / len] as const;
        for (let s = 3; s < len - 3; s += 9) {
          const from: Point = [a[0] + dir[0] * s, a[1] + dir[1] * s];
          const to: Point = [a[0] + dir[0] * (s + 4), a[1] + dir[1] * (s + 4)];
          kit.batch.add(ribbon([from, to], 0.18, LAYER.marking, 1, false, 100), marking, undefined, { castShadow: false });
        }
      }
    }
  }
}

/** A polyline moved sideways by `d` metres (+ to the left of its direction). */
function offsetLine(points: readonly Point[], d: number): Point[] {
  return points.map((p, i) => {
    const a = points[Math.max(0, i - 1)]!;
    const b = points[Math.min(points.length - 1, i + 1)]!;
    const dx = b[0] - a[0];
    const dz = b[1] - a[1];
    const len = Math.hypot(dx, dz) || 1;
    return [p[0] - (dz / len) * d, p[1] + (dx / len) * d];
  });
}

/** Points round a running track's lane line: a bend at each end of two straights, long axis along z. */
function stadium(straight: number, radius: number, perBend = 36): Point[] {
  const pts: Point[] = [];
  for (let i = 0; i <= perBend; i++) {
    const t = (i / perBend) * Math.PI;
    pts.push([radius * Math.cos(t), straight / 2 + radius * Math.sin(t)]);
  }
  for (let i = 0; i <= perBend; i++) {
    const t = Math.PI + (i / perBend) * Math.PI;
    pts.push([radius * Math.cos(t), -straight / 2 + radius * Math.sin(t)]);
  }
  return pts;
}

/** A shape in three's XY plane from ground points (y = −z, so that rotating it flat puts it back). */
const toShape = (pts: readonly Point[]) => new Shape(pts.map(([x, z]) => new Vector2(x, -z)));

function addTrack(kit: SceneKit, position: Point, facing: number, stand: 'left' | 'right' | 'none') {
  const frame = place(position[0], 0, position[1], facingRotation(facing));
  const straight = 84.39;
  const inner = 36.5;
  const lane = 1.22;
  const lanes = 8;
  const outer = inner + lane * lanes;
  const ring = (r: number) => stadium(straight, r);
  const track = toShape(ring(outer + 1.2));
  track.holes.push(toShape(ring(inner - 0.3)));
  const tg = new ShapeGeometry(track, 12).rotateX(-Math.PI / 2).translate(0, LAYER.plaza, 0);
  const uv = tg.getAttribute('uv');
  for (let i = 0; i < uv.count; i++) uv.setXY(i, uv.getX(i) / 4, uv.getY(i) / 4);
  kit.batch.add(subdivide(tg, edgeFor(kit)), surface(kit, 'track'), frame, { castShadow: false });
  const line = paint(kit, '#f4f1ea', 0.7);
  for (let i = 0; i <= lanes; i++) kit.batch.add(ribbon(ring(inner + i * lane), 0.06, LAYER.plaza + 0.02, 1, true, 100), line, frame, { castShadow: false });
  // Infield grass and the pitch with its markings.
  const infield = toShape(ring(inner - 0.3));
  const ig = new ShapeGeometry(infield, 12).rotateX(-Math.PI / 2).translate(0, LAYER.lawn, 0);
  const iuv = ig.getAttribute('uv');
  for (let i = 0; i < iuv.count; i++) iuv.setXY(i, iuv.getX(i) / 8, iuv.getY(i) / 8);
  kit.batch.add(subdivide(ig, edgeFor(kit)), surface(kit, 'field'), frame, { castShadow: false });
  const pitchMat = kit.materials.get('pitch', () => ({ colour: '#ffffff', roughness: 0.95, map: pitchTexture(kit.textures) }));
  const pitch = new PlaneGeometry(105, 68, 9, 6).rotateX(-Math.PI / 2).rotateY(Math.PI / 2).translate(0, LAYER.lawn + 0.02, 0);
  kit.batch.add(pitch, pitchMat, frame, { castShadow: false });
  // Goals.
  const white = paint(kit, '#f8f8f6', 0.5);
  for (const end of [-1, 1]) {
    const z = end * 52.5;
    for (const x of [-3.66, 3.66]) kit.batch.add(boxOnGround(0.12, 2.44, 0.12), white, frame.clone().multiply(place(x, 0, z)));
    kit.batch.add(boxOnGround(7.44, 0.12, 0.12), white, frame.clone().multiply(place(0, 2.44, z)));
    kit.batch.add(boxOnGround(7.3, 0.05, 2), paint(kit, '#dfe3e6', 0.9), frame.clone().multiply(place(0, 2.3, z + end * 1)));
  }
  if (stand !== 'none') {
    const side = stand === 'right' ? -1 : 1;
    const x0 = side * (outer + 4);
    const seat = ['#c0392b', '#1f6fb2', '#e0e0e0'];
    for (let row = 0; row < 10; row++) {
      kit.batch.add(
        boxOnGround(1.4, 0.45 * (row + 1), 70),
        paint(kit, row % 3 === 2 ? '#cfcac0' : seat[row % 2]!, 0.7),
        frame.clone().multiply(place(x0 + side * row * 0.9, 0, 0)),
      );
    }
    kit.batch.add(boxOnGround(12, 0.4, 74), paint(kit, '#eef0f2', 0.5, 0.3), frame.clone().multiply(place(x0 + side * 5, 9.5, 0)));
    for (let z = -33; z <= 33; z += 11) kit.batch.add(boxOnGround(0.5, 9.5, 0.5), paint(kit, '#8d949b', 0.5, 0.5), frame.clone().multiply(place(x0 + side * 10, 0, z)));
  }
  // Floodlight masts at the four corners.
  for (const [sx, sz] of [[1, 1], [1, -1], [-1, 1], [-1, -1]] as const) {
    const m = frame.clone().multiply(place(sx * (outer + 8), 0, sz * (straight / 2 + outer * 0.6)));
    kit.batch.add(new CylinderGeometry(0.25, 0.45, 26, 8).translate(0, 13, 0), paint(kit, '#9aa0a6', 0.5, 0.6), m);
    kit.batch.add(boxOnGround(3.5, 2, 0.6), paint(kit, '#d5d8dc', 0.5, 0.3), m.clone().multiply(place(0, 25, 0)));
  }
}

function addCourts(kit: SceneKit, position: Point, facing: number, count: number) {
  const frame = place(position[0], 0, position[1], facingRotation(facing));
  const courtMat = kit.materials.get('court', () => ({ colour: '#ffffff', roughness: 0.8, map: courtTexture(kit.textures) }));
  const pole = paint(kit, '#39414a', 0.5, 0.6);
  const board = paint(kit, '#f2f2f0', 0.4);
  const rim = paint(kit, '#e2572b', 0.4, 0.5);
  for (let i = 0; i < count; i++) {
    const x = (i - (count - 1) / 2) * 20;
    const m = frame.clone().multiply(place(x, 0, 0));
    kit.batch.add(new PlaneGeometry(32, 19).rotateX(-Math.PI / 2).rotateY(Math.PI / 2).translate(0, LAYER.plaza, 0), courtMat, m, { castShadow: false });
    for (const end of [-1, 1]) {
      const z = end * 15.2;
      kit.batch.add(boxOnGround(0.18, 3.4, 0.18), pole, m.clone().multiply(place(0, 0, z + end * 1.2)));
      kit.batch.add(boxOnGround(1.8, 1.05, 0.06), board, m.clone().multiply(place(0, 2.9, z)));
      kit.batch.add(new TorusGeometry(0.23, 0.02, 6, 16).rotateX(Math.PI / 2).translate(0, 3.05, -end * 0.3), rim, m.clone().multiply(place(0, 0, z)));
    }
  }
  // A fence round the courts: posts and a top rail.
  const w = count * 20 + 2;
  const fence = paint(kit, '#4c6b57', 0.6, 0.3);
  for (const z of [-19, 19]) kit.batch.add(boxOnGround(w, 0.08, 0.08), fence, frame.clone().multiply(place(0, 3.2, z)));
  for (let x = -w / 2; x <= w / 2; x += 3) for (const z of [-19, 19]) kit.batch.add(boxOnGround(0.08, 3.2, 0.08), fence, frame.clone().multiply(place(x, 0, z)));
}

/** The land around the campus: fields or woods, as far as the eye goes. */
function outsideGround(kit: SceneKit, model: CampusModel) {
  const hills = model.backdrop.style === 'hills';
  const tex = drawnTexture(
    1024,
    1024,
    kit.textures,
    (ctx, rng) => {
      ctx.fillStyle = model.backdrop.ground;
      ctx.fillRect(0, 0, 1024, 1024);
      const greens = hills ? ['#5d7d3f', '#4f6f36', '#6b8a48', '#587a3a', '#7a8f4f'] : ['#8a9a55', '#a3a85f', '#7f9650', '#b3aa6c', '#93a35c', '#6f8c46'];
      // A patchwork of fields, drawn twice where it crosses an edge so it tiles.
      for (let i = 0; i < 140; i++) {
        const x = rng() * 1024;
        const y = rng() * 1024;
        const w = rng.range(40, 160);
        const h = rng.range(30, 120);
        ctx.fillStyle = rng.pick(greens);
        ctx.globalAlpha = 0.75;
        for (const dx of [-1024, 0, 1024]) for (const dy of [-1024, 0, 1024]) ctx.fillRect(x + dx, y + dy, w, h);
      }
      ctx.globalAlpha = 1;
    },
    `outside/${model.campus}`,
  );
  if (tex) {
    tex.wrapS = tex.wrapT = RepeatWrapping;
  }
  const mat = kit.materials.get('outside', { colour: tex ? '#ffffff' : model.backdrop.ground, roughness: 1, map: tex });
  // Rings that widen with distance: small triangles near the campus, few far away.
  const radii = [0, 40, 80, 140, 220, 320, 450, 620, 850, 1150, 1600, 2300, 3300, 4700, 6500, 9000];
  const g = new RingGeometry(1, 9000, 96, radii.length - 1).rotateX(-Math.PI / 2).translate(0, LAYER.outside, 0);
  const uv = g.getAttribute('uv');
  const p = g.getAttribute('position');
  for (let i = 0; i < p.count; i++) {
    const x = p.getX(i);
    const z = p.getZ(i);
    const r = Math.hypot(x, z);
    const t = (r - 1) / (9000 - 1);
    const k = radii[Math.round(t * (radii.length - 1))]! / Math.max(r, 1e-6);
    p.setXYZ(i, x * k, p.getY(i), z * k);
    uv.setXY(i, (x * k) / 700, (-z * k) / 700);
  }
  const mesh = new Mesh(g, mat);
  mesh.receiveShadow = true;
  mesh.name = 'outside-ground';
  kit.extras.add(mesh);
}

export function addGround(kit: SceneKit, model: CampusModel) {
  outsideGround(kit, model);
  const { min, max } = model.bounds;
  const w = max[0] - min[0];
  const d = max[1] - min[1];
  const g = new PlaneGeometry(w, d, Math.ceil(w / 20), Math.ceil(d / 20)).rotateX(-Math.PI / 2).translate((min[0] + max[0]) / 2, LAYER.campus, (min[1] + max[1]) / 2);
  const uv = g.getAttribute('uv');
  const p = g.getAttribute('position');
  for (let i = 0; i < uv.count; i++) uv.setXY(i, p.getX(i) / 10, -p.getZ(i) / 10);
  kit.batch.add(g, surface(kit, 'grass', model.ground), undefined, { castShadow: false });
  model.areas.forEach((a, i) => addArea(kit, a, i));
  addRoads(kit, model);
  for (const s of model.sports) {
    if (s.kind === 'track') addTrack(kit, s.position, s.facing, s.stand);
    else addCourts(kit, s.position, s.facing, s.count);
  }
  // A fence round the campus.
  const fence = paint(kit, '#3c4650', 0.5, 0.5);
  const corners: Point[] = [min, [max[0], min[1]], max, [min[0], max[1]], min];
  const gates = model.gates.map((gt) => gt.position);
  for (let i = 0; i < 4; i++) {
    const a = corners[i]!;
    const b = corners[i + 1]!;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const spacing = kit.detail === 'bake' ? 3 : 6;
    for (let s = 0; s <= len; s += spacing) {
      const pt: Point = [a[0] + ((b[0] - a[0]) * s) / len, a[1] + ((b[1] - a[1]) * s) / len];
      if (gates.some((gp) => Math.hypot(gp[0] - pt[0], gp[1] - pt[1]) < 40)) continue;
      if (model.roads.some((r) => r.points.some((rp) => Math.hypot(rp[0] - pt[0], rp[1] - pt[1]) < r.width))) continue;
      kit.batch.add(boxOnGround(0.1, 2, 0.1), fence, place(pt[0], 0, pt[1]));
      kit.batch.add(boxOnGround(i % 2 ? 0.06 : spacing, 0.06, i % 2 ? spacing : 0.06), fence, place(pt[0] + (i % 2 ? 0 : (spacing / 2) * Math.sign(b[0] - a[0])), 1.8, pt[1] + (i % 2 ? (spacing / 2) * Math.sign(b[1] - a[1]) : 0)));
    }
  }
}

