// @vitest-environment node
/**
 * The panorama controller as the viewer drives it: what it asks the network for, what it plans to
 * draw and what it says is on screen, from nothing to the preview, the tiles of the screen's
 * level and the view in full; how it retries what failed; what a view change in the middle of a
 * load does. The network is a fake whose answers each test gives by hand; timers are fake.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DecodedImage } from '../../../src/viewer/panorama/loading/fetchImage';
import { PanoramaController, type PanoramaSourceRef } from '../../../src/viewer/panorama/controller/PanoramaController';
import { TileLoader } from '../../../src/viewer/panorama/loading/TileLoader';
import type { TileManifest } from '../../../src/viewer/panorama/format/manifest';

/** A request the test answers: resolve or fail it, and see whether the controller gave up on it. */
interface Pending {
  url: string;
  signal: AbortSignal;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** Every fetch the controller makes, in order, held until the test answers it. */
class FakeNetwork {
  readonly requests: Pending[] = [];
  readonly closed: string[] = [];

  private hold = (url: string, signal: AbortSignal) =>
    new Promise<unknown>((resolve, reject) => {
      signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      this.requests.push({ url, signal, resolve, reject });
    });

  fetchJson = (url: string, signal: AbortSignal) => this.hold(url, signal);
  fetchImage = (url: string, signal: AbortSignal) => this.hold(url, signal) as Promise<DecodedImage>;

  /** URLs asked for and still waiting for an answer (not aborted). */
  open(): string[] {
    return this.requests.filter((r) => !r.signal.aborted && !this.answered.has(r)).map((r) => r.url);
  }

  private readonly answered = new Set<Pending>();

  private latest(url: string): Pending {
    const request = this.requests.findLast((r) => r.url === url && !this.answered.has(r));
    if (!request) throw new Error(`nobody asked for ${url}; open: ${this.open().join(', ')}`);
    this.answered.add(request);
    return request;
  }

  /** Answers the latest open request for `url` with a decoded image of that size. */
  image(url: string, width: number, height: number) {
    const image = { close: () => this.closed.push(url) } as unknown as ImageBitmap;
    this.latest(url).resolve({ image, width, height } satisfies DecodedImage);
  }

  json(url: string, value: unknown) {
    this.latest(url).resolve(value);
  }

  fail(url: string) {
    this.latest(url).reject(new Error(`${url}: HTTP 503`));
  }
}

const MANIFEST: TileManifest = { version: 1, type: 'cube', hash: 'h1', master: { width: 4096, height: 2048 }, tileSize: 512, levels: [512, 1024], previewFaceSize: 256 };
const scene: PanoramaSourceRef = { src: '/generated/pano/a/tiles.json', previewSrc: '/generated/preview/a.jpg' };
const linked: PanoramaSourceRef = { src: '/generated/pano/b/tiles.json', previewSrc: '/generated/preview/b.jpg' };
/** 90° on an 800 × 600 screen needs an 800 px face: level 1 (1024), whose front face is 2 × 2 tiles of 512. */
const FRONT = { yaw: 0, pitch: 0, fov: 90 };
const BACK = { yaw: 180, pitch: 0, fov: 90 };
const tile = (face: string, row: number, col: number, src = scene.src) => `${src.replace('tiles.json', '')}1024/${face}${row}_${col}.jpg?v=h1`;
const FRONT_TILES = [tile('f', 0, 0), tile('f', 0, 1), tile('f', 1, 0), tile('f', 1, 1)];
const BACK_TILES = [tile('b', 0, 0), tile('b', 0, 1), tile('b', 1, 0), tile('b', 1, 1)];

let net: FakeNetwork;
let controller: PanoramaController;
let changes: number;

/** Lets the answers given so far reach the controller. */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
  net = new FakeNetwork();
  const loader = new TileLoader({ concurrency: 8, retryDelays: [100, 400], now: () => Date.now() });
  controller = new PanoramaController({ maxBytes: 64 * 1024 * 1024, loader, fetchImage: net.fetchImage, fetchJson: net.fetchJson, idleMs: 500 });
  changes = 0;
  controller.subscribe(() => (changes += 1));
});
afterEach(() => {
  controller.dispose();
  vi.useRealTimers();
});

