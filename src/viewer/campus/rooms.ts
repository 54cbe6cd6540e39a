/**
 * Rooms for stops indoors: a shell with windows on the walls the model names, daylight through
 * them (with sun patches), ceiling lights, and furniture or machines by the room's kind.
 *
 * Built in the room's own frame — centre of the floor at the origin, the front wall (straight
 * ahead of the camera) at −z, left wall at −x — and placed so the camera stands at the viewpoint.
 */
import {
  BoxGeometry,
  Color,
  CylinderGeometry,
  DirectionalLight,
  Group,
  HemisphereLight,
  Mesh,
  MeshStandardMaterial,
  PlaneGeometry,
  PointLight,
  SphereGeometry,
  TorusGeometry,
  type Material,
} from 'three';
import type { Room, Viewpoint } from '../../content/campusModel';
import { createRng, type Rng } from './random';
import { boxOnGround, DEG, groundPatch, place, wall } from './shapes';
import { glass, glow, paint, surface, type SceneKit } from './kit';
import { boardTexture, panelTexture, screenTexture, windowViewTexture } from './pictures';
import { signMesh } from './signs';
import type { Daylight } from './sky';
import type { GroundKind } from './textures';

type Side = 'front' | 'back' | 'left' | 'right';

interface Ctx {
  kit: SceneKit;
  room: Room;
  W: number;
  D: number;
  H: number;
  rng: Rng;
  lights: Group;
  /** Top of the windows: ordinary rooms have windows to 0.8 m under the ceiling, halls high windows. */
  sill: number;
  head: number;
}

const FLOOR: Record<Room['kind'], GroundKind> = {
  'reading-room': 'wood',
  'mechanical-workshop': 'epoxy',
  'vehicle-workshop': 'epoxy',
  'ai-lab': 'carpet',
  'electrical-workshop': 'epoxy',
  classroom: 'tiles',
  'exhibition-hall': 'tiles',
};

/** Adds a box: size, position of its base centre, turn about Y. */
function box(c: Ctx, w: number, h: number, d: number, x: number, y: number, z: number, mat: Material, rot = 0, cast = true) {
  c.kit.batch.add(boxOnGround(w, h, d), mat, place(x, y, z, rot), { castShadow: cast });
}

/** Position and turn of a wall: where it stands and which way it faces (into the room). */
function wallPose(c: Ctx, side: Side): { length: number; at: (s: number, y: number, inset?: number) => ReturnType<typeof place> } {
  const { W, D } = c;
  switch (side) {
    case 'front':
      return { length: W, at: (s, y, i = 0) => place(s, y, -D / 2 + i, 0) };
    case 'back':
      return { length: W, at: (s, y, i = 0) => place(-s, y, D / 2 - i, Math.PI) };
    case 'left':
      return { length: D, at: (s, y, i = 0) => place(-W / 2 + i, y, s, Math.PI / 2) };
    case 'right':
      return { length: D, at: (s, y, i = 0) => place(W / 2 - i, y, -s, -Math.PI / 2) };
  }
}

function shell(c: Ctx, horizon: string) {
  const { kit, room, W, D, H } = c;
  const wallMat = paint(kit, room.wall, 0.9);
  const skirting = paint(kit, new Color(room.wall).multiplyScalar(0.55).getStyle(), 0.7);
  kit.batch.add(groundPatch(W, D, 4), surface(kit, FLOOR[room.kind], room.floor, room.kind === 'exhibition-hall' || room.kind === 'classroom' ? 0.35 : 0.7), undefined, { castShadow: false });
  const ceiling = new PlaneGeometry(W, D).rotateX(Math.PI / 2).translate(0, H, 0);
  kit.batch.add(ceiling, paint(kit, '#f1f0ec', 0.95));
  ceiling.dispose();
  const view = kit.materials.keep(
    'window-view',
    new MeshStandardMaterial({ color: '#000000', emissive: '#ffffff', emissiveMap: windowViewTexture(kit.textures, horizon, 'window') ?? null, emissiveIntensity: 1.5, roughness: 1 }),
  );
  const frame = paint(kit, '#dfe3e6', 0.4, 0.5);
  for (const side of ['front', 'back', 'left', 'right'] as const) {
    const pose = wallPose(c, side);
    const L = pose.length;
    kit.batch.add(boxOnGround(L, 0.12, 0.04), skirting, pose.at(0, 0, 0.02), { castShadow: false });
    if (!room.windows.includes(side)) {
      kit.batch.add(wall(L, H, L / 4, H / 4), wallMat, pose.at(0, 0));
      continue;
    }
    // Windows every 3.6 m; wall below, above and between them.
    const n = Math.max(1, Math.floor((L - 1.2) / 3.6));
    const ww = 2.5;
    const step = L / n;
    kit.batch.add(wall(L, c.sill, 1, 1), wallMat, pose.at(0, 0));
    kit.batch.add(wall(L, H - c.head, 1, 1), wallMat, pose.at(0, c.head));
    for (let i = 0; i <= n; i++) {
      const left = i === 0 ? -L / 2 : -L / 2 + i * step - (step - ww) / 2;
      const right = i === n ? L / 2 : -L / 2 + i * step + (step - ww) / 2;
      if (right - left > 0.01) kit.batch.add(wall(right - left, c.head - c.sill, 1, 1), wallMat, pose.at((left + right) / 2, c.sill));
    }
    for (let i = 0; i < n; i++) {
      const s = -L / 2 + (i + 0.5) * step;
      const h = c.head - c.sill;
      kit.batch.add(wall(ww, h, 1, 1), view, pose.at(s, c.sill, -0.25), { castShadow: false });
      // Frame, mullions and a sill.
      for (const dx of [-ww / 2, 0, ww / 2]) kit.batch.add(boxOnGround(0.07, h, 0.1), frame, pose.at(s + dx, c.sill, -0.05), { castShadow: false });
      for (const y of [0, h * 0.7, h - 0.07]) kit.batch.add(boxOnGround(ww, 0.07, 0.1), frame, pose.at(s, c.sill + y, -0.05), { castShadow: false });
      kit.batch.add(boxOnGround(ww + 0.2, 0.05, 0.3), paint(kit, '#d9d6cf', 0.5), pose.at(s, c.sill - 0.05, 0.1), { castShadow: false });
      // Reveals (the wall's thickness round the opening), so the sun's shadow has edges.
      for (const dx of [-ww / 2 - 0.1, ww / 2 + 0.1]) kit.batch.add(boxOnGround(0.2, h, 0.3), wallMat, pose.at(s + dx, c.sill, -0.15));
      kit.batch.add(boxOnGround(ww + 0.4, 0.2, 0.3), wallMat, pose.at(s, c.head, -0.15));
    }
  }
}

