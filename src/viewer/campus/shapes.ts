/** Small geometry helpers for the campus scene: walls with metre-based UVs, prisms, transforms. */
import { BoxGeometry, BufferAttribute, BufferGeometry, Euler, Matrix4, PlaneGeometry, Quaternion, Vector3 } from 'three';

export const DEG = Math.PI / 180;

/** three.js rotation about Y that turns an object built with its front towards +z to face `facing` (compass degrees). */
export const facingRotation = (facing: number) => (180 - facing) * DEG;

/** A transform: move, then turn about Y (radians), then scale. */
export function place(x: number, y: number, z: number, rotY = 0, scale: [number, number, number] = [1, 1, 1], rotX = 0, rotZ = 0): Matrix4 {
  return new Matrix4().compose(new Vector3(x, y, z), new Quaternion().setFromEuler(new Euler(rotX, rotY, rotZ, 'YXZ')), new Vector3(...scale));
}

/** A box whose base sits on y = 0. */
export function boxOnGround(w: number, h: number, d: number): BufferGeometry {
  return new BoxGeometry(w, h, d).translate(0, h / 2, 0);
}

/** A vertical wall in the XY plane facing +z, base at y = 0, its UVs repeating `u` × `v` times. */
export function wall(width: number, height: number, u: number, v: number): BufferGeometry {
  const g = new PlaneGeometry(width, height).translate(0, height / 2, 0);
  const uv = g.getAttribute('uv');
  for (let i = 0; i < uv.count; i++) uv.setXY(i, uv.getX(i) * u, uv.getY(i) * v);
  return g;
}

/** A flat patch on the ground (XZ plane, facing up), UVs in metres / `tile`. */
export function groundPatch(width: number, depth: number, tile: number): BufferGeometry {
  const g = new PlaneGeometry(width, depth).rotateX(-Math.PI / 2);
  const uv = g.getAttribute('uv');
  for (let i = 0; i < uv.count; i++) uv.setXY(i, (uv.getX(i) * width) / tile, (uv.getY(i) * depth) / tile);
  return g;
}

/** Triangles from a flat list of [x, y, z] corners (three per triangle); flat normals, planar UVs. */
export function triangles(points: readonly [number, number, number][], uvScale = 1): BufferGeometry {
  const g = new BufferGeometry();
  const pos = new Float32Array(points.length * 3);
  const uv = new Float32Array(points.length * 2);
  points.forEach((p, i) => {
    pos.set(p, i * 3);
    uv.set([(p[0] + p[2]) / uvScale, p[1] / uvScale], i * 2);
  });
  g.setAttribute('position', new BufferAttribute(pos, 3));
  g.setAttribute('uv', new BufferAttribute(uv, 2));
  g.computeVertexNormals();
  return g;
}

/** Two triangles for a quad a-b-c-d (counter-clockwise seen from its front). */
export function quad(a: [number, number, number], b: [number, number, number], c: [number, number, number], d: [number, number, number], uvScale = 1) {
  return triangles([a, b, c, a, c, d], uvScale);
}

/**
 * Splits the triangles of a flat geometry until no edge is longer than `maxEdge` metres.
 * Software renderers (SwiftShader) lose depth precision on huge triangles that reach far behind
 * the camera, and one ground layer then shows through another; small triangles keep them apart.
 */
export function subdivide(geometry: BufferGeometry, maxEdge: number): BufferGeometry {
  const g = geometry.index ? geometry.toNonIndexed() : geometry;
  const names = Object.keys(g.attributes);
  const src = names.map((n) => g.getAttribute(n));
  const out: number[][] = names.map(() => []);
  const pos = g.getAttribute('position');
  const vertex = (i: number) => src.map((a) => Array.from({ length: a.itemSize }, (_, k) => a.getComponent(i, k)));
  const mid = (a: number[][], b: number[][]) => a.map((v, j) => v.map((x, k) => (x + b[j]![k]!) / 2));
  const dist = (a: number[][], b: number[][]) => Math.hypot(a[0]![0]! - b[0]![0]!, a[0]![1]! - b[0]![1]!, a[0]![2]! - b[0]![2]!);
  const emit = (a: number[][], b: number[][], c: number[][], depth: number) => {
    const ab = dist(a, b);
    const bc = dist(b, c);
    const ca = dist(c, a);
    if (depth > 12 || Math.max(ab, bc, ca) <= maxEdge) {
      for (const v of [a, b, c]) v.forEach((attr, j) => out[j]!.push(...attr));
      return;
    }
    // Split the longest edge: two triangles, same winding.
    if (ab >= bc && ab >= ca) {
      const m = mid(a, b);
      emit(a, m, c, depth + 1);
      emit(m, b, c, depth + 1);
    } else if (bc >= ca) {
      const m = mid(b, c);
      emit(a, b, m, depth + 1);
      emit(a, m, c, depth + 1);
    } else {
      const m = mid(c, a);
      emit(a, b, m, depth + 1);
      emit(m, b, c, depth + 1);
    }
  };
  for (let i = 0; i < pos.count; i += 3) emit(vertex(i), vertex(i + 1), vertex(i + 2), 0);
  const result = new BufferGeometry();
  names.forEach((n, j) => result.setAttribute(n, new BufferAttribute(new Float32Array(out[j]!), src[j]!.itemSize)));
  return result;
}
