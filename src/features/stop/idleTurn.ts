/** The idle turn's numbers and its one step, apart from React so they can be tested plainly. */
import type { View } from '../../content/schema';

/** How long the view waits without input before it starts turning. */
export const IDLE_BEFORE_TURN_MS = 30_000;
/** How fast it turns: a full circle in two minutes, slow enough to read the hotspots' names. */
export const TURN_DEGREES_PER_SECOND = 3;

/** The view after `ms` of turning: yaw only, wrapped into [-180, 180). */
export function turnedView(view: View, ms: number): View {
  const yaw = view.yaw + (TURN_DEGREES_PER_SECOND * ms) / 1000;
  return { ...view, yaw: ((((yaw + 180) % 360) + 360) % 360) - 180 };
}
