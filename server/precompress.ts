/**
 * Writes `file.br` and `file.gz` beside each compressible file of a built folder, so the server
 * sends compressed bytes without compressing on each request (and brotli at its best level, which
 * is too slow to do per request). A variant is kept only when it saves something worth a header.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Text formats worth compressing; images and fonts are compressed already. */
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.map', '.txt', '.xml', '.svg', '.gltf', '.wasm', '.ttf']);
/** Smaller files gain less than the bytes of the Content-Encoding header. */
const MIN_BYTES = 512;
/** A variant must be at most this share of the original to be worth its file. */
const MAX_RATIO = 0.9;

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

export interface PrecompressResult {
  files: number;
  bytes: number;
  brotliBytes: number;
  gzipBytes: number;
}

/** Compresses every compressible file under `dir`, replacing variants written before. */
export async function precompressDir(dir: string): Promise<PrecompressResult> {
  const result: PrecompressResult = { files: 0, bytes: 0, brotliBytes: 0, gzipBytes: 0 };
  const jobs: Promise<void>[] = [];
  for await (const path of files(dir)) {
    if (!COMPRESSIBLE.has(extname(path).toLowerCase())) continue;
    jobs.push(
      (async () => {
        const info = await stat(path);
        if (info.size < MIN_BYTES) return;
        const body = await readFile(path);
        const [br, gzipped] = await Promise.all([
          brotli(body, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
              [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            },
          }),
          gz(body, { level: 9 }),
        ]);
        result.files += 1;
        result.bytes += body.length;
        if (br.length <= body.length * MAX_RATIO) {
          await writeFile(`${path}.br`, br);
          result.brotliBytes += br.length;
        }
        if (gzipped.length <= body.length * MAX_RATIO) {
          await writeFile(`${path}.gz`, gzipped);
          result.gzipBytes += gzipped.length;
        }
      })(),
    );
  }
  await Promise.all(jobs);
  return result;
}
