/** Street furniture and small things: lamps along roads, parked cars, flagpoles, benches, a sculpture, a pavilion. */
import { ConeGeometry, CylinderGeometry, Mesh, MeshStandardMaterial, PlaneGeometry, SphereGeometry, TorusGeometry } from 'three';
import type { CampusModel, Point } from '../../content/campusModel';
import type { Rng } from './random';
import { createRng } from './random';
import { boxOnGround, facingRotation, place } from './shapes';
import { drawnTexture } from './textures';
import { glass, glow, paint, type SceneKit } from './kit';

const CAR_COLOURS = ['#f4f4f2', '#1f1f22', '#9ea4aa', '#c4c8cc', '#7a1f24', '#20406b', '#f4f4f2', '#53585e'];

/** A parked car, its nose towards `facing`. */
export function addCar(kit: SceneKit, at: Point, facing: number, rng: Rng) {
  const m = place(at[0], 0, at[1], facingRotation(facing));
  const body = paint(kit, rng.pick(CAR_COLOURS), 0.3, 0.6);
  kit.batch.add(boxOnGround(1.8, 0.75, 4.4).translate(0, 0.3, 0), body, m);
  kit.batch.add(boxOnGround(1.62, 0.62, 2.3).translate(0, 1.05, -0.25), glass(kit, '#1c252e'), m);
  kit.batch.add(boxOnGround(1.5, 0.08, 2.0).translate(0, 1.67, -0.25), body, m);
  const wheel = new CylinderGeometry(0.34, 0.34, 0.24, kit.detail === 'bake' ? 12 : 6).rotateZ(Math.PI / 2);
  const tyre = paint(kit, '#1b1b1b', 0.9);
  for (const [x, z] of [[-0.82, 1.35], [0.82, 1.35], [-0.82, -1.4], [0.82, -1.4]] as const) kit.batch.add(wheel, tyre, m.clone().multiply(place(x, 0.34, z)));
  wheel.dispose();
}

/** Lamps along both sides of every road, one every 32 m. */
function roadLamps(kit: SceneKit, model: CampusModel) {
  const pole = paint(kit, '#4b535b', 0.5, 0.6);
  const head = glow(kit, '#fff2d0', 0.6);
  const post = new CylinderGeometry(0.08, 0.12, 7, kit.detail === 'bake' ? 8 : 4).translate(0, 3.5, 0);
  const arm = boxOnGround(0.08, 0.08, 1.4);
  const lamp = boxOnGround(0.35, 0.14, 0.7);
  for (const r of model.roads) {
    if (r.kind !== 'road') continue;
    for (let i = 0; i < r.points.length - 1; i++) {
      const a = r.points[i]!;
      const b = r.points[i + 1]!;
      const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
      const dx = (b[0] - a[0]) / len;
      const dz = (b[1] - a[1]) / len;
      for (let s = 12; s < len - 6; s += 32) {
        for (const side of [-1, 1]) {
          const off = side * (r.width / 2 + 1.1);
          const x = a[0] + dx * s - dz * off;
          const z = a[1] + dz * s + dx * off;
          // The arm reaches out over the road.
          const rot = Math.atan2(dz * side, -dx * side);
          const m = place(x, 0, z, rot);
          kit.batch.add(post, pole, m);
          kit.batch.add(arm.clone().translate(0, 6.9, 0.6), pole, m);
          kit.batch.add(lamp.clone().translate(0, 6.78, 1.3), head, m);
        }
      }
    }
  }
  post.dispose();
}

