/**
 * `npm run content:bake [--force] [--verify] [target…]`: renders ("bakes") the 360° panorama of
 * every stop whose `panorama.source` is "rendered", from its campus model (assets/models), in
 * headless Chromium with three.js, and writes the equirectangular JPEG masters into assets/.
 *
 * - target: a campus ("yubei"), a stop ("yubei/library") or a stop id on any campus ("library").
 *   Named stops are always baked; with no target, only stops whose inputs changed since the last
 *   bake (see lib/bakeInputs.ts and assets/panoramas/bake-manifest.json).
 * - --force: bake every rendered stop.
 * - --verify: bake the named stops (or every rendered stop) again, without writing, and check the
 *   pixels are exactly those of the committed master: the bake is deterministic.
 * - --preview[=WIDTH]: bake the named stops, whatever their source, small (2048 px wide unless
 *   WIDTH says otherwise) into <tmp>/bake-preview/ to look at; assets/ is not touched.
 * A stop whose source is "photo" is never touched.
 *
 * It is a maintainer's command: `npm start` and `npm test` use the committed masters.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { createServer, type Plugin } from 'vite';
import type { CampusModel } from '../src/content/campusModel';
import type { Campus } from '../src/content/schema';
import { formatIssue } from '../src/content/validate';
import { validateCampusModels } from '../src/content/validateModels';
import { BAKER_VERSION, bakeInput, bakeSize, MANIFEST_FILE, type Manifest, type ManifestEntry } from '../lib/bakeInputs';
import { launchBrowser } from '../lib/chromium';
import { readContent, readModelFiles } from '../lib/content';
import type { BakeRequest, BakeResult } from './bake/bakePage';

/** mozjpeg quality of the masters: chosen so all committed imagery stays well under 64 MB. */
export const JPEG_QUALITY = 85;
const ROWS = 512;
const EXPOSURE = 1.0;
const SHADOW_MAP = 4096;

interface Job {
  campus: Campus;
  model: CampusModel;
  stopId: string;
  master: string;
  width: number;
  height: number;
  input: string;
}

function readManifest(root: string): Manifest {
  const file = path.join(root, MANIFEST_FILE);
  if (!existsSync(file)) return { bakerVersion: BAKER_VERSION, stops: {} };
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Collects the strips the bake page posts. */
function uploads(): { plugin: Plugin; take(): Map<number, Buffer> } {
  let strips = new Map<number, Buffer>();
  const plugin: Plugin = {
    name: 'bake-upload',
    configureServer(server) {
      server.middlewares.use('/__bake/strip', (req, res) => {
        const row = Number(new URL(req.url ?? '', 'http://x').searchParams.get('row'));
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          strips.set(row, Buffer.concat(chunks));
          res.statusCode = 200;
          res.end('ok');
        });
      });
    },
  };
  return {
    plugin,
    take() {
      const s = strips;
      strips = new Map();
      return s;
    },
  };
}

function selectJobs(root: string, targets: string[], force: boolean, verify: boolean, preview: number | null): { jobs: Job[]; skipped: string[] } {
  const content = readContent(root);
  const { issues, models } = validateCampusModels(readModelFiles(root), content);
  if (issues.length && !preview) throw new Error(`Invalid campus models:\n${issues.map(formatIssue).join('\n')}`);
  for (const issue of preview ? issues : []) console.warn(`warning: ${formatIssue(issue)}`);
  const manifest = readManifest(root);
  const jobs: Job[] = [];
  const skipped: string[] = [];
  const matched = new Set<string>();
  for (const campus of content.campuses) {
    const model = models[campus.id];
    for (const stop of campus.stops) {
      const key = `${campus.id}/${stop.id}`;
      const named = targets.filter((t) => t === campus.id || t === key || t === stop.id);
      named.forEach((t) => matched.add(t));
      if (targets.length && named.length === 0) continue;
      if (stop.panorama.source !== 'rendered' && !(preview && named.length)) {
        if (named.length) skipped.push(`${key} (source "${stop.panorama.source}": only "rendered" panoramas are baked)`);
        continue;
      }
      if (!model) continue; // the model check has already said so
      const size = preview ? { width: preview, height: preview / 2 } : bakeSize(campus, stop.id);
      const input = bakeInput(model, stop.id, size);
      const file = path.join(root, 'assets', stop.panorama.master);
      const entry = manifest.stops[key];
      const current = entry?.input === input && existsSync(file) && entry.file === sha256(readFileSync(file));
      if (!force && !verify && !preview && !named.length && current) continue;
      jobs.push({ campus, model, stopId: stop.id, master: stop.panorama.master, ...size, input });
    }
  }
  const unknown = targets.filter((t) => !matched.has(t));
  if (unknown.length) throw new Error(`No such campus or stop: ${unknown.join(', ')}`);
  return { jobs, skipped };
}