function ceilingLights(c: Ctx, style: 'panels' | 'strips' | 'bays') {
  const { kit, W, D, H } = c;
  const lamp = glow(kit, '#fff8ec', 2.2);
  const nx = Math.max(2, Math.round(W / 4));
  const nz = Math.max(2, Math.round(D / 4));
  for (let i = 0; i < nx; i++) {
    for (let j = 0; j < nz; j++) {
      const x = -W / 2 + (i + 0.5) * (W / nx);
      const z = -D / 2 + (j + 0.5) * (D / nz);
      if (style === 'panels') box(c, 1.2, 0.04, 0.6, x, H - 0.05, z, lamp, 0, false);
      else if (style === 'strips') box(c, 0.25, 0.06, 2.4, x, H - 0.08, z, lamp, 0, false);
      else if ((i + j) % 2 === 0) {
        const g = new CylinderGeometry(0.5, 0.3, 0.35, 16).translate(0, -0.2, 0);
        kit.batch.add(g, paint(kit, '#6b737b', 0.5, 0.6), place(x, H - 1.2, z), { castShadow: false });
        kit.batch.add(new CylinderGeometry(0.45, 0.45, 0.02, 16), lamp, place(x, H - 1.56, z), { castShadow: false });
        box(c, 0.03, 1.0, 0.03, x, H - 1.2, z, paint(kit, '#3c4046', 0.5), 0, false);
      }
    }
  }
  // Fill light from the fittings, without shadows (the sun casts those).
  const px = Math.max(1, Math.round(W / 8));
  const pz = Math.max(1, Math.round(D / 8));
  for (let i = 0; i < px; i++) {
    for (let j = 0; j < pz; j++) {
      const l = new PointLight('#fff4e6', (W * D) / (px * pz) * 0.14, 0, 2);
      // At the height of the fittings, below any trusses, so their undersides are lit too.
      l.position.set(-W / 2 + (i + 0.5) * (W / px), H - Math.min(1.6, H * 0.2), -D / 2 + (j + 0.5) * (D / pz));
      c.lights.add(l);
    }
  }
}

function lights(c: Ctx, daylight: Daylight) {
  const { W, D, H, room } = c;
  c.lights.add(new HemisphereLight('#fffaf2', new Color(room.floor), 0.4));
  // The sun shines in through the first wall with windows, from above.
  const side = room.windows[0] ?? 'left';
  const out: Record<Side, [number, number]> = { front: [0, -1], back: [0, 1], left: [-1, 0], right: [1, 0] };
  const [ox, oz] = out[side];
  const sun = new DirectionalLight(daylight.sun.color, 2.2);
  const el = 38 * DEG;
  const skew = 0.45;
  sun.position.set((ox + oz * skew) * 30 * Math.cos(el), 30 * Math.sin(el) + H / 2, (oz - ox * skew) * 30 * Math.cos(el));
  sun.target.position.set(0, 0, 0);
  sun.castShadow = true;
  sun.shadow.mapSize.set(4096, 4096);
  const r = Math.hypot(W, D) / 2 + 3;
  Object.assign(sun.shadow.camera, { left: -r, right: r, top: r, bottom: -r, near: 1, far: 80 });
  sun.shadow.camera.updateProjectionMatrix();
  sun.shadow.bias = -0.0003;
  sun.shadow.normalBias = 0.02;
  c.lights.add(sun, sun.target);
}

/* ---- Furniture ---- */

function table(c: Ctx, x: number, z: number, w: number, d: number, rot: number, top: Material, legs: Material, h = 0.75) {
  const m = place(x, 0, z, rot);
  c.kit.batch.add(boxOnGround(w, 0.05, d).translate(0, h - 0.05, 0), top, m);
  for (const [sx, sz] of [[1, 1], [1, -1], [-1, 1], [-1, -1]] as const) c.kit.batch.add(boxOnGround(0.05, h - 0.05, 0.05).translate(sx * (w / 2 - 0.08), 0, sz * (d / 2 - 0.08)), legs, m);
}

function chair(c: Ctx, x: number, z: number, rot: number, seat: Material, frame: Material) {
  const m = place(x, 0, z, rot);
  c.kit.batch.add(boxOnGround(0.44, 0.05, 0.42).translate(0, 0.44, 0), seat, m);
  c.kit.batch.add(boxOnGround(0.44, 0.42, 0.04).translate(0, 0.5, 0.2), seat, m);
  for (const [sx, sz] of [[1, 1], [1, -1], [-1, 1], [-1, -1]] as const) c.kit.batch.add(boxOnGround(0.03, 0.44, 0.03).translate(sx * 0.19, 0, sz * 0.18), frame, m);
}

const BOOK_COLOURS = ['#8c2f39', '#2f4858', '#33658a', '#86bbd8', '#f6ae2d', '#f26419', '#3a5a40', '#e9e3d5', '#5c4d7d', '#b08968', '#d8d3c4', '#1f3a5f'];

/** A bookcase full of books, its open side facing +z before turning. */
function bookcase(c: Ctx, x: number, z: number, rot: number, length: number, height: number, rng: Rng) {
  const m = place(x, 0, z, rot);
  const wood = paint(c.kit, '#a67c52', 0.6);
  const books = c.kit.materials.get('books', { colour: '#ffffff', roughness: 0.75 });
  const depth = 0.4;
  c.kit.batch.add(boxOnGround(length, height, 0.03).translate(0, 0, -depth / 2), wood, m);
  for (const sx of [-1, 1]) c.kit.batch.add(boxOnGround(0.04, height, depth).translate((sx * length) / 2, 0, 0), wood, m);
  const levels = Math.floor(height / 0.38);
  const book = new BoxGeometry(1, 1, 1).translate(0, 0.5, 0);
  for (let l = 0; l <= levels; l++) {
    const y = 0.08 + l * 0.38;
    c.kit.batch.add(boxOnGround(length, 0.025, depth), wood, m.clone().multiply(place(0, y - 0.025, 0)));
    if (l === levels) break;
    let s = -length / 2 + 0.05;
    while (s < length / 2 - 0.1) {
      const w = rng.range(0.025, 0.06);
      const h = rng.range(0.22, 0.32);
      if (rng() < 0.06) {
        s += w * 2;
        continue;
      }
      const colour = new Color(rng.pick(BOOK_COLOURS)).multiplyScalar(rng.range(0.8, 1.05));
      c.kit.batch.add(book, books, m.clone().multiply(place(s + w / 2, y, 0.02, rng.range(-0.04, 0.04), [w * 0.92, h, depth * 0.8])), { colour, castShadow: false });
      s += w;
    }
  }
  book.dispose();
}

