/** Trees, as instanced meshes: thousands cost a handful of draw calls. Placed by the seeded generator. */
import { Color, ConeGeometry, CylinderGeometry, IcosahedronGeometry, InstancedMesh, Matrix4, MeshStandardMaterial, Quaternion, Vector3, type BufferGeometry } from 'three';
import type { CampusModel, Point } from '../../content/campusModel';
import { buildingAt } from '../../content/modelGeometry';
import { createRng, type Rng } from './random';
import type { SceneKit } from './kit';

interface Tree {
  at: Point;
  kind: 'round' | 'conical';
  height: number;
  spread: number;
  turn: number;
  shade: number;
}

/** A lumpy crown: an icosphere nudged by the seeded generator, shaded flat for a low-poly look. */
function crownGeometry(rng: Rng, detail: number): BufferGeometry {
  const g = new IcosahedronGeometry(1, detail);
  const p = g.getAttribute('position');
  const seen = new Map<string, number>();
  for (let i = 0; i < p.count; i++) {
    // Vertices shared by faces move together, or the crown would crack.
    const key = `${p.getX(i).toFixed(3)},${p.getY(i).toFixed(3)},${p.getZ(i).toFixed(3)}`;
    const k = seen.get(key) ?? rng.range(0.82, 1.12);
    seen.set(key, k);
    p.setXYZ(i, p.getX(i) * k, p.getY(i) * k * 0.9, p.getZ(i) * k);
  }
  g.computeVertexNormals();
  return g;
}

const GREENS = ['#4d7a32', '#5b8a3a', '#3f6b2c', '#6a9440', '#557f36', '#7a9a45', '#47703a'];
const PINES = ['#2f5a34', '#37633a', '#2a5230', '#3c6a40'];

export function collectTrees(model: CampusModel): Tree[] {
  const rng = createRng(`trees/${model.seed}`);
  const trees: Tree[] = [];
  const add = (at: Point, kind: Tree['kind']) => {
    if (buildingAt(model, at)) return; // never inside a building
    const height = kind === 'conical' ? rng.range(7, 12) : rng.range(6, 10.5);
    trees.push({ at, kind, height, spread: kind === 'conical' ? rng.range(1.8, 2.6) : rng.range(2.4, 3.8), turn: rng() * Math.PI * 2, shade: rng() });
  };
  for (const row of model.trees.rows) {
    const len = Math.hypot(row.to[0] - row.from[0], row.to[1] - row.from[1]);
    const n = Math.max(1, Math.floor(len / row.spacing));
    for (let i = 0; i <= n; i++) {
      const t = n === 0 ? 0 : i / n;
      add([row.from[0] + (row.to[0] - row.from[0]) * t + rng.range(-0.3, 0.3), row.from[1] + (row.to[1] - row.from[1]) * t + rng.range(-0.3, 0.3)], row.kind);
    }
  }
  for (const c of model.trees.clusters) {
    for (let i = 0; i < c.count; i++) {
      const r = c.radius * Math.sqrt(rng());
      const a = rng() * Math.PI * 2;
      add([c.centre[0] + Math.cos(a) * r, c.centre[1] + Math.sin(a) * r], c.kind);
    }
  }
  return trees;
}

export function addTrees(kit: SceneKit, model: CampusModel) {
  const trees = collectTrees(model);
  if (trees.length === 0) return;
  const rng = createRng(`crowns/${model.seed}`);
  const detail = kit.detail === 'bake' ? 2 : 0;
  const round = crownGeometry(rng, detail);
  const cone = new ConeGeometry(1, 1, kit.detail === 'bake' ? 10 : 7).translate(0, 0.5, 0);
  const trunk = new CylinderGeometry(0.18, 0.28, 1, 7).translate(0, 0.5, 0);
  const leaf = new MeshStandardMaterial({ color: '#ffffff', roughness: 0.9, flatShading: true });
  const bark = new MeshStandardMaterial({ color: '#5e4a3a', roughness: 0.95 });
  kit.materials.keep('tree/leaf', leaf);
  kit.materials.keep('tree/bark', bark);

  const m = new Matrix4();
  const q = new Quaternion();
  const up = new Vector3(0, 1, 0);
  const make = (geometry: BufferGeometry, material: MeshStandardMaterial, count: number, name: string) => {
    const mesh = new InstancedMesh(geometry, material, count);
    mesh.castShadow = true;
    mesh.receiveShadow = true;
    mesh.name = name;
    kit.extras.add(mesh);
    return mesh;
  };
  const rounds = trees.filter((t) => t.kind !== 'conical');
  const cones = trees.filter((t) => t.kind === 'conical');
  const trunks = make(trunk, bark, trees.length, 'tree-trunks');
  const roundMesh = rounds.length ? make(round, leaf, rounds.length * 2, 'tree-crowns') : null;
  const coneMesh = cones.length ? make(cone, leaf, cones.length * 2, 'tree-cones') : null;
  const colour = new Color();
  trees.forEach((t, i) => {
    const trunkH = t.kind === 'conical' ? t.height * 0.3 : t.height * 0.45;
    m.compose(new Vector3(t.at[0], 0, t.at[1]), q.setFromAxisAngle(up, t.turn), new Vector3(1, trunkH + 0.6, 1));
    trunks.setMatrixAt(i, m);
  });
  rounds.forEach((t, i) => {
    const trunkH = t.height * 0.45;
    const r = t.spread;
    // Two overlapping lumps per crown, so no two trees look alike.
    m.compose(new Vector3(t.at[0], trunkH + r * 0.8, t.at[1]), q.setFromAxisAngle(up, t.turn), new Vector3(r, r * 0.95, r));
    roundMesh!.setMatrixAt(i * 2, m);
    m.compose(new Vector3(t.at[0] + Math.cos(t.turn) * r * 0.45, trunkH + r * 1.35, t.at[1] + Math.sin(t.turn) * r * 0.45), q.setFromAxisAngle(up, t.turn * 2), new Vector3(r * 0.7, r * 0.7, r * 0.7));
    roundMesh!.setMatrixAt(i * 2 + 1, m);
    colour.set(GREENS[Math.floor(t.shade * GREENS.length)]!);
    roundMesh!.setColorAt(i * 2, colour);
    roundMesh!.setColorAt(i * 2 + 1, colour.offsetHSL(0, 0, 0.04));
  });
  cones.forEach((t, i) => {
    const trunkH = t.height * 0.25;
    m.compose(new Vector3(t.at[0], trunkH, t.at[1]), q.setFromAxisAngle(up, t.turn), new Vector3(t.spread, t.height - trunkH, t.spread));
    coneMesh!.setMatrixAt(i * 2, m);
    m.compose(new Vector3(t.at[0], trunkH + (t.height - trunkH) * 0.35, t.at[1]), q.setFromAxisAngle(up, t.turn + 1), new Vector3(t.spread * 1.2, (t.height - trunkH) * 0.55, t.spread * 1.2));
    coneMesh!.setMatrixAt(i * 2 + 1, m);
    colour.set(PINES[Math.floor(t.shade * PINES.length)]!);
    coneMesh!.setColorAt(i * 2, colour);
    coneMesh!.setColorAt(i * 2 + 1, colour);
  });
  for (const mesh of [trunks, roundMesh, coneMesh]) {
    if (!mesh) continue;
    mesh.instanceMatrix.needsUpdate = true;
    if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
    mesh.computeBoundingSphere();
  }
}
