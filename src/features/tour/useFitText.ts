/**
 * Shrinks an element's text until it fits the height its stylesheet allows (its max-height), so a
 * long narration — or the same narration in two languages — stays whole on a projector instead of
 * running off the screen. The stylesheet's own size is the starting point each time the text or
 * the window changes; it never grows past it.
 */
import { useLayoutEffect, type RefObject } from 'react';

/** Smallest text it shrinks to, in CSS px: still legible from the middle of a classroom. */
const MIN_PX = 15;

export function useFitText(ref: RefObject<HTMLElement | null>, text: string) {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fit = () => {
      el.style.fontSize = '';
      let size = parseFloat(getComputedStyle(el).fontSize);
      while (el.scrollHeight > el.clientHeight + 1 && size > MIN_PX) {
        size = Math.max(MIN_PX, size * 0.92);
        el.style.fontSize = `${size}px`;
      }
    };
    fit();
    // Entering presenter mode, or a projector's resolution, changes the room the text has: the
    // box's width or its allowed height. Its own height changes by fitting, so that is not a cause.
    let room = '';
    const observer = new ResizeObserver(() => {
      const now = `${el.clientWidth}x${window.innerHeight}x${getComputedStyle(el).maxHeight}`;
      if (now === room) return;
      room = now;
      fit();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, text]);
}
