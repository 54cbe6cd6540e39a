/**
 * The bake page (scripts/bake/index.html), driven by scripts/bake-panoramas.ts through headless
 * Chromium: builds a stop's scene from the campus model with the same builder as the live
 * overview, renders it into an equirectangular panorama, and posts the pixels back strip by strip.
 */
import { ACESFilmicToneMapping, PCFShadowMap, PerspectiveCamera, Scene, SRGBColorSpace, Vector3, WebGLRenderer } from 'three';
import type { CampusModel } from '../../src/content/campusModel';
import { buildCampusScene, buildRoomScene, type BuiltScene } from '../../src/viewer/campus/buildCampusScene';
import { roomEnvironment, skyEnvironment } from '../../src/viewer/campus/environment';
import { aimSun } from '../../src/viewer/campus/sky';
import { signFontReady } from '../../src/viewer/campus/signs';
import { CubeToEquirect } from './cubeToEquirect';

export interface BakeRequest {
  model: CampusModel;
  /** Changes when the model does, so a cached campus scene is rebuilt. */
  modelKey: string;
  stopId: string;
  width: number;
  height: number;
  faceSize: number;
  /** Rows per read-back strip. */
  rows: number;
  /** Where to POST each strip: `${upload}?row=<first row>`. */
  upload: string;
  exposure: number;
  shadowMapSize: number;
}

export interface BakeResult {
  width: number;
  height: number;
  strips: number;
  ms: { build: number; faces: number; convert: number };
  maxTextureSize: number;
}

const renderer = new WebGLRenderer({ antialias: false, powerPreference: 'high-performance' });
renderer.setSize(16, 16, false);
renderer.shadowMap.enabled = true;
renderer.shadowMap.type = PCFShadowMap;
renderer.shadowMap.autoUpdate = false;

let cached: { key: string; built: BuiltScene; scene: Scene } | null = null;

/**
 * The camera's position for a viewpoint, nudged some centimetres off round numbers: a vertex in
 * or very near the plane of a cube face's camera (w ≈ 0) makes SwiftShader draw whole triangles
 * wrong (a missing ground triangle, one layer showing through another).
 */
function eyeOf(vp: { position: [number, number]; eyeHeight: number }) {
  return new Vector3(vp.position[0] + 0.1731, vp.eyeHeight + 0.00417, vp.position[1] + 0.1293);
}

function campusScene(model: CampusModel, key: string): { built: BuiltScene; scene: Scene } {
  if (cached?.key === key) return cached;
  cached?.built.dispose();
  const built = buildCampusScene(model, { detail: 'bake', textureResolution: 1024, anisotropy: renderer.capabilities.getMaxAnisotropy() });
  const scene = new Scene();
  scene.add(built.root);
  scene.fog = built.daylight.fog;
  scene.environment = skyEnvironment(renderer, built.daylight, model.backdrop.ground);
  scene.environmentIntensity = 0.6;
  cached = { key, built, scene };
  return cached;
}

async function bake(req: BakeRequest): Promise<BakeResult> {
  await signFontReady();
  const t0 = performance.now();
  const vp = req.model.viewpoints[req.stopId];
  if (!vp) throw new Error(`no viewpoint for ${req.stopId}`);
  const eye = eyeOf(vp);
  let scene: Scene;
  let room: BuiltScene | null = null;
  if (vp.interior) {
    room = buildRoomScene(req.model, req.stopId, { detail: 'bake', textureResolution: 1024, anisotropy: renderer.capabilities.getMaxAnisotropy() });
    scene = new Scene();
    scene.add(room.root);
    scene.updateMatrixWorld(true);
    scene.environment = roomEnvironment(renderer, scene, eye);
    scene.environmentIntensity = 0.35;
  } else {
    const c = campusScene(req.model, req.modelKey);
    scene = c.scene;
    aimSun(c.built.daylight, vp.position, 260, req.shadowMapSize);
  }
  const t1 = performance.now();
  const converter = new CubeToEquirect(renderer, { faceSize: req.faceSize, samples: 4, exposure: req.exposure });
  converter.capture(scene, eye, vp.interior ? 0.05 : 0.4, 9000);
  const t2 = performance.now();
  const target = CubeToEquirect.stripTarget(req.width, req.rows);
  const buffer = new Uint8Array(req.width * req.rows * 4);
  let strips = 0;
  for (let row = 0; row < req.height; row += req.rows) {
    const rows = Math.min(req.rows, req.height - row);
    converter.strip(req.width, req.height, vp.heading, row, rows, target, buffer);
    const response = await fetch(`${req.upload}?row=${row}&rows=${rows}`, { method: 'POST', body: buffer.subarray(0, req.width * rows * 4) });
    if (!response.ok) throw new Error(`upload of row ${row} failed: ${response.status}`);
    strips++;
  }
  target.dispose();
  converter.dispose();
  if (room) {
    scene.environment?.dispose();
    room.dispose();
  }
  const t3 = performance.now();
  return {
    width: req.width,
    height: req.height,
    strips,
    ms: { build: Math.round(t1 - t0), faces: Math.round(t2 - t1), convert: Math.round(t3 - t2) },
    maxTextureSize: renderer.capabilities.maxTextureSize,
  };
}

/** A flat picture of the campus from any camera, for looking at the model while editing it. */
async function look(req: { model: CampusModel; modelKey: string; from: [number, number, number]; to: [number, number, number]; width: number; height: number; fov: number }) {
  await signFontReady();
  const { scene, built } = campusScene(req.model, req.modelKey);
  const [fx, fz] = [req.to[0], req.to[2]];
  aimSun(built.daylight, [fx, fz], Math.max(150, Math.hypot(req.from[0] - fx, req.from[2] - fz)), 4096);
  renderer.shadowMap.needsUpdate = true;
  renderer.setSize(req.width, req.height, false);
  renderer.toneMapping = ACESFilmicToneMapping;
  renderer.outputColorSpace = SRGBColorSpace;
  const camera = new PerspectiveCamera(req.fov, req.width / req.height, 1, 12000);
  camera.position.set(...req.from);
  camera.lookAt(new Vector3(...req.to));
  renderer.setRenderTarget(null);
  renderer.render(scene, camera);
  return renderer.domElement.toDataURL('image/png');
}

declare global {
  interface Window {
    bakeStop?: (req: BakeRequest) => Promise<BakeResult>;
    lookAt?: typeof look;
    bakeReady?: boolean;
  }
}

window.bakeStop = bake;
window.lookAt = look;
window.bakeReady = true;
document.getElementById('status')!.textContent = 'ready';

