/**
 * `npm run bench:live [-- --seconds 60 --delegates 1000 --mode all|both|memory|redis|reconnect|class]`
 *
 * `class` (and `all`, after the rest): the class layer — polls, reactions, a 5,000-delegate
 * ceremony over three relays (class.ts).
 *
 * 1,000 simulated delegates on 127.0.0.1 follow a guide who turns the camera at 10 Hz and changes
 * the stop once a second, for a minute; then the relay is killed (SIGKILL) and restarted, and the
 * clients reconnect. Measures delivery latency (p50/p99) of camera updates and of discrete changes,
 * discrete changes lost, relay memory and CPU, and the time until every delegate holds the latest
 * revision again. Once in memory (one relay), once with two relays over Redis (guide on relay A,
 * delegates split between A and B), and once in memory with the guide's connection dropping halfway
 * through the minute (as a reload or a lost network would): every change it made must still reach
 * every delegate (changes made while it was away are superseded by the latest, which it re-sends).
 * Prints a table and writes JSON to bench-results/.
 *
 * Processes: the relay(s) (and redis-server), one guide process, two delegate processes — all on
 * this machine's cores, so the load generators' own time is inside the latencies measured.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runClassBench } from './class';
import { monitor, percentiles, round, sample } from './measure';
import { now, type Command, type Event } from './shared';
import { spawnRedis, spawnRelay, type Runtime, type Spawned } from '../../lib/liveProcesses';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}
const SECONDS = Number(arg('seconds', '60'));
const DELEGATES = Number(arg('delegates', '1000'));
/** memory, redis, reconnect (memory, the guide dropping halfway), both (memory + redis), or all. */
const MODE = arg('mode', 'all');
const RUNTIME = arg('runtime', 'bundle') as Runtime;
/** Flags for the relay's node; by default those of `npm run start:prod` for the bundle. */
const NODE_FLAGS = arg('node-flags', RUNTIME === 'bundle' ? '--max-semi-space-size=2' : '').split(' ').filter(Boolean);
const VIEW_HZ = 10;
const STATE_EVERY_MS = 1000;

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

// ── processes ────────────────────────────────────────────────────────────────────────────────

class Worker {
  readonly child: ChildProcess;
  private readonly waiting = new Map<Event['ev'], (event: Event) => void>();

  constructor(readonly name: string) {
    this.child = fork(join(here, 'load.ts'), [], { execArgv: ['--import', 'tsx'], cwd: root, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
    this.child.on('message', (event: Event) => {
      const wake = this.waiting.get(event.ev);
      this.waiting.delete(event.ev);
      wake?.(event);
    });
  }

  tell(command: Command): void {
    this.child.send(command);
  }

  wait<E extends Event['ev']>(ev: E, timeoutMs: number): Promise<Extract<Event, { ev: E }>> {
    return new Promise((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`${this.name}: no ${ev} within ${timeoutMs} ms`)), timeoutMs);
      this.waiting.set(ev, (event) => {
        clearTimeout(timer);
        done(event as Extract<Event, { ev: E }>);
      });
    });
  }

  stop(): void {
    this.tell({ cmd: 'stop' });
  }
}

interface Report {
  viewRecv: number[][];
  stateRecv: number[][];
  revsSeen: number[][];
  errors: Record<string, number>;
}

function analyse(reports: Report[], viewSent: number[], stateSent: number[], lastRev: number, superseded: ReadonlySet<number> = new Set()) {
  const viewLatency: number[] = [];
  const stateLatency: number[] = [];
  // Per camera update: when the first and the last delegate had it. Tells a late update (the first
  // is late too: the guide, the relay or the machine stalled) from the fan-out's own spread.
  const firstOf: number[] = [];
  const lastOf: number[] = [];
  let viewsExpected = 0;
  let lost = 0;
  for (const report of reports) {
    for (const recv of report.viewRecv) {
      viewsExpected += viewSent.length;
      recv.forEach((t, seq) => {
        const sent = viewSent[seq];
        if (t >= 0 && sent !== undefined) {
          viewLatency.push(t - sent);
          firstOf[seq] = Math.min(firstOf[seq] ?? Infinity, t - sent);
          lastOf[seq] = Math.max(lastOf[seq] ?? -Infinity, t - sent);
        }
      });
    }
    for (const recv of report.stateRecv) {
      for (let rev = 1; rev <= lastRev; rev += 1) {
        if (superseded.has(rev)) continue;
        const t = recv[rev];
        const sent = stateSent[rev];
        if (t === undefined || t < 0) lost += 1;
        else if (sent !== undefined) stateLatency.push(t - sent);
      }
    }
  }
  return {
    views: { ...percentiles(viewLatency), delivered: round(viewLatency.length / Math.max(1, viewsExpected), 4) },
    firstDelegate: percentiles(firstOf.filter((v) => v !== undefined)),
    lastDelegate: percentiles(lastOf.filter((v) => v !== undefined)),
    changes: { ...percentiles(stateLatency), sent: lastRev - superseded.size, lost, superseded: superseded.size },
  };
}