/** A lathe: bed, headstock with chuck, tailstock, carriage, splash guard. */
function lathe(c: Ctx, x: number, z: number, rot: number) {
  const m = place(x, 0, z, rot);
  const body = paint(c.kit, '#5f7f8f', 0.45, 0.3);
  const dark = paint(c.kit, '#3b4a52', 0.5, 0.3);
  const steel = paint(c.kit, '#c3c8cc', 0.25, 0.9);
  c.kit.batch.add(boxOnGround(2.6, 0.8, 0.7), dark, m);
  c.kit.batch.add(boxOnGround(2.8, 0.18, 0.55).translate(0, 0.8, 0), body, m);
  c.kit.batch.add(boxOnGround(0.7, 0.6, 0.6).translate(-1.05, 0.98, 0), body, m);
  c.kit.batch.add(new CylinderGeometry(0.16, 0.16, 0.14, 20).rotateZ(Math.PI / 2).translate(-0.63, 1.25, 0), steel, m);
  c.kit.batch.add(new CylinderGeometry(0.03, 0.03, 1.2, 10).rotateZ(Math.PI / 2).translate(0, 1.25, 0), steel, m);
  c.kit.batch.add(boxOnGround(0.35, 0.42, 0.42).translate(1.05, 0.98, 0), body, m);
  c.kit.batch.add(boxOnGround(0.42, 0.28, 0.62).translate(0.2, 0.98, 0.02), dark, m);
  c.kit.batch.add(boxOnGround(2.4, 0.5, 0.03).translate(0, 0.98, -0.32), glass(c.kit, '#8aa6b8'), m);
  c.kit.batch.add(boxOnGround(0.4, 0.3, 0.06).translate(-1.05, 1.2, 0.32), paint(c.kit, '#d9d2b5', 0.6), m);
}

/** A milling machine: column, knee, table, head with a spindle. */
function mill(c: Ctx, x: number, z: number, rot: number) {
  const m = place(x, 0, z, rot);
  const body = paint(c.kit, '#4f7a6a', 0.45, 0.3);
  const steel = paint(c.kit, '#c3c8cc', 0.25, 0.9);
  c.kit.batch.add(boxOnGround(0.8, 2.0, 0.7).translate(0, 0, -0.35), body, m);
  c.kit.batch.add(boxOnGround(0.6, 0.5, 0.6).translate(0, 0.5, 0.15), body, m);
  c.kit.batch.add(boxOnGround(1.4, 0.1, 0.42).translate(0, 1.0, 0.25), steel, m);
  c.kit.batch.add(boxOnGround(0.55, 0.5, 0.85).translate(0, 1.7, 0.1), body, m);
  c.kit.batch.add(new CylinderGeometry(0.05, 0.05, 0.4, 10).translate(0, 1.35, 0.3), steel, m);
  c.kit.batch.add(new TorusGeometry(0.12, 0.02, 6, 16).translate(0.75, 1.05, 0.25).rotateY(0), steel, m);
}

/** A CNC machining centre: an enclosure with a window and a control panel. */
function cnc(c: Ctx, x: number, z: number, rot: number) {
  const m = place(x, 0, z, rot);
  const shell = paint(c.kit, '#e8eaec', 0.4, 0.2);
  const trim = paint(c.kit, '#2f5f9e', 0.4, 0.2);
  c.kit.batch.add(boxOnGround(2.4, 2.2, 1.8), shell, m);
  c.kit.batch.add(boxOnGround(2.42, 0.35, 1.82), trim, m);
  c.kit.batch.add(boxOnGround(1.2, 0.9, 0.02).translate(-0.3, 0.9, 0.9), glass(c.kit, '#6a8aa0'), m);
  c.kit.batch.add(boxOnGround(0.5, 0.7, 0.12).translate(1.0, 1.0, 0.95), paint(c.kit, '#2b2f33', 0.5), m);
  c.kit.batch.add(boxOnGround(0.36, 0.24, 0.02).translate(1.0, 1.35, 1.02), glow(c.kit, '#7fc8ff', 0.8), m);
  c.kit.batch.add(new CylinderGeometry(0.04, 0.04, 0.3, 8).translate(1.15, 2.2, -0.7), paint(c.kit, '#f0b429', 0.5), m);
}

function workbench(c: Ctx, x: number, z: number, rot: number, length = 2.4) {
  const m = place(x, 0, z, rot);
  c.kit.batch.add(boxOnGround(length, 0.06, 0.8).translate(0, 0.84, 0), paint(c.kit, '#8a6a48', 0.7), m);
  c.kit.batch.add(boxOnGround(length, 0.7, 0.75).translate(0, 0.1, 0), paint(c.kit, '#3d6e9e', 0.5, 0.3), m);
  c.kit.batch.add(boxOnGround(0.25, 0.18, 0.2).translate(-length / 3, 0.9, 0.25), paint(c.kit, '#2f3337', 0.5, 0.6), m);
  c.kit.batch.add(boxOnGround(length, 0.9, 0.04).translate(0, 0.9, -0.38), paint(c.kit, '#d5d8db', 0.6, 0.3), m);
}

function cabinet(c: Ctx, x: number, z: number, rot: number, colour: string, w = 1.0, h = 1.9) {
  const m = place(x, 0, z, rot);
  c.kit.batch.add(boxOnGround(w, h, 0.55), paint(c.kit, colour, 0.45, 0.4), m);
  for (let i = 0; i < 5; i++) c.kit.batch.add(boxOnGround(w * 0.9, 0.02, 0.02).translate(0, 0.25 + i * (h / 5.5), 0.28), paint(c.kit, '#2a2a2a', 0.5), m);
}

