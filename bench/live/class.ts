/**
 * The class layer's benchmark, part of `npm run bench:live` (`--mode class`, or `all`; alone:
 * `tsx bench/live/class.ts [--delegates 1000 --seconds 30 --ceremony 5000 --only poll|ceremony]`).
 *
 * 1. A poll: the guide opens it, every delegate answers within the same 2 s (a tenth send it twice,
 *    a twentieth drop their socket and rejoin with their pass and send it again). Every answer must
 *    be counted once; measured: answer → the guide's tally showing it (p50/p99), answer → its
 *    acknowledgement, and when the tally was complete after the last answer.
 * 2. Reactions: every delegate sends one a second for `seconds` while the guide turns the camera at
 *    10 Hz. Measured: camera latency to the delegates, the guide's ping round trip, relay memory,
 *    reaction frames a delegate gets a second (aggregated: about one).
 *    Both in memory (one relay) and over Redis (guide on relay A, delegates split over A and B).
 * 3. A ceremony: `ceremony` delegates over three relays sharing Redis, the guide on the first,
 *    turning the camera at 10 Hz and changing stop once a second. Measured: camera latency and
 *    discrete changes lost.
 * Every process (relays, redis-server, the guide, the delegates) runs on this machine's cores, so
 * the load generators' own CPU is inside the latencies measured; it is reported with the load average.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnRedis, spawnRelay, type Runtime, type Spawned } from '../../lib/liveProcesses';
import type { ClassCommand, ClassEvent } from './classLoad';
import { monitor, percentiles, round, sample } from './measure';
import { now } from './shared';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').trim().split(' ').slice(0, 3).join(' ');

class Worker {
  readonly child: ChildProcess;
  private readonly waiting = new Map<ClassEvent['ev'], (event: ClassEvent) => void>();

  constructor(readonly name: string) {
    this.child = fork(join(here, 'classLoad.ts'), [], { execArgv: ['--import', 'tsx'], cwd: root, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
    this.child.on('message', (event: ClassEvent) => {
      const wake = this.waiting.get(event.ev);
      this.waiting.delete(event.ev);
      wake?.(event);
    });
  }

  tell(command: ClassCommand): void {
    this.child.send(command);
  }

  wait<E extends ClassEvent['ev']>(ev: E, timeoutMs: number): Promise<Extract<ClassEvent, { ev: E }>> {
    return new Promise((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`${this.name}: no ${ev} within ${timeoutMs} ms`)), timeoutMs);
      this.waiting.set(ev, (event) => {
        clearTimeout(timer);
        done(event as Extract<ClassEvent, { ev: E }>);
      });
    });
  }

  ask<E extends ClassEvent['ev']>(command: ClassCommand, ev: E, timeoutMs: number): Promise<Extract<ClassEvent, { ev: E }>> {
    const reply = this.wait(ev, timeoutMs);
    this.tell(command);
    return reply;
  }

  stop(): void {
    this.tell({ cmd: 'stop' });
  }
}

interface Deployment {
  relays: Spawned[];
  redis: Awaited<ReturnType<typeof spawnRedis>> | null;
  guide: Worker;
  crowds: Worker[];
  code: string;
  joinMs: number;
  idleRssMb: number[];
}

/** Relays (one in memory, or `relayCount` over Redis), the guide on the first, `delegates` split over `crowdCount` processes, one relay each in turn. */
async function deploy(runtime: Runtime, relayCount: number, delegates: number, crowdCount: number): Promise<Deployment> {
  const env: Record<string, string> = {
    DATA_DIR: join(mkdtempSync(join(tmpdir(), 'bench-class-')), 'data'),
    LIVE_MAX_PER_ADDRESS: '20000',
    LIVE_MAX_CONNECTIONS: '20000',
  };
  const redis = relayCount > 1 ? await spawnRedis() : null;
  if (redis) Object.assign(env, { REDIS_URL: redis.url, LIVE_SECRET: 'the one secret of this benchmark deployment' });
  const relays: Spawned[] = [];
  for (let i = 0; i < relayCount; i += 1) relays.push(await spawnRelay(root, env, runtime, runtime === 'bundle' ? ['--max-semi-space-size=2'] : []));
  const idleRssMb = relays.map((relay) => round((sample(relay.pid)?.rssKb ?? 0) / 1024, 1));
  const guide = new Worker('guide');
  const crowds = Array.from({ length: crowdCount }, (_, i) => new Worker(`delegates-${i + 1}`));
  guide.tell({ cmd: 'guide', url: relays[0]?.wsUrl ?? '' });
  const { code } = await guide.wait('started', 60_000);
  const joinStart = now();
  const per = Math.ceil(delegates / crowdCount);
  await Promise.all(
    crowds.map((crowd, i) => {
      const count = Math.min(per, delegates - i * per);
      return crowd.ask({ cmd: 'delegates', url: relays[i % relays.length]?.wsUrl ?? '', code, count, first: i * per }, 'joined', 120_000);
    }),
  );
  return { relays, redis, guide, crowds, code, joinMs: round(now() - joinStart, 0), idleRssMb };
}

