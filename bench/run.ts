/**
 * `npm run bench`: this app side by side with Pannellum 2.5.7 and Photo Sphere Viewer 5.15.1, the
 * same master image, headless Chromium at 1280 × 720 with reduced motion, on three networks.
 * Every figure comes from what the screen shows (screencast frames) and what the network carried
 * (DevTools), never from a viewer's own events. Prints a table and writes JSON to bench-results/panorama/.
 *
 *   npm run bench                      3 runs of every profile (about 15 minutes on 2 cores)
 *   npm run bench -- --quick           1 run on the cable profile: to check the benchmark works
 *   npm run bench -- --photo           the same with a test master of a photograph's weight (~5.8 MB)
 *   npm run bench -- --runs 5 --profiles slow4g,cable --viewers app,pannellum
 */
import { execSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../lib/chromium';
import { prepare, type Prepared } from './prepare';
import { analyse, coarseDiff, fineDiff, NetLog, Recorder, SHOWN, signature, type Frame } from './screen';
import { startServer, type BenchServer } from './server';

const SIZE = { width: 1280, height: 720 };
/** Where BENCH_DEBUG=1 leaves each run's settled frame. */
let debugDir = 'bench-results/panorama';
const VIEW = { yaw: 0, pitch: 0, fov: 90 };

interface Profile {
  name: string;
  label: string;
  /** DevTools network conditions; null = unthrottled. */
  conditions: { latency: number; downloadThroughput: number; uploadThroughput: number } | null;
  timeoutMs: number;
}
const PROFILES: Profile[] = [
  { name: 'slow4g', label: 'slow 4G (1.6 Mbps / 750 Kbps / 150 ms)', conditions: { latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 }, timeoutMs: 180_000 },
  { name: 'cable', label: 'cable (10 Mbps / 5 Mbps / 40 ms)', conditions: { latency: 40, downloadThroughput: 10_000_000 / 8, uploadThroughput: 5_000_000 / 8 }, timeoutMs: 90_000 },
  { name: 'none', label: 'unthrottled', conditions: null, timeoutMs: 60_000 },
];

type ViewerName = 'app' | 'pannellum' | 'psv';
const VIEWERS: Record<ViewerName, string> = { app: 'this app', pannellum: 'Pannellum 2.5.7', psv: 'PSV 5.15.1' };

interface ViewerRun {
  firstMs: number | null;
  fullMs: number | null;
  bytesToFull: number | null;
  bytesTotal: number;
  requests: number;
  fps: number;
  dragMoves: number;
  moved: number;
  heapMB: number;
}

/** Notes when the page receives a click, in ms since the epoch (the event's time stamp). */
const CLICK_TIME_SCRIPT = `addEventListener('click', (e) => { window.__benchClick = performance.timeOrigin + e.timeStamp; }, { capture: true, once: true });`;

/** The app's viewer fills the window, as the anchors' do: the same pixels to draw, the same framing. */
const FULL_WINDOW_PANO = `.pano { position: fixed !important; inset: 0 !important; width: 100vw !important; height: 100vh !important;
  min-height: 0 !important; max-width: none !important; margin: 0 !important; border-radius: 0 !important; z-index: 2147483000 !important; }`;
/** Adds FULL_WINDOW_PANO as soon as the document has an element to hold it (init scripts run before). */
const FULL_WINDOW_SCRIPT = `(() => {
  const add = () => {
    const style = document.createElement('style');
    style.textContent = ${JSON.stringify(FULL_WINDOW_PANO)};
    document.documentElement.appendChild(style);
  };
  if (document.documentElement) add();
  else {
    const observer = new MutationObserver(() => {
      if (!document.documentElement) return;
      observer.disconnect();
      add();
    });
    observer.observe(document, { childList: true });
  }
})();`;

function args() {
  const argv = process.argv.slice(2);
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const quick = argv.includes('--quick');
  const profiles = (value('--profiles') ?? (quick ? 'cable' : PROFILES.map((p) => p.name).join(','))).split(',');
  return {
    quick,
    runs: Number(value('--runs') ?? (quick ? 1 : 3)),
    profiles: PROFILES.filter((p) => profiles.includes(p.name)),
    viewers: (value('--viewers') ?? 'app,pannellum,psv').split(',') as ViewerName[],
    extras: !argv.includes('--no-extras'),
    /** Measure a test master of a photograph's weight (~5.8 MB) made from the real one (bench/prepare.ts). */
    photo: argv.includes('--photo'),
    out: value('--out') ?? 'bench-results/panorama',
  };
}

const median = (xs: (number | null)[]) => {
  const v = xs.filter((x): x is number => x !== null && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The tests' browser; the tag finds this browser's processes for the memory figures. */
const launch = (tag: string): Promise<Browser> => launchBrowser([`--bench-tag=${tag}`]);

/** Proportional set size of every process of the browser started with `tag`, in MB. */
function browserPssMB(tag: string): number | null {
  try {
    const parent = new Map<number, number>();
    let root: number | null = null;
    for (const entry of readdirSync('/proc')) {
      const pid = Number(entry);
      if (!pid) continue;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        parent.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
        if (root === null && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`--bench-tag=${tag}`)) root = pid;
      } catch {
        // the process ended while we looked
      }
    }
    if (root === null) return null;
    const tree = new Set([root]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [pid, ppid] of parent) {
        if (!tree.has(pid) && tree.has(ppid)) {
          tree.add(pid);
          grew = true;
        }
      }
    }
    let kb = 0;
    for (const pid of tree) {
      try {
        const m = /Pss:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
        kb += Number(m?.[1] ?? 0);
      } catch {
        // gone
      }
    }
    return kb / 1024;
  } catch {
    return null;
  }
}

