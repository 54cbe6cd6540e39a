/**
 * "Move phone to look": while `on`, the phone's orientation turns the view. Yaw is relative — the
 * view does not jump when it starts, and a drag or a button re-bases it (both keep working) —
 * pitch is the phone's own, so the horizon stays where it is. Paused while `paused` (a tour or a
 * live session moves the camera); on resume it re-bases from where that left the view.
 */
import { useEffect } from 'react';
import type { View } from '../../content/schema';
import { orientationToLook, smoothLook, yawDelta, type Look } from '../../viewer/deviceLook';
import { wrapYaw } from '../../viewer/viewMath';

/** Whether this device may have orientation sensors worth offering: a touch screen with the event. */
export function deviceLookAvailable(): boolean {
  return typeof window !== 'undefined' && 'DeviceOrientationEvent' in window && window.matchMedia?.('(pointer: coarse)').matches === true;
}

type PermissionAsking = { requestPermission?: () => Promise<'granted' | 'denied' | 'default'> };

/** iOS asks for the sensors, and only in answer to a press: call this from the toggle's click. */
export async function askDeviceLookPermission(): Promise<boolean> {
  const ask = (window.DeviceOrientationEvent as unknown as PermissionAsking | undefined)?.requestPermission;
  if (typeof ask !== 'function') return true;
  try {
    return (await ask.call(window.DeviceOrientationEvent)) === 'granted';
  } catch {
    return false;
  }
}

function screenAngle(): number {
  return screen.orientation?.angle ?? Number((window as unknown as { orientation?: number }).orientation ?? 0);
}

export function useDeviceLook(on: boolean, paused: boolean, read: () => View, write: (view: View) => void): void {
  useEffect(() => {
    if (!on || paused) return;
    let smoothed: Look | null = null;
    let yawOffset = 0;
    let written: View | null = null;
    const onOrientation = (e: DeviceOrientationEvent) => {
      if (e.alpha === null || e.beta === null || e.gamma === null) return;
      const target = orientationToLook(e.alpha, e.beta, e.gamma, screenAngle());
      const view = read();
      // First reading, or the view moved by other means (drag, buttons, keys): look on from there.
      if (smoothed === null || written === null || view.yaw !== written.yaw || view.fov !== written.fov) {
        smoothed = smoothed ?? target;
        yawOffset = yawDelta(smoothed.yaw, view.yaw);
      }
      const next = smoothLook(smoothed, target);
      if (next === smoothed && written !== null && view === written) return;
      smoothed = next;
      written = { yaw: wrapYaw(next.yaw + yawOffset), pitch: Math.max(-90, Math.min(90, next.pitch)), fov: view.fov };
      write(written);
    };
    window.addEventListener('deviceorientation', onOrientation);
    return () => window.removeEventListener('deviceorientation', onOrientation);
  }, [on, paused, read, write]);
}