async function teardown(d: Deployment): Promise<void> {
  d.guide.stop();
  for (const crowd of d.crowds) crowd.stop();
  await sleep(300);
  await Promise.all(d.relays.map((relay) => relay.kill()));
  await d.redis?.kill();
}

function cameraLatency(viewSent: number[], reports: Array<{ viewRecv: number[][] }>) {
  const latency: number[] = [];
  let expected = 0;
  for (const report of reports) {
    for (const recv of report.viewRecv) {
      expected += viewSent.length;
      recv.forEach((t, seq) => {
        const sent = viewSent[seq];
        if (t >= 0 && sent !== undefined) latency.push(t - sent);
      });
    }
  }
  return { ...percentiles(latency), delivered: round(latency.length / Math.max(1, expected), 4) };
}

// ── 1 + 2: a poll, then reactions, on one deployment ─────────────────────────────────────────

async function pollAndReactions(mode: 'memory' | 'redis', runtime: Runtime, delegates: number, seconds: number) {
  console.log(`\n── class, ${mode}: ${delegates} delegates ──`);
  const d = await deploy(runtime, mode === 'redis' ? 2 : 1, delegates, 2);
  try {
    console.log(`${delegates} joined in ${d.joinMs} ms`);
    await sleep(1500);
    const load = [loadavg()];
    // The poll.
    const polled = Promise.all(d.crowds.map((crowd) => crowd.wait('polled', 30_000)));
    const options = 4;
    d.guide.tell({ cmd: 'poll', options });
    const poll = (await polled)[0]?.poll ?? 0;
    const start = now() + 300;
    const answered = await Promise.all(d.crowds.map((crowd) => crowd.ask({ cmd: 'answer', poll, start, windowMs: 2000, repeatShare: 0.1, reconnectShare: 0.05 }, 'answered', 60_000)));
    await sleep(1500);
    const guideReport = await d.guide.ask({ cmd: 'report' }, 'report', 30_000);
    const sent = answered.flatMap((a) => a.sent).sort((a, b) => a - b);
    const acks = answered.flatMap((a) => a.acked.map((t, i) => t - (a.sent[i] ?? t)));
    const expected = new Array<number>(options).fill(0);
    for (const a of answered) for (const choice of a.choices) expected[choice] = (expected[choice] ?? 0) + 1;
    const tallies = guideReport.tallies;
    const final = tallies.at(-1);
    // The k-th answer sent is on the guide's screen with the first tally counting k answers.
    const toGuide: number[] = [];
    let cursor = 0;
    sent.forEach((t, k) => {
      while (cursor < tallies.length && (tallies[cursor]?.total ?? 0) < k + 1) cursor += 1;
      const seen = tallies[cursor];
      if (seen) toGuide.push(seen.t - t);
    });
    const complete = tallies.find((tally) => tally.total === delegates);
    const lastSent = sent.at(-1) ?? 0;
    const pollResult = {
      answers: sent.length,
      windowMs: round(lastSent - (sent[0] ?? 0), 0),
      countedOnce: final?.total === delegates && JSON.stringify(final.counts) === JSON.stringify(expected),
      finalTotal: final?.total ?? 0,
      answerToGuide: percentiles(toGuide),
      answerToAck: percentiles(acks),
      tallyCompleteAfterLastMs: complete ? round(complete.t - lastSent, 0) : null,
      tallies: tallies.length,
    };
    console.log(`poll: ${JSON.stringify(pollResult)}`);

    // Reactions while the guide turns.
    const monitors = [...d.relays.map((relay) => monitor(relay.pid)), ...(d.redis ? [monitor(d.redis.pid)] : [])];
    const generators = [d.guide, ...d.crowds].map((worker) => monitor(worker.child.pid ?? 0));
    for (const crowd of d.crowds) crowd.tell({ cmd: 'run', seconds, viewHz: 10, stateEveryMs: 0, react: true });
    const ran = await d.guide.ask({ cmd: 'run', seconds, viewHz: 10, stateEveryMs: 0, react: false }, 'ran', (seconds + 60) * 1000);
    await sleep(1500);
    const usage = monitors.map((stop) => stop());
    const generatorCpu = round(generators.map((stop) => stop().cpuPercent).reduce((a, b) => a + b, 0), 1);
    load.push(loadavg());
    const reports = await Promise.all(d.crowds.map((crowd) => crowd.ask({ cmd: 'report' }, 'report', 60_000)));
    const frames = reports.flatMap((r) => r.reactionFrames);
    const reactions = {
      sent: reports.reduce((sum, r) => sum + r.reactionsSent, 0),
      camera: cameraLatency(ran.viewSent, reports),
      guidePing: percentiles(ran.pingRtt),
      framesPerDelegatePerSecond: round(frames.reduce((a, b) => a + b, 0) / Math.max(1, frames.length) / seconds, 2),
      errors: reports.reduce<Record<string, number>>((sum, r) => {
        for (const [key, count] of Object.entries(r.errors)) sum[key] = (sum[key] ?? 0) + count;
        return sum;
      }, {}),
    };
    console.log(`reactions: ${JSON.stringify(reactions)}`);
    return {
      mode,
      delegates,
      seconds,
      joinMs: d.joinMs,
      poll: pollResult,
      reactions,
      relays: usage.slice(0, d.relays.length).map((u, i) => ({ ...u, idleRssMb: d.idleRssMb[i] ?? 0 })),
      redis: d.redis ? usage[d.relays.length] : undefined,
      generatorCpu,
      loadavg: load,
    };
  } finally {
    await teardown(d);
  }
}