async function openPage(browser: Browser, viewer: ViewerName, profile: Profile | null) {
  const context = await browser.newContext({ viewport: SIZE, deviceScaleFactor: 1, reducedMotion: 'reduce', locale: 'en-US' });
  if (viewer === 'app') {
    // A string, not a function: the page gets exactly this code, nothing a compiler added.
    await context.addInitScript(FULL_WINDOW_SCRIPT);
  }
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Page.enable');
  if (profile?.conditions) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.conditions });
  return { context, page, cdp, net: new NetLog(cdp), rec: new Recorder(cdp) };
}

function urlOf(server: BenchServer, prepared: Prepared, viewer: ViewerName, view = VIEW) {
  const q = `yaw=${view.yaw}&pitch=${view.pitch}&fov=${view.fov}`;
  if (viewer === 'app') return `${server.url}/en/${prepared.campusId}/${prepared.stopId}?${q}`;
  return `${server.url}/anchors/${viewer}.html?${q}`;
}

/** Waits until nothing is in flight and the screen has not changed for `quietMs`. */
async function settle(net: NetLog, rec: Recorder, timeoutMs: number, quietMs = 2000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const now = Date.now() / 1000;
    if (rec.frames.length > 0 && net.inFlight === 0 && now - net.lastActivity > quietMs / 1000 && now - rec.lastFrameAt > quietMs / 1000) return true;
    await sleep(200);
  }
  return false;
}

/** Drags the view for a few seconds; frames on screen per second, and how far the picture moved. */
async function drag(page: Page, rec: Recorder, seconds = 3) {
  const small = { width: 640, height: 360 };
  const cx = SIZE.width / 2;
  const cy = SIZE.height / 2;
  await page.mouse.move(cx + 200, cy);
  await rec.start(small, 50);
  await page.mouse.down();
  const start = Date.now();
  let moves = 0;
  while (Date.now() - start < seconds * 1000) {
    const f = (Date.now() - start) / (seconds * 1000);
    await page.mouse.move(cx + 200 - 400 * f, cy);
    moves += 1;
  }
  await page.mouse.up();
  const end = Date.now();
  await sleep(300);
  const frames = await rec.stop();
  const inside = frames.filter((f) => f.t >= start / 1000 && f.t <= end / 1000);
  const first = frames[0];
  const last = inside.at(-1) ?? frames.at(-1);
  const moved = first && last ? coarseDiff(await signature(first, small), await signature(last, small)) : 0;
  return { fps: inside.length / ((end - start) / 1000), moves, moved };
}

