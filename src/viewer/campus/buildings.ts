/**
 * Buildings from the model: blocks with window facades, plinths, corner pilasters, parapets or
 * pitched/sawtooth/vault roofs, an entrance porch and signs. Built in a local frame whose front
 * faces +z, then turned to the building's `facing`.
 */
import { CylinderGeometry, Matrix4, MeshStandardMaterial } from 'three';
import type { Building, Gate, Sign } from '../../content/campusModel';
import { createRng } from './random';
import { boxOnGround, facingRotation, groundPatch, place, quad, triangles, wall } from './shapes';
import { facadeTextures, FACADE_TILE, shade } from './textures';
import { glass, paint, surface, type SceneKit } from './kit';
import { signMesh } from './signs';

function facadeMaterial(kit: SceneKit, b: Building): MeshStandardMaterial {
  const key = `facade/${b.windows.style}/${b.colour}/${b.trim}/${b.windows.glass}/${b.windows.frame}`;
  return kit.materials.keep(
    key,
    (() => {
      const { map, surface: rm } = facadeTextures(
        { style: b.windows.style, wall: b.colour, trim: b.trim, glass: b.windows.glass, frame: b.windows.frame, seed: key },
        kit.textures,
      );
      kit.materials.textures.push(map, rm);
      const m = new MeshStandardMaterial({ map, roughnessMap: rm, metalnessMap: rm, roughness: 1, metalness: 1, vertexColors: true });
      m.name = key;
      return m;
    })(),
  );
}

interface Block {
  cx: number;
  cz: number;
  w: number;
  d: number;
  h: number;
  floors: number;
}

/** The four walls of a block, each with whole window bays. */
function walls(kit: SceneKit, b: Building, k: Block, frame: Matrix4) {
  const mat = facadeMaterial(kit, b);
  const faces: { len: number; m: Matrix4 }[] = [
    { len: k.w, m: place(k.cx, 0, k.cz + k.d / 2, 0) },
    { len: k.w, m: place(k.cx, 0, k.cz - k.d / 2, Math.PI) },
    { len: k.d, m: place(k.cx + k.w / 2, 0, k.cz, Math.PI / 2) },
    { len: k.d, m: place(k.cx - k.w / 2, 0, k.cz, -Math.PI / 2) },
  ];
  for (const f of faces) {
    const bays = Math.max(1, Math.round(f.len / b.windows.bay));
    kit.batch.add(wall(f.len, k.h, bays / FACADE_TILE.bays, k.floors / FACADE_TILE.floors), mat, frame.clone().multiply(f.m));
  }
}

function flatRoof(kit: SceneKit, b: Building, k: Block, frame: Matrix4, rng: ReturnType<typeof createRng>) {
  const roof = surface(kit, 'concrete', b.roof.colour);
  const trim = paint(kit, b.trim, 0.7);
  kit.batch.add(groundPatch(k.w, k.d, 6), roof, frame.clone().multiply(place(k.cx, k.h, k.cz)), { castShadow: false });
  const t = 0.35;
  const ph = 1.1;
  const rim: [number, number, number, number, number][] = [
    [k.cx, k.cz + k.d / 2 - t / 2, k.w + 0.1, t, 0],
    [k.cx, k.cz - k.d / 2 + t / 2, k.w + 0.1, t, 0],
    [k.cx + k.w / 2 - t / 2, k.cz, t, k.d, 0],
    [k.cx - k.w / 2 + t / 2, k.cz, t, k.d, 0],
  ];
  for (const [x, z, w, d] of rim) kit.batch.add(boxOnGround(w, ph, d), trim, frame.clone().multiply(place(x, k.h, z)));
  // A cornice band just under the roof line: four strips, so it does not cover the roof.
  const band: [number, number, number, number][] = [
    [k.cx, k.cz + k.d / 2, k.w + 0.5, 0.5],
    [k.cx, k.cz - k.d / 2, k.w + 0.5, 0.5],
    [k.cx + k.w / 2, k.cz, 0.5, k.d + 0.5],
    [k.cx - k.w / 2, k.cz, 0.5, k.d + 0.5],
  ];
  for (const [x, z, w, d] of band) kit.batch.add(boxOnGround(w, 0.55, d), trim, frame.clone().multiply(place(x, k.h - 0.6, z)));
  // Roof plant: a stair house and a few units, placed by the seeded generator.
  const plant = paint(kit, '#a9acae', 0.8);
  if (k.w > 14 && k.d > 10) {
    kit.batch.add(boxOnGround(5, 3, 4), paint(kit, shade(b.colour, -0.05), 0.85), frame.clone().multiply(place(k.cx + rng.range(-k.w / 4, k.w / 4), k.h, k.cz + rng.range(-k.d / 5, k.d / 5))));
    const units = Math.min(6, Math.floor(k.w / 12));
    for (let i = 0; i < units; i++) {
      kit.batch.add(boxOnGround(rng.range(1.5, 3), rng.range(1, 1.8), rng.range(1.2, 2.2)), plant, frame.clone().multiply(place(k.cx + rng.range(-k.w / 2.6, k.w / 2.6), k.h, k.cz + rng.range(-k.d / 3, k.d / 3))));
    }
  }
}

