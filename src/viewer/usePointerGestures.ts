/**
 * The pointer wiring both views share: a drag (one pointer, or more than two), a pinch (two), the
 * wheel; pointers captured so a drag goes on outside the view; presses on the view's own buttons
 * and links left alone.
 */
import { useEffect, useRef, type RefObject } from 'react';

export interface DragInfo {
  /** The button pressed when this pointer went down (2: the right one). */
  button: number;
  shiftKey: boolean;
  /** How many pointers are down. */
  pointers: number;
  /** The view's size in CSS pixels. */
  width: number;
  height: number;
}

export interface GestureHandlers {
  /** A pointer moved by (dx, dy) CSS pixels. */
  drag(dx: number, dy: number, info: DragInfo): void;
  /** Two pointers moved apart or together: their distance before over after (> 1: closer, zoom out). */
  pinch(ratio: number): void;
  /** The wheel turned: a zoom factor on the field of view or the distance (> 1: out). */
  wheel(factor: number): void;
}

export interface GestureOptions {
  /** What counts as the view's own controls, which the gestures leave alone. */
  controls: string;
  /** Only the primary mouse button drags. */
  primaryButtonOnly?: boolean;
  /** No context menu on the view (the right button drags). */
  noContextMenu?: boolean;
}

export function usePointerGestures(ref: RefObject<HTMLElement | null>, handlers: GestureHandlers, options: GestureOptions) {
  const latest = useRef(handlers);
  latest.current = handlers;
  const { controls, primaryButtonOnly = false, noContextMenu = false } = options;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const pointers = new Map<number, { x: number; y: number; button: number }>();
    const isControl = (target: EventTarget | null) => target instanceof Element && target.closest(controls);
    const down = (e: PointerEvent) => {
      if (isControl(e.target) || (primaryButtonOnly && e.pointerType === 'mouse' && e.button !== 0)) return;
      try {
        el.setPointerCapture(e.pointerId); // keep the drag when the pointer leaves the view
      } catch {
        // a synthetic or already-released pointer cannot be captured; the drag still works inside
      }
      pointers.set(e.pointerId, { x: e.clientX, y: e.clientY, button: e.button });
    };
    const move = (e: PointerEvent) => {
      const last = pointers.get(e.pointerId);
      if (!last) return;
      const all = [...pointers.values()];
      if (all.length === 2) {
        const other = all.find((p) => p !== last);
        if (other) {
          const before = Math.hypot(last.x - other.x, last.y - other.y);
          const after = Math.hypot(e.clientX - other.x, e.clientY - other.y);
          if (before > 0 && after > 0) latest.current.pinch(before / after);
        }
      } else {
        latest.current.drag(e.clientX - last.x, e.clientY - last.y, {
          button: last.button,
          shiftKey: e.shiftKey,
          pointers: all.length,
          width: el.clientWidth,
          height: el.clientHeight,
        });
      }
      pointers.set(e.pointerId, { ...last, x: e.clientX, y: e.clientY });
    };
    const up = (e: PointerEvent) => {
      pointers.delete(e.pointerId);
    };
    const wheel = (e: WheelEvent) => {
      e.preventDefault(); // the page must not scroll while the visitor zooms the view
      latest.current.wheel(Math.exp(Math.max(-100, Math.min(100, e.deltaY)) * 0.002));
    };
    const menu = (e: MouseEvent) => e.preventDefault();
    el.addEventListener('pointerdown', down);
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
    el.addEventListener('pointercancel', up);
    el.addEventListener('wheel', wheel, { passive: false });
    if (noContextMenu) el.addEventListener('contextmenu', menu);
    return () => {
      el.removeEventListener('pointerdown', down);
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      el.removeEventListener('pointercancel', up);
      el.removeEventListener('wheel', wheel);
      el.removeEventListener('contextmenu', menu);
    };
  }, [ref, controls, primaryButtonOnly, noContextMenu]);
}
