/**
 * Relays and a redis-server in processes of their own, for `npm run bench:live` and the server tests
 * (tests/server): a relay as production or `npm run serve` runs it, killed with SIGKILL as in a crash.
 */
import { spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { LIVE_PATH } from '../src/live/protocol';

export interface Spawned {
  pid: number;
  url: string;
  wsUrl: string;
  port: number;
  /** SIGKILL, as a crash. */
  kill(): Promise<void>;
}

/**
 * `bundle`: build/server/index.js (npm run build:server) under plain node, as in production;
 * `tsx`: server/index.ts under `node --import tsx`, as `npm start` runs it (one process either way,
 * so its CPU and memory are the relay's).
 */
export type Runtime = 'bundle' | 'tsx';

export async function spawnRelay(root: string, env: Record<string, string>, runtime: Runtime = 'bundle', nodeFlags: string[] = []): Promise<Spawned> {
  const args = [...nodeFlags, ...(runtime === 'bundle' ? ['build/server/index.js'] : ['--import', 'tsx', 'server/index.ts'])];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`relay did not start:\n${output}`)), 20_000);
    child.stdout.on('data', () => {
      const match = /Serving (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        done(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`relay exited (${code}):\n${output}`));
    });
  });
  return {
    pid: child.pid ?? 0,
    url,
    wsUrl: `${url.replace(/^http/, 'ws')}${LIVE_PATH}`,
    port: Number(new URL(url).port),
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

/** A throwaway redis-server on a loopback port, saving nothing to disk. */
export async function spawnRedis(): Promise<Omit<Spawned, 'wsUrl'>> {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'], { stdio: 'ignore' });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  for (let tries = 0; ; tries += 1) {
    const up = await new Promise<boolean>((done) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        done(true);
      });
      socket.on('error', () => done(false));
    });
    if (up) break;
    if (tries > 200 || child.exitCode !== null) throw new Error('redis-server did not start');
    await new Promise((done) => setTimeout(done, 50));
  }
  return {
    pid: child.pid ?? 0,
    url: `redis://127.0.0.1:${port}`,
    port,
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
