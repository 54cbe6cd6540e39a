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
