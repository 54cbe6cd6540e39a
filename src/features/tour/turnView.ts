/**
 * Turns the camera smoothly from one view to another by driving the store, the way a guide turns
 * a visitor's head. The turn gives way as soon as anything else moves the view (the visitor drags).
 */
import type { View } from '../../content/schema';
import type { VisitStore } from '../../store/visitStore';
import { wrapYaw } from '../../viewer/viewMath';

const ease = (t: number) => (t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2);

/** Starts a turn; returns a function that stops it. */
export function turnView(store: VisitStore, to: View, durationMs = 1200): () => void {
  const from = store.getState().view ?? to;
  // The short way round: from 170° to −170° is 20°, not 340°.
  const dYaw = wrapYaw(to.yaw - from.yaw);
  let lastSet: View | null = null;
  let frame = 0;
  const start = performance.now();
  const tick = (now: number) => {
    const current = store.getState().view;
    if (lastSet && current !== lastSet) return; // someone else moved the view: stop turning
    const t = Math.min(1, (now - start) / durationMs);
    const k = ease(t);
    lastSet = t >= 1 ? to : {
      yaw: wrapYaw(from.yaw + dYaw * k),
      pitch: from.pitch + (to.pitch - from.pitch) * k,
      fov: from.fov + (to.fov - from.fov) * k,
    };
    store.getState().setView(lastSet);
    if (t < 1) frame = requestAnimationFrame(tick);
  };
  frame = requestAnimationFrame(tick);
  return () => cancelAnimationFrame(frame);
}
