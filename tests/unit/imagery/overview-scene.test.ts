// @vitest-environment node
/**
 * The overview's set-up on both kinds of renderer. The browser tests run on SwiftShader, so they
 * only ever see the software branch; this checks the GPU branch too: what detects the renderer,
 * and what each branch puts in the scene and asks of the canvas. The environment map needs a real
 * WebGL renderer (PMREM), so it is a stand-in here: what is checked is that the GPU branch makes
 * it from the campus's own sky and ground, and that the software branch does without.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Scene, Texture, type WebGLRenderer } from 'three';
import { campusModel, type CampusModel } from '../../../src/content/campusModel';
import type { CampusSceneOptions } from '../../../src/viewer/campus/buildCampusScene';
import type { Daylight } from '../../../src/viewer/campus/sky';

const environments: { daylight: Daylight; ground: string; texture: Texture }[] = [];
vi.mock('../../../src/viewer/campus/environment', () => ({
  skyEnvironment: (_renderer: WebGLRenderer, daylight: Daylight, ground: string) => {
    const texture = new Texture();
    environments.push({ daylight, ground, texture });
    return texture;
  },
}));
const built: CampusSceneOptions[] = [];
vi.mock('../../../src/viewer/campus/buildCampusScene', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/viewer/campus/buildCampusScene')>();
  return {
    ...original,
    buildCampusScene: (model: CampusModel, options: CampusSceneOptions) => {
      built.push(options);
      return original.buildCampusScene(model, options);
    },
  };
});

const { overviewCanvasSettings, setUpOverviewScene, tearDownOverviewScene } = await import('../../../src/viewer/campus/overviewScene');
const { isSoftwareRenderer } = await import('../../../src/viewer/campus/softwareRenderer');

const model = campusModel.parse(JSON.parse(readFileSync('assets/models/nanchuan.json', 'utf8')));
/** What the set-up asks of the renderer: its anisotropy (a desktop GPU offers 16). */
const gpu = { capabilities: { getMaxAnisotropy: () => 16 } } as unknown as WebGLRenderer;

afterEach(() => {
  environments.length = 0;
  built.length = 0;
  vi.unstubAllGlobals();
});

/** A page whose WebGL reports `renderer` as its unmasked renderer name (or has no WebGL: null). */
function stubRenderer(renderer: string | null) {
  const UNMASKED_RENDERER_WEBGL = 0x9246;
  const gl = {
    RENDERER: 0x1f01,
    getExtension: (name: string) => (name === 'WEBGL_debug_renderer_info' ? { UNMASKED_RENDERER_WEBGL } : null),
    getParameter: (p: number) => (p === UNMASKED_RENDERER_WEBGL ? renderer : 'WebKit WebGL'),
  };
  vi.stubGlobal('document', { createElement: () => ({ getContext: () => (renderer === null ? null : gl) }) });
}

describe('telling a GPU from a software renderer', () => {
  it.each([
    'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002504) Direct3D11 vs_5_0 ps_5_0, D3D11)',
    'ANGLE (Apple, ANGLE Metal Renderer: Apple M2, Unspecified Version)',
    'Mali-G78',
    'Adreno (TM) 650',
    'Mesa Intel(R) UHD Graphics 620 (KBL GT2)',
  ])('takes "%s" for a GPU', (name) => {
    stubRenderer(name);
    expect(isSoftwareRenderer()).toBe(false);
  });

  it.each([
    'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
    'Google SwiftShader',
    'llvmpipe (LLVM 15.0.7, 256 bits)',
    'Microsoft Basic Render Driver',
  ])('takes "%s" for software', (name) => {
    stubRenderer(name);
    expect(isSoftwareRenderer()).toBe(true);
  });

  it('does not call a page without WebGL software (the overview says it cannot show the model instead)', () => {
    stubRenderer(null);
    expect(isSoftwareRenderer()).toBe(false);
  });
});

describe('the overview scene', () => {
  it('on a GPU: full-size facades and shadows, light from the sky, multisampling and a sharp canvas', { timeout: 30_000 }, () => {
    const scene = new Scene();
    const made = setUpOverviewScene(model, scene, gpu, false);
    expect(built).toEqual([{ detail: 'overview', textureResolution: 512, anisotropy: 8 }]);
    expect(made.daylight.sun.shadow.mapSize.toArray()).toEqual([2048, 2048]);
    // Image-based light, made from this campus's sky and ground…
    expect(environments).toHaveLength(1);
    expect(environments[0]!.daylight).toBe(made.daylight);
    expect(environments[0]!.ground).toBe(model.backdrop.ground);
    expect(scene.environment).toBe(environments[0]!.texture);
    // …so the hemisphere light stays as the sky made it.
    expect(made.daylight.hemisphere.intensity).toBeCloseTo(0.55, 5);
    expect(scene.environmentIntensity).toBe(0.6);
    expect(scene.fog).toBe(made.daylight.fog);
    expect(overviewCanvasSettings(false)).toEqual({ dpr: [1, 2], antialias: true });

    // Leaving frees the environment map and takes the fog away.
    const disposed = vi.fn();
    environments[0]!.texture.addEventListener('dispose', disposed);
    tearDownOverviewScene(scene, made);
    expect(disposed).toHaveBeenCalledOnce();
    expect(scene.environment).toBeNull();
    expect(scene.fog).toBeNull();
  });

  it('on a software renderer: half-size facades and shadows, a brighter hemisphere instead of the sky map', { timeout: 30_000 }, () => {
    const scene = new Scene();
    const made = setUpOverviewScene(model, scene, gpu, true);
    expect(built).toEqual([{ detail: 'overview', textureResolution: 256, anisotropy: 8 }]);
    expect(made.daylight.sun.shadow.mapSize.toArray()).toEqual([1024, 1024]);
    expect(environments).toEqual([]);
    expect(scene.environment).toBeNull();
    expect(made.daylight.hemisphere.intensity).toBe(1.1);
    expect(scene.fog).toBe(made.daylight.fog);
    expect(overviewCanvasSettings(true)).toEqual({ dpr: 1, antialias: false });
    tearDownOverviewScene(scene, made);
  });
});