/** A car, optionally up on a two-post lift. */
function liftWithCar(c: Ctx, x: number, z: number, rot: number, raised: number, colour: string) {
  const m = place(x, 0, z, rot);
  const post = paint(c.kit, '#2f66b3', 0.4, 0.4);
  for (const sx of [-1.7, 1.7]) c.kit.batch.add(boxOnGround(0.35, 3.6, 0.35), post, m.clone().multiply(place(sx, 0, 0)));
  c.kit.batch.add(boxOnGround(3.8, 0.15, 0.25).translate(0, 3.6, 0), post, m);
  // The car runs along z, between the two posts.
  const mm = m.clone().multiply(place(0, raised, 0));
  const body = paint(c.kit, colour, 0.25, 0.6);
  c.kit.batch.add(boxOnGround(1.8, 0.7, 4.4).translate(0, 0.32, 0), body, mm);
  c.kit.batch.add(boxOnGround(1.6, 0.6, 2.2).translate(0, 1.02, -0.2), glass(c.kit, '#222b33'), mm);
  c.kit.batch.add(boxOnGround(1.5, 0.08, 1.9).translate(0, 1.6, -0.2), body, mm);
  const wheel = new CylinderGeometry(0.34, 0.34, 0.24, 14).rotateZ(Math.PI / 2);
  for (const [wx, wz] of [[-0.8, 1.35], [0.8, 1.35], [-0.8, -1.4], [0.8, -1.4]] as const) c.kit.batch.add(wheel, paint(c.kit, '#1c1c1c', 0.9), mm.clone().multiply(place(wx, 0.34, wz)));
  wheel.dispose();
  // Lift arms under the car, and yellow floor lines round the bay.
  for (const z of [-1.1, 1.1]) c.kit.batch.add(boxOnGround(3.4, 0.1, 0.18).translate(0, raised - 0.12, z), post, m);
  c.kit.batch.add(boxOnGround(5, 0.01, 0.12), paint(c.kit, '#f2c12e', 0.6), m.clone().multiply(place(0, 0.005, 2.9)), { castShadow: false });
  c.kit.batch.add(boxOnGround(5, 0.01, 0.12), paint(c.kit, '#f2c12e', 0.6), m.clone().multiply(place(0, 0.005, -2.9)), { castShadow: false });
}

function engineStand(c: Ctx, x: number, z: number, rot: number) {
  const m = place(x, 0, z, rot);
  const red = paint(c.kit, '#b8312f', 0.5, 0.4);
  c.kit.batch.add(boxOnGround(1.1, 0.06, 0.8), red, m);
  c.kit.batch.add(boxOnGround(0.1, 0.9, 0.1), red, m);
  c.kit.batch.add(boxOnGround(0.8, 0.55, 0.6).translate(0.35, 0.75, 0), paint(c.kit, '#5a6169', 0.35, 0.8), m);
  c.kit.batch.add(boxOnGround(0.7, 0.18, 0.5).translate(0.35, 1.3, 0), paint(c.kit, '#8d959d', 0.35, 0.8), m);
  for (let i = 0; i < 4; i++) c.kit.batch.add(new CylinderGeometry(0.05, 0.05, 0.25, 8).translate(0.1 + i * 0.17, 1.55, 0), paint(c.kit, '#2b2e31', 0.5, 0.5), m);
}

function tyreStack(c: Ctx, x: number, z: number, n: number) {
  const t = new TorusGeometry(0.3, 0.11, 10, 20).rotateX(Math.PI / 2);
  for (let i = 0; i < n; i++) c.kit.batch.add(t, paint(c.kit, '#1d1d1d', 0.85), place(x, 0.11 + i * 0.22, z));
  t.dispose();
}

function screenMaterial(c: Ctx, kind: 'code' | 'chart' | 'dashboard', seed: string) {
  return c.kit.materials.keep(
    `screen/${kind}/${seed}`,
    new MeshStandardMaterial({ color: '#000000', emissive: '#ffffff', emissiveMap: screenTexture(kind, c.kit.textures, seed) ?? null, emissiveIntensity: 1.1, roughness: 0.3 }),
  );
}

function deskWithMonitors(c: Ctx, x: number, z: number, rot: number, i: number) {
  const m = place(x, 0, z, rot);
  table(c, x, z, 1.5, 0.75, rot, paint(c.kit, '#e9e6df', 0.5), paint(c.kit, '#6f767d', 0.4, 0.6));
  for (const [k, dx] of [-0.35, 0.35].entries()) {
    c.kit.batch.add(boxOnGround(0.6, 0.37, 0.03).translate(dx, 0.9, -0.2), paint(c.kit, '#1b1d20', 0.4), m);
    const scr = new PlaneGeometry(0.56, 0.32).translate(dx, 1.085, -0.183);
    c.kit.batch.add(scr, screenMaterial(c, (['code', 'chart', 'dashboard'] as const)[(i + k) % 3]!, `${(i + k) % 6}`), m, { castShadow: false });
    c.kit.batch.add(boxOnGround(0.05, 0.18, 0.05).translate(dx, 0.75, -0.22), paint(c.kit, '#1b1d20', 0.4), m);
  }
  c.kit.batch.add(boxOnGround(0.45, 0.02, 0.15).translate(0, 0.75, 0.1), paint(c.kit, '#2a2c30', 0.5), m);
}

function serverRack(c: Ctx, x: number, z: number, rot: number, rng: Rng) {
  const m = place(x, 0, z, rot);
  c.kit.batch.add(boxOnGround(0.6, 2.0, 1.0), paint(c.kit, '#1e2126', 0.35, 0.5), m);
  const leds = [glow(c.kit, '#38d26b', 2), glow(c.kit, '#3fa7ff', 2), glow(c.kit, '#ffb02e', 2)];
  for (let u = 0; u < 14; u++) {
    c.kit.batch.add(boxOnGround(0.52, 0.1, 0.02).translate(0, 0.2 + u * 0.125, 0.5), paint(c.kit, '#2d3138', 0.4, 0.5), m, { castShadow: false });
    for (let l = 0; l < 3; l++) if (rng() < 0.6) c.kit.batch.add(boxOnGround(0.02, 0.02, 0.01).translate(0.15 + l * 0.04, 0.24 + u * 0.125, 0.512), rng.pick(leds), m, { castShadow: false });
  }
}

