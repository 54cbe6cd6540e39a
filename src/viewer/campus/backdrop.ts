/**
 * Far scenery: rings of hills (periodic all the way round, so there is no seam), a town on the
 * horizon, an airport's control tower and aircraft overhead.
 */
import { BufferAttribute, BufferGeometry, Color, CylinderGeometry, Group, InstancedMesh, Matrix4, Mesh, MeshStandardMaterial, Quaternion, SphereGeometry, Vector3 } from 'three';
import type { CampusModel } from '../../content/campusModel';
import { headingVector } from '../../content/modelGeometry';
import { createRng, type Rng } from './random';
import { boxOnGround, DEG, facingRotation } from './shapes';
import { paint, type SceneKit } from './kit';

/** A ridge line round the horizon: a sum of waves with whole numbers of periods per turn. */
function ridge(rng: Rng, harmonics: readonly number[]) {
  const waves = harmonics.map((k) => ({ k, a: rng.range(0.4, 1) / Math.sqrt(k), phase: rng() * Math.PI * 2 }));
  const norm = waves.reduce((s, w) => s + w.a, 0);
  return (angle: number) => waves.reduce((s, w) => s + w.a * (0.5 + 0.5 * Math.sin(w.k * angle + w.phase)), 0) / norm;
}

/** One ring of hills: a mesh round the whole horizon, shaded flat. */
function hillRing(rng: Rng, centre: [number, number], distance: number, low: number, high: number, colour: string, segments: number): Mesh {
  const shape = ridge(rng, [2, 3, 5, 7, 11, 17, 29]);
  const rows = 5;
  const pos: number[] = [];
  const colours: number[] = [];
  const base = new Color(colour);
  const c = new Color();
  const vertex = (i: number, r: number) => {
    const a = (i / segments) * Math.PI * 2;
    const h = low + (high - low) * Math.pow(shape(a), 1.4);
    // Rows climb from the foot (nearer, just below ground) to the crest at `distance`.
    const t = r / rows;
    const y = t === 0 ? -20 : h * Math.sin((t * Math.PI) / 2);
    const d = distance - (1 - t) * Math.min(h * 2.2, distance * 0.3);
    return [centre[0] + Math.sin(a) * d, y, centre[1] - Math.cos(a) * d] as const;
  };
  for (let i = 0; i < segments; i++) {
    for (let r = 0; r < rows; r++) {
      const a0 = vertex(i, r);
      const a1 = vertex(i + 1, r);
      const b0 = vertex(i, r + 1);
      const b1 = vertex(i + 1, r + 1);
      // Wound to face the centre: the side seen from the campus.
      pos.push(...a0, ...a1, ...b1, ...a0, ...b1, ...b0);
      const k = 0.85 + rng() * 0.25 - (r / rows) * 0.05;
      c.copy(base).multiplyScalar(k);
      for (let v = 0; v < 6; v++) colours.push(c.r, c.g, c.b);
    }
  }
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(new Float32Array(pos), 3));
  g.setAttribute('color', new BufferAttribute(new Float32Array(colours), 3));
  g.computeVertexNormals();
  const mesh = new Mesh(g, new MeshStandardMaterial({ vertexColors: true, flatShading: true, roughness: 1 }));
  mesh.name = 'hills';
  return mesh;
}

/** A town far off: blocks of flats in a heading range. */
function town(kit: SceneKit, rng: Rng, centre: [number, number], from: number, to: number, distance: number): InstancedMesh {
  const count = Math.max(8, Math.round(Math.abs(to - from) * 1.4));
  const mesh = new InstancedMesh(boxOnGround(1, 1, 1), kit.materials.keep('town', new MeshStandardMaterial({ color: '#ffffff', roughness: 0.9 })), count);
  const m = new Matrix4();
  const colour = new Color();
  const palette = ['#e4e0d8', '#d6d9dc', '#cfc8bb', '#e9e4da', '#c9ced3', '#dcd3c3'];
  for (let i = 0; i < count; i++) {
    const h = from + (to - from) * rng();
    const [vx, vz] = headingVector(h);
    const d = distance + rng.range(-250, 350);
    const tall = rng() < 0.25;
    m.compose(
      new Vector3(centre[0] + vx * d, 0, centre[1] + vz * d),
      new Quaternion().setFromAxisAngle(new Vector3(0, 1, 0), h * DEG + rng.range(-0.2, 0.2)),
      new Vector3(rng.range(30, 70), tall ? rng.range(60, 110) : rng.range(18, 45), rng.range(14, 22)),
    );
    mesh.setMatrixAt(i, m);
    mesh.setColorAt(i, colour.set(rng.pick(palette)));
  }
  mesh.name = 'town';
  mesh.castShadow = false;
  return mesh;
}

