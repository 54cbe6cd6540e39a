/**
 * What the viewer shows and fetches, kept apart from React and three.js so the page can start
 * fetching (manifest, preview, the tiles the view needs) before the 3D chunk has arrived.
 *
 * Each change (scene, view, screen, an image arriving) recomputes the plan: the level that matches
 * the screen, the tiles of it in view (nearest the centre first), and for each the best image at
 * hand. The loader is told what is missing; the renderer draws the plan and reports back, which
 * is what `level` says ("preview" = something is on screen, "full" = all at the matching level).
 * When the visitor is idle and the view is complete, the previews of the linked stops are fetched,
 * so following a link shows the next stop at once.
 */
import type { View } from '../../../content/schema';
import { fetchImage, fetchJson, type DecodedImage } from '../loading/fetchImage';
import { parseManifest, tileUrl, type TileManifest } from '../format/manifest';
import { PREVIEW_LEVEL, planDraw, selectLevel, tileKey, visibleTiles, type DrawItem, type TileId, type TilePyramid } from '../format/pyramid';
import { TileCache } from '../loading/TileCache';
import { TileLoader, type LoadRequest } from '../loading/TileLoader';

/** A panorama to show or preload: its tile manifest and its preview. */
export interface PanoramaSourceRef {
  src: string;
  previewSrc?: string | undefined;
}

/** What the GPU side keeps with a cached image; disposed with it. */
export interface GpuHandle {
  dispose(): void;
}

export interface CachedImage {
  decoded: DecodedImage;
  /** Set by the renderer once the image is a texture. */
  gpu: GpuHandle | null;
  /** For previews: the image as a URL the page can show without WebGL. */
  objectUrl: string | null;
}

export type ShownLevel = 'none' | 'preview' | 'full';

export interface ViewerSnapshot {
  /** What is on screen for the current panorama. */
  level: ShownLevel;
  /** Something can be drawn now: no need to cover the view. */
  canShow: boolean;
  /** Neither the preview nor any tile could be fetched, even after retrying. */
  failed: boolean;
  /** The current preview as a URL, while the 3D view has not drawn anything yet. */
  previewUrl: string | null;
}

export interface Plan {
  src: string;
  pyramid: TilePyramid | null;
  items: DrawItem[];
  complete: boolean;
  /** Grows with every new plan. */
  version: number;
}

export interface ControllerOptions {
  maxBytes: number;
  loader?: TileLoader;
  fetchImage?: (url: string, signal: AbortSignal) => Promise<DecodedImage>;
  fetchJson?: (url: string, signal: AbortSignal) => Promise<unknown>;
  /** Quiet time before linked stops are preloaded, ms. */
  idleMs?: number;
}

/** Failures in a row after which a panorama counts as failed (it is still retried in the background). */
const FAILED_AFTER = 2;

const bytesOf = (d: DecodedImage) => d.width * d.height * 4;

function closeImage(image: DecodedImage['image']) {
  if ('close' in image) image.close();
}

export class PanoramaController {
  readonly cache: TileCache<CachedImage>;
  readonly loader: TileLoader;
  private readonly fetchImage: NonNullable<ControllerOptions['fetchImage']>;
  private readonly fetchJson: NonNullable<ControllerOptions['fetchJson']>;
  private readonly idleMs: number;
  private readonly manifests = new Map<string, TileManifest>();
  private readonly listeners = new Set<() => void>();
  private readonly planListeners = new Set<() => void>();
  private scene: PanoramaSourceRef = { src: '' };
  private view: View = { yaw: 0, pitch: 0, fov: 90 };
  private screen = { width: 0, height: 0, pixelRatio: 1 };
  private preload: readonly PanoramaSourceRef[] = [];
  private idle = false;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private drawn: { src: string; count: number; complete: boolean } | null = null;
  private rendererReady = false;
  private cssShownFor: string | null = null;
  private snapshot: ViewerSnapshot = { level: 'none', canShow: false, failed: false, previewUrl: null };
  private disposed = false;
  plan: Plan = { src: '', pyramid: null, items: [], complete: false, version: 0 };
  private planSignature = '';

