/**
 * Draws the controller's plan: one flat quad per tile area on the cube, textured with the best
 * image at hand (the tile, a lower level's tile stretched, or the preview). Areas never overlap,
 * so every screen pixel is drawn once — what a CPU renderer like SwiftShader, or a phone, needs.
 * A quad reaching round beside the eye is cut back to its part in front of it (tileQuad.ts). The canvas renders only when something changes (frameloop "demand").
 */
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import {
  BufferAttribute,
  BufferGeometry,
  ClampToEdgeWrapping,
  DoubleSide,
  Group,
  LinearFilter,
  Mesh,
  MeshBasicMaterial,
  SRGBColorSpace,
  Texture,
  Vector3,
} from 'three';
import type { View } from '../../content/schema';
import type { Vec3 } from './format/cube';
import type { CachedImage, PanoramaController } from './controller/PanoramaController';
import type { DrawItem, TilePyramid } from './format/pyramid';
import { quadNeedsCut, tileQuad } from './tileQuad';
import { DEG, effectiveFov } from '../viewMath';
import type { ViewerHotspot } from './HotspotLayer';
import type { ViewerVr } from './xr/vrTypes';

// The VR part (targets, panel, gaze, controllers) is fetched only when a visitor enters VR.
const VrLayer = lazy(() => import('./xr/VrLayer'));

/** What the scene needs while a VR session is on: the session and the hotspots, as the 2D viewer has them. */
export interface SceneVr {
  vr: ViewerVr;
  hotspots: readonly ViewerHotspot[];
  activeHotspotId: string | null;
  onHotspotActivate(id: string): void;
  reducedMotion: boolean;
}

/**
 * The image as something the GPU accepts: an image larger than `maxTextureSize` (a phone's GPU may
 * take only 4096, an old one 2048) is scaled down on a canvas rather than handed over to fail.
 */
function fitTexture(image: ImageBitmap | HTMLImageElement, width: number, height: number, maxTextureSize: number) {
  if (width <= maxTextureSize && height <= maxTextureSize) return image;
  const scale = maxTextureSize / Math.max(width, height);
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.floor(width * scale));
  canvas.height = Math.max(1, Math.floor(height * scale));
  canvas.getContext('2d')?.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas;
}

/**
 * Points the camera; the canvas renders once per change (frameloop "demand"). `epoch` changes when
 * a VR session ends: the headset had the camera, and the page's view takes it back.
 */
function CameraRig({ view, epoch }: { view: View; epoch: number }) {
  const camera = useThree((s) => s.camera);
  const size = useThree((s) => s.size);
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    if (!('isPerspectiveCamera' in camera)) return;
    camera.position.set(0, 0, 0);
    camera.rotation.order = 'YXZ';
    camera.rotation.set(view.pitch * DEG, -view.yaw * DEG, 0);
    camera.fov = effectiveFov(view.fov, size.width, size.height).v;
    camera.updateProjectionMatrix();
    invalidate();
  }, [camera, size.width, size.height, view.yaw, view.pitch, view.fov, invalidate, epoch]);
  return null;
}

/** A three.js geometry for the item's quad, cut back to what lies in front of the eye (tileQuad.ts). */
function quad(pyramid: TilePyramid, item: DrawItem, forward?: Vec3): BufferGeometry | null {
  const q = tileQuad(pyramid, item, forward);
  if (!q) return null;
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(q.position, 3));
  geometry.setAttribute('uv', new BufferAttribute(q.uv, 2));
  geometry.setIndex(q.index);
  geometry.computeBoundingSphere();
  return geometry;
}

const materials = new WeakMap<CachedImage, MeshBasicMaterial>();