/** An airliner: fuselage, wings, tail. */
function aircraft(kit: SceneKit, at: [number, number], altitude: number, facing: number): Group {
  const g = new Group();
  const white = paint(kit, '#f2f4f6', 0.35, 0.3);
  const blue = paint(kit, '#2a5d9f', 0.4, 0.3);
  const body = new Mesh(new CylinderGeometry(2, 2, 38, 16).rotateX(Math.PI / 2), white);
  const nose = new Mesh(new SphereGeometry(2, 16, 10).scale(1, 1, 2).translate(0, 0, 19), white);
  const wing = new Mesh(boxOnGround(34, 0.5, 6).translate(0, -0.8, -1), white);
  const tail = new Mesh(boxOnGround(0.5, 7, 5).translate(0, 1, -17), blue);
  const stab = new Mesh(boxOnGround(12, 0.4, 3.5).translate(0, 1.5, -17.5), white);
  const engines = [-8, 8].map((x) => new Mesh(new CylinderGeometry(1.1, 1.1, 4.5, 12).rotateX(Math.PI / 2).translate(x, -1.8, 1.5), paint(kit, '#c7ccd1', 0.35, 0.5)));
  g.add(body, nose, wing, tail, stab, ...engines);
  g.position.set(at[0], altitude, at[1]);
  g.rotation.y = facingRotation(facing) + Math.PI;
  g.rotation.z = 0.04;
  return g;
}

function controlTower(kit: SceneKit, at: [number, number]): Group {
  const g = new Group();
  const concrete = paint(kit, '#d9d6cf', 0.8);
  g.add(new Mesh(new CylinderGeometry(4, 6, 60, 16).translate(0, 30, 0), concrete));
  g.add(new Mesh(new CylinderGeometry(11, 8, 8, 16).translate(0, 64, 0), paint(kit, '#2d4356', 0.1, 0.7)));
  g.add(new Mesh(new CylinderGeometry(12, 12, 1.5, 16).translate(0, 68.5, 0), concrete));
  g.add(new Mesh(new CylinderGeometry(0.5, 0.5, 10, 6).translate(0, 74, 0), paint(kit, '#cc3333', 0.5)));
  g.add(new Mesh(boxOnGround(70, 14, 30).translate(40, 0, 10), paint(kit, '#e8e6e1', 0.8)));
  g.position.set(at[0], 0, at[1]);
  return g;
}

export function addBackdrop(kit: SceneKit, model: CampusModel, centre: [number, number]) {
  const rng = createRng(`backdrop/${model.seed}`);
  const group = new Group();
  group.name = 'backdrop';
  const b = model.backdrop;
  const segments = kit.detail === 'bake' ? 360 : 180;
  if (b.hills) {
    const [near, far] = b.hills.distance;
    const [low, high] = b.hills.height;
    const layers = b.style === 'hills' ? 3 : 1;
    for (let i = 0; i < layers; i++) {
      const t = layers === 1 ? 1 : i / (layers - 1);
      const colour = new Color(b.hills.colour).lerp(new Color('#8fa3b3'), t * 0.35);
      group.add(hillRing(rng, centre, near + (far - near) * t, low * (1 + t * 0.6), high * (1 + t * 0.9), `#${colour.getHexString()}`, segments));
    }
  }
  for (const t of b.town) group.add(town(kit, rng, centre, t.from, t.to, t.distance));
  if (b.airport) {
    group.add(controlTower(kit, b.airport.position));
    for (const a of b.airport.aircraft) group.add(aircraft(kit, a.position, a.altitude, a.facing));
  }
  group.traverse((o) => {
    if (o instanceof Mesh) o.receiveShadow = false;
  });
  kit.extras.add(group);
}

