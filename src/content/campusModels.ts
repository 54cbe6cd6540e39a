/**
 * The campus models (assets/models/<campus>.json) for the app: each is its own small chunk,
 * fetched only when a campus page shows its 3D overview, and parsed with the schema (the build
 * has already checked it: see vite.config.ts; parsing fills in the defaults).
 */
import type { CampusModel } from './campusModel';

const files = import.meta.glob<unknown>('../../assets/models/*.json', { import: 'default' });
const pathOf = (campusId: string) => `../../assets/models/${campusId}.json`;

/** Whether the campus has a 3D model. */
export function hasCampusModel(campusId: string): boolean {
  return pathOf(campusId) in files;
}

/** The campus's model, or null when it has none. */
export async function loadCampusModel(campusId: string): Promise<CampusModel | null> {
  const load = files[pathOf(campusId)];
  if (!load) return null;
  // The schema (and zod) come with the model, not with the first page.
  const [{ campusModel }, json] = await Promise.all([import('./campusModel'), load()]);
  return campusModel.parse(json);
}
