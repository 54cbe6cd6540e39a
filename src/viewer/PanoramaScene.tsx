/** The inside of the panorama sphere and a camera that looks where the view says. */
import { useEffect, useMemo } from 'react';
import { useThree } from '@react-three/fiber';
import { SphereGeometry, type Texture } from 'three';
import type { View } from '../content/schema';
import { DEG, effectiveFov } from './viewMath';

function useEquirectSphere() {
  return useMemo(() => {
    const geometry = new SphereGeometry(10, 96, 48);
    // Seen from inside, a sphere shows its texture mirrored; flipping x reads it the right way round
    // and turns the faces inward, so the default front side is the one we see.
    geometry.scale(-1, 1, 1);
    return geometry;
  }, []);
}

/** Points the camera; the canvas renders once per change (frameloop "demand"). */
function CameraRig({ view }: { view: View }) {
  const camera = useThree((s) => s.camera);
  const size = useThree((s) => s.size);
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    if (!('isPerspectiveCamera' in camera)) return;
    camera.rotation.order = 'YXZ';
    camera.rotation.set(view.pitch * DEG, -view.yaw * DEG, 0);
    camera.fov = effectiveFov(view.fov, size.width, size.height).v;
    camera.updateProjectionMatrix();
    invalidate();
  }, [camera, size.width, size.height, view.yaw, view.pitch, view.fov, invalidate]);
  return null;
}

export function PanoramaScene({ texture, view }: { texture: Texture | null; view: View }) {
  const geometry = useEquirectSphere();
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => invalidate(), [texture, invalidate]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  return (
    <>
      <CameraRig view={view} />
      {texture && (
        // Rotated so that the image's centre column lies at yaw 0 (−Z): see viewMath.ts.
        <mesh geometry={geometry} rotation={[0, -Math.PI / 2, 0]}>
          <meshBasicMaterial map={texture} toneMapped={false} />
        </mesh>
      )}
    </>
  );
}
