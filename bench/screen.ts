/**
 * What the screen shows, and what went over the network, for one page — read through the Chrome
 * DevTools Protocol, never from a viewer's own events.
 *   Recorder   screencast frames (only sent when the screen changes), stamped with wall time
 *   NetLog     every response's bytes on the wire, when it finished, and what is still in flight
 *   compare    how far one frame is from another: coarsely (is it the same picture?) or in full
 *              (is it as sharp?)
 */
import type { CDPSession } from 'playwright-core';
import sharp from 'sharp';

export interface Frame {
  /** Seconds since the epoch, when the frame was swapped onto the screen. */
  t: number;
  jpeg: Buffer;
}

export class Recorder {
  frames: Frame[] = [];
  private on = false;
  private readonly handler = (e: { data: string; sessionId: number; metadata: { timestamp?: number } }) => {
    if (this.on) this.frames.push({ t: e.metadata.timestamp ?? Date.now() / 1000, jpeg: Buffer.from(e.data, 'base64') });
    void this.cdp.send('Page.screencastFrameAck', { sessionId: e.sessionId }).catch(() => undefined);
  };

  constructor(private readonly cdp: CDPSession) {
    cdp.on('Page.screencastFrame', this.handler);
  }

  async start(size: { width: number; height: number }, quality = 80): Promise<void> {
    this.frames = [];
    this.on = true;
    await this.cdp.send('Page.startScreencast', { format: 'jpeg', quality, maxWidth: size.width, maxHeight: size.height, everyNthFrame: 1 });
  }

  async stop(): Promise<Frame[]> {
    await this.cdp.send('Page.stopScreencast').catch(() => undefined);
    this.on = false;
    return this.frames;
  }

  get lastFrameAt(): number {
    return this.frames.at(-1)?.t ?? 0;
  }
}

export interface NetEntry {
  url: string;
  bytes: number;
  /** Seconds since the epoch, when the response had fully arrived (as this process heard it). */
  t: number;
  ok: boolean;
}

export class NetLog {
  readonly done: NetEntry[] = [];
  private readonly open = new Map<string, string>();
  lastActivity = Date.now() / 1000;

  constructor(cdp: CDPSession) {
    cdp.on('Network.requestWillBeSent', (e: { requestId: string; request: { url: string } }) => {
      if (e.request.url.startsWith('data:')) return;
      this.open.set(e.requestId, e.request.url);
      this.lastActivity = Date.now() / 1000;
    });
    cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => this.finish(e.requestId, e.encodedDataLength, true));
    cdp.on('Network.loadingFailed', (e: { requestId: string }) => this.finish(e.requestId, 0, false));
  }

  private finish(id: string, bytes: number, ok: boolean) {
    const url = this.open.get(id);
    if (url === undefined) return;
    this.open.delete(id);
    this.lastActivity = Date.now() / 1000;
    this.done.push({ url, bytes, t: this.lastActivity, ok });
  }

  get inFlight(): number {
    return this.open.size;
  }

  bytesUntil(t: number): number {
    return this.done.filter((e) => e.t <= t).reduce((sum, e) => sum + e.bytes, 0);
  }

  get bytes(): number {
    return this.done.reduce((sum, e) => sum + e.bytes, 0);
  }
}

/** A frame, decoded twice: 64 × 36 grey (the picture's layout) and full size grey (its detail). */
export interface Signature {
  t: number;
  coarse: Uint8Array;
  fine: Uint8Array;
  mean: number;
}

export async function signature(frame: Frame, size: { width: number; height: number }): Promise<Signature> {
  const [coarse, fine] = await Promise.all([
    sharp(frame.jpeg).resize(64, 36, { fit: 'fill' }).greyscale().raw().toBuffer(),
    sharp(frame.jpeg).resize(size.width, size.height, { fit: 'fill' }).greyscale().raw().toBuffer(),
  ]);
  let sum = 0;
  for (const v of coarse) sum += v;
  return { t: frame.t, coarse, fine, mean: sum / coarse.length };
}

const meanAbs = (a: Uint8Array, b: Uint8Array) => {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
};

/** How different two frames look at a glance (0–255): the same picture, however blurred, is close to 0. */
export const coarseDiff = (a: Signature, b: Signature) => meanAbs(a.coarse, b.coarse);
/** How different two frames are pixel by pixel (0–255): only the same picture at the same sharpness is close to 0. */
export const fineDiff = (a: Signature, b: Signature) => meanAbs(a.fine, b.fine);

/**
 * A panorama is "on screen" when the frame has the final picture's layout (coarse difference
 * below SHOWN); it is "at full resolution" when it matches the final picture pixel for pixel
 * (fine difference below SHARP). Thresholds were set from the frame series of all three viewers
 * on the test master: loading screens are 11 (Photo Sphere Viewer's loader) to 60 (Pannellum's)
 * away at a glance, a blank view 60+; this app's preview is 1–2 away at a glance but 6+ in full;
 * frames of the settled view differ by under 0.5 (JPEG noise).
 */
export const SHOWN = 5;
export const SHARP = 1.5;

export async function analyse(frames: Frame[], size: { width: number; height: number }, since: number) {
  const sigs: Signature[] = [];
  // Frames can arrive out of order; the last one given is the settled screen and stays last.
  const ordered = [...frames.slice(0, -1).sort((a, b) => a.t - b.t), ...frames.slice(-1)];
  for (const f of ordered) sigs.push(await signature(f, size));
  const final = sigs.at(-1);
  if (!final) return null;
  const after = sigs.filter((s) => s.t >= since);
  const shown = after.find((s) => coarseDiff(s, final) < SHOWN) ?? null;
  const sharp = after.find((s) => fineDiff(s, final) < SHARP) ?? null;
  return {
    final,
    sigs,
    shownAt: shown ? shown.t : null,
    sharpAt: sharp ? sharp.t : null,
    series: after.map((s) => ({ dt: +(s.t - since).toFixed(3), coarse: +coarseDiff(s, final).toFixed(2), fine: +fineDiff(s, final).toFixed(2) })),
  };
}