/** An industrial robot arm on a plinth. */
function robotArm(c: Ctx, x: number, z: number, rot: number) {
  const m = place(x, 0, z, rot);
  const orange = paint(c.kit, '#ef7d1a', 0.4, 0.2);
  const grey = paint(c.kit, '#4a4f55', 0.45, 0.5);
  c.kit.batch.add(boxOnGround(1.2, 0.4, 1.2), grey, m);
  c.kit.batch.add(new CylinderGeometry(0.4, 0.45, 0.5, 20).translate(0, 0.65, 0), orange, m);
  const upper = m.clone().multiply(place(0, 0.95, 0, 0, [1, 1, 1], 0, -0.5));
  c.kit.batch.add(boxOnGround(0.3, 1.3, 0.35), orange, upper);
  const fore = upper.clone().multiply(place(0, 1.3, 0, 0, [1, 1, 1], 0, 1.6));
  c.kit.batch.add(new CylinderGeometry(0.22, 0.22, 0.45, 16).rotateX(Math.PI / 2), grey, fore);
  c.kit.batch.add(boxOnGround(0.24, 1.0, 0.28), orange, fore);
  c.kit.batch.add(new CylinderGeometry(0.09, 0.12, 0.3, 12).translate(0, 1.1, 0), grey, fore);
  // A safety fence round the cell.
  const rail = paint(c.kit, '#f2c12e', 0.5, 0.3);
  for (const [sx, sz] of [[1, 1], [1, -1], [-1, 1], [-1, -1]] as const) c.kit.batch.add(boxOnGround(0.06, 1.1, 0.06), rail, m.clone().multiply(place(sx * 1.6, 0, sz * 1.6)));
  for (const s of [-1.6, 1.6]) {
    c.kit.batch.add(boxOnGround(3.2, 0.06, 0.06), rail, m.clone().multiply(place(0, 1.05, s)));
    c.kit.batch.add(boxOnGround(0.06, 0.06, 3.2), rail, m.clone().multiply(place(s, 1.05, 0)));
  }
}

/** An electrical training bench: a worktop with a panel of breakers, meters and lamps. */
function electricalBench(c: Ctx, x: number, z: number, rot: number, rng: Rng) {
  const m = place(x, 0, z, rot);
  c.kit.batch.add(boxOnGround(1.8, 0.75, 0.8), paint(c.kit, '#dfe2e5', 0.5, 0.2), m);
  c.kit.batch.add(boxOnGround(1.8, 0.05, 0.8).translate(0, 0.75, 0), paint(c.kit, '#3b6ea5', 0.5), m);
  c.kit.batch.add(boxOnGround(1.8, 1.1, 0.08).translate(0, 0.8, -0.36), paint(c.kit, '#c9cdd1', 0.45, 0.3), m);
  const meter = paint(c.kit, '#f6f6f2', 0.4);
  for (let i = 0; i < 4; i++) {
    c.kit.batch.add(new CylinderGeometry(0.08, 0.08, 0.03, 16).rotateX(Math.PI / 2).translate(-0.6 + i * 0.4, 1.68, -0.31), meter, m, { castShadow: false });
  }
  const breaker = paint(c.kit, '#2e2e2e', 0.5);
  for (let i = 0; i < 10; i++) c.kit.batch.add(boxOnGround(0.08, 0.16, 0.06).translate(-0.72 + i * 0.16, 1.2, -0.31), breaker, m, { castShadow: false });
  const lampsOn = [glow(c.kit, '#ff3b30', 2.5), glow(c.kit, '#34c759', 2.5), glow(c.kit, '#ffcc00', 2.5)];
  for (let i = 0; i < 6; i++) c.kit.batch.add(new SphereGeometry(0.03, 8, 6).translate(-0.5 + i * 0.2, 0.98, -0.3), rng.pick(lampsOn), m, { castShadow: false });
  const wires = ['#e53935', '#1e88e5', '#fdd835', '#43a047'];
  for (let i = 0; i < 5; i++) c.kit.batch.add(boxOnGround(rng.range(0.3, 0.9), 0.012, 0.012).translate(rng.range(-0.4, 0.4), rng.range(0.9, 1.5), -0.305), paint(c.kit, rng.pick(wires), 0.6), m, { castShadow: false });
}

function lectern(c: Ctx, x: number, z: number, rot: number) {
  const m = place(x, 0, z, rot);
  c.kit.batch.add(boxOnGround(1.2, 1.05, 0.6), paint(c.kit, '#8b5e3c', 0.55), m);
  c.kit.batch.add(boxOnGround(1.3, 0.05, 0.7).translate(0, 1.05, 0), paint(c.kit, '#6e4a2f', 0.5), m);
}

/** A sign board or panel with a drawn texture, facing +z before turning. */
function picture(c: Ctx, texture: ReturnType<typeof panelTexture>, w: number, h: number, x: number, y: number, z: number, rot: number) {
  const mat = new MeshStandardMaterial({ map: texture, color: texture ? '#ffffff' : '#e8e4da', roughness: 0.6 });
  c.kit.materials.keep(`picture/${c.kit.extras.children.length}/${x}/${z}`, mat);
  const mesh = new Mesh(new PlaneGeometry(w, h), mat);
  mesh.applyMatrix4(place(x, y, z, rot));
  mesh.receiveShadow = true;
  c.kit.extras.add(mesh);
}

function wallSign(c: Ctx, style: 'letters' | 'board', colour: string, y: number, size: number) {
  if (!c.room.sign) return;
  const mesh = signMesh(c.room.sign, { style, colour, size }, c.kit.textures);
  mesh.applyMatrix4(place(0, y, -c.D / 2 + 0.06, 0));
  c.kit.extras.add(mesh);
}

/* ---- Rooms ---- */