// ── 3: the ceremony ──────────────────────────────────────────────────────────────────────────

async function ceremony(runtime: Runtime, delegates: number, seconds: number) {
  console.log(`\n── ceremony: ${delegates} delegates over three relays and Redis, ${seconds} s ──`);
  const d = await deploy(runtime, 3, delegates, 3);
  try {
    console.log(`${delegates} joined in ${d.joinMs} ms`);
    await sleep(2000);
    const load = [loadavg()];
    const monitors = [...d.relays.map((relay) => monitor(relay.pid)), ...(d.redis ? [monitor(d.redis.pid)] : [])];
    const generators = [d.guide, ...d.crowds].map((worker) => monitor(worker.child.pid ?? 0));
    const ran = await d.guide.ask({ cmd: 'run', seconds, viewHz: 10, stateEveryMs: 1000, react: false }, 'ran', (seconds + 60) * 1000);
    await sleep(2000);
    const usage = monitors.map((stop) => stop());
    const generatorCpu = round(generators.map((stop) => stop().cpuPercent).reduce((a, b) => a + b, 0), 1);
    load.push(loadavg());
    const reports = await Promise.all(d.crowds.map((crowd) => crowd.ask({ cmd: 'report' }, 'report', 60_000)));
    let lost = 0;
    const changeLatency: number[] = [];
    for (const report of reports) {
      for (const recv of report.stateRecv) {
        for (let rev = 1; rev <= ran.rev; rev += 1) {
          const t = recv[rev];
          const sentAt = ran.stateSent[rev];
          if (t === undefined || t < 0) lost += 1;
          else if (sentAt !== undefined) changeLatency.push(t - sentAt);
        }
      }
    }
    const result = {
      delegates,
      seconds,
      joinMs: d.joinMs,
      camera: cameraLatency(ran.viewSent, reports),
      changes: { ...percentiles(changeLatency), sent: ran.rev, lost },
      guidePing: percentiles(ran.pingRtt),
      relays: usage.slice(0, d.relays.length).map((u, i) => ({ ...u, idleRssMb: d.idleRssMb[i] ?? 0 })),
      redis: usage[d.relays.length],
      generatorCpu,
      loadavg: load,
    };
    console.log(`ceremony: ${JSON.stringify(result)}`);
    return result;
  } finally {
    await teardown(d);
  }
}

// ── table ────────────────────────────────────────────────────────────────────────────────────

type ClassResult = Awaited<ReturnType<typeof pollAndReactions>>;
type CeremonyResult = Awaited<ReturnType<typeof ceremony>>;

