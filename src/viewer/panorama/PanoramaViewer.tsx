/**
 * A 360° panorama viewer: plain props in, events out. It knows no store, router or i18n —
 * the page hands it localized labels and a controlled `view`, and hears back through callbacks.
 *
 * The panorama is a cube tile pyramid (lib/tiler.ts). The viewer shows the preview first —
 * as a CSS 3D cube until the WebGL chunk (three.js, R3F) has arrived, then in WebGL — and loads
 * only the tiles the view needs, at the level that matches the screen (controller/PanoramaController.ts).
 * When the visitor is idle, the previews of `preload` are fetched, so a linked stop shows at once.
 *
 * Looking around works by drag (mouse, pen, finger), pinch and wheel zoom, and the keyboard
 * (arrows, + and −) when the viewer has focus; on-screen buttons live with the page (`children`).
 *
 * @example
 * <PanoramaViewer src={tilesJson} previewSrc={preview} preload={linked}
 *   view={view} onViewChange={setView} hotspots={spots} activeHotspotId={open}
 *   onHotspotActivate={openSpot} reducedMotion={false} labels={labels} />
 */
import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type { View } from '../../content/schema';
import { HotspotLayer, type ViewerHotspot } from './HotspotLayer';
import { PreviewCube } from './PreviewCube';
import { PanoramaController, type PanoramaSourceRef, type ViewerSnapshot } from './controller/PanoramaController';
import { dragView, panBy, stepFor, zoomBy } from '../viewMath';
import { useElementSize } from '../useElementSize';
import { usePointerGestures } from '../usePointerGestures';
import type { ViewerVr } from './xr/vrTypes';
import '../viewer.css';
import './PanoramaViewer.css';

export type { PanoramaSourceRef } from './controller/PanoramaController';
export type { ViewerVr, ViewerVrPanel } from './xr/vrTypes';

// three.js and R3F come in their own chunk, fetched while the preview is already on screen.
const PanoramaCanvas = lazy(() => import('./PanoramaCanvas'));

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
  /** The panorama's tile manifest (`tiles.json`, written by lib/tiler.ts). */
  src: string;
  /** Its preview: the six cube faces, small, in one image; on screen first. */
  previewSrc?: string | undefined;
  /** Panoramas the visitor may open next (the linked stops): their previews are fetched when the visitor is idle. */
  preload?: readonly PanoramaSourceRef[];
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
  /**
   * A short "drag to look around" shown on the view until the visitor's first drag (the caller
   * decides whether a visitor still needs it; it may give the words with pinyin); `onDragged` is
   * told of that first drag.
   */
  hint?: ReactNode;
  onDragged?: (() => void) | undefined;
  /**
   * A VR session the page has started (on a button press): while it is on, the panorama shows in
   * the headset, with the hotspots as targets there (xr/VrLayer.tsx), and `view` no longer turns
   * the camera — the headset does.
   */
  vr?: ViewerVr | undefined;
  /** Overlays: on-screen controls, badges. Clicks on them do not start a drag. */
  children?: ReactNode;
}

/**
 * Bytes of decoded tiles kept beyond those on screen: less on phones, whose browsers are killed
 * for memory first.
 */
function cacheBytes(): number {
  const memory = (navigator as Navigator & { deviceMemory?: number }).deviceMemory;
  const phone = (memory !== undefined && memory <= 4) || window.matchMedia?.('(pointer: coarse)').matches;
  return (phone ? 32 : 64) * 1024 * 1024;
}

