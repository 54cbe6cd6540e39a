/**
 * Image-based light: the sky (or the room itself) blurred into an environment map, so surfaces
 * pick up soft light and glass reflects the sky. Shared by the overview and the baker.
 */
import { CircleGeometry, Color, Mesh, MeshBasicMaterial, PMREMGenerator, Scene, type Texture, type Vector3, type WebGLRenderer } from 'three';
import type { Daylight } from './sky';

/** The sky dome and a ground of `ground` colour, prefiltered for image-based light. */
export function skyEnvironment(renderer: WebGLRenderer, daylight: Daylight, ground: string): Texture {
  const scene = new Scene();
  const dome = daylight.dome.clone();
  const floor = new Mesh(new CircleGeometry(6000, 32).rotateX(-Math.PI / 2).translate(0, -2, 0), new MeshBasicMaterial({ color: new Color(ground).multiplyScalar(0.5) }));
  scene.add(dome, floor);
  const pmrem = new PMREMGenerator(renderer);
  const target = pmrem.fromScene(scene, 0.02, 1, 8000);
  pmrem.dispose();
  floor.geometry.dispose();
  (floor.material as MeshBasicMaterial).dispose();
  return target.texture;
}

/** A room seen from its middle, prefiltered: the light it bounces onto itself. */
export function roomEnvironment(renderer: WebGLRenderer, scene: Scene, at: Vector3): Texture {
  const pmrem = new PMREMGenerator(renderer);
  const target = pmrem.fromScene(scene, 0.04, 0.1, 200, { position: at });
  pmrem.dispose();
  return target.texture;
}