export async function bakePanoramas(root: string, args: string[], log: (line: string) => void = console.log) {
  const force = args.includes('--force');
  const verify = args.includes('--verify');
  const previewArg = args.find((a) => a.startsWith('--preview'));
  const preview = previewArg ? Number(previewArg.split('=')[1] ?? 2048) : null;
  if (preview !== null && (!Number.isInteger(preview) || preview < 256 || preview > 8192 || preview % 2)) throw new Error('--preview=WIDTH takes an even width from 256 to 8192');
  const targets = args.filter((a) => !a.startsWith('--'));
  if (preview && targets.length === 0) throw new Error('--preview needs the stops to bake, e.g. yubei/main-gate');
  const { jobs, skipped } = selectJobs(root, targets, force, verify, preview);
  for (const s of skipped) log(`skip ${s}`);
  if (jobs.length === 0) {
    log('content:bake: every rendered panorama is up to date.');
    return { baked: 0, failed: 0 };
  }
  const upload = uploads();
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'warn',
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
    optimizeDeps: { entries: ['scripts/bake/index.html'], include: ['three'] },
    plugins: [upload.plugin],
  });
  await server.listen();
  const base = server.resolvedUrls?.local[0]?.replace(/\/$/, '');
  if (!base) throw new Error('the bake server did not start');
  const browser = await launchBrowser();
  const manifest = readManifest(root);
  manifest.bakerVersion = BAKER_VERSION;
  let failed = 0;
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => log(`page error: ${e.message}`));
    page.on('console', (m) => {
      // Reading pixels back is the point of the page: the driver's note that it stalls is noise.
      if ((m.type() === 'error' || m.type() === 'warning') && !m.text().includes('due to ReadPixels')) log(`page ${m.type()}: ${m.text()}`);
    });
    await page.goto(`${base}/scripts/bake/index.html`);
    await page.waitForFunction(() => window.bakeReady === true, undefined, { timeout: 120_000 });
    const modelKeys = new Map<string, string>();
    for (const job of jobs) {
      const key = `${job.campus.id}/${job.stopId}`;
      const modelKey = modelKeys.get(job.campus.id) ?? sha256(Buffer.from(JSON.stringify(job.model)));
      modelKeys.set(job.campus.id, modelKey);
      const req: BakeRequest = {
        model: job.model,
        modelKey,
        stopId: job.stopId,
        width: job.width,
        height: job.height,
        faceSize: Math.ceil((job.width * 0.32) / 16) * 16,
        rows: ROWS,
        upload: `${base}/__bake/strip`,
        exposure: EXPOSURE,
        shadowMapSize: SHADOW_MAP,
      };
      const started = Date.now();
      const result: BakeResult = await page.evaluate((r) => window.bakeStop!(r), req);
      const strips = upload.take();
      const raw = Buffer.alloc(job.width * job.height * 4);
      for (const [row, data] of strips) data.copy(raw, row * job.width * 4);
      const rgb = await sharp(raw, { raw: { width: job.width, height: job.height, channels: 4 } }).removeAlpha().raw().toBuffer();
      const pixels = sha256(rgb);
      const took = ((Date.now() - started) / 1000).toFixed(1);
      if (verify) {
        const same = manifest.stops[key]?.pixels === pixels;
        if (!same) failed++;
        log(`${same ? 'same' : 'DIFFERENT'} ${key}: pixels ${pixels.slice(0, 12)} vs committed ${manifest.stops[key]?.pixels.slice(0, 12) ?? 'none'} (${took} s)`);
        continue;
      }
      const out = preview ? path.join(tmpdir(), 'bake-preview', `${job.campus.id}-${job.stopId}.jpg`) : path.join(root, 'assets', job.master);
      mkdirSync(path.dirname(out), { recursive: true });
      const jpeg = await sharp(rgb, { raw: { width: job.width, height: job.height, channels: 3 } })
        .jpeg({ quality: JPEG_QUALITY, mozjpeg: true, chromaSubsampling: '4:2:0' })
        .toBuffer();
      writeFileSync(out, jpeg);
      if (preview) {
        log(`preview ${key} → ${out} (${took} s: build ${result.ms.build} ms, faces ${result.ms.faces} ms, equirect ${result.ms.convert} ms)`);
        continue;
      }
      const entry: ManifestEntry = { input: job.input, pixels, file: sha256(jpeg), width: job.width, height: job.height };
      manifest.stops[key] = entry;
      writeFileSync(path.join(root, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
      log(
        `baked ${key} → assets/${job.master} (${job.width}×${job.height}, ${(jpeg.length / 1048576).toFixed(2)} MB, ` +
          `${took} s: build ${result.ms.build} ms, faces ${result.ms.faces} ms, equirect ${result.ms.convert} ms)`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { baked: verify ? 0 : jobs.length, failed };
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  bakePanoramas(process.cwd(), process.argv.slice(2))
    .then(({ failed }) => {
      if (failed) {
        console.error(`${failed} panorama(s) differ from the committed masters.`);
        process.exit(1);
      }
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    });
}