// ── one run ──────────────────────────────────────────────────────────────────────────────────

type Mode = 'memory' | 'redis' | 'reconnect';

async function run(mode: Mode) {
  console.log(`\n── ${mode} (${RUNTIME}): ${DELEGATES} delegates, ${SECONDS} s ──`);
  // Relays of one deployment are given one secret; a relay alone keeps its own in its data directory.
  const env: Record<string, string> = { DATA_DIR: join(mkdtempSync(join(tmpdir(), 'bench-live-')), 'data') };
  const redis = mode === 'redis' ? await spawnRedis() : null;
  if (redis) Object.assign(env, { REDIS_URL: redis.url, LIVE_SECRET: 'the one secret of this benchmark deployment' });
  const relays: Spawned[] = [await spawnRelay(root, env, RUNTIME, NODE_FLAGS)];
  if (mode === 'redis') relays.push(await spawnRelay(root, env, RUNTIME, NODE_FLAGS));
  const [a, b = a] = relays as [Spawned, Spawned?];
  const guide = new Worker('guide');
  const half = Math.floor(DELEGATES / 2);
  const crowds = [new Worker('delegates-1'), new Worker('delegates-2')];
  try {
    const idle = relays.map((relay) => sample(relay.pid)?.rssKb ?? 0);
    guide.tell({ cmd: 'guide', url: a.wsUrl });
    const { code } = await guide.wait('started', 60_000);
    const joinStart = now();
    crowds[0]?.tell({ cmd: 'delegates', url: a.wsUrl, code, count: half, first: 0 });
    crowds[1]?.tell({ cmd: 'delegates', url: b.wsUrl, code, count: DELEGATES - half, first: half });
    await Promise.all(crowds.map((crowd) => crowd.wait('joined', 60_000)));
    const joinMs = round(now() - joinStart, 0);
    console.log(`${DELEGATES} joined in ${joinMs} ms`);
    await sleep(2000);

    const load = [readFileSync('/proc/loadavg', 'utf8').trim()];
    const monitors = [...relays.map((relay) => monitor(relay.pid)), ...(redis ? [monitor(redis.pid)] : [])];
    const generators = [guide, ...crowds].map((worker) => monitor(worker.child.pid ?? 0));
    // Halfway between two changes, so the drop is not hidden behind one.
    const dropAtMs = mode === 'reconnect' ? Math.floor(SECONDS / 2) * 1000 + STATE_EVERY_MS / 2 : undefined;
    guide.tell({ cmd: 'run', seconds: SECONDS, viewHz: VIEW_HZ, stateEveryMs: STATE_EVERY_MS, dropAtMs });
    const ran = await guide.wait('ran', (SECONDS + 30) * 1000);
    await sleep(1500);
    const usage = monitors.map((stop) => stop());
    const generatorCpu = round(generators.map((stop) => stop().cpuPercent).reduce((a, b) => a + b, 0), 1);
    load.push(readFileSync('/proc/loadavg', 'utf8').trim());

    const reports = await Promise.all(
      crowds.map((crowd) => {
        const reply = crowd.wait('report', 60_000);
        crowd.tell({ cmd: 'report' });
        return reply;
      }),
    );
    // Changes made while the guide was away, but the latest, are superseded by it (snapshots are whole).
    const superseded = new Set(ran.offlineRevs.slice(0, -1));
    const all = analyse(reports, ran.viewSent, ran.stateSent, ran.rev, superseded);
    const perRelay = mode === 'redis' ? reports.map((report) => analyse([report], ran.viewSent, ran.stateSent, ran.rev, superseded)) : undefined;
    const errors = reports.reduce<Record<string, number>>((sum, report) => {
      for (const [key, count] of Object.entries(report.errors)) sum[key] = (sum[key] ?? 0) + count;
      return sum;
    }, {});

    // Kill every relay (as a crash), start them again on the same ports, wait for everyone.
    for (const crowd of crowds) crowd.tell({ cmd: 'resynced', rev: ran.rev, since: now() });
    await sleep(200);
    const resynced = Promise.all(crowds.map((crowd) => crowd.wait('resynced', 60_000)));
    const killedAt = now();
    await Promise.all(relays.map((relay) => relay.kill()));
    const goneAt = now();
    const restarted = await Promise.all(relays.map((relay) => spawnRelay(root, { ...env, PORT: String(relay.port) }, RUNTIME, NODE_FLAGS)));
    relays.splice(0, relays.length, ...restarted);
    const readyAt = now();
    const times = (await resynced).flatMap((event) => event.times);
    const lastAt = Math.max(...times);
    const resync = { fromKillMs: round(lastAt - killedAt, 0), fromReadyMs: round(lastAt - readyAt, 0), relayDownMs: round(readyAt - killedAt, 0), startMs: round(readyAt - goneAt, 0), p50FromKillMs: round(percentiles(times.map((t) => t - killedAt)).p50, 0) };
    console.log(`resynced: all ${times.length} on rev ${ran.rev} ${resync.fromKillMs} ms after the kill (${resync.fromReadyMs} ms after the relay was back)`);

    return {
      mode,
      runtime: RUNTIME,
      delegates: DELEGATES,
      seconds: SECONDS,
      joinMs,
      viewsSent: ran.viewSent.length,
      pingRtt: percentiles(ran.pingRtt),
      ...all,
      guideReconnectMs: ran.reconnectMs === null ? null : round(ran.reconnectMs, 0),
      guideOfflineChanges: ran.offlineRevs.length,
      perRelay,
      errors,
      relays: usage.slice(0, relays.length).map((u, i) => ({ ...u, idleRssMb: round((idle[i] ?? 0) / 1024, 1) })),
      redis: redis ? usage[relays.length] : undefined,
      resync,
      generatorCpu,
      loadavg: load,
    };
  } finally {
    guide.stop();
    for (const crowd of crowds) crowd.stop();
    await sleep(300);
    await Promise.all(relays.map((relay) => relay.kill()));
    await redis?.kill();
  }
}