export function classTable(results: ClassResult[], ceremonyResult: CeremonyResult | null): string {
  const rows: string[][] = [];
  const ms = (p: { p50: number; p99: number }) => `${p.p50} / ${p.p99} ms`;
  const header = ['', ...results.map((r) => (r.mode === 'memory' ? `${r.delegates} delegates, one relay in memory` : `${r.delegates} delegates, two relays over Redis`))];
  rows.push(['poll: answers counted once (answers sent in the window)', ...results.map((r) => `${r.poll.countedOnce ? 'yes' : 'NO'}: ${r.poll.finalTotal} of ${r.poll.answers} (${r.poll.windowMs} ms)`)]);
  rows.push(['poll: answer → guide\'s tally p50 / p99', ...results.map((r) => ms(r.poll.answerToGuide))]);
  rows.push(['poll: answer → "answer received" p50 / p99', ...results.map((r) => ms(r.poll.answerToAck))]);
  rows.push(['poll: tally complete after the last answer', ...results.map((r) => `${r.poll.tallyCompleteAfterLastMs ?? '—'} ms`)]);
  rows.push(['reactions (1 a second each): camera to delegates p50 / p99', ...results.map((r) => `${ms(r.reactions.camera)} (${(r.reactions.camera.delivered * 100).toFixed(2)} % delivered)`)]);
  rows.push(['reactions: guide ping → pong p50 / p99', ...results.map((r) => ms(r.reactions.guidePing))]);
  rows.push(['reactions: frames a delegate gets a second', ...results.map((r) => `${r.reactions.framesPerDelegatePerSecond} (${r.reactions.sent} reactions sent)`)]);
  rows.push(['relay RSS idle → end (peak)', ...results.map((r) => r.relays.map((u) => `${u.idleRssMb} → ${u.rssMb} MB (${u.peakRssMb})`).join('; '))]);
  rows.push(['relay CPU (of one core)', ...results.map((r) => r.relays.map((u) => `${u.cpuPercent} %`).join('; ') + (r.redis ? `; redis ${r.redis.cpuPercent} %` : ''))]);
  rows.push(['load generators\' CPU', ...results.map((r) => `${r.generatorCpu} %`)]);
  rows.push(['load average (start → end)', ...results.map((r) => `${r.loadavg[0]} → ${r.loadavg[1]}`)]);
  let text = [header, header.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
  if (ceremonyResult) {
    const c = ceremonyResult;
    text += `\n\n| ceremony: ${c.delegates} delegates, three relays over Redis, ${c.seconds} s | |\n| --- | --- |\n`;
    text += [
      ['camera to delegates p50 / p99 / max', `${c.camera.p50} / ${c.camera.p99} / ${c.camera.max} ms (${(c.camera.delivered * 100).toFixed(2)} % delivered)`],
      ['stop changes: p50 / p99, lost', `${ms(c.changes)}, ${c.changes.lost} of ${c.changes.sent} × ${c.delegates}`],
      ['guide ping → pong p50 / p99', ms(c.guidePing)],
      ['join of all delegates', `${c.joinMs} ms`],
      ['relays RSS end (peak)', c.relays.map((u) => `${u.rssMb} MB (${u.peakRssMb})`).join('; ')],
      ['relays CPU; redis', `${c.relays.map((u) => `${u.cpuPercent} %`).join('; ')}; redis ${c.redis?.cpuPercent ?? '—'} %`],
      ['load generators\' CPU', `${c.generatorCpu} %`],
      ['load average (start → end)', `${c.loadavg[0]} → ${c.loadavg[1]}`],
    ]
      .map((row) => `| ${row.join(' | ')} |`)
      .join('\n');
  }
  return text;
}

export async function runClassBench(runtime: Runtime): Promise<string> {
  const delegates = Number(arg('delegates', '1000'));
  const seconds = Number(arg('class-seconds', '30'));
  const ceremonyDelegates = Number(arg('ceremony', '5000'));
  const only = arg('only', 'all');
  const results: ClassResult[] = [];
  if (only === 'all' || only === 'poll') for (const mode of ['memory', 'redis'] as const) results.push(await pollAndReactions(mode, runtime, delegates, seconds));
  const ceremonyResult = only === 'all' || only === 'ceremony' ? await ceremony(runtime, ceremonyDelegates, seconds) : null;
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;
  const text = classTable(results, ceremonyResult);
  console.log(`\n${new Date().toISOString()} · ${machine}\n\n${text}\n`);
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  const file = join(root, 'bench-results', `live-class-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), machine, results, ceremony: ceremonyResult, table: text }, null, 2)}\n`);
  console.log(`written to ${file}`);
  return text;
}

// Run on its own: `tsx bench/live/class.ts`.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runClassBench(arg('runtime', 'bundle') as Runtime).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

