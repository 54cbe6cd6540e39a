/**
 * Autorotate: after IDLE_BEFORE_TURN_MS without input on a stop, the view turns slowly until the
 * visitor does anything (a key, a pointer, the wheel, a touch). Only while `allowed` (the stop's
 * content allows it; no tour, live session or presenter mode moves the camera; no reduced motion;
 * the visitor has not switched it off). The canvas draws only while turning: each frame changes
 * the view, and a still view draws nothing.
 */
import { useEffect, useState } from 'react';
import type { View } from '../../content/schema';
import { IDLE_BEFORE_TURN_MS, turnedView } from './idleTurn';

const INPUTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

export function useIdleTurn(allowed: boolean, read: () => View, write: (view: View) => void): boolean {
  const [turning, setTurning] = useState(false);
  useEffect(() => {
    if (!allowed) {
      setTurning(false);
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    let frame = 0;
    let last: number | null = null;
    const step = (time: number) => {
      if (last !== null) write(turnedView(read(), Math.min(time - last, 100)));
      last = time;
      frame = requestAnimationFrame(step);
    };
    const wait = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        setTurning(true);
        last = null;
        frame = requestAnimationFrame(step);
      }, IDLE_BEFORE_TURN_MS);
    };
    const onInput = () => {
      if (frame) {
        cancelAnimationFrame(frame);
        frame = 0;
        setTurning(false);
      }
      wait();
    };
    for (const type of INPUTS) window.addEventListener(type, onInput, { capture: true, passive: true });
    wait();
    return () => {
      clearTimeout(timer);
      cancelAnimationFrame(frame);
      for (const type of INPUTS) window.removeEventListener(type, onInput, { capture: true });
    };
  }, [allowed, read, write]);
  return turning && allowed;
}
