/**
 * The preview as a CSS 3D cube: the six faces of the preview image, placed by CSS transforms so the
 * browser's compositor draws the same view the WebGL renderer will. It needs no three.js, so a stop
 * shows its panorama while the 3D chunk is still on its way — on a slow network, a second or more.
 */
import { useEffect, useLayoutEffect, useState, type CSSProperties } from 'react';
import type { View } from '../content/schema';
import { FACES, FACE_BASIS, PREVIEW_COLS, PREVIEW_GRID, PREVIEW_ROWS, type Vec3 } from './tiles/cube';
import { DEG, effectiveFov } from './viewMath';

interface PreviewCubeProps {
  /** The preview image (six faces in a 3 × 2 grid), as a URL already fetched. */
  url: string;
  view: View;
  width: number;
  height: number;
  /** Called once the picture is on screen. */
  onShown(): void;
}

const fill: CSSProperties = { position: 'absolute', inset: 0, overflow: 'hidden', pointerEvents: 'none' };

/** CSS has y downwards; the viewer's world has it upwards. */
const css = (v: Vec3): Vec3 => [v[0], -v[1], v[2]];

function faceMatrix(face: (typeof FACES)[number], distance: number, size: number): string {
  const { centre, right, up } = FACE_BASIS[face];
  // Half a pixel of overlap on every side hides the seams between faces.
  const grow = 1 + 1 / size;
  const k = (2 * distance * grow) / size;
  const c = css(centre);
  const r = css(right);
  const d = css([-up[0], -up[1], -up[2]]);
  const origin = [0, 1, 2].map((i) => distance * (c[i]! - grow * r[i]! - grow * d[i]!));
  const col = (v: Vec3, s: number) => [v[0] * s, v[1] * s, v[2] * s, 0];
  const n = [-c[0], -c[1], -c[2], 0];
  return `matrix3d(${[...col(r, k), ...col(d, k), ...n, ...origin, 1].map((x) => +x.toFixed(6)).join(',')})`;
}

export function PreviewCube({ url, view, width, height, onShown }: PreviewCubeProps) {
  const [decoded, setDecoded] = useState<{ url: string; size: number } | null>(null);
  useEffect(() => {
    let live = true;
    const img = new Image();
    img.src = url;
    img
      .decode()
      .then(() => live && setDecoded({ url, size: Math.round(img.naturalWidth / PREVIEW_COLS) }))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [url]);

  const ready = decoded?.url === url && width > 0 && height > 0;
  useLayoutEffect(() => {
    if (ready) onShown();
  }, [ready, onShown]);
  if (!ready) return null;

  const size = decoded.size;
  const fov = effectiveFov(view.fov, width, height);
  const distance = height / 2 / Math.tan((fov.v / 2) * DEG);
  return (
    <div className="pano__preview" style={{ ...fill, perspective: `${distance}px` }} aria-hidden="true">
      <div
        style={{
          position: 'absolute',
          left: '50%',
          top: '50%',
          transformStyle: 'preserve-3d',
          transform: `translateZ(${distance}px) rotateX(${view.pitch}deg) rotateY(${view.yaw}deg)`,
        }}
      >
        {FACES.map((face) => {
          const { col, row } = PREVIEW_GRID[face];
          return (
            <div
              key={face}
              style={{
                position: 'absolute',
                left: 0,
                top: 0,
                width: size,
                height: size,
                transformOrigin: '0 0',
                transform: faceMatrix(face, distance, size),
                backgroundImage: `url("${url}")`,
                backgroundSize: `${PREVIEW_COLS * 100}% ${PREVIEW_ROWS * 100}%`,
                backgroundPosition: `${(col / (PREVIEW_COLS - 1)) * 100}% ${(row / (PREVIEW_ROWS - 1)) * 100}%`,
                willChange: 'transform',
              }}
            />
          );
        })}
      </div>
    </div>
  );
}
