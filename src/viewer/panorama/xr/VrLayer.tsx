/**
 * The panorama in a VR headset, through three's own WebXR support (renderer.xr, which R3F drives:
 * while a session is on, the session's animation loop runs the canvas instead of render-on-demand,
 * and the canvas goes back to on-demand when it ends). This module is its own chunk, loaded only
 * when a visitor enters VR.
 *
 * What is drawn is the 2D viewer's own scene (PanoramaScene: the same cube, tile pyramid and
 * controller), kept centred on the head, with the tiles planned for where the headset looks, at the
 * level its eye buffers need. On top of it: the hotspots as targets, selected with a controller's
 * ray (its trigger) or by looking at one for two seconds (a ring fills meanwhile); the open info
 * panel as a card; and an "Exit VR" target below the line of sight.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import {
  BufferGeometry,
  CircleGeometry,
  DoubleSide,
  Float32BufferAttribute,
  Group,
  Line,
  LineBasicMaterial,
  Matrix4,
  Mesh,
  MeshBasicMaterial,
  Object3D,
  PlaneGeometry,
  Quaternion,
  Raycaster,
  RingGeometry,
  Vector3,
  type XRTargetRaySpace,
} from 'three';
import type { ViewerHotspot } from '../HotspotLayer';
import type { PanoramaController } from '../controller/PanoramaController';
import { drawPanel, drawTarget, TARGET_ASPECT, type TargetKind } from './vrCanvas';
import { angleBetween, dwellShown, lookOf, pointAt } from './vrMath';
import type { ViewerVr } from './vrTypes';

/** Looking at a target this long selects it. */
export const DWELL_SECONDS = 2;
/** Targets float this far away (metres): beyond arm's reach, so a ray points rather than pokes. */
const TARGET_DISTANCE = 3;
const TARGET_WIDTH = 1;
/** The round mark's centre sits this far above the middle of a target's picture (see drawTarget). */
const MARK_OFFSET = (TARGET_WIDTH / TARGET_ASPECT) * (48 / 256);
/** The part of a target that a ray or a gaze hits: a disc around the mark (about 4° across at 3 m). */
const HIT_RADIUS = 0.2;
const PANEL_DISTANCE = 2.4;
const PANEL_WIDTH = 1.5;
/** The exit target: below the line of sight, where one looks on purpose. */
const EXIT_PITCH = -50;
/** Tiles are planned for a wider view than an eye sees, so turning the head finds them already there. */
const PLAN_FOV = 110;
/** The plan is redone when the head has turned this far (degrees). */
const REPLAN_ANGLE = 4;
/** Eye buffers larger than this are planned as this: the tile level a headset's memory can hold. */
const MAX_EYE_PIXELS = 2048;
const UP = new Vector3(0, 1, 0);
const ORIGIN = new Vector3();

interface Target {
  id: string;
  kind: TargetKind;
  yaw: number;
  pitch: number;
  caption: string;
  lines: string[];
  root: Group;
  hit: Mesh;
  dispose(): void;
}

/** Turns an object at `position` (in its parent's frame) to face the parent's origin. */
function faceOrigin(object: Object3D, position: readonly [number, number, number]) {
  object.position.set(...position);
  object.quaternion.setFromRotationMatrix(new Matrix4().lookAt(ORIGIN, object.position, UP));
}

function makeTarget(id: string, kind: TargetKind, caption: string): Target {
  const picture = drawTarget(kind, caption);
  const root = new Group();
  const material = new MeshBasicMaterial({ map: picture.texture, transparent: true, depthTest: false, depthWrite: false, toneMapped: false, side: DoubleSide });
  const plane = new Mesh(new PlaneGeometry(TARGET_WIDTH, TARGET_WIDTH / TARGET_ASPECT), material);
  plane.position.y = -MARK_OFFSET;
  plane.renderOrder = 10;
  plane.raycast = () => {};
  const hitMaterial = new MeshBasicMaterial({ visible: false });
  const hit = new Mesh(new CircleGeometry(HIT_RADIUS, 24), hitMaterial);
  hit.userData.targetId = id;
  root.add(plane, hit);
  return {
    id,
    kind,
    yaw: 0,
    pitch: 0,
    caption,
    lines: picture.lines,
    root,
    hit,
    dispose() {
      plane.geometry.dispose();
      material.dispose();
      picture.texture.dispose();
      hit.geometry.dispose();
      hitMaterial.dispose();
    },
  };
}

