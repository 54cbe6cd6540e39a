/**
 * The WebGL part of the viewer, in its own chunk with three.js and R3F: the page fetches it when a
 * panorama is on screen, and shows the preview (PreviewCube) until it has arrived.
 */
import { Canvas } from '@react-three/fiber';
import type { View } from '../../content/schema';
import { PanoramaScene, type SceneVr } from './PanoramaScene';
import type { PanoramaController } from './controller/PanoramaController';

export default function PanoramaCanvas({ controller, view, xr }: { controller: PanoramaController; view: View; xr?: SceneVr | undefined }) {
  return (
    <Canvas
      className="pano__canvas"
      frameloop="demand"
      flat
      dpr={[1, 2]}
      gl={{ antialias: false, powerPreference: 'high-performance' }}
      camera={{ position: [0, 0, 0], near: 0.1, far: 100, fov: 75 }}
      aria-hidden="true"
    >
      <PanoramaScene controller={controller} view={view} xr={xr} />
    </Canvas>
  );
}
