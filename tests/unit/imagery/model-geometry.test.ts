/**
 * The model's axes agree with the viewer's: a heading in the model is a yaw in the panorama
 * (0 looks down −Z, positive turns right towards +X), and a building's frame turns with it.
 */
import { describe, expect, it } from 'vitest';
import type { Building } from '../../../src/content/campusModel';
import { buildingAt, buildingToWorld, headingTo, headingVector, worldToBuilding } from '../../../src/content/modelGeometry';
import { direction } from '../../../src/viewer/viewMath';
import { facingRotation } from '../../../src/viewer/campus/shapes';
import { Vector3 } from 'three';

describe('headings', () => {
  it('are the viewer yaws: 0 north (−z), 90 east (+x), −90 west, 180 south', () => {
    for (const yaw of [0, 30, 90, -90, 135, 180]) {
      const [x, z] = headingVector(yaw);
      const [dx, , dz] = direction(yaw, 0);
      expect(x).toBeCloseTo(dx, 10);
      expect(z).toBeCloseTo(dz, 10);
    }
    expect(headingTo([0, 0], [0, -10])).toBeCloseTo(0);
    expect(headingTo([0, 0], [10, 0])).toBeCloseTo(90);
    expect(headingTo([0, 0], [-10, 0])).toBeCloseTo(-90);
    expect(Math.abs(headingTo([0, 0], [0, 10]))).toBeCloseTo(180);
  });
});

describe('a building frame', () => {
  const b = { position: [100, 50], facing: 90 } as Pick<Building, 'position' | 'facing'>;

  it('puts the front towards its facing and back again', () => {
    // Facing east, the front (local z = 0, before the centre) is east of the centre.
    const front = buildingToWorld(b, [0, -10]);
    expect(front[0]).toBeCloseTo(110);
    expect(front[1]).toBeCloseTo(50);
    // Facing the front from outside (looking west), the right is north.
    const right = buildingToWorld(b, [10, 0]);
    expect(right[1]).toBeCloseTo(40);
    const back = worldToBuilding(b, buildingToWorld(b, [3, 7]));
    expect(back[0]).toBeCloseTo(3);
    expect(back[1]).toBeCloseTo(7);
  });

  it('matches the three.js rotation the scene builder uses (front towards +z, turned to face)', () => {
    for (const facing of [0, 90, 180, -90, 33]) {
      const v = new Vector3(0, 0, 1).applyAxisAngle(new Vector3(0, 1, 0), facingRotation(facing));
      const [x, z] = headingVector(facing);
      expect(v.x).toBeCloseTo(x, 10);
      expect(v.z).toBeCloseTo(z, 10);
    }
  });

  it('finds the building a point is in, wings included', () => {
    const hall: Building = {
      id: 'hall', position: [0, 0], size: [20, 10], facing: 180, floors: 2, floorHeight: 4, colour: '#ffffff', trim: '#ffffff',
      roof: { shape: 'flat', colour: '#888888' }, windows: { style: 'none', bay: 3, glass: '#000000', frame: '#ffffff' },
      wings: [{ offset: [0, 15], size: [6, 20], floors: 1 }], entrance: false, signs: [],
    };
    expect(buildingAt({ buildings: [hall] }, [5, 2])?.id).toBe('hall');
    // The wing runs back (north, −z, for a building facing south) from the main block.
    expect(buildingAt({ buildings: [hall] }, [0, -20])?.id).toBe('hall');
    expect(buildingAt({ buildings: [hall] }, [0, 20])).toBeUndefined();
  });
});
