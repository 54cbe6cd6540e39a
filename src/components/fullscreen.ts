/**
 * The browser's full screen, shared by presenter mode (the whole page) and a stop's viewer (the view
 * alone). It needs a user gesture, and where it is refused (an iframe without `allow="fullscreen"`,
 * a test browser) the callers go on without it: nothing here throws.
 */
import { useSyncExternalStore } from 'react';

/** Puts `element` (the whole page by default) in full screen. */
export function enterFullscreen(element: Element = document.documentElement): void {
  element.requestFullscreen?.().catch(() => undefined);
}

export function exitFullscreen(): void {
  if (document.fullscreenElement) document.exitFullscreen?.().catch(() => undefined);
}

/** Leaves full screen if anything is in it, else puts `element` (the whole page by default) in it. */
export function toggleFullscreen(element?: Element): void {
  if (document.fullscreenElement) exitFullscreen();
  else enterFullscreen(element);
}

/** Whether this browser (and this frame) can go full screen at all: the control is hidden otherwise. */
export function fullscreenAvailable(): boolean {
  return document.fullscreenEnabled === true;
}

function subscribe(onChange: () => void) {
  document.addEventListener('fullscreenchange', onChange);
  return () => document.removeEventListener('fullscreenchange', onChange);
}

/** The element in full screen now (null when none), followed live: Esc leaves without asking the app. */
export function useFullscreenElement(): Element | null {
  return useSyncExternalStore(subscribe, () => document.fullscreenElement ?? null, () => null);
}
