/**
 * VR headsets (issue 17): whether this browser can show an immersive VR session, and the session
 * the visitor started. The session is requested here, in the button's press (browsers require a
 * user's gesture); the viewer draws it (src/viewer/panorama/xr), in a chunk fetched only then.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

/** True once `navigator.xr` says it can show 'immersive-vr' (asked again when a headset comes or goes). */
export function useVrSupported(): boolean {
  const [supported, setSupported] = useState(false);
  useEffect(() => {
    const xr = typeof navigator !== 'undefined' ? navigator.xr : undefined;
    if (!xr) return;
    let live = true;
    const check = () => {
      xr.isSessionSupported('immersive-vr').then(
        (ok) => live && setSupported(ok),
        () => live && setSupported(false),
      );
    };
    check();
    xr.addEventListener('devicechange', check);
    return () => {
      live = false;
      xr.removeEventListener('devicechange', check);
    };
  }, []);
  return supported;
}

export interface VrSessionState {
  session: XRSession | null;
  /** Starting a session was refused or failed. */
  failed: boolean;
  enter(): void;
  exit(): void;
}

export function useVrSession(): VrSessionState {
  const [session, setSession] = useState<XRSession | null>(null);
  const [failed, setFailed] = useState(false);
  const current = useRef<XRSession | null>(null);
  const enter = useCallback(() => {
    const xr = navigator.xr;
    if (!xr || current.current) return;
    setFailed(false);
    xr.requestSession('immersive-vr').then(
      (s) => {
        current.current = s;
        s.addEventListener('end', () => {
          if (current.current === s) current.current = null;
          setSession((now) => (now === s ? null : now));
        });
        setSession(s);
      },
      () => setFailed(true),
    );
  }, []);
  const exit = useCallback(() => void current.current?.end().catch(() => {}), []);
  // Leaving the stop page ends the session: the headset never shows a page that is gone.
  useEffect(() => () => void current.current?.end().catch(() => {}), []);
  return { session, failed, enter, exit };
}
