import { describe, expect, it } from 'vitest';
import {
  direction,
  dragView,
  effectiveFov,
  MAX_VERTICAL_FOV,
  normalizeView,
  panBy,
  projectToScreen,
  wrapYaw,
  zoomBy,
} from '../../../src/viewer/viewMath';

const view = { yaw: 30, pitch: 10, fov: 90 };
const W = 1280;
const H = 720;

describe('view maths', () => {
  it('puts a hotspot at the centre of the view in the centre of the screen', () => {
    const p = projectToScreen(30, 10, view, W, H);
    expect(p?.x).toBeCloseTo(W / 2, 6);
    expect(p?.y).toBeCloseTo(H / 2, 6);
  });

  it('puts a hotspot half a field of view to the right on the right edge', () => {
    const p = projectToScreen(45, 0, { yaw: 0, pitch: 0, fov: 90 }, W, H);
    expect(p?.x).toBeCloseTo(W, 6);
    expect(p?.y).toBeCloseTo(H / 2, 6);
  });

  it('puts a hotspot above the horizon above the middle of the screen', () => {
    const p = projectToScreen(0, 20, { yaw: 0, pitch: 0, fov: 90 }, W, H);
    expect(p!.y).toBeLessThan(H / 2);
    expect(p!.x).toBeCloseTo(W / 2, 6);
  });

  it('hides a hotspot behind the camera', () => {
    expect(projectToScreen(180, 0, { yaw: 0, pitch: 0, fov: 90 }, W, H)).toBeNull();
    expect(projectToScreen(-120, 0, { yaw: 30, pitch: 0, fov: 90 }, W, H)).toBeNull();
  });

  it('keeps a hotspot fixed on the scene while the view pans: it moves left as the view turns right', () => {
    const before = projectToScreen(10, 0, { yaw: 0, pitch: 0, fov: 90 }, W, H)!;
    const after = projectToScreen(10, 0, { yaw: 5, pitch: 0, fov: 90 }, W, H)!;
    expect(after.x).toBeLessThan(before.x);
  });

  it('turns yaw/pitch into the same direction as three.js world axes (yaw 0 = −Z, yaw 90 = +X, pitch 90 = +Y)', () => {
    const [x0, , z0] = direction(0, 0);
    expect(z0).toBeCloseTo(-1);
    expect(x0).toBeCloseTo(0);
    expect(direction(90, 0)[0]).toBeCloseTo(1);
    expect(direction(0, 90)[1]).toBeCloseTo(1);
  });

  it('wraps yaw across the seam and clamps pitch and fov', () => {
    expect(wrapYaw(190)).toBeCloseTo(-170);
    expect(wrapYaw(-190)).toBeCloseTo(170);
    expect(wrapYaw(540)).toBeCloseTo(-180);
    expect(normalizeView({ yaw: 0, pitch: 120, fov: 500 })).toEqual({ yaw: 0, pitch: 90, fov: 110 });
    expect(panBy({ yaw: 175, pitch: 0, fov: 90 }, 10, 0).yaw).toBeCloseTo(-175);
    expect(zoomBy({ yaw: 0, pitch: 0, fov: 40 }, 0.5).fov).toBe(30);
  });

  it('limits the vertical field of view on a tall phone screen', () => {
    const fov = effectiveFov(90, 390, 844);
    expect(fov.v).toBeCloseTo(MAX_VERTICAL_FOV);
    expect(fov.h).toBeLessThan(90);
    const wide = effectiveFov(90, 1280, 720);
    expect(wide.h).toBeCloseTo(90);
    expect(wide.v).toBeCloseTo(58.7, 1);
  });

  it('drags the picture with the pointer: dragging right looks left', () => {
    const next = dragView({ yaw: 0, pitch: 0, fov: 90 }, 128, 0, W, H);
    expect(next.yaw).toBeCloseTo(-9);
    expect(dragView({ yaw: 0, pitch: 0, fov: 90 }, 0, 72, W, H).pitch).toBeGreaterThan(0);
  });
});

describe('hotspot layout', () => {
  it('stacks hotspots that fall on the same spot, so each keeps a whole target', async () => {
    const { layoutHotspots } = await import('../../../src/viewer/panorama/HotspotLayer');
    const spot = (id: string, yaw: number, pitch: number) => ({ id, kind: 'info' as const, yaw, pitch, label: id, caption: id, lang: 'en' });
    const placed = layoutHotspots([spot('a', 0, 0), spot('b', 0.5, 0.2), spot('c', 30, 0), spot('behind', 180, 0)], { yaw: 0, pitch: 0, fov: 90 }, W, H);
    expect(placed.map((p) => p.hotspot.id)).toEqual(['a', 'b', 'c']);
    const [a, b] = placed;
    expect(Math.abs(a!.y - b!.y)).toBeGreaterThanOrEqual(48);
  });
});