/** The screen now, as a frame stamped with the time it was taken. */
async function screenshot(cdp: Awaited<ReturnType<typeof openPage>>['cdp']): Promise<Frame> {
  const { data } = (await cdp.send('Page.captureScreenshot', { format: 'jpeg', quality: 80 })) as { data: string };
  return { t: Date.now() / 1000, jpeg: Buffer.from(data, 'base64') };
}

/** Screenshots until two taken a second and a half apart are the same picture; returns the last. */
async function stillScreen(cdp: Awaited<ReturnType<typeof openPage>>['cdp'], timeoutMs: number): Promise<Frame> {
  const end = Date.now() + timeoutMs;
  let last = await screenshot(cdp);
  while (Date.now() < end) {
    await sleep(1500);
    const next = await screenshot(cdp);
    if (fineDiff(await signature(last, SIZE), await signature(next, SIZE)) < 0.5) return next;
    last = next;
  }
  return last;
}

async function heapMB(cdp: Awaited<ReturnType<typeof openPage>>['cdp']) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize / 1024 / 1024;
}

async function measureViewer(browser: Browser, server: BenchServer, prepared: Prepared, viewer: ViewerName, profile: Profile): Promise<ViewerRun & { series: unknown }> {
  const { context, page, cdp, net, rec } = await openPage(browser, viewer, profile);
  try {
    await rec.start(SIZE, 80);
    const t0 = Date.now() / 1000;
    await page.goto(urlOf(server, prepared, viewer), { waitUntil: 'commit', timeout: profile.timeoutMs });
    const settled = await settle(net, rec, profile.timeoutMs);
    // The settled screen, captured as it is now (the screencast need not have sent its last change),
    // and only once it holds still: a viewer may be busy decoding a large image with nothing moving.
    const still = await stillScreen(cdp, profile.timeoutMs);
    const frames = await rec.stop();
    frames.push(still);
    if (process.env.BENCH_DEBUG) {
      writeFileSync(path.join(debugDir, `final-${viewer}-${profile.name}.jpg`), frames.at(-1)!.jpeg);
      for (const e of net.done) console.log(`    ${(e.t - t0).toFixed(2).padStart(6)} s ${String(e.bytes).padStart(8)} B ${e.url.replace(server.url, '')}`);
    }
    const a = await analyse(frames, SIZE, t0);
    if (!settled) console.warn(`  ${viewer} on ${profile.name} did not settle within ${profile.timeoutMs / 1000} s`);
    const heap = await heapMB(cdp);
    // Dragging is measured on an unthrottled network, so tiles that come into view arrive as fast as they can.
    if (profile.conditions) await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    const d = await drag(page, rec);
    return {
      firstMs: a?.shownAt ? Math.round((a.shownAt - t0) * 1000) : null,
      fullMs: a?.sharpAt ? Math.round((a.sharpAt - t0) * 1000) : null,
      bytesToFull: a?.sharpAt ? net.bytesUntil(a.sharpAt + 0.05) : null,
      bytesTotal: net.bytes,
      requests: net.done.length,
      fps: +d.fps.toFixed(1),
      dragMoves: d.moves,
      moved: +d.moved.toFixed(1),
      heapMB: +heap.toFixed(1),
      series: a?.series ?? [],
    };
  } finally {
    await context.close();
  }
}

