/**
 * A 360° panorama viewer: plain props in, events out. It knows no store, router or i18n —
 * the page hands it localized labels and a controlled `view`, and hears back through callbacks.
 *
 * Looking around works by drag (mouse, pen, finger), pinch and wheel zoom, and the keyboard
 * (arrows, + and −) when the viewer has focus; on-screen buttons live with the page (`children`).
 *
 * @example
 * <PanoramaViewer sceneKey="yubei/library" src={pano} previewSrc={preview} view={view}
 *   onViewChange={setView} hotspots={spots} activeHotspotId={open} onHotspotActivate={openSpot}
 *   reducedMotion={false} labels={labels} />
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Canvas } from '@react-three/fiber';
import type { Texture } from 'three';
import type { View } from '../content/schema';
import { HotspotLayer, type ViewerHotspot } from './HotspotLayer';
import { loadPanoramaTexture } from './loadPanoramaImage';
import { PanoramaScene } from './PanoramaScene';
import { dragView, panBy, stepFor, zoomBy } from './viewMath';

export interface PanoramaViewerLabels {
  /** Names the viewer region, e.g. "360° view: Library". */
  region: string;
  /** How to look around by keyboard; read by screen readers when the viewer takes focus. */
  instructions: string;
  loading: string;
  loadError: string;
  retry: string;
}

export interface PanoramaViewerProps {
  src: string;
  /** A small image shown while `src` loads. */
  previewSrc?: string;
  view: View;
  onViewChange(view: View): void;
  hotspots: readonly ViewerHotspot[];
  activeHotspotId: string | null;
  onHotspotActivate(id: string): void;
  /** Cuts instead of fades. */
  reducedMotion: boolean;
  labels: PanoramaViewerLabels;
  /** Reports when the panorama for `src` is on screen (at preview or full resolution). */
  onShown?(src: string, level: 'preview' | 'full'): void;
  /** Overlays: on-screen controls, badges. Clicks on them do not start a drag. */
  children?: ReactNode;
}

interface Loaded {
  src: string;
  texture: Texture;
  level: 'preview' | 'full';
}

function useElementSize(ref: React.RefObject<HTMLElement | null>) {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => setSize({ width: el.clientWidth, height: el.clientHeight });
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

/** Loads the preview, then the full image, for `src`; a failed full image keeps the preview. */
function usePanoramaTexture(src: string, previewSrc: string | undefined, maxTextureSize: number | null) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (maxTextureSize === null) return;
    const controller = new AbortController();
    let fullShown = false;
    const show = (texture: Texture, level: Loaded['level']) => setLoaded({ src, texture, level });
    setFailedSrc(null);
    if (previewSrc) {
      loadPanoramaTexture(previewSrc, maxTextureSize, controller.signal)
        .then((texture) => (fullShown ? texture.dispose() : show(texture, 'preview')))
        .catch(() => undefined); // the full image may still come; its failure is what we report
    }
    loadPanoramaTexture(src, maxTextureSize, controller.signal)
      .then((texture) => {
        fullShown = true;
        show(texture, 'full');
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setFailedSrc(src);
        if (!(error instanceof DOMException)) console.warn(error);
      });
    return () => controller.abort();
  }, [src, previewSrc, maxTextureSize, attempt]);

  // The texture a new one replaces leaves the GPU.
  useEffect(() => () => loaded?.texture.dispose(), [loaded]);

  const current = loaded?.src === src ? loaded : null;
  return { current, failed: failedSrc === src, retry: () => setAttempt((n) => n + 1) };
}

/** Shows "loading" only when loading takes long enough to be noticed: no flashing spinner. */
function useDelayedFlag(on: boolean, delayMs: number) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!on) {
      setShown(false);
      return;
    }
    const timer = setTimeout(() => setShown(true), delayMs);
    return () => clearTimeout(timer);
  }, [on, delayMs]);
  return shown;
}