function place(target: Target, yaw: number, pitch: number, distance = TARGET_DISTANCE) {
  target.yaw = yaw;
  target.pitch = pitch;
  faceOrigin(target.root, pointAt(yaw, pitch, distance));
}

/** A controller's pointing ray, drawn so the visitor sees what it points at. */
function rayLine(): Line {
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new Float32BufferAttribute([0, 0, 0, 0, 0, -TARGET_DISTANCE], 3));
  const line = new Line(geometry, new LineBasicMaterial({ color: 0xffffff, depthTest: false, transparent: true, opacity: 0.8 }));
  line.renderOrder = 30;
  return line;
}

/** What the browser tests read of the VR scene (builds with VITE_TEST_HOOKS=1 only). */
export interface VrSceneState {
  presenting: boolean;
  targets: { id: string; kind: TargetKind; yaw: number; pitch: number; caption: string }[];
  panel: { id: string; lines: string[]; yaw: number; pitch: number } | null;
  dwell: { id: string; progress: number } | null;
  look: { yaw: number; pitch: number } | null;
}
declare global {
  interface Window {
    __vrScene?: VrSceneState;
  }
}
const testHooks = import.meta.env.VITE_TEST_HOOKS === '1';

type Look = { yaw: number; pitch: number };

/**
 * One record per session, outside React: its last look and whom to tell when it ends. The end is
 * heard once, by a listener that no re-render or remount of the layer can take away, and it
 * reports the look of the last frame whichever instance drew it.
 */
interface SessionWatch {
  look: Look | null;
  vr: ViewerVr;
  onEnded(): void;
}
const watched = new WeakMap<XRSession, SessionWatch>();

function watch(session: XRSession, vr: ViewerVr, onEnded: () => void): SessionWatch {
  const known = watched.get(session);
  if (known) {
    known.vr = vr;
    known.onEnded = onEnded;
    return known;
  }
  const entry: SessionWatch = { look: null, vr, onEnded };
  watched.set(session, entry);
  session.addEventListener(
    'end',
    () => {
      entry.onEnded();
      entry.vr.onEnded(entry.look);
    },
    { once: true },
  );
  return entry;
}

interface VrLayerProps {
  vr: ViewerVr;
  controller: PanoramaController;
  /** The panorama's group (PanoramaScene): kept centred on the head. */
  panorama: Group;
  hotspots: readonly ViewerHotspot[];
  activeHotspotId: string | null;
  onHotspotActivate(id: string): void;
  reducedMotion: boolean;
  /** The session is over: the 2D camera takes over again. */
  onEnded(): void;
}