const NO_SNAPSHOT: ViewerSnapshot = { level: 'none', canShow: false, failed: false, previewUrl: null };
const noSubscribe = () => () => {};

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
  const { src, previewSrc, preload, view, onViewChange, hotspots, activeHotspotId, onHotspotActivate, reducedMotion, labels, vr } =
    props;
  const containerRef = useRef<HTMLDivElement>(null);
  const instructionsId = useId();
  const size = useElementSize(containerRef);

  // One controller (tile cache, loader) for the viewer's life, across stops.
  const [controller, setController] = useState<PanoramaController | null>(null);
  useEffect(() => {
    const c = new PanoramaController({ maxBytes: cacheBytes() });
    setController(c);
    return () => c.dispose();
  }, []);
  const snapshot = useSyncExternalStore(controller?.subscribe ?? noSubscribe, controller?.getSnapshot ?? (() => NO_SNAPSHOT));

  useEffect(() => controller?.setScene({ src, previewSrc }), [controller, src, previewSrc]);
  // In VR the headset's look plans the tiles (VrLayer); the page's view takes over again after.
  const inVr = vr !== undefined;
  useEffect(() => {
    if (!inVr) controller?.setView(view, size.width, size.height, Math.min(window.devicePixelRatio || 1, 2));
  }, [controller, view, size.width, size.height, inVr]);
  const preloadKey = JSON.stringify(preload ?? []);
  const preloadList = useMemo(() => JSON.parse(preloadKey) as PanoramaSourceRef[], [preloadKey]);
  useEffect(() => controller?.setPreload(preloadList), [controller, preloadList]);
  const onPreviewShown = useCallback(() => controller?.reportPreviewShown(src), [controller, src]);

  const failed = snapshot.failed;
  const showLoading = useDelayedFlag(!snapshot.canShow && !failed, 400);

  // The WebGL chunk (three.js, ~240 KB gzipped) is fetched once the preview is in, or has failed, or
  // after a moment: on a slow network the preview then has the line to itself, and is seen seconds sooner.
  const previewIn = snapshot.previewUrl !== null || snapshot.canShow || failed || !previewSrc;
  const [canvasWanted, setCanvasWanted] = useState(false);
  useEffect(() => {
    if (canvasWanted) return;
    if (previewIn) {
      setCanvasWanted(true);
      return;
    }
    const timer = setTimeout(() => setCanvasWanted(true), 1500);
    return () => clearTimeout(timer);
  }, [canvasWanted, previewIn]);

  // Drags accumulate on the latest view, not on the one of the last render.
  const viewRef = useRef(view);
  viewRef.current = view;
  // Whether the first drag is still to be told (the hint is up), read in the gesture handler.
  const hintRef = useRef(Boolean(props.hint));
  hintRef.current = Boolean(props.hint);
  const onDraggedRef = useRef(props.onDragged);
  onDraggedRef.current = props.onDragged;
  const emit = useCallback(
    (next: View) => {
      viewRef.current = next;
      onViewChange(next);
    },
    [onViewChange],
  );

  const { onShown } = props;
  const level = snapshot.level;
  useEffect(() => {
    if (level !== 'none') onShown?.(src, level);
  }, [src, level, onShown]);

  usePointerGestures(
    containerRef,
    {
      drag: (dx, dy, { pointers, width, height }) => {
        if (pointers !== 1) return;
        emit(dragView(viewRef.current, dx, dy, width, height));
        if (hintRef.current) {
          hintRef.current = false;
          onDraggedRef.current?.();
        }
      },
      pinch: (ratio) => emit(zoomBy(viewRef.current, ratio)),
      wheel: (factor) => emit(zoomBy(viewRef.current, factor)),
    },
    { controls: 'button, a, input', primaryButtonOnly: true },
  );

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
      aria-describedby={instructionsId}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-level={level}
    >
      <p id={instructionsId} className="visually-hidden">
        {labels.instructions}
      </p>
      {controller && (canvasWanted || inVr) && (
        <Suspense fallback={null}>
          <PanoramaCanvas
            controller={controller}
            view={view}
            xr={vr && { vr, hotspots, activeHotspotId, onHotspotActivate, reducedMotion }}
          />
        </Suspense>
      )}
      {snapshot.previewUrl && (
        <PreviewCube url={snapshot.previewUrl} view={view} width={size.width} height={size.height} onShown={onPreviewShown} />
      )}
      <div className={`pano__cover${snapshot.canShow ? '' : ' is-covering'}`} aria-hidden="true" />
      {/* Hidden from screen readers: the region's description already says it, with the keys.
          Before the markers, so that a marker (and its focus ring) is drawn over it, never under. */}
      {props.hint && (
        <p className="pano__hint" aria-hidden="true">
          {props.hint}
        </p>
      )}
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
          <button type="button" className="button" onClick={() => controller?.retry()}>
            {labels.retry}
          </button>
        </div>
      )}
      {props.children}
    </div>
  );
}
