/**
 * `npm run images` (part of every build): derives what the browser loads from each stop's panorama
 * master — the tile pyramid and preview, and the thumbnail (lib/images.ts); only what changed.
 */
import { deriveImages } from '../lib/images';

const started = Date.now();
deriveImages(process.cwd(), undefined, console.log)
  .then(({ total, made, tiled }) =>
    console.log(`images: ${tiled} of ${total} panoramas tiled, ${made} thumbnails drawn, the rest unchanged (${Date.now() - started} ms)`),
  )
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