function readingRoom(c: Ctx) {
  const { W, D, rng } = c;
  ceilingLights(c, 'panels');
  wallSign(c, 'board', '#7a3b2e', c.H - 0.75, 0.7);
  const windowsRight = c.room.windows.includes('right');
  const away = windowsRight ? -1 : 1; // the side without windows
  // Bookcases along the front wall and the wall without windows.
  for (let x = -W / 2 + 1.6; x < W / 2 - 1.5; x += 3.05) bookcase(c, x, -D / 2 + 0.25, 0, 3, 2.3, rng);
  for (let z = -D / 2 + 2; z < D / 2 - 1.5; z += 3.05) bookcase(c, away * (W / 2 - 0.25), z, away > 0 ? -Math.PI / 2 : Math.PI / 2, 3, 2.3, rng);
  // Rows of double-sided bookcases across the far half, a middle aisle between them.
  for (let row = 0; row < 3; row++) {
    const z = -D / 2 + 3.6 + row * 2.9;
    for (let x = -W / 2 + 2.6; x < W / 2 - 2; x += 3.05) {
      if (Math.abs(x) < 1.6) continue;
      bookcase(c, x, z, 0, 3, 2.0, rng);
      bookcase(c, x, z - 0.44, Math.PI, 3, 2.0, rng);
    }
  }
  // Reading tables in the near half, with chairs and green-shaded lamps.
  const top = paint(c.kit, '#b9875a', 0.45);
  const legs = paint(c.kit, '#6b4a30', 0.6);
  const seat = paint(c.kit, '#4f6d5e', 0.7);
  const camX = c.room.offset[0];
  const camZ = -c.room.offset[1];
  for (let z = -D / 2 + 13; z < D / 2 - 2; z += 3.4) {
    for (const x of [-W / 2 + 4, -W / 2 + 8.6, W / 2 - 8.6, W / 2 - 4]) {
      if (Math.abs(x - camX) < 2.2 && Math.abs(z - camZ) < 1.8) continue;
      table(c, x, z, 2.6, 1.2, 0, top, legs);
      for (const s of [-0.85, 0, 0.85]) {
        chair(c, x + s, z - 0.85, Math.PI, seat, legs);
        chair(c, x + s, z + 0.85, 0, seat, legs);
      }
      for (const s of [-0.8, 0.8]) {
        c.kit.batch.add(new CylinderGeometry(0.02, 0.02, 0.35, 8).translate(0, 0.9, 0), paint(c.kit, '#c9a441', 0.3, 0.9), place(x + s, 0, z));
        c.kit.batch.add(new CylinderGeometry(0.08, 0.16, 0.14, 14, 1, true).translate(0, 1.1, 0), glow(c.kit, '#e9f5d8', 0.8), place(x + s, 0, z), { castShadow: false });
      }
    }
  }
  // A service desk by the back wall.
  box(c, 4, 1.05, 0.8, 0, 0, D / 2 - 1.6, paint(c.kit, '#8b5e3c', 0.55));
  box(c, 4.2, 0.05, 0.9, 0, 1.05, D / 2 - 1.6, paint(c.kit, '#e9e6df', 0.4));
  // Potted plants at the ends of the aisle.
  for (const x of [-1.3, 1.3]) {
    box(c, 0.5, 0.5, 0.5, x, 0, -D / 2 + 10.5, paint(c.kit, '#e7e3da', 0.6));
    c.kit.batch.add(new SphereGeometry(0.55, 12, 8).translate(0, 1.0, 0), paint(c.kit, '#4f7f3a', 0.9), place(x, 0, -D / 2 + 10.5));
  }
}

/** Yellow safety lines round a rectangle of floor. */
function floorFrame(c: Ctx, x0: number, z0: number, x1: number, z1: number) {
  const yellow = paint(c.kit, '#f2c12e', 0.6);
  box(c, x1 - x0, 0.01, 0.1, (x0 + x1) / 2, 0.004, z0, yellow, 0, false);
  box(c, x1 - x0, 0.01, 0.1, (x0 + x1) / 2, 0.004, z1, yellow, 0, false);
  box(c, 0.1, 0.01, z1 - z0, x0, 0.004, (z0 + z1) / 2, yellow, 0, false);
  box(c, 0.1, 0.01, z1 - z0, x1, 0.004, (z0 + z1) / 2, yellow, 0, false);
}

function mechanicalWorkshop(c: Ctx) {
  const { W, D } = c;
  ceilingLights(c, 'bays');
  trusses(c);
  wallSign(c, 'board', '#1d4e89', c.H - 1.8, 1.0);
  walkway(c);
  const z0 = -D / 2 + 4;
  const z1 = D / 2 - 6;
  // Lathes in two rows on the left and milling machines on the right, all facing the walkway;
  // CNC machining centres beyond the mills, workbenches along the left wall.
  for (let z = z0; z <= z1; z += 3.4) {
    lathe(c, -4.6, z, Math.PI / 2);
    lathe(c, -10, z, Math.PI / 2);
    mill(c, 4.4, z, -Math.PI / 2);
    cnc(c, 11, z, -Math.PI / 2);
    workbench(c, -W / 2 + 0.6, z, Math.PI / 2);
  }
  floorFrame(c, -12, z0 - 2, -2.2, z1 + 2);
  floorFrame(c, 2.2, z0 - 2, 13, z1 + 2);
  for (const [i, z] of [-D / 2 + 2, -D / 2 + 3.2, -D / 2 + 4.4].entries()) cabinet(c, W / 2 - 0.4, z, -Math.PI / 2, ['#c0392b', '#2e86c1', '#c0392b'][i]!);
  for (let x = -W / 2 + 3; x < -3; x += 3) workbench(c, x, -D / 2 + 0.7, 0);
  gantry(c);
  panels(c);
}

function vehicleWorkshop(c: Ctx) {
  const { W, D, rng } = c;
  ceilingLights(c, 'strips');
  trusses(c);
  wallSign(c, 'board', '#1d4e89', c.H - 1.8, 1.0);
  walkway(c);
  const colours = ['#c62828', '#f4f4f2', '#1565c0', '#37474f', '#f9a825'];
  let i = 0;
  // Cars on lifts down the left side, one of every two raised.
  for (let z = -D / 2 + 4; z < D / 2 - 5; z += 6.2) {
    liftWithCar(c, -6.5, z, 0, i % 2 ? 1.75 : 0, colours[i % colours.length]!);
    liftWithCar(c, -13.5, z, 0, i % 2 ? 0 : 1.75, colours[(i + 2) % colours.length]!);
    i++;
  }
  // Engines on stands, tyres, tool trolleys and benches on the right.
  for (let z = -D / 2 + 4; z < D / 2 - 5; z += 3) {
    engineStand(c, 4.2, z, -Math.PI / 2);
    cabinet(c, 8.5, z, -Math.PI / 2, rng() < 0.5 ? '#c0392b' : '#2e86c1', 0.8, 1.0);
    workbench(c, W / 2 - 0.6, z, -Math.PI / 2);
  }
  for (let z = -D / 2 + 4; z < D / 2 - 5; z += 2.2) tyreStack(c, 12.5, z, 2 + Math.floor(rng() * 4));
  floorFrame(c, 2.4, -D / 2 + 2, 14, D / 2 - 4);
  for (let x = -W / 2 + 3; x < -3; x += 3) workbench(c, x, -D / 2 + 0.7, 0);
  panels(c);
}

