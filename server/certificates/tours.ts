/**
 * The tours and their quizzes, as the server scores them: the same assets/content/tours.json the
 * app is built from, bundled into the server and validated against the content schema at start.
 */
import toursJson from '../../assets/content/tours.json';
import { toursFile, type Tour } from '../../src/content/schema';

export function loadTours(json: unknown = toursJson): ReadonlyMap<string, Tour> {
  const parsed = toursFile.safeParse(json);
  if (!parsed.success) throw new Error(`assets/content/tours.json does not match the content schema (run npm run content:check): ${parsed.error.message}`);
  return new Map(parsed.data.tours.map((tour) => [tour.id, tour]));
}
