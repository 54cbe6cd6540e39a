/**
 * The preview as a CSS 3D cube: the six faces of the preview image, placed by CSS transforms so the
 * browser's compositor draws the same view the WebGL renderer will. It needs no three.js, so a stop
 * shows its panorama while the 3D chunk is still on its way — on a slow network, a second or more.
 */
import { useEffect, useLayoutEffect, useState, type CSSProperties } from 'react';
import type { View } from '../../content/schema';
import { FACE_BASIS, PREVIEW_COLS, PREVIEW_GRID, PREVIEW_ROWS, type Face, type Vec3 } from './format/cube';
import { visibleTiles } from './format/pyramid';
import { DEG, effectiveFov } from '../viewMath';

interface PreviewCubeProps {
  /** The preview image (six faces in a 3 × 2 grid), as a URL already fetched. */
  url: string;
  view: View;
  width: number;
  height: number;
  /** Called once the picture is on screen. */
  onShown(): void;
}

const fill: CSSProperties = { position: 'absolute', inset: 0, pointerEvents: 'none' };

/** CSS has y downwards; the viewer's world has it upwards. */
const css = (v: Vec3): Vec3 => [v[0], -v[1], v[2]];

/**
 * Each face is cut into PIECES × PIECES squares and only those in view are placed: the compositor
 * drops a layer that reaches behind the eye whole, and a small square in view never does.
 */
const PIECES = 8;

/** The CSS transform that puts piece (i, j) of a face, `size` px wide, on the cube around the eye. */
function pieceMatrix(face: Face, i: number, j: number, distance: number, size: number): string {
  const { centre, right, up } = FACE_BASIS[face];
  // The face grows by half a pixel on every side, hiding the seams between faces.
  const grow = 1 + 1 / size;
  const k = (2 * distance * grow) / size;
  const c = css(centre);
  const r = css(right);
  const d = css([-up[0], -up[1], -up[2]]);
  const piece = size / PIECES;
  const origin = [0, 1, 2].map((n) => distance * (c[n]! - grow * r[n]! - grow * d[n]!) + k * piece * (i * r[n]! + j * d[n]!));
  const col = (v: Vec3, s: number) => [v[0] * s, v[1] * s, v[2] * s, 0];
  const normal = [-c[0], -c[1], -c[2], 0];
  return `matrix3d(${[...col(r, k), ...col(d, k), ...normal, ...origin, 1].map((x) => +x.toFixed(6)).join(',')})`;
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
  const piece = size / PIECES;
  const pieces = visibleTiles({ tileSize: piece, levels: [size], previewFaceSize: size }, 0, view, width, height);
  const camera = `translateZ(${distance}px) rotateX(${view.pitch}deg) rotateY(${view.yaw}deg)`;
  return (
    <div className="pano__preview" style={{ ...fill, perspective: `${distance}px` }} aria-hidden="true">
      {pieces.map(({ face, row: j, col: i }) => {
          const grid = PREVIEW_GRID[face];
          // Pieces inside a face overlap their right and lower neighbours by a pixel.
          const w = piece + (i < PIECES - 1 ? 1 : 0);
          const h = piece + (j < PIECES - 1 ? 1 : 0);
          return (
            <div
              key={`${face}${i}_${j}`}
              style={{
                position: 'absolute',
                left: '50%',
                top: '50%',
                width: w,
                height: h,
                transformOrigin: '0 0',
                // Each piece carries the whole transform: no shared 3D context for the compositor to sort.
                transform: `${camera} ${pieceMatrix(face, i, j, distance, size)}`,
                backgroundImage: `url("${url}")`,
                backgroundRepeat: 'no-repeat',
                backgroundSize: `${size * PREVIEW_COLS}px ${size * PREVIEW_ROWS}px`,
                backgroundPosition: `${-(grid.col * size + i * piece)}px ${-(grid.row * size + j * piece)}px`,
              }}
            />
          );
        })}
    </div>
  );
}
