/** Loads a panorama image into a three.js texture no larger than the GPU accepts. */
import { CanvasTexture, LinearFilter, SRGBColorSpace, Texture } from 'three';

function loadImage(src: string, signal: AbortSignal): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.decoding = 'async';
    const abort = () => {
      img.src = '';
      reject(new DOMException('aborted', 'AbortError'));
    };
    signal.addEventListener('abort', abort, { once: true });
    img.onload = () => {
      signal.removeEventListener('abort', abort);
      resolve(img);
    };
    img.onerror = () => {
      signal.removeEventListener('abort', abort);
      reject(new Error(`could not load ${src}`));
    };
    img.src = src;
  });
}

/**
 * A texture of the image at `src`. An image wider than `maxTextureSize` (a phone's GPU may take
 * only 4096) is scaled down on a canvas first rather than handed to the GPU to fail on.
 */
export async function loadPanoramaTexture(src: string, maxTextureSize: number, signal: AbortSignal): Promise<Texture> {
  const img = await loadImage(src, signal);
  let texture: Texture;
  if (img.naturalWidth > maxTextureSize) {
    const canvas = document.createElement('canvas');
    canvas.width = maxTextureSize;
    canvas.height = Math.round((maxTextureSize * img.naturalHeight) / img.naturalWidth);
    canvas.getContext('2d')?.drawImage(img, 0, 0, canvas.width, canvas.height);
    texture = new CanvasTexture(canvas);
  } else {
    texture = new Texture(img);
  }
  texture.colorSpace = SRGBColorSpace;
  texture.minFilter = LinearFilter;
  texture.magFilter = LinearFilter;
  texture.generateMipmaps = false;
  texture.needsUpdate = true;
  return texture;
}