function pitchedRoof(kit: SceneKit, b: Building, k: Block, frame: Matrix4) {
  const rise = b.roof.rise ?? Math.min(k.w, k.d) * 0.22;
  const o = 0.6; // overhang
  const roofMat = paint(kit, b.roof.colour, 0.75);
  const gableMat = paint(kit, b.colour, 0.9);
  const x0 = k.cx - k.w / 2 - o;
  const x1 = k.cx + k.w / 2 + o;
  const z0 = k.cz - k.d / 2 - o;
  const z1 = k.cz + k.d / 2 + o;
  const y0 = k.h;
  const y1 = k.h + rise;
  const m = frame;
  if (b.roof.shape === 'gable') {
    kit.batch.add(quad([x0, y0, z1], [x1, y0, z1], [x1, y1, k.cz], [x0, y1, k.cz], 4), roofMat, m);
    kit.batch.add(quad([x1, y0, z0], [x0, y0, z0], [x0, y1, k.cz], [x1, y1, k.cz], 4), roofMat, m);
    const gx0 = k.cx - k.w / 2;
    const gx1 = k.cx + k.w / 2;
    const zz0 = k.cz - k.d / 2;
    const zz1 = k.cz + k.d / 2;
    kit.batch.add(triangles([[gx1, y0, zz1], [gx1, y0, zz0], [gx1, y1, k.cz]]), gableMat, m);
    kit.batch.add(triangles([[gx0, y0, zz0], [gx0, y0, zz1], [gx0, y1, k.cz]]), gableMat, m);
  } else {
    // hip: the ridge is shorter than the block by its depth.
    const r = Math.max(0, k.w / 2 - k.d / 2);
    kit.batch.add(quad([x0, y0, z1], [x1, y0, z1], [k.cx + r, y1, k.cz], [k.cx - r, y1, k.cz], 4), roofMat, m);
    kit.batch.add(quad([x1, y0, z0], [x0, y0, z0], [k.cx - r, y1, k.cz], [k.cx + r, y1, k.cz], 4), roofMat, m);
    kit.batch.add(triangles([[x1, y0, z1], [x1, y0, z0], [k.cx + r, y1, k.cz]]), roofMat, m);
    kit.batch.add(triangles([[x0, y0, z0], [x0, y0, z1], [k.cx - r, y1, k.cz]]), roofMat, m);
  }
  // Eaves board.
  kit.batch.add(boxOnGround(k.w + 2 * o, 0.35, k.d + 2 * o), paint(kit, b.trim, 0.7), m.clone().multiply(place(k.cx, y0 - 0.35, k.cz)));
}

/** Factory roof: teeth across the depth, each with glazing facing the front. */
function sawtoothRoof(kit: SceneKit, b: Building, k: Block, frame: Matrix4) {
  const teeth = Math.max(2, Math.round(k.d / 9));
  const step = k.d / teeth;
  const rise = b.roof.rise ?? 3;
  const roofMat = paint(kit, b.roof.colour, 0.6, 0.3);
  const glazing = glass(kit, '#4d6f88');
  const endMat = paint(kit, b.colour, 0.9);
  const x0 = k.cx - k.w / 2;
  const x1 = k.cx + k.w / 2;
  for (let i = 0; i < teeth; i++) {
    const zb = k.cz - k.d / 2 + i * step; // back edge (low)
    const zf = zb + step; // front edge (high, glazed)
    kit.batch.add(quad([x0, k.h, zb], [x0, k.h + rise, zf], [x1, k.h + rise, zf], [x1, k.h, zb], 4), roofMat, frame);
    kit.batch.add(quad([x0, k.h, zf], [x1, k.h, zf], [x1, k.h + rise, zf], [x0, k.h + rise, zf], 4), glazing, frame);
    kit.batch.add(triangles([[x1, k.h, zb], [x1, k.h + rise, zf], [x1, k.h, zf]]), endMat, frame);
    kit.batch.add(triangles([[x0, k.h, zf], [x0, k.h + rise, zf], [x0, k.h, zb]]), endMat, frame);
  }
}