/** The app alone: after idling on the first stop, follow a link and time the next stop onto the screen. */
async function measureLink(browser: Browser, server: BenchServer, prepared: Prepared, profile: Profile) {
  const { context, page, cdp, net, rec } = await openPage(browser, 'app', profile);
  try {
    const { link } = prepared;
    await page.goto(urlOf(server, prepared, 'app', { yaw: link.yaw, pitch: link.pitch, fov: 90 }), { timeout: profile.timeoutMs });
    await page.waitForSelector('.pano[data-level="full"]', { timeout: profile.timeoutMs });
    // Idle long enough for the viewer to preload the linked stops, and for that to finish.
    await sleep(1500);
    await settle(net, rec, profile.timeoutMs, 1500);
    const preloaded = net.done.some((e) => e.url.includes(`/generated/preview/${prepared.campusId}-${link.target}.jpg`));
    const box = await page.locator(`.pano .hotspot[data-hotspot-id="${link.id}"] .hotspot__icon`).boundingBox();
    if (!box) throw new Error(`the link ${link.id} is not on screen`);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await sleep(300);
    await rec.start(SIZE, 80);
    await sleep(200);
    // The clock starts at the click as the page received it (the event's own time stamp, on the
    // same wall clock as the frames), not when this process asked for it.
    await page.evaluate(CLICK_TIME_SCRIPT);
    const asked = Date.now() / 1000;
    await page.mouse.down();
    await page.mouse.up();
    await page.waitForFunction((id) => location.pathname.endsWith(`/${id}`), link.target);
    const clicked = await page.evaluate(() => (window as unknown as { __benchClick?: number }).__benchClick);
    const t0 = clicked ? clicked / 1000 : asked;
    await settle(net, rec, profile.timeoutMs);
    const still = await stillScreen(cdp, profile.timeoutMs);
    const frames = await rec.stop();
    frames.push(still);
    const a = await analyse(frames, SIZE, t0);
    const blank = a ? a.sigs.filter((s) => s.t >= t0 && (a.shownAt === null || s.t < a.shownAt) && s.mean < 30).length : 0;
    return { shownMs: a?.shownAt ? Math.round((a.shownAt - t0) * 1000) : null, preloaded, blankFrames: blank };
  } finally {
    await context.close();
  }
}

/** The app alone: memory after visiting every stop once, and again. */
async function measureMemory(server: BenchServer, prepared: Prepared) {
  const tag = `mem-${process.pid}-${Date.now()}`;
  const browser = await launch(tag);
  try {
    const { page, cdp } = await openPage(browser, 'app', null);
    await page.goto(urlOf(server, prepared, 'app'));
    const round = async () => {
      for (const stop of prepared.stops) {
        await page.evaluate((p) => {
          const store = (window as unknown as { __visitStore: { getState(): { goTo(place: unknown): void } } }).__visitStore;
          store.getState().goTo({ page: 'stop', ...p });
        }, stop);
        await page.waitForFunction((id) => location.pathname.endsWith(`/${id}`), stop.stopId);
        await page.waitForSelector('.pano[data-level="full"]', { timeout: 30_000 });
        await sleep(300);
      }
      await sleep(1000);
      return { heapMB: +(await heapMB(cdp)).toFixed(1), pssMB: browserPssMB(tag) };
    };
    const first = await round();
    const second = await round();
    return { stops: prepared.stops.length, first, second };
  } finally {
    await browser.close();
  }
}

const fmtMs = (ms: number | null) => (ms === null ? '—' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
const fmtBytes = (b: number | null) => (b === null ? '—' : b >= 1e6 ? `${(b / 1e6).toFixed(2)} MB` : `${Math.round(b / 1e3)} KB`);
const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? '—' : `${(a / b).toFixed(2)}×`);

