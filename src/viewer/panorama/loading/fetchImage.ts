/** Fetches panorama images (tiles, previews) and decodes them off the main thread where the browser can. */
import { fetchResponse } from './earlyFetch';

/** A decoded image, ready to become a texture. */
export interface DecodedImage {
  image: ImageBitmap | HTMLImageElement;
  width: number;
  height: number;
  /** The encoded bytes, while someone needs them (a preview keeps them as an object URL, to show without WebGL). */
  blob?: Blob;
}

const abortError = () => new DOMException('aborted', 'AbortError');

async function fetchBlob(url: string, signal: AbortSignal): Promise<Blob> {
  const response = await fetchResponse(url, signal);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.blob();
}

function decodeWithImage(blob: Blob, signal: AbortSignal): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    const url = URL.createObjectURL(blob);
    const done = () => URL.revokeObjectURL(url);
    signal.addEventListener('abort', () => reject(abortError()), { once: true });
    img.onload = () => {
      done();
      resolve(img);
    };
    img.onerror = () => {
      done();
      reject(new Error('could not decode image'));
    };
    img.src = url;
  });
}

/** Fetches and decodes an image; aborting drops both the download and the decoded pixels. */
export async function fetchImage(url: string, signal: AbortSignal): Promise<DecodedImage> {
  const blob = await fetchBlob(url, signal);
  if (signal.aborted) throw abortError();
  if (typeof createImageBitmap === 'function') {
    const bitmap = await createImageBitmap(blob);
    if (signal.aborted) {
      bitmap.close();
      throw abortError();
    }
    return { image: bitmap, width: bitmap.width, height: bitmap.height, blob };
  }
  const img = await decodeWithImage(blob, signal);
  return { image: img, width: img.naturalWidth, height: img.naturalHeight, blob };
}

/** Fetches a JSON document. */
export async function fetchJson(url: string, signal: AbortSignal): Promise<unknown> {
  const response = await fetchResponse(url, signal);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}