// ── table ────────────────────────────────────────────────────────────────────────────────────

type Result = Awaited<ReturnType<typeof run>>;

function table(results: Result[]): string {
  const rows: [string, ...string[]][] = [
    ['', ...results.map((r) => `${r.mode === 'memory' ? 'one relay, in memory' : r.mode === 'redis' ? 'two relays over Redis' : 'in memory, guide drops halfway'} (${r.runtime === 'tsx' ? 'under tsx' : 'bundled, node'})`)],
    ['camera updates: latency p50 / p99 / max', ...results.map((r) => `${r.views.p50} / ${r.views.p99} / ${r.views.max} ms`)],
    ['per update, first / last delegate to have it: p50 (p99)', ...results.map((r) => `${r.firstDelegate.p50} (${r.firstDelegate.p99}) / ${r.lastDelegate.p50} (${r.lastDelegate.p99}) ms`)],
    ['camera updates delivered', ...results.map((r) => `${(r.views.delivered * 100).toFixed(2)} % of ${r.viewsSent} × ${r.delegates}`)],
    ['baseline: guide ping → pong round trip p50 / p99', ...results.map((r) => `${r.pingRtt.p50} / ${r.pingRtt.p99} ms`)],
    ['discrete changes: latency p50 / p99', ...results.map((r) => `${r.changes.p50} / ${r.changes.p99} ms`)],
    ['discrete changes lost', ...results.map((r) => `${r.changes.lost} of ${r.changes.sent} × ${r.delegates}` + (r.guideReconnectMs !== null ? ` (guide back after ${r.guideReconnectMs} ms; ${r.guideOfflineChanges} change(s) made while away, ${r.changes.superseded} superseded)` : ''))],
    ['relay memory (RSS) idle → end (peak)', ...results.map((r) => r.relays.map((u) => `${u.idleRssMb} → ${u.rssMb} MB (${u.peakRssMb})`).join('; '))],
    ['relay CPU (of one core)', ...results.map((r) => r.relays.map((u) => `${u.cpuPercent} %`).join('; ') + (r.redis ? `; redis ${r.redis.cpuPercent} %` : ''))],
    ['all resynced after kill + restart', ...results.map((r) => `${r.resync.fromKillMs} ms (relay down ${r.resync.relayDownMs} ms; p50 ${r.resync.p50FromKillMs} ms)`)],
    ['load generators\' CPU (guide + delegates)', ...results.map((r) => `${r.generatorCpu} %`)],
    ['join of all delegates', ...results.map((r) => `${r.joinMs} ms`)],
    ['load average (start → end)', ...results.map((r) => `${r.loadavg[0]?.split(' ').slice(0, 3).join(' ')} → ${r.loadavg[1]?.split(' ').slice(0, 3).join(' ')}`)],
  ];
  for (const r of results) {
    if (!r.perRelay) continue;
    rows.push([`redis: p50 / p99 on A (guide's) vs B`, ...results.map((x) => (x === r ? r.perRelay?.map((p) => `${p.views.p50} / ${p.views.p99} ms`).join(' vs ') ?? '' : ''))]);
  }
  return rows.map((row) => `| ${row.join(' | ')} |`).join('\n').replace(/\n/, `\n|${' --- |'.repeat(results.length + 1)}\n`);
}

async function main(): Promise<void> {
  if (MODE === 'class') {
    await runClassBench(RUNTIME);
    return;
  }
  const modes: Mode[] = MODE === 'all' ? ['memory', 'redis', 'reconnect'] : MODE === 'both' ? ['memory', 'redis'] : [MODE as Mode];
  const results: Result[] = [];
  for (const mode of modes) results.push(await run(mode));
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;
  const text = table(results);
  console.log(`\n${new Date().toISOString()} · ${machine}\n\n${text}\n`);
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  const file = join(root, 'bench-results', `live-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), machine, results, table: text }, null, 2)}\n`);
  console.log(`written to ${file}`);
  if (MODE === 'all') await runClassBench(RUNTIME);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
