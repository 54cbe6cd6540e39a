/**
 * The flat plan of a campus for the stop page's "You are here" map: where its stops stand and the
 * outlines of its buildings, read from the same model file the 3D overview draws
 * (assets/models/<campus>.json), so the map and the overview never disagree. Only the JSON is
 * fetched (a small chunk per campus), not the model's schema: the build has already checked it.
 */
type XZ = [number, number];

export interface PlanBuilding {
  position: XZ;
  size: XZ;
  /** Compass heading its front looks towards (180: south). */
  facing: number;
}

export interface StopPlan {
  bounds: { min: XZ; max: XZ };
  buildings: PlanBuilding[];
  /** Each stop's place on the ground, by stop id: [x east, z south] in metres. */
  stops: Record<string, XZ>;
}

const files = import.meta.glob<unknown>('../../assets/models/*.json', { import: 'default' });

interface RawModel {
  bounds: { min: XZ; max: XZ };
  buildings?: { position: XZ; size: XZ; facing?: number }[];
  viewpoints: Record<string, { position: XZ }>;
}

/** The plan read from a model file's JSON. */
export function planOf(json: unknown): StopPlan {
  const model = json as RawModel;
  // The grounds' bounds, grown to hold every stop (a gate stands on the road outside the fence).
  const points = Object.values(model.viewpoints).map((v) => v.position);
  const MARGIN = 20;
  const min: XZ = [Math.min(model.bounds.min[0], ...points.map((p) => p[0] - MARGIN)), Math.min(model.bounds.min[1], ...points.map((p) => p[1] - MARGIN))];
  const max: XZ = [Math.max(model.bounds.max[0], ...points.map((p) => p[0] + MARGIN)), Math.max(model.bounds.max[1], ...points.map((p) => p[1] + MARGIN))];
  return {
    bounds: { min, max },
    buildings: (model.buildings ?? []).map((b) => ({ position: b.position, size: b.size, facing: b.facing ?? 180 })),
    stops: Object.fromEntries(Object.entries(model.viewpoints).map(([id, v]) => [id, v.position])),
  };
}

/** The campus's plan, or null when it has no model. */
export async function loadStopPlan(campusId: string): Promise<StopPlan | null> {
  const load = files[`../../assets/models/${campusId}.json`];
  return load ? planOf(await load()) : null;
}
