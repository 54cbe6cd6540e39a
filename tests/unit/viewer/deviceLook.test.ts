import { describe, expect, it } from 'vitest';
import { orientationToLook, smoothLook, yawDelta } from '../../../src/viewer/deviceLook';

const close = (look: { yaw: number; pitch: number }, yaw: number, pitch: number) => {
  expect(yawDelta(look.yaw, yaw)).toBeCloseTo(0, 5);
  expect(look.pitch).toBeCloseTo(pitch, 5);
};

describe('looking by moving the phone', () => {
  it('held upright facing north, looks ahead at the horizon', () => {
    close(orientationToLook(0, 90, 0), 0, 0);
  });

  it('turning left (anticlockwise seen from above) turns the view left', () => {
    close(orientationToLook(90, 90, 0), -90, 0);
    close(orientationToLook(-30, 90, 0), 30, 0);
  });

  it('tilting the top back looks up; forward looks down', () => {
    close(orientationToLook(0, 120, 0), 0, 30);
    close(orientationToLook(0, 60, 0), 0, -30);
  });

  it('keeps the horizon level: how the screen is turned changes neither yaw nor pitch away from the poles', () => {
    // The view has no roll at all; the screen's rotation only matters looking straight up or down.
    for (const [a, b, g] of [[20, 100, 10], [-75, 70, -30], [160, 95, 40]] as const) {
      const portrait = orientationToLook(a, b, g, 0);
      for (const angle of [90, 180, 270]) close(orientationToLook(a, b, g, angle), portrait.yaw, portrait.pitch);
    }
  });

  it('in landscape looks where the back points, as in portrait', () => {
    // Phone turned anticlockwise into landscape (screen angle 90), held upright, its back to the
    // north: the browser reports alpha 90, beta 0, gamma -90.
    close(orientationToLook(90, 0, -90, 90), 0, 0);
    // …and clockwise (screen angle 270): alpha -90, gamma 90.
    close(orientationToLook(-90, 0, 90, 270), 0, 0);
    // Landscape, tilted back 30°: looks up 30°, still north.
    close(orientationToLook(90, 0, -120, 90), 0, 30);
  });

  it('lying flat it looks straight down, ahead being where the screen top points (portrait or landscape)', () => {
    close(orientationToLook(0, 0, 0, 0), 0, -90);
    // Flat, in landscape turned anticlockwise: the screen's top is the phone's right side, pointing east.
    close(orientationToLook(0, 0, 0, 90), 90, -90);
  });

  it('filters: steps toward the target the short way round, and ignores jitter at rest', () => {
    expect(smoothLook({ yaw: 0, pitch: 0 }, { yaw: 0.1, pitch: -0.1 })).toEqual({ yaw: 0, pitch: 0 });
    const s = smoothLook({ yaw: 170, pitch: 0 }, { yaw: -170, pitch: 8 }, 0.5);
    expect(s.yaw).toBeCloseTo(180 - 360 * Number(s.yaw < 0), 5);
    expect(s.pitch).toBeCloseTo(4, 5);
  });
});
