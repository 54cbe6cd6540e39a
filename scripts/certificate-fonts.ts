/** `npm run fonts` (part of every build): the certificate's font subsets and their coverage (lib/certificateFonts.ts). */
import { buildCertificateFonts } from '../lib/certificateFonts';

const started = Date.now();
buildCertificateFonts(process.cwd())
  .then(({ made, sizes }) =>
    console.log(
      `fonts: ${made.length ? `made ${made.join(', ')}` : 'unchanged'} — ${Object.entries(sizes).map(([id, n]) => `${id} ${(n / 1024).toFixed(0)} KB`).join(', ')} (${Date.now() - started} ms)`,
    ),
  )
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
