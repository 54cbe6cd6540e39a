/**
 * Where the app finds the images derived from a panorama master (lib/images.ts and
 * lib/tiler.ts write them). Masters live in assets/ and are not served as they are: they are
 * too large for a phone.
 */
const DERIVED_BASE = '/generated';

/** "panoramas/yubei-main-gate.jpg" → "yubei-main-gate" */
export function masterName(master: string): string {
  return master.replace(/^panoramas\//, '').replace(/\.jpg$/, '');
}

export const derivedImage = {
  /** The manifest of the panorama's cube tile pyramid (src/viewer/panorama/format/manifest.ts), the viewer's `src`. */
  panorama: (master: string) => `${DERIVED_BASE}/pano/${masterName(master)}/tiles.json`,
  /** All six cube faces, small, in one image: on screen first, while the tiles load. */
  preview: (master: string) => `${DERIVED_BASE}/preview/${masterName(master)}.jpg`,
  /** A flat 16:9 picture of the stop's initial view, for lists and cards. */
  thumbnail: (master: string) => `${DERIVED_BASE}/thumb/${masterName(master)}.jpg`,
};
