/** VR's directions, dwell ring and canvas text wrapping (src/viewer/panorama/xr). */
import { describe, expect, it } from 'vitest';
import { angleBetween, dwellShown, lookOf, pointAt } from '../../../src/viewer/panorama/xr/vrMath';
import { wrapText } from '../../../src/viewer/panorama/xr/vrCanvas';

describe('VR directions', () => {
  it('reads back the yaw and pitch a point was placed at, on every side', () => {
    for (const [yaw, pitch] of [
      [0, 0],
      [90, 10],
      [-135, -40],
      [179, 5],
      [30, 80],
    ] as const) {
      const [x, y, z] = pointAt(yaw, pitch, 3);
      expect(lookOf(x, y, z)).toEqual({ yaw, pitch });
    }
  });

  it('looks down −Z at yaw 0, right (+X) at yaw 90, as the 2D viewer does', () => {
    expect(lookOf(0, 0, -1)).toEqual({ yaw: 0, pitch: 0 });
    expect(lookOf(1, 0, 0)).toEqual({ yaw: 90, pitch: 0 });
    expect(lookOf(0, 1, 0)).toEqual({ yaw: 0, pitch: 90 });
  });

  it('measures the angle between two directions across the ±180° seam', () => {
    expect(angleBetween({ yaw: 175, pitch: 0 }, { yaw: -175, pitch: 0 })).toBeCloseTo(10, 6);
    expect(angleBetween({ yaw: 0, pitch: 0 }, { yaw: 0, pitch: 90 })).toBeCloseTo(90, 6);
  });
});

describe('the dwell ring', () => {
  it('fills smoothly, or in four steps under reduced motion', () => {
    expect(dwellShown(0.3, false)).toBeCloseTo(0.3);
    expect(dwellShown(0.3, true)).toBe(0.25);
    expect(dwellShown(0.74, true)).toBe(0.5);
    expect(dwellShown(1.2, true)).toBe(1);
    expect(dwellShown(-1, false)).toBe(0);
  });
});

describe('text on a VR canvas', () => {
  const measure = (s: string) => Array.from(s).length * 10;
  it('breaks English at spaces, never inside a word that fits on a line', () => {
    expect(wrapText('The college has eleven schools', 100, measure)).toEqual(['The', 'college', 'has eleven', 'schools']);
  });
  it('breaks Chinese between characters', () => {
    expect(wrapText('学校设有十一个二级学院和教学单位', 60, measure)).toEqual(['学校设有十一', '个二级学院和', '教学单位']);
  });
  it('breaks a word longer than a line rather than let it run off the card', () => {
    expect(wrapText('Supercalifragilistic word', 100, measure)).toEqual(['Supercalif', 'ragilistic', 'word']);
  });
});