  constructor(options: ControllerOptions) {
    this.cache = new TileCache<CachedImage>({
      maxBytes: options.maxBytes,
      dispose: (value) => {
        value.gpu?.dispose();
        closeImage(value.decoded.image);
        if (value.objectUrl) URL.revokeObjectURL(value.objectUrl);
      },
    });
    this.loader = options.loader ?? new TileLoader();
    this.fetchImage = options.fetchImage ?? fetchImage;
    this.fetchJson = options.fetchJson ?? fetchJson;
    this.idleMs = options.idleMs ?? 1000;
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getSnapshot = () => this.snapshot;

  /** Calls `listener` when what is to be drawn changes (not when something merely loads in the background). */
  onPlan(listener: () => void): () => void {
    this.planListeners.add(listener);
    return () => {
      this.planListeners.delete(listener);
    };
  }

  setScene(scene: PanoramaSourceRef): void {
    if (scene.src === this.scene.src && scene.previewSrc === this.scene.previewSrc) return;
    this.scene = scene;
    this.cssShownFor = null;
    this.interact();
  }

  setView(view: View, width: number, height: number, pixelRatio: number): void {
    const s = this.screen;
    if (view === this.view && width === s.width && height === s.height && pixelRatio === s.pixelRatio) return;
    this.view = view;
    this.screen = { width, height, pixelRatio };
    this.interact();
  }

  setPreload(preload: readonly PanoramaSourceRef[]): void {
    this.preload = preload;
    this.refresh();
  }

  /** The visitor did something: preloading waits until they have been still for a moment. */
  interact(): void {
    this.idle = false;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      this.idle = true;
      this.refresh();
    }, this.idleMs);
    this.refresh();
  }

  /** The visitor asked to try again: failed requests go out at once. */
  retry(): void {
    this.loader.resetFailures();
    this.refresh();
  }

  /** The cache key of a plan's source image for the current scene. */
  keyOf(source: TileId, scene: PanoramaSourceRef = this.scene): string {
    return source.level === PREVIEW_LEVEL ? `${scene.previewSrc ?? scene.src}#preview` : `${scene.src}#${tileKey(source)}`;
  }

  /** A cached image, marked as just used. */
  image(source: TileId): CachedImage | undefined {
    return this.cache.get(this.keyOf(source));
  }

  /** The renderer drew `plan`. */
  reportDrawn(plan: Plan): void {
    const wasFull = this.drawn?.src === plan.src && this.drawn.complete;
    this.rendererReady = true;
    this.drawn = { src: plan.src, count: plan.items.length, complete: plan.complete && plan.version === this.plan.version };
    this.updateSnapshot();
    // Full at last: preloading may start (refresh decides whether the visitor is idle).
    if (this.drawn.complete && !wasFull && this.idle) queueMicrotask(() => this.refresh());
  }

  /** The page shows the preview of `src` without WebGL (see PreviewCube). */
  reportPreviewShown(src: string): void {
    this.cssShownFor = src;
    this.updateSnapshot();
  }

  /** Figures for tests and the benchmark. */
  stats() {
    return { cacheBytes: this.cache.bytes, cacheEntries: this.cache.size, maxBytes: this.cache.maxBytes, ...this.loader.stats };
  }

  dispose(): void {
    this.disposed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.loader.dispose();
    this.cache.clear();
    this.listeners.clear();
    this.planListeners.clear();
  }

  private pyramidOf(scene: PanoramaSourceRef): TilePyramid | null {
    const manifest = this.manifests.get(scene.src);
    if (manifest) return manifest;
    // Without the manifest (yet), the preview alone can be shown: its faces are a third of its width.
    const preview = this.cache.peek(this.keyOf({ face: 'f', level: PREVIEW_LEVEL, row: 0, col: 0 }, scene));
    return preview ? { tileSize: 1, levels: [], previewFaceSize: Math.round(preview.decoded.width / 3) } : null;
  }

  private manifestRequest(scene: PanoramaSourceRef): LoadRequest {
    return {
      key: `${scene.src}#manifest`,
      load: async (signal) => parseManifest(await this.fetchJson(scene.src, signal)),
      onLoad: (manifest) => {
        this.manifests.set(scene.src, manifest as TileManifest);
        this.refresh();
      },
      onError: () => this.refresh(),
    };
  }

  private imageRequest(key: string, url: string, keepUrl = false): LoadRequest {
    return {
      key,
      load: (signal) => this.fetchImage(url, signal),
      onLoad: (value) => {
        const decoded = value as DecodedImage;
        const objectUrl = keepUrl && decoded.blob && typeof URL.createObjectURL === 'function' ? URL.createObjectURL(decoded.blob) : null;
        delete decoded.blob; // the decoded pixels are what is kept
        this.cache.set(key, { decoded, gpu: null, objectUrl }, bytesOf(decoded));
        this.refresh();
      },
      onError: () => this.refresh(),
    };
  }

  private previewRequest(scene: PanoramaSourceRef): LoadRequest | null {
    if (!scene.previewSrc) return null;
    const key = this.keyOf({ face: 'f', level: PREVIEW_LEVEL, row: 0, col: 0 }, scene);
    return this.cache.has(key) ? null : this.imageRequest(key, scene.previewSrc, true);
  }

  /** Recomputes the plan and what to fetch, and tells listeners. */
  refresh(): void {
    if (this.disposed || !this.scene.src) return;
    const scene = this.scene;
    const { width, height, pixelRatio } = this.screen;
    const manifest = this.manifests.get(scene.src);
    const pyramid = this.pyramidOf(scene);
    const requests: LoadRequest[] = [];
    const preview = this.previewRequest(scene);
    if (preview) requests.push(preview);
    if (!manifest) requests.push(this.manifestRequest(scene));

    let items: DrawItem[] = [];
    let complete = false;
    let areas: TileId[] = [];
    if (pyramid && width > 0 && height > 0) {
      const level = manifest ? selectLevel(pyramid, this.view, width, height, pixelRatio) : PREVIEW_LEVEL;
      areas = visibleTiles(pyramid, level, this.view, width, height);
      ({ items, complete } = planDraw(pyramid, areas, (t) => this.cache.has(this.keyOf(t))));
      if (!manifest) complete = false;
      if (manifest) {
        for (const area of areas) {
          const key = this.keyOf(area);
          if (area.level >= 0 && !this.cache.has(key)) requests.push(this.imageRequest(key, tileUrl(scene.src, manifest, area)));
        }
      }
    }

    // Linked stops, when the visitor is still and this view is on screen in full: their previews and
    // manifests. Not before: on a slow network they would hold up what the visitor is looking at.
    const shownInFull = this.drawn?.src === scene.src && this.drawn.complete;
    const pins = [this.keyOf({ face: 'f', level: PREVIEW_LEVEL, row: 0, col: 0 })];
    for (const next of this.preload) {
      if (next.src === scene.src) continue;
      pins.push(this.keyOf({ face: 'f', level: PREVIEW_LEVEL, row: 0, col: 0 }, next));
      if (!this.idle || !complete || !shownInFull) continue;
      const p = this.previewRequest(next);
      if (p) requests.push(p);
      if (!this.manifests.has(next.src)) requests.push(this.manifestRequest(next));
    }
    this.cache.pin(pins);
    this.cache.use(items.map((item) => this.keyOf(item.source)));
    this.loader.want(requests);

    const signature = `${scene.src}|${pyramid ? JSON.stringify(pyramid) : ''}|${items.map((i) => `${tileKey(i.area)}>${tileKey(i.source)}`).join(',')}`;
    const changed = signature !== this.planSignature;
    if (changed) {
      this.planSignature = signature;
      this.plan = { src: scene.src, pyramid, items, complete, version: this.plan.version + 1 };
      // Until the renderer draws this plan, the screen is no better than it says.
      if (this.drawn && !complete) this.drawn = { ...this.drawn, complete: false };
    }
    this.updateSnapshot(areas);
    if (changed) for (const listener of this.planListeners) listener();
  }

  private failedNow(areas: readonly TileId[]): boolean {
    if (this.plan.items.length > 0) return false;
    const scene = this.scene;
    const previewKey = this.keyOf({ face: 'f', level: PREVIEW_LEVEL, row: 0, col: 0 });
    const previewFailed = !scene.previewSrc || this.loader.failuresOf(previewKey) >= FAILED_AFTER;
    const manifestFailed = this.loader.failuresOf(`${scene.src}#manifest`) >= FAILED_AFTER;
    const tilesFailed = areas.length > 0 && areas.every((t) => this.loader.failuresOf(this.keyOf(t)) >= FAILED_AFTER);
    return previewFailed && (manifestFailed || tilesFailed);
  }

  private lastAreas: readonly TileId[] = [];

  private updateSnapshot(areas: readonly TileId[] = this.lastAreas): void {
    this.lastAreas = areas;
    const src = this.scene.src;
    const previewEntry = this.cache.peek(this.keyOf({ face: 'f', level: PREVIEW_LEVEL, row: 0, col: 0 }));
    const drawn = this.drawn?.src === src ? this.drawn : null;
    let level: ShownLevel = 'none';
    if (drawn && drawn.count > 0) level = drawn.complete ? 'full' : 'preview';
    else if (!this.rendererReady && this.cssShownFor === src) level = 'preview';
    const next: ViewerSnapshot = {
      level,
      canShow: this.plan.items.length > 0,
      failed: this.failedNow(areas),
      previewUrl: this.rendererReady ? null : (previewEntry?.objectUrl ?? null),
    };
    const s = this.snapshot;
    if (s.level !== next.level || s.canShow !== next.canShow || s.failed !== next.failed || s.previewUrl !== next.previewUrl) {
      this.snapshot = next;
      for (const listener of this.listeners) listener();
    }
  }
}
