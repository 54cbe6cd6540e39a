/**
 * Builds a campus, or the room of an indoor stop, as a three.js scene from its model — the one
 * builder behind both the live 3D overview and the panorama baker. Deterministic: the same model
 * gives the same scene (every random choice comes from a seeded generator).
 *
 * @example
 * const campus = buildCampusScene(model, { detail: 'overview', textureResolution: 512, anisotropy: 4 });
 * scene.add(campus.root); // then aimSun(campus.daylight, focus, radius, 2048) as the view needs
 */
import { BufferAttribute, Group, InstancedMesh, Mesh, type Material, type Object3D } from 'three';
import type { CampusModel, Point } from '../../content/campusModel';
import { addBackdrop } from './backdrop';
import { addBuilding, addGate } from './buildings';
import { addGround } from './ground';
import { createKit } from './kit';
import { addProps } from './props';
import { buildRoom } from './rooms';
import { aimSun, createDaylight, type Daylight } from './sky';
import { addTrees } from './vegetation';

export interface CampusSceneOptions {
  /** "bake": finer geometry and textures for close-up panoramas; "overview": light enough to orbit live. */
  detail: 'overview' | 'bake';
  /** Longest side of drawn textures (facades), pixels. */
  textureResolution: number;
  /** The renderer's maximum anisotropic filtering (ground seen at a grazing angle stays sharp). */
  anisotropy: number;
}

export interface BuiltScene {
  /** Everything to add to a scene, lights and sky included. */
  root: Group;
  daylight: Daylight;
  /** Frees the GPU resources of what was built. */
  dispose(): void;
}

function disposeAll(root: Object3D, extra: () => void) {
  root.traverse((o) => {
    const mesh = o as { geometry?: { dispose(): void }; material?: { dispose(): void; map?: { dispose(): void } | null } };
    mesh.geometry?.dispose();
    mesh.material?.map?.dispose();
    mesh.material?.dispose();
  });
  extra();
}

/**
 * Library materials tint by vertex colour (batched parts carry one); a mesh added on its own gets
 * white vertex colours, or it would render black.
 */
function whiteVertexColours(root: Object3D) {
  root.traverse((o) => {
    if (!(o instanceof Mesh) || o instanceof InstancedMesh) return;
    const materials = Array.isArray(o.material) ? o.material : [o.material];
    if (!materials.some((m: Material) => 'vertexColors' in m && m.vertexColors) || o.geometry.getAttribute('color')) return;
    const count = o.geometry.getAttribute('position').count;
    o.geometry.setAttribute('color', new BufferAttribute(new Float32Array(count * 3).fill(1), 3));
  });
}

export function campusCentre(model: CampusModel): Point {
  return [(model.bounds.min[0] + model.bounds.max[0]) / 2, (model.bounds.min[1] + model.bounds.max[1]) / 2];
}

/** The whole campus outdoors: ground, roads, buildings, trees, backdrop, sky and sun. */
export function buildCampusScene(model: CampusModel, options: CampusSceneOptions): BuiltScene {
  const kit = createKit({ resolution: options.textureResolution, anisotropy: options.anisotropy }, options.detail);
  addGround(kit, model);
  for (const b of model.buildings) addBuilding(kit, b);
  for (const g of model.gates) addGate(kit, g);
  addProps(kit, model);
  addTrees(kit, model);
  addBackdrop(kit, model, campusCentre(model));

  whiteVertexColours(kit.extras);
  const root = new Group();
  root.name = `campus:${model.campus}`;
  root.add(kit.batch.build('campus-static'));
  root.add(kit.extras);
  const daylight = createDaylight(model);
  root.add(daylight.dome, daylight.sun, daylight.sun.target, daylight.hemisphere);
  const { min, max } = model.bounds;
  aimSun(daylight, campusCentre(model), Math.max(max[0] - min[0], max[1] - min[1]) * 0.6, 2048);
  return { root, daylight, dispose: () => disposeAll(root, () => kit.materials.dispose()) };
}

/** The room of an indoor stop, lit by its windows and ceiling lights, the sky outside its windows. */
export function buildRoomScene(model: CampusModel, stopId: string, options: CampusSceneOptions): BuiltScene {
  const vp = model.viewpoints[stopId];
  if (!vp?.interior) throw new Error(`the stop "${stopId}" has no interior in the model of ${model.campus}`);
  const kit = createKit({ resolution: options.textureResolution, anisotropy: options.anisotropy }, options.detail);
  const daylight = createDaylight(model);
  const room = buildRoom(kit, vp, stopId, daylight);
  whiteVertexColours(kit.extras);
  room.inner.add(kit.batch.build('room-static'), kit.extras, room.lights);
  const root = new Group();
  root.name = `room:${model.campus}/${stopId}`;
  root.add(room.root);
  return { root, daylight, dispose: () => disposeAll(root, () => kit.materials.dispose()) };
}