export default function VrLayer({ vr, controller, panorama, hotspots, activeHotspotId, onHotspotActivate, reducedMotion, onEnded }: VrLayerProps) {
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const root = useMemo(() => new Group(), []);
  const { session } = vr;

  // Event handlers live as long as the session: they read the latest props from here.
  const latest = useRef({ activeHotspotId, onHotspotActivate, reducedMotion });
  latest.current = { activeHotspotId, onHotspotActivate, reducedMotion };
  const targets = useRef(new Map<string, Target>());
  const state = useRef<VrSceneState>({ presenting: false, targets: [], panel: null, dwell: null, look: null });
  if (testHooks) window.__vrScene = state.current;
  // Registered in render, once per session (watch() is idempotent): the end must be heard even if
  // it comes before this layer's effects have run.
  const sessionWatch = watch(session, vr, () => {
    state.current.presenting = false;
    panorama.position.set(0, 0, 0);
    root.visible = false;
    onEnded();
  });

  const activate = (id: string) => {
    const { activeHotspotId: open, onHotspotActivate: act } = latest.current;
    if (id === '@exit') void session.end().catch(() => {});
    else if (id === '@close') {
      if (open) act(open);
    } else act(id);
  };
  const activateRef = useRef(activate);
  activateRef.current = activate;

  // The session: the renderer takes it, controllers point, and its end hands back the view.
  useEffect(() => {
    const xr = gl.xr;
    // 'local': the origin is where the head starts, and the panorama is kept around the head.
    xr.setReferenceSpaceType('local');
    const controllers: XRTargetRaySpace[] = [];
    const raycaster = new Raycaster();
    const onSelect = (event: { target: XRTargetRaySpace }) => {
      raycaster.setFromXRController(event.target);
      const hits = raycaster.intersectObjects(
        [...targets.current.values()].map((t) => t.hit),
        false,
      );
      const id = hits[0]?.object.userData.targetId as string | undefined;
      if (id) activateRef.current(id);
    };
    for (const index of [0, 1]) {
      const c = xr.getController(index);
      c.add(rayLine());
      c.addEventListener('select', onSelect);
      scene.add(c);
      controllers.push(c);
    }
    if (xr.getSession() !== session) {
      xr.setSession(session).then(
        () => {
          state.current.presenting = true;
        },
        () => void session.end().catch(() => {}),
      );
    }
    return () => {
      for (const c of controllers) {
        c.removeEventListener('select', onSelect);
        for (const child of [...c.children]) {
          c.remove(child);
          if (child instanceof Line) {
            child.geometry.dispose();
            (child.material as LineBasicMaterial).dispose();
          }
        }
        scene.remove(c);
      }
    };
  }, [gl, scene, session, panorama, root]);

  // One target per hotspot, and the exit target.
  useEffect(() => {
    const made = targets.current;
    for (const h of hotspots) {
      const t = makeTarget(h.id, h.kind, h.caption);
      place(t, h.yaw, h.pitch);
      made.set(h.id, t);
      root.add(t.root);
    }
    const exit = makeTarget('@exit', 'exit', vr.labels.exit);
    place(exit, 0, EXIT_PITCH, TARGET_DISTANCE * 0.8);
    made.set(exit.id, exit);
    root.add(exit.root);
    return () => {
      for (const [id, t] of made) {
        if (id === '@close') continue;
        root.remove(t.root);
        t.dispose();
        made.delete(id);
      }
    };
  }, [hotspots, root, vr.labels.exit]);

  // The open info panel, in front of its hotspot and a little below it, with a close target.
  const panelText = activeHotspotId ? vr.panels[activeHotspotId] : undefined;
  const panelAt = hotspots.find((h) => h.id === activeHotspotId);
  useEffect(() => {
    const shown = state.current;
    const made = targets.current;
    if (!panelText || !panelAt || !activeHotspotId) {
      shown.panel = null;
      return;
    }
    const drawn = drawPanel(panelText.title, panelText.paragraphs);
    const material = new MeshBasicMaterial({ map: drawn.texture, transparent: true, depthTest: false, depthWrite: false, toneMapped: false, side: DoubleSide });
    const height = PANEL_WIDTH / drawn.aspect;
    const card = new Mesh(new PlaneGeometry(PANEL_WIDTH, height), material);
    card.renderOrder = 20;
    card.raycast = () => {};
    const holder = new Group();
    const yaw = panelAt.yaw;
    const pitch = Math.max(-60, Math.min(60, panelAt.pitch - 8));
    faceOrigin(holder, pointAt(yaw, pitch, PANEL_DISTANCE));
    // The card hangs from just below the hotspot, so the hotspot stays in sight above it.
    card.position.y = -height / 2 + 0.25;
    holder.add(card);
    root.add(holder);
    const close = makeTarget('@close', 'close', vr.labels.close);
    close.root.position.set(PANEL_WIDTH / 2 + 0.3, 0.1, 0);
    close.yaw = yaw;
    close.pitch = pitch;
    holder.add(close.root);
    made.set('@close', close);
    shown.panel = { id: activeHotspotId, lines: drawn.lines, yaw, pitch };
    return () => {
      root.remove(holder);
      card.geometry.dispose();
      material.dispose();
      drawn.texture.dispose();
      close.dispose();
      made.delete('@close');
      shown.panel = null;
    };
  }, [panelText, panelAt, activeHotspotId, root, vr.labels.close]);

  // The dwell ring, drawn around the mark being looked at.
  const ring = useMemo(() => {
    const mesh = new Mesh(new BufferGeometry(), new MeshBasicMaterial({ color: 0xffffff, depthTest: false, depthWrite: false, side: DoubleSide, transparent: true }));
    mesh.renderOrder = 25;
    return mesh;
  }, []);
  useEffect(
    () => () => {
      ring.geometry.dispose();
      (ring.material as MeshBasicMaterial).dispose();
    },
    [ring],
  );

  const frame = useRef({
    gaze: { id: null as string | null, seconds: 0, done: false },
    ringShown: -1,
    planned: null as { yaw: number; pitch: number } | null,
    head: new Vector3(),
    dir: new Vector3(),
    quaternion: new Quaternion(),
    raycaster: new Raycaster(),
    hovered: new Set<string>(),
  });

  // Runs before PanoramaScene renders (priority 1): only while the headset presents.
  useFrame((_, delta, xrFrame?: XRFrame) => {
    if (!gl.xr.isPresenting) return;
    const f = frame.current;
    // The head as this frame's pose has it (three's XR camera holds the last frame's); a frame
    // without a pose (tracking lost) keeps the last one.
    const space = gl.xr.getReferenceSpace();
    const pose = xrFrame && space ? xrFrame.getViewerPose(space) : undefined;
    if (pose) {
      const { position: p, orientation: q } = pose.transform;
      f.head.set(p.x, p.y, p.z);
      f.dir.set(0, 0, -1).applyQuaternion(f.quaternion.set(q.x, q.y, q.z, q.w));
    } else if (!sessionWatch.look) {
      return;
    }
    panorama.position.copy(f.head);
    root.position.copy(f.head);
    root.visible = true;
    const now = lookOf(f.dir.x, f.dir.y, f.dir.z);
    sessionWatch.look = now;
    state.current.look = now;
    state.current.presenting = true;

    // Tiles where the headset looks, at the level its eye buffers show.
    if (!f.planned || angleBetween(f.planned, now) > REPLAN_ANGLE) {
      f.planned = now;
      const layer = session.renderState.baseLayer;
      const eyeWidth = Math.min(MAX_EYE_PIXELS, layer ? layer.framebufferWidth / 2 : 1024);
      const eyeHeight = Math.min(MAX_EYE_PIXELS, layer ? layer.framebufferHeight : 1024);
      controller.setView({ yaw: now.yaw, pitch: Math.max(-90, Math.min(90, now.pitch)), fov: PLAN_FOV }, eyeWidth, eyeHeight, 1);
    }

    // The exit target stays below wherever the visitor faces.
    const exit = targets.current.get('@exit');
    if (exit && Math.abs(exit.yaw - now.yaw) > 0.5) place(exit, now.yaw, EXIT_PITCH, TARGET_DISTANCE * 0.8);

    // What the gaze and the rays point at: highlighted (larger); the gaze's target fills its ring.
    const hitsOf = (origin: Vector3, direction: Vector3) => {
      f.raycaster.set(origin, direction);
      return f.raycaster.intersectObjects(
        [...targets.current.values()].map((t) => t.hit),
        false,
      )[0]?.object.userData.targetId as string | undefined;
    };
    const gazed = hitsOf(f.head, f.dir);
    const hovered = new Set<string>(gazed ? [gazed] : []);
    for (const index of [0, 1]) {
      const c = gl.xr.getController(index);
      if (!c.visible) continue;
      f.raycaster.setFromXRController(c);
      const id = f.raycaster.intersectObjects(
        [...targets.current.values()].map((t) => t.hit),
        false,
      )[0]?.object.userData.targetId as string | undefined;
      if (id) hovered.add(id);
    }
    for (const [id, t] of targets.current) t.root.scale.setScalar(hovered.has(id) ? 1.2 : 1);

    const g = f.gaze;
    if (gazed !== g.id) {
      g.id = gazed ?? null;
      g.seconds = 0;
      g.done = false;
    } else if (gazed && !g.done) {
      // A long stall (a slow frame) counts as at most a quarter second: the ring is seen to fill.
      g.seconds += Math.min(delta, 0.25);
      if (g.seconds >= DWELL_SECONDS) {
        g.done = true;
        activateRef.current(gazed);
      }
    }
    const target = g.id && !g.done ? targets.current.get(g.id) : undefined;
    const progress = target ? dwellShown(g.seconds / DWELL_SECONDS, latest.current.reducedMotion) : 0;
    state.current.dwell = target ? { id: target.id, progress } : null;
    if (target && progress > 0) {
      if (ring.parent !== target.root) target.root.add(ring);
      const step = Math.round(progress * 64);
      if (step !== f.ringShown) {
        f.ringShown = step;
        ring.geometry.dispose();
        const length = (step / 64) * Math.PI * 2;
        ring.geometry = new RingGeometry(HIT_RADIUS * 0.85, HIT_RADIUS, 48, 1, Math.PI / 2 - length, length);
      }
      ring.position.z = 0.01;
      ring.visible = true;
    } else {
      ring.visible = false;
      f.ringShown = -1;
    }
    if (testHooks) {
      // Where each target is seen from the head (world matrices are the last frame's: close enough).
      state.current.targets = [...targets.current.values()].map((t) => {
        const at = t.hit.getWorldPosition(new Vector3()).sub(f.head);
        return { id: t.id, kind: t.kind, ...lookOf(at.x, at.y, at.z), caption: t.lines.join(' ') };
      });
    }
  }, 0);

  return <primitive object={root} />;
}