function vaultRoof(kit: SceneKit, b: Building, k: Block, frame: Matrix4) {
  const rise = b.roof.rise ?? k.d * 0.18;
  // theta 0…π is the half that ends up on top once the axis is turned to run along x.
  const g = new CylinderGeometry(k.d / 2, k.d / 2, k.w, 24, 1, true, 0, Math.PI);
  g.rotateZ(Math.PI / 2);
  g.scale(1, rise / (k.d / 2), 1);
  kit.batch.add(g, paint(kit, b.roof.colour, 0.45, 0.5), frame.clone().multiply(place(k.cx, k.h, k.cz)));
  g.dispose();
}

function entrance(kit: SceneKit, b: Building, frame: Matrix4) {
  const w = Math.min(16, Math.max(6, b.size[0] * 0.28));
  const fh = Math.min(b.floorHeight, 4.5);
  const front = b.size[1] / 2;
  const trim = paint(kit, b.trim, 0.6);
  kit.batch.add(boxOnGround(w, 0.5, 4.2), trim, frame.clone().multiply(place(0, fh * 1.05, front + 2.1)));
  const col = new CylinderGeometry(0.28, 0.28, fh * 1.05, 12).translate(0, (fh * 1.05) / 2, 0);
  for (const x of [-w / 2 + 0.5, w / 2 - 0.5]) kit.batch.add(col, trim, frame.clone().multiply(place(x, 0, front + 3.8)));
  col.dispose();
  // Glass doors and steps.
  kit.batch.add(wall(w * 0.7, fh * 0.9, 1, 1), glass(kit), frame.clone().multiply(place(0, 0, front + 0.06)), { castShadow: false });
  kit.batch.add(boxOnGround(w * 0.7, 0.12, 0.12), paint(kit, '#d9dcdf', 0.4, 0.6), frame.clone().multiply(place(0, fh * 0.9, front + 0.08)));
  kit.batch.add(boxOnGround(w + 2, 0.18, 2.4), paint(kit, '#b8b2a6', 0.9), frame.clone().multiply(place(0, 0, front + 1.2)));
  kit.batch.add(boxOnGround(w + 3, 0.09, 3.4), paint(kit, '#b8b2a6', 0.9), frame.clone().multiply(place(0, 0, front + 1.7)));
}

/** Puts a sign on one face of the main block. */
function placeSign(kit: SceneKit, b: Building, s: Sign, height: number, frame: Matrix4) {
  const mesh = signMesh(s.text, { style: s.style, colour: s.colour, size: s.size }, kit.textures);
  const [w, d] = b.size;
  const y = s.height ?? Math.max(s.size * 1.2, height - (mesh.userData.signSize as { height: number }).height / 2 - 1.6);
  const out = 0.14;
  const pose: Record<Sign['face'], Matrix4> = {
    front: place(s.offset, y, d / 2 + out, 0),
    back: place(-s.offset, y, -d / 2 - out, Math.PI),
    right: place(w / 2 + out, y, -s.offset, Math.PI / 2),
    left: place(-w / 2 - out, y, s.offset, -Math.PI / 2),
  };
  mesh.applyMatrix4(frame.clone().multiply(pose[s.face]));
  kit.extras.add(mesh);
}

