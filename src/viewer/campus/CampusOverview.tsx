/**
 * A live 3D overview of a campus, built from its model: orbit, zoom and pan it; its stops are
 * markers (real DOM buttons, in the tab order, named) and choosing one flies the camera down to
 * that stop before `onChoose` is called (a cut under reduced motion). Plain props in, events out:
 * no store, router or i18n. Renders on demand: a still view draws nothing.
 *
 * Keyboard, with the overview focused: arrows turn and tilt, + and − zoom, W A S D move, Home resets.
 *
 * @example
 * <CampusOverview model={model} markers={[{ id: 'library', label: 'Library', lang: 'en' }]}
 *   onChoose={(id) => go(id)} reducedMotion={false} labels={labels} />
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Canvas, useFrame, useThree } from '@react-three/fiber';
import { PCFShadowMap, PerspectiveCamera, Quaternion, Vector3 } from 'three';
import type { CampusModel } from '../../content/campusModel';
import { markerPosition, worldHeading } from '../../content/modelGeometry';
import type { BuiltScene } from './buildCampusScene';
import { estimateCaptionSize, placeCaptions, spreadMarkers } from '../captionPlacement';
import { applyOrbit, clampOrbit, initialOrbit, OVERVIEW_FOV, panOrbit, projectPoint, type Orbit } from './overviewCamera';
import { overviewCanvasSettings, setUpOverviewScene, tearDownOverviewScene } from './overviewScene';
import { signFontReady } from './signs';
import { isSoftwareRenderer } from './softwareRenderer';
import { useElementSize } from '../useElementSize';
import { usePointerGestures } from '../usePointerGestures';
import { ViewIcon, type ViewIconName } from '../viewIcons';
import '../viewer.css';
import './CampusOverview.css';

export interface OverviewMarker {
  /** The stop's id in the content (and in the model's viewpoints). */
  id: string;
  /** The stop's name, in the visitor's language: the marker's accessible name and tooltip. */
  label: string;
  lang: string;
  /** Shown on the marker, matching the numbered list of stops. */
  number: number;
}

export interface CampusOverviewLabels {
  /** Names the overview region, e.g. "3D model of the Yubei Airport Campus". */
  region: string;
  /** How to use it by keyboard; read when the region takes focus. */
  instructions: string;
  controls: string;
  turnLeft: string;
  turnRight: string;
  tiltUp: string;
  tiltDown: string;
  zoomIn: string;
  zoomOut: string;
  /** Moving the model without a drag (WCAG 2.5.7): after zooming in, markers leave the view. */
  moveForward: string;
  moveBack: string;
  moveLeft: string;
  moveRight: string;
  reset: string;
  loading: string;
  /** A badge saying the model is an illustration. */
  illustration: string;
}

export interface CampusOverviewProps {
  model: CampusModel;
  markers: readonly OverviewMarker[];
  onChoose(stopId: string): void;
  /** Cuts instead of flying. */
  reducedMotion: boolean;
  labels: CampusOverviewLabels;
}

const FLIGHT_MS = 1700;

interface Flight {
  stopId: string;
  from: { position: Vector3; quaternion: Quaternion };
  to: { position: Vector3; quaternion: Quaternion };
  started: number | null;
}

/** Builds the campus once fonts are ready, adds it to the scene with its light and sky. */
function CampusContent({ model, light, onBuilt }: { model: CampusModel; light: boolean; onBuilt(): void }) {
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const invalidate = useThree((s) => s.invalidate);
  const [built, setBuilt] = useState<BuiltScene | null>(null);
  const reported = useRef(onBuilt);
  reported.current = onBuilt;

  useEffect(() => {
    let cancelled = false;
    let made: BuiltScene | null = null;
    void signFontReady().then(() => {
      if (cancelled) return;
      made = setUpOverviewScene(model, scene, gl, light);
      setBuilt(made);
    });
    return () => {
      cancelled = true;
      tearDownOverviewScene(scene, made);
    };
  }, [model, light, gl, scene]);

  useEffect(() => {
    if (!built) return;
    // The sun does not move: its shadows are drawn once, not on every frame.
    gl.shadowMap.needsUpdate = true;
    invalidate();
    // Report after the frame with the campus in it has been drawn.
    let raf = requestAnimationFrame(() => {
      raf = requestAnimationFrame(() => reported.current());
    });
    return () => cancelAnimationFrame(raf);
  }, [built, gl, invalidate]);

  return built ? <primitive object={built.root} /> : null;
}

