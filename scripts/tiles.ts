/**
 * `npm run tiles`: tiles each stop's master into its cube tile pyramid and preview (lib/tiler.ts);
 * only masters that changed. `npm run images` does this too, as part of every build.
 */
import { tileStops } from '../lib/tiler';

const started = Date.now();
tileStops(process.cwd(), undefined, console.log)
  .then(({ total, made }) => console.log(`tiles: ${made} of ${total} panoramas tiled, ${total - made} unchanged (${Date.now() - started} ms)`))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