export function addBuilding(kit: SceneKit, b: Building) {
  const frame = place(b.position[0], 0, b.position[1], facingRotation(b.facing));
  const rng = createRng(`building/${b.id}`);
  const blocks: Block[] = [
    { cx: 0, cz: 0, w: b.size[0], d: b.size[1], h: b.floors * b.floorHeight, floors: b.floors },
    // Wings: offsets are [right, back] in the building's frame; three's local z points to the front.
    ...b.wings.map((wg) => ({ cx: wg.offset[0], cz: -wg.offset[1], w: wg.size[0], d: wg.size[1], h: wg.floors * b.floorHeight, floors: wg.floors })),
  ];
  const plinth = paint(kit, '#8f8a82', 0.9);
  const pilaster = paint(kit, b.trim, 0.75);
  for (const k of blocks) {
    walls(kit, b, k, frame);
    kit.batch.add(boxOnGround(k.w + 0.3, 0.6, k.d + 0.3), plinth, frame.clone().multiply(place(k.cx, 0, k.cz)));
    for (const [sx, sz] of [[1, 1], [1, -1], [-1, 1], [-1, -1]] as const) {
      kit.batch.add(boxOnGround(0.7, k.h, 0.7), pilaster, frame.clone().multiply(place(k.cx + sx * (k.w / 2 - 0.2), 0, k.cz + sz * (k.d / 2 - 0.2))));
    }
    switch (b.roof.shape) {
      case 'flat':
        flatRoof(kit, b, k, frame, rng);
        break;
      case 'gable':
      case 'hip':
        pitchedRoof(kit, b, k, frame);
        break;
      case 'sawtooth':
        sawtoothRoof(kit, b, k, frame);
        break;
      case 'vault':
        vaultRoof(kit, b, k, frame);
        break;
    }
  }
  if (b.entrance) entrance(kit, b, frame);
  const main = blocks[0]!;
  for (const s of b.signs) placeSign(kit, b, s, main.h, frame);
}

/** A campus gate: two pylons, a lintel with the college's name on both sides, guard houses. */
export function addGate(kit: SceneKit, g: Gate) {
  const frame = place(g.position[0], 0, g.position[1], facingRotation(g.facing));
  const pylonW = Math.max(3, g.width * 0.12);
  const depth = Math.max(3, g.height * 0.25);
  const stone = paint(kit, g.colour, 0.8);
  const accent = paint(kit, g.accent, 0.5, 0.2);
  for (const side of [-1, 1]) {
    const x = side * (g.width / 2 + pylonW / 2);
    kit.batch.add(boxOnGround(pylonW, g.height, depth), stone, frame.clone().multiply(place(x, 0, 0)));
    kit.batch.add(boxOnGround(pylonW + 0.3, 0.8, depth + 0.3), paint(kit, shade(g.colour, -0.25), 0.85), frame.clone().multiply(place(x, 0, 0)));
    // An accent stripe up the inner face.
    kit.batch.add(boxOnGround(0.2, g.height * 0.8, depth * 0.5), accent, frame.clone().multiply(place(x - side * (pylonW / 2 + 0.05), g.height * 0.05, 0)));
    // Guard house beside the pylon, and a low wall running off.
    const gx = side * (g.width / 2 + pylonW + 5);
    kit.batch.add(boxOnGround(8, 3.6, 5), paint(kit, '#eeeae2', 0.85), frame.clone().multiply(place(gx, 0, -2)));
    kit.batch.add(wall(5, 1.6, 1, 1), glass(kit), frame.clone().multiply(place(gx, 1.2, 0.52)), { castShadow: false });
    kit.batch.add(boxOnGround(9, 0.4, 6), accent, frame.clone().multiply(place(gx, 3.6, -2)));
    kit.batch.add(boxOnGround(18, 1.4, 0.6), stone, frame.clone().multiply(place(side * (g.width / 2 + pylonW + 18), 0, -2)));
  }
  const lintelH = Math.max(3.2, g.height * 0.24);
  const span = g.width + 2 * pylonW + 2;
  kit.batch.add(boxOnGround(span, lintelH, depth * 0.9), accent, frame.clone().multiply(place(0, g.height - lintelH, 0)));
  kit.batch.add(boxOnGround(span + 0.6, 0.5, depth * 0.9 + 0.6), stone, frame.clone().multiply(place(0, g.height, 0)));
  // A sliding barrier across the road.
  kit.batch.add(boxOnGround(g.width * 0.45, 1.2, 0.3), paint(kit, '#c9ccd0', 0.4, 0.6), frame.clone().multiply(place(-g.width * 0.25, 0, 0)));

  const letterSize = Math.min(lintelH * 0.5, (g.width * 0.9) / Math.max(4, g.sign.zh.length * 1.1));
  for (const [side, text] of [
    [1, g.sign],
    [-1, g.subtitle ?? g.sign],
  ] as const) {
    const mesh = signMesh(text, { style: 'letters', colour: '#f3d27a', size: letterSize }, kit.textures);
    const y = g.height - lintelH / 2;
    mesh.applyMatrix4(frame.clone().multiply(place(0, y, side * (depth * 0.45 + 0.08), side === 1 ? 0 : Math.PI)));
    kit.extras.add(mesh);
  }
}