function aiLab(c: Ctx) {
  const { W, D, rng } = c;
  ceilingLights(c, 'strips');
  // A video wall at the front under the sign.
  const wallScreen = new PlaneGeometry(Math.min(8, W * 0.6), 2.6).translate(0, c.H / 2 - 0.1, -D / 2 + 0.08);
  c.kit.batch.add(wallScreen, screenMaterial(c, 'dashboard', 'video-wall'), undefined, { castShadow: false });
  c.kit.batch.add(boxOnGround(Math.min(8, W * 0.6) + 0.3, 2.9, 0.06).translate(0, c.H / 2 - 1.55, -D / 2 + 0.03), paint(c.kit, '#15171a', 0.4), undefined, { castShadow: false });
  wallSign(c, 'letters', '#1d4e89', c.H - 0.55, 0.42);
  let i = 0;
  for (let z = -D / 2 + 4; z < D / 2 - 2; z += 2.4) {
    for (let x = -W / 2 + 2.2; x < W / 2 - 4.5; x += 1.7) {
      if (Math.hypot(x - c.room.offset[0], z + c.room.offset[1]) < 1.2) continue;
      deskWithMonitors(c, x, z, 0, i++);
      chair(c, x, z + 0.65, 0, paint(c.kit, '#2c3e50', 0.6), paint(c.kit, '#6f767d', 0.4, 0.6));
    }
  }
  for (let z = -D / 2 + 3; z < D / 2 - 2; z += 0.65) serverRack(c, W / 2 - 0.8, z, -Math.PI / 2, rng);
  robotArm(c, W / 2 - 3.2, D / 2 - 3, -0.6);
  panels(c);
}

function electricalWorkshop(c: Ctx) {
  const { W, D, rng } = c;
  ceilingLights(c, 'strips');
  wallSign(c, 'board', '#1d4e89', c.H - 0.9, 0.5);
  walkway(c);
  for (let z = -D / 2 + 3; z < D / 2 - 2; z += 2.6) {
    for (const x of [-W / 4 - 1, -W / 4 + 1.1, W / 4 - 1, W / 4 + 1.1]) {
      if (Math.abs(x - c.room.offset[0]) < 1.2 && Math.abs(z + c.room.offset[1]) < 1.2) continue;
      electricalBench(c, x, z, 0, rng);
    }
  }
  for (let z = -D / 2 + 1.5; z < D / 2 - 1; z += 1.1) cabinet(c, W / 2 - 0.35, z, -Math.PI / 2, '#d7dbdf', 1.0, 2.1);
  panels(c);
}

function classroom(c: Ctx) {
  const { W, D } = c;
  ceilingLights(c, 'strips');
  // Blackboard with a greeting, a projector screen beside it, a lectern.
  picture(c, boardTexture(c.room.sign, c.kit.textures, 'board'), 4.8, 1.6, -0.4, 1.9, -D / 2 + 0.05, 0);
  c.kit.batch.add(boxOnGround(5.0, 0.08, 0.12).translate(-0.4, 1.05, -D / 2 + 0.08), paint(c.kit, '#8c8f93', 0.5, 0.5));
  c.kit.batch.add(new PlaneGeometry(2.2, 1.4).translate(W / 2 - 2.2, 2.0, -D / 2 + 0.05), paint(c.kit, '#f7f7f4', 0.8), undefined, { castShadow: false });
  lectern(c, -2.4, -D / 2 + 1.6, 0);
  box(c, W, 0.2, 2.0, 0, 0, -D / 2 + 1, paint(c.kit, '#b9a489', 0.6), 0, false);
  const top = paint(c.kit, '#d8b98f', 0.5);
  const legs = paint(c.kit, '#5e6770', 0.4, 0.6);
  const seat = paint(c.kit, '#3f6e9e', 0.6);
  for (let z = -D / 2 + 3.2; z < D / 2 - 1; z += 1.15) {
    for (let x = -W / 2 + 1.4; x < W / 2 - 1; x += 1.45) {
      if (Math.abs(x - c.room.offset[0]) < 0.8 && Math.abs(z + c.room.offset[1]) < 0.8) continue;
      table(c, x, z, 1.2, 0.5, 0, top, legs);
      chair(c, x, z + 0.5, 0, seat, legs);
    }
  }
  panels(c);
}

function exhibitionHall(c: Ctx) {
  const { W, D } = c;
  ceilingLights(c, 'panels');
  wallSign(c, 'letters', '#b3261e', c.H - 1.2, 0.75);
  // A long meeting table with chairs in the middle of the hall.
  const top = paint(c.kit, '#7b4f2f', 0.35);
  const legs = paint(c.kit, '#3b2a1c', 0.5);
  const seat = paint(c.kit, '#8c2f39', 0.6);
  const tz = 1.2;
  c.kit.batch.add(boxOnGround(6.4, 0.06, 2.2).translate(0, 0.72, tz), top, undefined);
  c.kit.batch.add(boxOnGround(5.8, 0.7, 1.4).translate(0, 0.02, tz), legs, undefined);
  for (let i = 0; i < 6; i++) {
    const x = -2.6 + i * 1.04;
    chair(c, x, tz - 1.45, Math.PI, seat, legs);
    chair(c, x, tz + 1.45, 0, seat, legs);
  }
  // A rug under the table, plants in the corners.
  box(c, 8.4, 0.012, 4.6, 0, 0, tz, paint(c.kit, '#8c2f39', 0.95), 0, false);
  for (const [x, z] of [[-W / 2 + 1, -D / 2 + 1], [W / 2 - 1, D / 2 - 1], [-W / 2 + 1, D / 2 - 1]] as const) {
    box(c, 0.6, 0.6, 0.6, x, 0, z, paint(c.kit, '#e7e3da', 0.6));
    c.kit.batch.add(new SphereGeometry(0.7, 12, 8).scale(1, 1.4, 1).translate(0, 1.4, 0), paint(c.kit, '#4f7f3a', 0.9), place(x, 0, z));
  }
  // Flowers in the middle of the table.
  c.kit.batch.add(new SphereGeometry(0.28, 14, 10).scale(2, 0.6, 0.8).translate(0, 0.9, tz), paint(c.kit, '#d9475a', 0.7), undefined);
  // A globe on a plinth near the front.
  c.kit.batch.add(new CylinderGeometry(0.35, 0.45, 1.0, 20), paint(c.kit, '#d9d4c8', 0.5), place(W / 2 - 2.5, 0.5, -D / 2 + 2.5));
  c.kit.batch.add(new SphereGeometry(0.6, 32, 20).translate(0, 1.6, 0), paint(c.kit, '#2f6fa3', 0.3, 0.3), place(W / 2 - 2.5, 0, -D / 2 + 2.5));
  c.kit.batch.add(new TorusGeometry(0.68, 0.025, 8, 40).rotateX(0.4).translate(0, 1.6, 0), paint(c.kit, '#c9a441', 0.3, 0.9), place(W / 2 - 2.5, 0, -D / 2 + 2.5));
  panels(c);
}