/** The material of a cached image, made (and its texture uploaded) the first time it is drawn. */
function materialOf(cached: CachedImage, maxTextureSize: number): MeshBasicMaterial {
  const known = materials.get(cached);
  if (known && cached.gpu) return known;
  const { image, width, height } = cached.decoded;
  const texture = new Texture(fitTexture(image, width, height, maxTextureSize));
  texture.colorSpace = SRGBColorSpace;
  texture.flipY = false; // v grows downwards, as rows do (pyramid.ts), for bitmaps and images alike
  texture.minFilter = LinearFilter;
  texture.magFilter = LinearFilter;
  texture.wrapS = ClampToEdgeWrapping;
  texture.wrapT = ClampToEdgeWrapping;
  texture.generateMipmaps = false;
  texture.needsUpdate = true;
  // Once on the GPU, the decoded copy is freed: a tile then costs its pixels once, not twice.
  texture.onUpdate = () => {
    if ('close' in image) image.close();
  };
  const material = new MeshBasicMaterial({ map: texture, side: DoubleSide, depthTest: false, depthWrite: false, toneMapped: false });
  materials.set(cached, material);
  cached.gpu = {
    dispose() {
      material.dispose();
      texture.dispose();
    },
  };
  return material;
}

export function PanoramaScene({ controller, view, xr }: { controller: PanoramaController; view: View; xr?: SceneVr | undefined }) {
  const invalidate = useThree((s) => s.invalidate);
  const [epoch, setEpoch] = useState(0);
  const group = useMemo(() => new Group(), []);
  const meshes = useRef(new Map<string, { mesh: Mesh; cut: boolean }>());
  const forward = useRef(new Vector3());

  useEffect(() => controller.onPlan(() => invalidate()), [controller, invalidate]);
  useEffect(() => {
    const all = meshes.current;
    return () => {
      for (const { mesh } of all.values()) mesh.geometry.dispose();
      all.clear();
    };
  }, []);

  useFrame(({ gl, scene, camera }) => {
    const plan = controller.plan;
    const live = new Set<string>();
    const f = camera.getWorldDirection(forward.current);
    const look: Vec3 = [f.x, f.y, f.z];
    if (plan.pyramid) {
      for (const item of plan.items) {
        const cached = controller.image(item.source);
        if (!cached) continue;
        const id = `${controller.keyOf(item.area)}>${controller.keyOf(item.source)}`;
        live.add(id);
        const material = materialOf(cached, gl.capabilities.maxTextureSize);
        let tile = meshes.current.get(id);
        if (!tile) {
          tile = { mesh: new Mesh(undefined, material), cut: true };
          meshes.current.set(id, tile);
          group.add(tile.mesh);
        } else if (tile.mesh.material !== material) {
          tile.mesh.material = material;
        }
        // A quad reaching round beside or behind the eye is cut anew at every view; a whole one is built once.
        const cut = quadNeedsCut(plan.pyramid, item, look);
        if (cut || tile.cut) {
          const geometry = quad(plan.pyramid, item, cut ? look : undefined);
          tile.mesh.geometry.dispose();
          tile.mesh.geometry = geometry ?? new BufferGeometry();
          tile.mesh.visible = geometry !== null;
          tile.cut = cut;
        }
      }
    }
    for (const [id, tile] of meshes.current) {
      if (live.has(id)) continue;
      group.remove(tile.mesh);
      tile.mesh.geometry.dispose();
      meshes.current.delete(id);
    }
    gl.render(scene, camera);
    controller.reportDrawn(plan);
  }, 1);

  return (
    <>
      <CameraRig view={view} epoch={epoch} />
      <primitive object={group} />
      {xr && (
        <Suspense fallback={null}>
          <VrLayer
            vr={xr.vr}
            controller={controller}
            panorama={group}
            hotspots={xr.hotspots}
            activeHotspotId={xr.activeHotspotId}
            onHotspotActivate={xr.onHotspotActivate}
            reducedMotion={xr.reducedMotion}
            onEnded={() => setEpoch((n) => n + 1)}
          />
        </Suspense>
      )}
    </>
  );
}