async function main() {
  const opts = args();
  const root = process.cwd();
  const out = path.resolve(opts.out);
  debugDir = out;
  mkdirSync(out, { recursive: true });
  const started = new Date();
  const load0 = loadavg();
  const prepared = await prepare(root, out, console.log, { photo: opts.photo });
  const server = await startServer({ root, appDir: prepared.appDir, master: prepared.master.path });
  const tag = `bench-${process.pid}`;
  const browser = await launch(tag);
  const chromiumVersion = browser.version();
  console.log(
    `bench: master ${prepared.master.width}×${prepared.master.height}, ${fmtBytes(prepared.master.bytes)}${prepared.master.synthetic ? ' (synthetic, from ' + prepared.master.source + ')' : ''}; ` +
      `${opts.runs} run(s) × ${opts.profiles.map((p) => p.name).join(', ')}; Chromium ${chromiumVersion}; load ${load0.map((l) => l.toFixed(1)).join(' ')}`,
  );

  const runs: Record<string, Record<string, (ViewerRun & { series: unknown })[]>> = {};
  const links: Awaited<ReturnType<typeof measureLink>>[] = [];
  const memory: Awaited<ReturnType<typeof measureMemory>>[] = [];
  try {
    for (let run = 0; run < opts.runs; run++) {
      for (const profile of opts.profiles) {
        // A different order each run, so a busy moment of the machine does not always hit the same viewer.
        const order = opts.viewers.map((_, i) => opts.viewers[(i + run) % opts.viewers.length]!);
        for (const viewer of order) {
          const r = await measureViewer(browser, server, prepared, viewer, profile);
          ((runs[profile.name] ??= {})[viewer] ??= []).push(r);
          console.log(
            `  run ${run + 1} ${profile.name.padEnd(6)} ${viewer.padEnd(9)} first ${fmtMs(r.firstMs).padStart(8)}  full ${fmtMs(r.fullMs).padStart(8)}  ` +
              `bytes ${fmtBytes(r.bytesToFull).padStart(8)}  fps ${String(r.fps).padStart(4)} (moved ${r.moved})  heap ${r.heapMB} MB`,
          );
        }
      }
      if (opts.extras && opts.viewers.includes('app')) {
        const cable = PROFILES.find((p) => p.name === 'cable')!;
        const l = await measureLink(browser, server, prepared, cable);
        links.push(l);
        console.log(`  run ${run + 1} link     app       next stop on screen ${fmtMs(l.shownMs)} (preloaded: ${l.preloaded}, blank frames: ${l.blankFrames})`);
        if (!opts.quick || run === 0) {
          const m = await measureMemory(server, prepared);
          memory.push(m);
          console.log(`  run ${run + 1} memory   app       ${m.stops} stops: JS heap ${m.first.heapMB} → ${m.second.heapMB} MB, browser PSS ${m.first.pssMB?.toFixed(0)} → ${m.second.pssMB?.toFixed(0)} MB`);
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }

  // Medians and the table.
  type Summary = Record<string, Record<string, Partial<Record<keyof ViewerRun, number | null>>>>;
  const summary: Summary = {};
  for (const [profile, byViewer] of Object.entries(runs)) {
    for (const [viewer, list] of Object.entries(byViewer)) {
      const keys: (keyof ViewerRun)[] = ['firstMs', 'fullMs', 'bytesToFull', 'bytesTotal', 'fps', 'moved', 'heapMB'];
      (summary[profile] ??= {})[viewer] = Object.fromEntries(keys.map((k) => [k, median(list.map((r) => r[k] as number | null))]));
    }
  }
  const rows: string[][] = [];
  const metrics: [keyof ViewerRun, string, (v: number | null) => string][] = [
    ['firstMs', 'first panorama on screen', fmtMs],
    ['fullMs', 'full-resolution view', fmtMs],
    ['bytesToFull', 'bytes to the full-resolution view', fmtBytes],
    ['fps', 'frames per second while dragging', (v) => (v === null ? '—' : v.toFixed(1))],
    ['heapMB', 'JS heap after load', (v) => (v === null ? '—' : `${v.toFixed(1)} MB`)],
  ];
  for (const [key, label, fmt] of metrics) {
    for (const profile of opts.profiles) {
      const s = summary[profile.name] ?? {};
      const v = (name: ViewerName) => (s[name]?.[key] ?? null) as number | null;
      rows.push([label, profile.name, fmt(v('app')), fmt(v('pannellum')), fmt(v('psv')), ratio(v('app'), v('pannellum')), ratio(v('app'), v('psv'))]);
    }
  }
  const linkMs = median(links.map((l) => l.shownMs));
  const growth = memory.map((m) => (m.first.pssMB && m.second.pssMB ? m.second.pssMB / m.first.pssMB - 1 : null));
  const heapGrowth = memory.map((m) => m.second.heapMB / m.first.heapMB - 1);
  const header = ['metric', 'network', VIEWERS.app, VIEWERS.pannellum, VIEWERS.psv, 'app / Pannellum', 'app / PSV'];
  const table = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
  // Every drag runs unthrottled, so all the drags of a viewer are samples of the same figure.
  const allFps = (v: ViewerName) => median(Object.values(runs).flatMap((byViewer) => (byViewer[v] ?? []).map((r) => r.fps)));
  const fpsLine = `| frames per second while dragging, all ${opts.runs * opts.profiles.length} drags | ${allFps('app') ?? '—'} (Pannellum ${allFps('pannellum') ?? '—'}, PSV ${allFps('psv') ?? '—'}) | ${ratio(allFps('app'), allFps('pannellum'))} / ${ratio(allFps('app'), allFps('psv'))} |`;
  const extras = [
    fpsLine,
    `| following a link to a preloaded stop (cable) | ${fmtMs(linkMs)} | blank frames: ${links.map((l) => l.blankFrames).join(', ') || '—'} |`,
    `| memory after visiting every stop twice (browser PSS) | ${memory.map((m) => `${m.first.pssMB?.toFixed(0)} → ${m.second.pssMB?.toFixed(0)} MB`).join('; ') || '—'} | ${median(growth) === null ? '—' : `${(median(growth)! * 100).toFixed(1)} %`} |`,
    `| memory after visiting every stop twice (JS heap) | ${memory.map((m) => `${m.first.heapMB} → ${m.second.heapMB} MB`).join('; ') || '—'} | ${median(heapGrowth) === null ? '—' : `${(median(heapGrowth)! * 100).toFixed(1)} %`} |`,
  ].join('\n');
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, ${execSync('uname -sr').toString().trim()}, Node ${process.version}, Chromium ${chromiumVersion} (SwiftShader)`;
  const load1 = loadavg();
  console.log(`\n${started.toISOString().slice(0, 10)} · ${machine} · load ${load0[0]!.toFixed(1)} → ${load1[0]!.toFixed(1)} · medians of ${opts.runs} run(s)`);
  console.log(`master: ${prepared.master.width}×${prepared.master.height}, ${fmtBytes(prepared.master.bytes)}${prepared.master.synthetic ? ' (synthetic test master)' : ''}\n`);
  console.log(table);
  console.log(`\n| more | figure | |\n| --- | --- | --- |\n${extras}\n`);

  const report = {
    date: started.toISOString(),
    machine,
    load: { start: load0, end: load1 },
    options: { ...opts, profiles: opts.profiles.map((p) => p.name) },
    master: prepared.master,
    thresholds: { shown: SHOWN },
    summary,
    linkMs,
    links,
    memory,
    runs,
    table,
    extras,
  };
  const stamp = started.toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const kind = prepared.master.synthetic ? 'photo' : 'real';
  writeFileSync(path.join(out, `bench-${kind}-${stamp}.json`), JSON.stringify(report, null, 2));
  writeFileSync(path.join(out, `latest-${kind}.json`), JSON.stringify(report, null, 2));
  console.log(`written: ${path.relative(root, path.join(out, `bench-${kind}-${stamp}.json`))}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