/** Steel roof trusses across a workshop. */
function trusses(c: Ctx) {
  const steel = paint(c.kit, '#8d949b', 0.5, 0.6);
  for (let z = -c.D / 2 + 3; z < c.D / 2; z += 6) {
    box(c, c.W, 0.3, 0.25, 0, c.H - 0.8, z, steel, 0, false);
    box(c, c.W, 0.15, 0.2, 0, c.H - 0.15, z, steel, 0, false);
    for (let x = -c.W / 2 + 1; x < c.W / 2; x += 2) box(c, 0.08, 0.65, 0.08, x, c.H - 0.8, z, steel, 0, false);
  }
}

/** A yellow overhead crane beam on rails. */
function gantry(c: Ctx) {
  const yellow = paint(c.kit, '#f2b705', 0.5, 0.3);
  box(c, c.W - 0.6, 0.7, 0.5, 0, c.H - 2.2, c.D / 6, yellow, 0, false);
  box(c, 0.6, 0.6, 0.8, -c.W / 6, c.H - 2.8, c.D / 6, paint(c.kit, '#3b3f44', 0.5, 0.6), 0, false);
  for (const x of [-c.W / 2 + 0.3, c.W / 2 - 0.3]) box(c, 0.3, 0.4, c.D - 1, x, c.H - 1.8, 0, paint(c.kit, '#5c636a', 0.5, 0.6), 0, false);
}

/** Green walkways and yellow safety lines on a workshop floor. */
function walkway(c: Ctx) {
  const yellow = paint(c.kit, '#f2c12e', 0.6);
  const green = paint(c.kit, '#4f8f5a', 0.6);
  box(c, 2.2, 0.008, c.D - 2, 0, 0.004, 0, green, 0, false);
  for (const x of [-1.15, 1.15]) box(c, 0.12, 0.012, c.D - 2, x, 0.004, 0, yellow, 0, false);
}

/** Boards from the model along the side walls without windows (or the back wall). */
function panels(c: Ctx) {
  const list = c.room.panels;
  if (list.length === 0) return;
  const accents = ['#b3261e', '#1d4e89', '#2e7d32', '#8e5a12', '#5b3f8c', '#00695c'];
  const walls = (['right', 'left', 'back'] as const).filter((s) => !c.room.windows.includes(s));
  const perWall = Math.ceil(list.length / Math.max(1, walls.length));
  list.forEach((p, i) => {
    const side = walls[Math.floor(i / perWall)] ?? 'back';
    const k = i % perWall;
    const pose = wallPose(c, side);
    const span = Math.min(2.4, (pose.length - 2) / perWall);
    const s = -((perWall - 1) * span) / 2 + k * span;
    const w = span * 0.82;
    const h = w * 1.414;
    const tex = panelTexture(p.title, p.picture, accents[i % accents.length]!, c.kit.textures, `panel/${i}/${p.title.en}`);
    const m = pose.at(s, 1.0 + h / 2, 0.06);
    const mat = new MeshStandardMaterial({ map: tex, color: tex ? '#ffffff' : '#e8e4da', roughness: 0.55 });
    c.kit.materials.keep(`panel/${i}/${p.title.en}`, mat);
    const mesh = new Mesh(new PlaneGeometry(w, h), mat);
    mesh.applyMatrix4(m);
    mesh.receiveShadow = true;
    c.kit.extras.add(mesh);
    // A spotlight fitting above each board.
    c.kit.batch.add(boxOnGround(0.1, 0.1, 0.4), paint(c.kit, '#2b2e31', 0.4, 0.6), pose.at(s, 1.2 + h, 0.2), { castShadow: false });
  });
}

const ROOMS: Record<Room['kind'], (c: Ctx) => void> = {
  'reading-room': readingRoom,
  'mechanical-workshop': mechanicalWorkshop,
  'vehicle-workshop': vehicleWorkshop,
  'ai-lab': aiLab,
  'electrical-workshop': electricalWorkshop,
  classroom,
  'exhibition-hall': exhibitionHall,
};

/**
 * Builds the room of an indoor viewpoint into the kit. Returns the group that places it in the
 * world (the camera at the viewpoint, looking along its heading) and the lights that go with it.
 */
export function buildRoom(kit: SceneKit, vp: Viewpoint, stopId: string, daylight: Daylight): { root: Group; inner: Group; lights: Group } {
  const room = vp.interior!;
  const [W, D] = room.size;
  const H = room.height;
  const hall = room.kind.endsWith('workshop') || room.kind === 'exhibition-hall';
  const c: Ctx = {
    kit,
    room,
    W,
    D,
    H,
    rng: createRng(`room/${stopId}`),
    lights: new Group(),
    sill: hall ? Math.min(2.4, H * 0.3) : 0.9,
    head: hall ? H - 1.2 : Math.min(H - 0.7, 2.9),
  };
  shell(c, `#${daylight.horizon.getHexString()}`);
  lights(c, daylight);
  ROOMS[room.kind](c);
  const inner = new Group();
  // The camera stands `offset` = [right, forward] from the room's centre.
  inner.position.set(-room.offset[0], 0, room.offset[1]);
  const root = new Group();
  root.position.set(vp.position[0], 0, vp.position[1]);
  root.rotation.y = -vp.heading * DEG;
  root.add(inner);
  return { root, inner, lights: c.lights };
}

