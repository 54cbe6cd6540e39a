/**
 * Where the app finds the images derived from a panorama master (scripts/derive-images.ts writes them).
 * Masters live in assets/ and are not served as they are: they are too large for a phone.
 */
const DERIVED_BASE = '/generated';

/** "panoramas/yubei-main-gate.jpg" → "yubei-main-gate" */
export function masterName(master: string): string {
  return master.replace(/^panoramas\//, '').replace(/\.jpg$/, '');
}

export const derivedImage = {
  /** The equirectangular panorama the viewer shows. */
  panorama: (master: string) => `${DERIVED_BASE}/pano/${masterName(master)}.jpg`,
  /** A small equirectangular preview, shown while the panorama loads. */
  preview: (master: string) => `${DERIVED_BASE}/preview/${masterName(master)}.jpg`,
  /** A flat 16:9 picture of the stop's initial view, for lists and cards. */
  thumbnail: (master: string) => `${DERIVED_BASE}/thumb/${masterName(master)}.jpg`,
};
