import { describe, expect, it } from 'vitest';
import { stop as stopSchema } from '../../../src/content/schema';
import { turnedView, TURN_DEGREES_PER_SECOND } from '../../../src/features/stop/idleTurn';

describe('the idle turn', () => {
  it('turns the yaw alone, slowly, across the ±180° seam', () => {
    expect(turnedView({ yaw: 10, pitch: -5, fov: 80 }, 1000)).toEqual({ yaw: 10 + TURN_DEGREES_PER_SECOND, pitch: -5, fov: 80 });
    const across = turnedView({ yaw: 179, pitch: 0, fov: 90 }, 1000);
    expect(across.yaw).toBeCloseTo(179 + TURN_DEGREES_PER_SECOND - 360);
    expect(TURN_DEGREES_PER_SECOND).toBeLessThanOrEqual(6);
  });

  it('is a per-stop content setting: true, false or left out; nothing else', () => {
    const base = stopSchema.shape;
    expect(base.autorotate.safeParse(false).success).toBe(true);
    expect(base.autorotate.safeParse(undefined).success).toBe(true);
    expect(base.autorotate.safeParse('no').success).toBe(false);
  });
});
