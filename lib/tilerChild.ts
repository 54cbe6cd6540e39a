/** A child process of the tiler (lib/tiler.ts): tiles the one master its argument names and prints the manifest. */
import { tilePanorama, type TileJob } from './tiler';

const job = JSON.parse(process.argv[2] ?? '{}') as TileJob;
tilePanorama(job.src, job.dir, job.previewPath, job.hash)
  .then((m) => process.stdout.write(JSON.stringify(m)))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