/** Opens `scene` at `view` and brings it to the preview on screen. */
async function toPreview(view = FRONT) {
  controller.setScene(scene);
  controller.setView(view, 800, 600, 1);
  net.image(scene.previewSrc!, 768, 512);
  await settle();
  controller.reportDrawn(controller.plan);
}

const sources = () => controller.plan.items.map((item) => item.source.level);

describe('the panorama controller', () => {
  it('goes from nothing to the preview to the tiles of the screen’s level to full, and says so at each step', async () => {
    controller.setScene(scene);
    controller.setView(FRONT, 800, 600, 1);
    // First the preview and the manifest, at once; nothing to draw yet.
    expect(net.open()).toEqual([scene.previewSrc, scene.src]);
    expect(controller.getSnapshot()).toEqual({ level: 'none', canShow: false, failed: false, previewUrl: null });

    // The preview alone can be drawn: every area of the view from it.
    net.image(scene.previewSrc!, 768, 512);
    await settle();
    expect(controller.getSnapshot()).toMatchObject({ level: 'none', canShow: true });
    expect(controller.plan.items.length).toBeGreaterThan(0);
    expect(new Set(sources())).toEqual(new Set([-1]));
    // "preview" once the renderer has drawn it, not before.
    controller.reportDrawn(controller.plan);
    expect(controller.getSnapshot().level).toBe('preview');

    // The manifest: the tiles of the level that matches the screen, and only those in view.
    net.json(scene.src, MANIFEST);
    await settle();
    expect(net.open().sort()).toEqual([...FRONT_TILES].sort());
    expect(controller.plan.items.map((i) => i.area.level)).toEqual([1, 1, 1, 1]);
    expect(controller.plan.complete).toBe(false);

    // Three of four tiles: still the preview under the fourth, not full.
    for (const url of FRONT_TILES.slice(0, 3)) net.image(url, 512, 512);
    await settle();
    expect(sources().sort()).toEqual([-1, 1, 1, 1]);
    controller.reportDrawn(controller.plan);
    expect(controller.getSnapshot().level).toBe('preview');

    // The last one: complete, and "full" once drawn.
    net.image(FRONT_TILES[3]!, 512, 512);
    await settle();
    expect(controller.plan.complete).toBe(true);
    expect(controller.getSnapshot().level).toBe('preview');
    controller.reportDrawn(controller.plan);
    expect(controller.getSnapshot().level).toBe('full');
    expect(net.open()).toEqual([]);
  });

  it('asks for a tile that failed again after a pause, and shows it when it comes', async () => {
    await toPreview();
    net.json(scene.src, MANIFEST);
    await settle();
    for (const url of FRONT_TILES.slice(1)) net.image(url, 512, 512);
    net.fail(FRONT_TILES[0]!);
    await settle();
    expect(net.open()).toEqual([]);
    expect(controller.getSnapshot().failed).toBe(false); // the view has something to show
    // Not at once: after the first retry delay.
    await vi.advanceTimersByTimeAsync(99);
    expect(net.open()).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(net.open()).toEqual([FRONT_TILES[0]]);
    // A second failure waits longer.
    net.fail(FRONT_TILES[0]!);
    await vi.advanceTimersByTimeAsync(399);
    expect(net.open()).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    net.image(FRONT_TILES[0]!, 512, 512);
    await settle();
    controller.reportDrawn(controller.plan);
    expect(controller.getSnapshot().level).toBe('full');
  });

  it('says it failed when neither the preview nor the manifest comes twice, and tries again at once when asked', async () => {
    controller.setScene(scene);
    controller.setView(FRONT, 800, 600, 1);
    net.fail(scene.previewSrc!);
    net.fail(scene.src);
    await settle();
    expect(controller.getSnapshot().failed).toBe(false); // one failure is not enough to say so
    await vi.advanceTimersByTimeAsync(100);
    net.fail(scene.previewSrc!);
    net.fail(scene.src);
    await settle();
    expect(controller.getSnapshot()).toMatchObject({ failed: true, canShow: false, level: 'none' });

    // The visitor presses "Try again": both go out now, not after the 400 ms back-off.
    controller.retry();
    expect(net.open().sort()).toEqual([scene.previewSrc, scene.src].sort());
    net.image(scene.previewSrc!, 768, 512);
    await settle();
    expect(controller.getSnapshot()).toMatchObject({ failed: false, canShow: true });
  });

  it('drops the tiles of a view left in the middle of a load, and asks for the new view’s', async () => {
    await toPreview();
    net.json(scene.src, MANIFEST);
    await settle();
    net.image(FRONT_TILES[0]!, 512, 512);
    await settle();
    const inFlight = net.requests.filter((r) => FRONT_TILES.slice(1).includes(r.url));
    expect(inFlight).toHaveLength(3);

    // The visitor turns round before the rest arrive.
    controller.setView(BACK, 800, 600, 1);
    expect(inFlight.every((r) => r.signal.aborted)).toBe(true);
    expect(net.open().sort()).toEqual([...BACK_TILES].sort());
    // Meanwhile the back is drawn from the preview (the tile that came is kept for later).
    expect(new Set(sources())).toEqual(new Set([-1]));
    expect(controller.plan.items.every((i) => i.area.face === 'b')).toBe(true);

    for (const url of BACK_TILES) net.image(url, 512, 512);
    await settle();
    controller.reportDrawn(controller.plan);
    expect(controller.getSnapshot().level).toBe('full');

    // Turning back: the front tile that arrived is drawn without asking again; only the dropped ones are.
    controller.setView(FRONT, 800, 600, 1);
    expect(net.open().sort()).toEqual(FRONT_TILES.slice(1).sort());
    expect(sources().sort()).toEqual([-1, -1, -1, 1]);
  });

  it('is no longer "full" when the view turns to tiles it has not drawn', async () => {
    await toPreview();
    net.json(scene.src, MANIFEST);
    await settle();
    for (const url of FRONT_TILES) net.image(url, 512, 512);
    await settle();
    controller.reportDrawn(controller.plan);
    expect(controller.getSnapshot().level).toBe('full');
    controller.setView(BACK, 800, 600, 1);
    expect(controller.getSnapshot().level).toBe('preview');
  });

  it('zooms in to the next level: asks for its tiles and draws the level below until they come', async () => {
    await toPreview();
    net.json(scene.src, MANIFEST);
    await settle();
    // Zoomed out to 120°, the screen needs less than 512 px per face: level 0, one tile per face.
    controller.setView({ yaw: 0, pitch: 0, fov: 120 }, 800, 600, 1);
    const level0 = net.open().filter((u) => u.includes('/512/'));
    expect(level0.length).toBeGreaterThan(0);
    expect(net.open().some((u) => u.includes('/1024/'))).toBe(false);
    for (const url of level0) net.image(url, 512, 512);
    await settle();
    expect(controller.plan.complete).toBe(true);

    // Back to 90°: level 1's tiles are fetched, and level 0's are drawn under them meanwhile.
    controller.setView(FRONT, 800, 600, 1);
    expect(net.open().sort()).toEqual([...FRONT_TILES].sort());
    expect(new Set(sources())).toEqual(new Set([0]));
  });

  it('preloads the linked stops only once the view is full and the visitor has been still', async () => {
    controller.setPreload([linked]);
    await toPreview();
    net.json(scene.src, MANIFEST);
    await settle();
    for (const url of FRONT_TILES) net.image(url, 512, 512);
    await settle();
    // Idle, but not yet drawn in full: nothing for the next stop.
    await vi.advanceTimersByTimeAsync(600);
    expect(net.open()).toEqual([]);
    controller.reportDrawn(controller.plan);
    await settle();
    expect(net.open()).toEqual([linked.previewSrc, linked.src]);

    // The visitor zooms a little (the same tiles): what is on its way for the next stop is dropped…
    controller.setView({ ...FRONT, fov: 89 }, 800, 600, 1);
    expect(net.open()).toEqual([]);
    // …until they have been still for a moment again.
    await vi.advanceTimersByTimeAsync(499);
    expect(net.open()).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    controller.reportDrawn(controller.plan);
    await settle();
    expect(net.open()).toEqual([linked.previewSrc, linked.src]);
  });

  it('closes what it cached when disposed, and asks for nothing more', async () => {
    await toPreview();
    controller.dispose();
    expect(net.closed).toEqual([scene.previewSrc]);
    expect(net.requests.find((r) => r.url === scene.src)!.signal.aborted).toBe(true);
    controller.setView(BACK, 800, 600, 1);
    expect(net.open()).toEqual([]);
  });
});