/** Points the camera at the orbit; during a flight, moves it along the flight instead. */
function CameraRig({ orbit, flight, onLanded }: { orbit: Orbit; flight: Flight | null; onLanded(stopId: string): void }) {
  const camera = useThree((s) => s.camera) as PerspectiveCamera;
  const invalidate = useThree((s) => s.invalidate);
  const size = useThree((s) => s.size);
  useEffect(() => {
    if (flight) return;
    camera.fov = OVERVIEW_FOV;
    applyOrbit(camera, orbit);
    invalidate();
  }, [camera, orbit, flight, invalidate, size.width, size.height]);

  useEffect(() => {
    if (flight) invalidate();
  }, [flight, invalidate]);

  const landed = useRef<string | null>(null);
  useFrame(() => {
    if (!flight) return;
    const now = performance.now();
    if (flight.started === null) flight.started = now;
    const t = Math.min(1, (now - flight.started) / FLIGHT_MS);
    // Ease in and out; the height falls faster than the ground distance closes, so the camera swoops down.
    const e = t * t * (3 - 2 * t);
    camera.position.lerpVectors(flight.from.position, flight.to.position, e);
    camera.position.y = flight.from.position.y + (flight.to.position.y - flight.from.position.y) * Math.min(1, e * 1.25);
    camera.quaternion.slerpQuaternions(flight.from.quaternion, flight.to.quaternion, Math.min(1, e * 1.4));
    camera.near = 0.5;
    camera.updateProjectionMatrix();
    if (t < 1) invalidate();
    else if (landed.current !== flight.stopId) {
      landed.current = flight.stopId;
      onLanded(flight.stopId);
    }
  });
  return null;
}

