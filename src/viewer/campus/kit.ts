/** What every part of the campus scene is built with: one batch, one material library, texture settings. */
import { Group } from 'three';
import { Batch, MaterialLibrary } from './batch';
import { groundTexture, type GroundKind, type TextureOptions } from './textures';

export interface SceneKit {
  batch: Batch;
  materials: MaterialLibrary;
  textures: TextureOptions;
  /** Meshes that cannot be merged (signs with their own textures, instanced trees). */
  extras: Group;
  /** More detail for the baker (close-up panoramas) than for the live overview. */
  detail: 'overview' | 'bake';
}

export function createKit(textures: TextureOptions, detail: SceneKit['detail']): SceneKit {
  return { batch: new Batch(), materials: new MaterialLibrary(), textures, extras: new Group(), detail };
}

/** A plain material by colour. */
export const paint = (kit: SceneKit, colour: string, roughness = 0.85, metalness = 0) =>
  kit.materials.get(`paint/${colour}/${roughness}/${metalness}`, { colour, roughness, metalness });

/** A textured ground surface, tinted. */
export const surface = (kit: SceneKit, kind: GroundKind, tint?: string, roughness = 0.95) =>
  kit.materials.get(`surface/${kind}/${tint ?? ''}`, () => ({ colour: '#ffffff', roughness, map: groundTexture(kind, kit.textures, tint) }));

/** Dark glass that reflects the sky. */
export const glass = (kit: SceneKit, colour = '#2f4354') => kit.materials.get(`glass/${colour}`, { colour, roughness: 0.08, metalness: 0.7 });

/** Something that gives light: screens, lamps, light panels. */
export const glow = (kit: SceneKit, colour: string, intensity = 1.5) =>
  kit.materials.get(`glow/${colour}/${intensity}`, { colour: '#111111', emissive: colour, emissiveIntensity: intensity, roughness: 0.4 });