function flagpole(kit: SceneKit, at: Point, facing: number) {
  const m = place(at[0], 0, at[1], facingRotation(facing));
  kit.batch.add(new CylinderGeometry(0.07, 0.12, 16, 10).translate(0, 8, 0), paint(kit, '#d8dde2', 0.25, 0.9), m);
  kit.batch.add(new SphereGeometry(0.16, 10, 8).translate(0, 16.1, 0), paint(kit, '#d9b54a', 0.3, 0.9), m);
  kit.batch.add(boxOnGround(2.4, 0.5, 2.4), paint(kit, '#b9b2a4', 0.9), m);
  const tex = drawnTexture(
    480,
    320,
    kit.textures,
    (ctx) => {
      // The national flag of China: five yellow stars on red, drawn to its official layout.
      ctx.fillStyle = '#de2910';
      ctx.fillRect(0, 0, 480, 320);
      const star = (cx: number, cy: number, r: number, towards: number) => {
        ctx.beginPath();
        for (let i = 0; i < 10; i++) {
          const rr = i % 2 ? r * 0.382 : r;
          const a = towards + (i * Math.PI) / 5;
          ctx.lineTo(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
        }
        ctx.closePath();
        ctx.fillStyle = '#ffde00';
        ctx.fill();
      };
      const u = 16; // grid unit: the flag is 30 × 20 units
      star(5 * u, 5 * u, 3 * u, -Math.PI / 2);
      for (const [x, y] of [[10, 2], [12, 4], [12, 7], [10, 9]] as const) {
        star(x * u, y * u, u, Math.atan2(5 - y, 5 - x));
      }
    },
    'flag',
  );
  const flag = new Mesh(new PlaneGeometry(2.4, 1.6, 8, 1), new MeshStandardMaterial({ map: tex, color: tex ? '#ffffff' : '#de2910', roughness: 0.8, side: 2 }));
  // A gentle ripple, so it reads as cloth.
  const p = flag.geometry.getAttribute('position');
  for (let i = 0; i < p.count; i++) p.setZ(i, Math.sin(((p.getX(i) + 1.2) / 2.4) * Math.PI * 2) * 0.12 * ((p.getX(i) + 1.2) / 2.4));
  flag.geometry.computeVertexNormals();
  flag.position.set(1.3, 14.9, 0);
  flag.applyMatrix4(m);
  flag.castShadow = true;
  kit.extras.add(flag);
}

function bench(kit: SceneKit, at: Point, facing: number) {
  const m = place(at[0], 0, at[1], facingRotation(facing));
  const wood = paint(kit, '#9a6b43', 0.8);
  const iron = paint(kit, '#3b3f44', 0.5, 0.6);
  kit.batch.add(boxOnGround(1.8, 0.06, 0.45).translate(0, 0.42, 0), wood, m);
  kit.batch.add(boxOnGround(1.8, 0.4, 0.05).translate(0, 0.5, -0.22), wood, m);
  for (const x of [-0.8, 0.8]) kit.batch.add(boxOnGround(0.06, 0.42, 0.45), iron, m.clone().multiply(place(x, 0, 0)));
}

/** A stainless gear on a plinth: an emblem of an industrial college. */
function sculpture(kit: SceneKit, at: Point, facing: number) {
  const m = place(at[0], 0, at[1], facingRotation(facing));
  const steel = paint(kit, '#c9ced3', 0.18, 1);
  kit.batch.add(boxOnGround(5, 1.2, 2.4), paint(kit, '#8c857a', 0.85), m);
  kit.batch.add(new TorusGeometry(2.6, 0.55, 12, 36).translate(0, 4.4, 0), steel, m);
  for (let i = 0; i < 12; i++) {
    const a = (i / 12) * Math.PI * 2;
    kit.batch.add(boxOnGround(0.9, 0.9, 0.8).translate(0, -0.45, 0), steel, m.clone().multiply(place(Math.cos(a) * 3.35, 4.4 + Math.sin(a) * 3.35, 0, 0, [1, 1, 1], 0, a - Math.PI / 2)));
  }
  kit.batch.add(new CylinderGeometry(0.7, 0.7, 0.9, 20).rotateX(Math.PI / 2).translate(0, 4.4, 0), steel, m);
}

/** A Chinese pavilion (亭): red columns, a hipped roof with a finial. */
function pavilion(kit: SceneKit, at: Point, facing: number) {
  const m = place(at[0], 0, at[1], facingRotation(facing));
  const red = paint(kit, '#9b2d20', 0.6);
  kit.batch.add(boxOnGround(7, 0.6, 7), paint(kit, '#bdb5a6', 0.9), m);
  for (let i = 0; i < 6; i++) {
    const a = (i / 6) * Math.PI * 2;
    kit.batch.add(new CylinderGeometry(0.18, 0.2, 3.2, 10).translate(0, 2.2, 0), red, m.clone().multiply(place(Math.cos(a) * 2.8, 0, Math.sin(a) * 2.8)));
  }
  kit.batch.add(new CylinderGeometry(3.3, 3.3, 0.35, 6).translate(0, 3.95, 0), red, m);
  kit.batch.add(new ConeGeometry(4.6, 2.6, 6).translate(0, 5.4, 0), paint(kit, '#3f4a4f', 0.7), m);
  kit.batch.add(new SphereGeometry(0.28, 10, 8).translate(0, 6.9, 0), paint(kit, '#c9a441', 0.3, 0.8), m);
}

function busStop(kit: SceneKit, at: Point, facing: number) {
  const m = place(at[0], 0, at[1], facingRotation(facing));
  const frame = paint(kit, '#2e5c8a', 0.5, 0.4);
  kit.batch.add(boxOnGround(6, 0.15, 2).translate(0, 2.6, 0), frame, m);
  for (const x of [-2.8, 2.8]) kit.batch.add(boxOnGround(0.12, 2.6, 0.12), frame, m.clone().multiply(place(x, 0, -0.8)));
  kit.batch.add(boxOnGround(5.6, 2.2, 0.05).translate(0, 0.3, -0.9), glass(kit, '#8fb0c6'), m);
  kit.batch.add(boxOnGround(3, 0.08, 0.4).translate(0, 0.45, -0.6), paint(kit, '#b0b5ba', 0.5, 0.5), m);
}

function bikeRack(kit: SceneKit, at: Point, facing: number, rng: Rng) {
  const m = place(at[0], 0, at[1], facingRotation(facing));
  kit.batch.add(boxOnGround(10, 0.1, 2.6).translate(0, 2.2, 0), paint(kit, '#6c7a86', 0.5, 0.4), m);
  for (const x of [-4.8, 4.8]) kit.batch.add(boxOnGround(0.1, 2.2, 0.1), paint(kit, '#6c7a86', 0.5, 0.4), m.clone().multiply(place(x, 0, -1.2)));
  const wheel = new TorusGeometry(0.33, 0.035, 6, 16);
  for (let i = 0; i < 14; i++) {
    if (rng() < 0.25) continue;
    const x = -4.4 + i * 0.68;
    const colour = paint(kit, rng.pick(['#2b2b2b', '#b83a3a', '#3a6cb8', '#d8d8d8', '#3f8f4f']), 0.5, 0.4);
    for (const z of [-0.55, 0.55]) kit.batch.add(wheel, paint(kit, '#222222', 0.8), m.clone().multiply(place(x, 0.34, z, Math.PI / 2)));
    kit.batch.add(boxOnGround(0.05, 0.05, 1.1).translate(0, 0.6, 0), colour, m.clone().multiply(place(x, 0, 0)));
    kit.batch.add(boxOnGround(0.05, 0.45, 0.05).translate(0, 0.35, -0.2), colour, m.clone().multiply(place(x, 0, 0)));
  }
  wheel.dispose();
}

export function addProps(kit: SceneKit, model: CampusModel) {
  roadLamps(kit, model);
  const rng = createRng(`props/${model.seed}`);
  for (const p of model.props) {
    switch (p.kind) {
      case 'flagpole':
        flagpole(kit, p.position, p.facing);
        break;
      case 'lamp': {
        const m = place(p.position[0], 0, p.position[1]);
        kit.batch.add(new CylinderGeometry(0.06, 0.08, 3.6, 8).translate(0, 1.8, 0), paint(kit, '#3b3f44', 0.5, 0.6), m);
        kit.batch.add(new SphereGeometry(0.25, 12, 8).translate(0, 3.7, 0), glow(kit, '#fff6e0', 0.5), m);
        break;
      }
      case 'bench':
        bench(kit, p.position, p.facing);
        break;
      case 'sculpture':
        sculpture(kit, p.position, p.facing);
        break;
      case 'car':
        addCar(kit, p.position, p.facing, rng);
        break;
      case 'pavilion':
        pavilion(kit, p.position, p.facing);
        break;
      case 'bus-stop':
        busStop(kit, p.position, p.facing);
        break;
      case 'bike-rack':
        bikeRack(kit, p.position, p.facing, rng);
        break;
    }
  }
}