export default function CampusOverview({ model, markers, onChoose, reducedMotion, labels }: CampusOverviewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const instructionsId = useId();
  const size = useElementSize(containerRef);
  const aspect = size.width > 0 && size.height > 0 ? size.width / size.height : 16 / 9;
  const [orbit, setOrbit] = useState<Orbit>(() => initialOrbit(model, aspect));
  const orbitRef = useRef(orbit);
  orbitRef.current = orbit;
  const [ready, setReady] = useState(false);
  const onBuilt = useCallback(() => setReady(true), []);
  // A software renderer (no GPU) gets a lighter picture (overviewScene.ts).
  const [light] = useState(isSoftwareRenderer);
  const canvas = overviewCanvasSettings(light);
  const [flight, setFlight] = useState<Flight | null>(null);

  // A new campus, or the first real size of the screen: start from the whole-campus view.
  const sized = size.width > 0;
  useEffect(() => {
    setOrbit(initialOrbit(model, aspect));
    // Only when the model changes or the size first becomes known, not on every resize.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [model, sized]);

  const update = useCallback((change: (o: Orbit) => Orbit) => setOrbit((o) => clampOrbit(model, change(o))), [model]);

  // The camera as plain three.js, for placing markers on the page.
  const camera = useMemo(() => {
    const c = new PerspectiveCamera(OVERVIEW_FOV, aspect, 1, 12000);
    applyOrbit(c, orbit);
    return c;
  }, [orbit, aspect]);

  const placed = useMemo(
    () =>
      markers.flatMap((m) => {
        const vp = model.viewpoints[m.id];
        if (!vp || size.width === 0) return [];
        const at = projectPoint(camera, markerPosition(model, vp), size.width, size.height, 16);
        return at ? [{ ...m, ...at }] : [];
      }),
    [markers, model, camera, size.width, size.height],
  );
  // Pins kept apart, and each name shown where it covers no other pin or name (on every device:
  // a phone has no hover); a name with no room shows on hover and focus, as before.
  const spread = useMemo(() => spreadMarkers(placed, 40, size.height), [placed, size.height]);
  const sides = useMemo(
    () =>
      placeCaptions(
        spread,
        (id) => estimateCaptionSize(spread.find((m) => m.id === id)?.label ?? '', 14.4),
        size.width,
        size.height,
        { half: 18, gap: 24 },
      ),
    [spread, size.width, size.height],
  );

  const choose = useCallback(
    (stopId: string) => {
      const vp = model.viewpoints[stopId];
      if (!vp || flight) return;
      if (reducedMotion) {
        onChoose(stopId);
        return;
      }
      // Fly from where the camera is to the stop's eye, looking along its heading.
      const from = new PerspectiveCamera();
      applyOrbit(from, orbitRef.current);
      const to = new PerspectiveCamera();
      // A few millimetres off the viewpoint: a vertex exactly in the camera's plane upsets software renderers.
      to.position.set(vp.position[0] + 0.1731, vp.eyeHeight + (vp.interior ? 12 : 0), vp.position[1] + 0.1293);
      const h = (worldHeading(vp, 0) * Math.PI) / 180;
      to.lookAt(to.position.x + Math.sin(h), to.position.y - (vp.interior ? 0.5 : 0.05), to.position.z - Math.cos(h));
      setFlight({ stopId, from: { position: from.position.clone(), quaternion: from.quaternion.clone() }, to: { position: to.position, quaternion: to.quaternion }, started: null });
    },
    [model, flight, reducedMotion, onChoose],
  );

  const onLanded = useCallback((stopId: string) => onChoose(stopId), [onChoose]);

  // The markers and buttons go while the camera flies: if focus went with them, the region holds
  // it meanwhile, and the stop's page takes it on arrival (never <body>, WCAG 2.4.3).
  useEffect(() => {
    if (flight && (document.activeElement === document.body || !document.activeElement)) containerRef.current?.focus({ preventScroll: true });
  }, [flight]);

  // Drag to turn and tilt (right button or two fingers to move), wheel or pinch to zoom.
  usePointerGestures(
    containerRef,
    {
      drag: (dx, dy, { button, shiftKey }) => {
        if (button === 2 || shiftKey) update((o) => panOrbit(o, (-dx * o.distance) / 900, (dy * o.distance) / 900));
        else update((o) => ({ ...o, heading: o.heading - dx * 0.3, elevation: o.elevation + dy * 0.2 }));
      },
      pinch: (ratio) => update((o) => ({ ...o, distance: o.distance * ratio })),
      wheel: (factor) => update((o) => ({ ...o, distance: o.distance * factor })),
    },
    { controls: 'button, a', noContextMenu: true },
  );

  const actions = useMemo(
    () => ({
      turnLeft: () => update((o) => ({ ...o, heading: o.heading - 20 })),
      turnRight: () => update((o) => ({ ...o, heading: o.heading + 20 })),
      tiltUp: () => update((o) => ({ ...o, elevation: o.elevation + 8 })),
      tiltDown: () => update((o) => ({ ...o, elevation: o.elevation - 8 })),
      zoomIn: () => update((o) => ({ ...o, distance: o.distance * 0.8 })),
      zoomOut: () => update((o) => ({ ...o, distance: o.distance * 1.25 })),
      moveForward: () => update((o) => panOrbit(o, 0, o.distance / 12)),
      moveBack: () => update((o) => panOrbit(o, 0, -o.distance / 12)),
      moveLeft: () => update((o) => panOrbit(o, -o.distance / 12, 0)),
      moveRight: () => update((o) => panOrbit(o, o.distance / 12, 0)),
      reset: () => setOrbit(initialOrbit(model, aspect)),
    }),
    [update, model, aspect],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.target !== e.currentTarget) return;
    const keys: Record<string, () => void> = {
      ArrowLeft: actions.turnLeft,
      ArrowRight: actions.turnRight,
      ArrowUp: actions.tiltUp,
      ArrowDown: actions.tiltDown,
      '+': actions.zoomIn,
      '=': actions.zoomIn,
      '-': actions.zoomOut,
      _: actions.zoomOut,
      Home: actions.reset,
      w: actions.moveForward,
      s: actions.moveBack,
      a: actions.moveLeft,
      d: actions.moveRight,
    };
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };

  const buttons: { key: keyof typeof actions; label: string; icon: ViewIconName }[] = [
    { key: 'turnLeft', label: labels.turnLeft, icon: 'left' },
    { key: 'turnRight', label: labels.turnRight, icon: 'right' },
    { key: 'tiltUp', label: labels.tiltUp, icon: 'up' },
    { key: 'tiltDown', label: labels.tiltDown, icon: 'down' },
    { key: 'zoomIn', label: labels.zoomIn, icon: 'zoomIn' },
    { key: 'zoomOut', label: labels.zoomOut, icon: 'zoomOut' },
    // Move: a four-way cross with the one arrowhead that says which way.
    { key: 'moveForward', label: labels.moveForward, icon: 'moveForward' },
    { key: 'moveBack', label: labels.moveBack, icon: 'moveBack' },
    { key: 'moveLeft', label: labels.moveLeft, icon: 'moveLeft' },
    { key: 'moveRight', label: labels.moveRight, icon: 'moveRight' },
    { key: 'reset', label: labels.reset, icon: 'reset' },
  ];

  return (
    <div
      ref={containerRef}
      className={`overview${flight ? ' is-flying' : ''}${ready ? ' is-ready' : ''}`}
      role="region"
      aria-label={labels.region}
      aria-describedby={instructionsId}
      aria-busy={!ready}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-ready={ready ? 'true' : 'false'}
    >
      <p id={instructionsId} className="visually-hidden">
        {labels.instructions}
      </p>
      <Canvas
        className="overview__canvas"
        frameloop="demand"
        shadows={{ type: PCFShadowMap }}
        dpr={canvas.dpr}
        gl={{ antialias: canvas.antialias, powerPreference: 'high-performance' }}
        camera={{ fov: OVERVIEW_FOV, near: 1, far: 12000 }}
        onCreated={({ gl }) => {
          gl.shadowMap.autoUpdate = false;
        }}
        aria-hidden="true"
      >
        <CampusContent model={model} light={light} onBuilt={onBuilt} />
        <CameraRig orbit={orbit} flight={flight} onLanded={onLanded} />
      </Canvas>
      {!ready && (
        <p className="overview__status" role="status">
          {labels.loading}
        </p>
      )}
      <p className="badge overview__badge">{labels.illustration}</p>
      {ready && !flight && (
        <ul className="overview__markers">
          {spread.map((m) => (
            <li key={m.id} className="overview__slot" style={{ transform: `translate(${m.x}px, ${m.y}px)` }}>
              <button
                type="button"
                className={`overview__marker${sides.get(m.id) === 'left' ? ' overview__marker--left' : ''}${sides.get(m.id) === 'none' ? '' : ' overview__marker--named'}`}
                data-stop-id={m.id}
                // The name starts with the number the marker shows (WCAG 2.5.3 label in name).
                aria-label={`${m.number} ${m.label}`}
                onClick={() => choose(m.id)}
              >
                <span className="overview__pin" aria-hidden="true">
                  <span>{m.number}</span>
                </span>
                <span className="overview__name" lang={m.lang}>
                  {m.label}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="view-controls" role="group" aria-label={labels.controls}>
        {buttons.map((b) => (
          <button key={b.key} type="button" className="view-button" aria-label={b.label} title={b.label} onClick={actions[b.key]} disabled={!!flight}>
            <ViewIcon name={b.icon} />
          </button>
        ))}
      </div>
      <div className="overview__fade" aria-hidden="true" />
    </div>
  );
}
