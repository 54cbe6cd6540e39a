/**
 * The overview's picture for the renderer at hand. A GPU gets the full one: 512 px facades, a
 * 2048 px shadow map, image-based light from the sky, multisampling and the screen's pixel ratio.
 * A software renderer (SwiftShader, llvmpipe: see softwareRenderer.ts) takes seconds a frame with
 * that, so it gets a lighter one: 256 px facades, a 1024 px shadow map, a brighter hemisphere light
 * instead of the environment map (which makes every material's shader much bigger), one pixel per
 * CSS pixel and no multisampling. Kept apart from the component so both branches can be tested.
 */
import type { Scene, WebGLRenderer } from 'three';
import type { CampusModel } from '../../content/campusModel';
import { buildCampusScene, campusCentre, type BuiltScene } from './buildCampusScene';
import { skyEnvironment } from './environment';
import { aimSun } from './sky';

/** The canvas settings: pixel ratio (a range lets R3F follow the screen) and multisampling. */
export function overviewCanvasSettings(software: boolean): { dpr: number | [number, number]; antialias: boolean } {
  return software ? { dpr: 1, antialias: false } : { dpr: [1, 2], antialias: true };
}

/** Builds the campus for the overview and sets up `scene`'s light, environment and fog for it. */
export function setUpOverviewScene(model: CampusModel, scene: Scene, gl: WebGLRenderer, software: boolean): BuiltScene {
  const made = buildCampusScene(model, {
    detail: 'overview',
    textureResolution: software ? 256 : 512,
    anisotropy: Math.min(8, gl.capabilities.getMaxAnisotropy()),
  });
  const { min, max } = model.bounds;
  aimSun(made.daylight, campusCentre(model), Math.max(max[0] - min[0], max[1] - min[1]) * 0.62, software ? 1024 : 2048);
  if (software) made.daylight.hemisphere.intensity = 1.1;
  else scene.environment = skyEnvironment(gl, made.daylight, model.backdrop.ground);
  scene.environmentIntensity = 0.6;
  scene.fog = made.daylight.fog;
  return made;
}

/** Undoes `setUpOverviewScene`: frees the environment map and the campus. */
export function tearDownOverviewScene(scene: Scene, made: BuiltScene | null): void {
  scene.environment?.dispose();
  scene.environment = null;
  scene.fog = null;
  made?.dispose();
}