export default function PanoramaViewer(props: PanoramaViewerProps) {
  const { src, previewSrc, view, onViewChange, hotspots, activeHotspotId, onHotspotActivate, reducedMotion, labels } =
    props;
  const containerRef = useRef<HTMLDivElement>(null);
  const size = useElementSize(containerRef);
  const [maxTextureSize, setMaxTextureSize] = useState<number | null>(null);
  const { current, failed, retry } = usePanoramaTexture(src, previewSrc, maxTextureSize);
  const showLoading = useDelayedFlag(!current && !failed, 400);

  // Drags accumulate on the latest view, not on the one of the last render.
  const viewRef = useRef(view);
  viewRef.current = view;
  const emit = useCallback(
    (next: View) => {
      viewRef.current = next;
      onViewChange(next);
    },
    [onViewChange],
  );

  const { onShown } = props;
  useEffect(() => {
    if (current) onShown?.(current.src, current.level);
  }, [current, onShown]);

  const pointers = useRef(new Map<number, { x: number; y: number }>());
  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const isControl = (target: EventTarget | null) => target instanceof Element && target.closest('button, a, input');
    const down = (e: PointerEvent) => {
      if (isControl(e.target) || (e.pointerType === 'mouse' && e.button !== 0)) return;
      try {
        el.setPointerCapture(e.pointerId); // keep the drag when the pointer leaves the viewer
      } catch {
        // a synthetic or already-released pointer cannot be captured; the drag still works inside
      }
      pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    };
    const move = (e: PointerEvent) => {
      const last = pointers.current.get(e.pointerId);
      if (!last) return;
      const all = [...pointers.current.values()];
      if (all.length === 1) {
        emit(dragView(viewRef.current, e.clientX - last.x, e.clientY - last.y, el.clientWidth, el.clientHeight));
      } else if (all.length === 2) {
        const other = all.find((p) => p !== last);
        if (other) {
          const before = Math.hypot(last.x - other.x, last.y - other.y);
          const after = Math.hypot(e.clientX - other.x, e.clientY - other.y);
          if (before > 0 && after > 0) emit(zoomBy(viewRef.current, before / after));
        }
      }
      pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    };
    const up = (e: PointerEvent) => {
      pointers.current.delete(e.pointerId);
    };
    const wheel = (e: WheelEvent) => {
      e.preventDefault(); // the page must not scroll while the visitor zooms the panorama
      emit(zoomBy(viewRef.current, Math.exp(Math.max(-100, Math.min(100, e.deltaY)) * 0.002)));
    };
    el.addEventListener('pointerdown', down);
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
    el.addEventListener('pointercancel', up);
    el.addEventListener('wheel', wheel, { passive: false });
    return () => {
      el.removeEventListener('pointerdown', down);
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      el.removeEventListener('pointercancel', up);
      el.removeEventListener('wheel', wheel);
    };
  }, [emit]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const v = viewRef.current;
    const step = stepFor(v);
    const next: Record<string, () => View> = {
      ArrowLeft: () => panBy(v, -step, 0),
      ArrowRight: () => panBy(v, step, 0),
      ArrowUp: () => panBy(v, 0, step),
      ArrowDown: () => panBy(v, 0, -step),
      '+': () => zoomBy(v, 0.8),
      '=': () => zoomBy(v, 0.8),
      '-': () => zoomBy(v, 1.25),
      _: () => zoomBy(v, 1.25),
    };
    const action = next[e.key];
    if (!action) return;
    e.preventDefault();
    emit(action());
  };

  return (
    <div
      ref={containerRef}
      className={`pano${reducedMotion ? ' pano--reduced-motion' : ''}`}
      role="region"
      aria-label={labels.region}
      aria-describedby="pano-instructions"
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-level={current?.level ?? 'none'}
    >
      <p id="pano-instructions" className="visually-hidden">
        {labels.instructions}
      </p>
      <Canvas
        className="pano__canvas"
        frameloop="demand"
        flat
        dpr={[1, 2]}
        gl={{ antialias: false, powerPreference: 'high-performance' }}
        camera={{ position: [0, 0, 0], near: 0.1, far: 100, fov: 75 }}
        onCreated={({ gl }) => setMaxTextureSize(gl.capabilities.maxTextureSize)}
        aria-hidden="true"
      >
        <PanoramaScene texture={current?.texture ?? null} view={view} />
      </Canvas>
      <div className={`pano__cover${current ? '' : ' is-covering'}`} aria-hidden="true" />
      <HotspotLayer
        hotspots={hotspots}
        view={view}
        width={size.width}
        height={size.height}
        activeId={activeHotspotId}
        onActivate={onHotspotActivate}
      />
      {showLoading && (
        <p className="pano__status" role="status">
          {labels.loading}
        </p>
      )}
      {failed && (
        <div className="pano__error" role="alert">
          <p>{labels.loadError}</p>
          <button type="button" className="button" onClick={retry}>
            {labels.retry}
          </button>
        </div>
      )}
      {props.children}
    </div>
  );
}
