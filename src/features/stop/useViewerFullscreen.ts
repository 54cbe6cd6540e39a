/**
 * Full screen for a stop's view alone: the element that holds the panorama, its hotspots and
 * controls, and the open info panel (the stop page's `.stop-layout`; its CSS hides the rest of the
 * side column while it is in full screen). `F` toggles it, Esc leaves it once nothing inner (an
 * open panel, a dialog) has taken the key, and focus never stays behind on something hidden.
 */
import { useCallback, useEffect, type RefObject } from 'react';
import { exitFullscreen, enterFullscreen, useFullscreenElement } from '../../components/fullscreen';

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select') !== null);
}

/** The element full screen applies to, found from any element inside the stop's view. */
export function viewerRoot(inside: Element | null): HTMLElement | null {
  return inside?.closest<HTMLElement>('.stop-layout') ?? null;
}

/**
 * `anchor` is any element inside the stop's view (the toolbar). `enabled` is false where another
 * mode owns the keys and the screen (presenter mode has its own `F`).
 */
export function useViewerFullscreen(anchor: RefObject<HTMLElement | null>, enabled: boolean) {
  const current = useFullscreenElement();
  const root = viewerRoot(anchor.current);
  const active = current !== null && current === root;

  const toggle = useCallback(() => {
    const target = viewerRoot(anchor.current);
    if (!target) return;
    if (document.fullscreenElement === target) {
      exitFullscreen();
      return;
    }
    enterFullscreen(target);
    // Focus left outside (the header, the list of stops, hidden now) moves to the view itself.
    const focused = document.activeElement;
    if (!(focused instanceof HTMLElement) || !target.contains(focused) || focused.closest('.side > :not(.info-panel)')) {
      target.querySelector<HTMLElement>('.pano')?.focus({ preventScroll: true });
    }
  }, [anchor]);

  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTextField(e.target)) return;
      if (e.key === 'f' || e.key === 'F') {
        e.preventDefault();
        toggle();
      } else if (e.key === 'Escape' && document.fullscreenElement && document.fullscreenElement === viewerRoot(anchor.current)) {
        // Browsers leave full screen on Esc themselves; this covers those that hand the key to the page.
        exitFullscreen();
      }
    };
    // Bubble phase: an open info panel or dialog closes on Esc first (they stop the key).
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, toggle, anchor]);

  // Leaving a stop (or the page) in full screen leaves full screen too.
  useEffect(
    () => () => {
      if (document.fullscreenElement?.classList.contains('stop-layout')) exitFullscreen();
    },
    [],
  );

  return { active, toggle };
}
