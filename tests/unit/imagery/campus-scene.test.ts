// @vitest-environment node
/**
 * The scene builder shared by the overview and the baker: deterministic (the same model gives
 * the same scene, vertex for vertex — so the same baked pixels), and complete (every building's
 * signs, both sides of every gate, a room for every stop indoors). Runs without a canvas, so
 * drawn textures fall back to flat colours; the geometry is what is compared.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InstancedMesh, Mesh, type Object3D } from 'three';
import { campusModel, type CampusModel } from '../../../src/content/campusModel';
import { buildCampusScene, buildRoomScene } from '../../../src/viewer/campus/buildCampusScene';
import { collectTrees } from '../../../src/viewer/campus/vegetation';

const load = (campus: string): CampusModel => campusModel.parse(JSON.parse(readFileSync(`assets/models/${campus}.json`, 'utf8')));
const options = { detail: 'overview', textureResolution: 64, anisotropy: 1 } as const;

/** A hash of every vertex, instance and transform under `root`. */
function digest(root: Object3D): string {
  const hash = createHash('sha256');
  root.updateMatrixWorld(true);
  root.traverse((o) => {
    hash.update(o.name);
    hash.update(new Float32Array(o.matrixWorld.elements));
    if (o instanceof Mesh) {
      hash.update(new Float32Array(o.geometry.getAttribute('position').array));
      if (o instanceof InstancedMesh) hash.update(new Float32Array(o.instanceMatrix.array));
    }
  });
  return hash.digest('hex');
}

describe('the campus scene', () => {
  it('is the same every time it is built from the same model, and complete', { timeout: 30_000 }, () => {
    const model = load('nanchuan');
    const a = buildCampusScene(model, options);
    const b = buildCampusScene(model, options);
    expect(digest(a.root)).toBe(digest(b.root));
    b.dispose();
    expectComplete(model, a.root);
    a.dispose();
  });

  it('places things differently when the model changes', () => {
    const model = load('nanchuan');
    const trees = (m: CampusModel) => JSON.stringify(collectTrees(m).map((t) => t.at));
    expect(trees(model)).toBe(trees(model));
    expect(trees({ ...model, seed: model.seed + 1 })).not.toBe(trees(model));
  });

  it('of yubei has every sign and both faces of its gate', { timeout: 30_000 }, () => {
    const model = load('yubei');
    const built = buildCampusScene(model, options);
    expectComplete(model, built.root);
    built.dispose();
  });

  it.each(['yubei', 'nanchuan'])('of %s builds a lit room for every stop indoors', { timeout: 30_000 }, (campus) => {
    const model = load(campus);
    const rooms = Object.entries(model.viewpoints).filter(([, vp]) => vp.interior);
    expect(rooms.length).toBeGreaterThan(0);
    for (const [stopId] of rooms) {
      const built = buildRoomScene(model, stopId, options);
      let lights = 0;
      let meshes = 0;
      built.root.traverse((o) => {
        if ((o as { isLight?: boolean }).isLight) lights++;
        if (o instanceof Mesh) meshes++;
      });
      expect(lights, stopId).toBeGreaterThan(1);
      expect(meshes, stopId).toBeGreaterThan(10);
      built.dispose();
    }
  });
});

/** Every building's signs and both faces of every gate are in the scene; trees stand outside buildings. */
function expectComplete(model: CampusModel, root: Object3D) {
  const signs: string[] = [];
  root.traverse((o) => {
    if (o.name.startsWith('sign:')) signs.push(o.name.slice(5));
  });
  const expected = [...model.buildings.flatMap((b) => b.signs.map((s) => s.text.en)), ...model.gates.flatMap((g) => [g.sign.en, (g.subtitle ?? g.sign).en])];
  expect(signs.sort()).toEqual(expected.sort());
  expect(collectTrees(model).length).toBeGreaterThan(100);
}
