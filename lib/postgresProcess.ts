/**
 * A throwaway PostgreSQL cluster for the server tests: initdb in a temporary directory, `postgres`
 * on a free loopback port, trust authentication for its one user, removed on stop. PostgreSQL
 * refuses to run as root, so as root it runs as the `postgres` user the Debian package creates
 * (else `nobody`). scripts/ensure-postgres.sh installs the binaries.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface PostgresProcess {
  /** postgres://USER@127.0.0.1:PORT/postgres */
  url: string;
  stop(): Promise<void>;
}

/** The directory of initdb and postgres: PG_BIN, else the newest /usr/lib/postgresql/N/bin, else PATH. */
export function postgresBinDir(): string | null {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  return which.status === 0 ? join(which.stdout.trim(), '..') : null;
}

/** Who runs the cluster: this process's user, or as root an unprivileged one. */
function runAs(): { uid: number; gid: number; name: string } | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  for (const name of ['postgres', 'nobody']) {
    try {
      const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
      return { uid, gid, name };
    } catch {
      // no such user: try the next
    }
  }
  throw new Error('running as root, and neither a "postgres" nor a "nobody" user exists to run PostgreSQL as');
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

/** True once the cluster answers a query (an open port alone may still say "starting up"). */
async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Starts a cluster; throws with initdb's or postgres's own output when it cannot. */
export async function spawnPostgres(): Promise<PostgresProcess> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL is not installed (no initdb): run `bash scripts/ensure-postgres.sh`');
  const user = runAs();
  const dir = mkdtempSync(join(tmpdir(), 'cbdo-pg-'));
  const data = join(dir, 'data');
  if (user) chownSync(dir, user.uid, user.gid);
  const ids = user ? { uid: user.uid, gid: user.gid } : {};
  const role = user?.name ?? 'postgres';
  const init = spawnSync(join(bin, 'initdb'), ['-D', data, '-U', role, '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-sync'], { ...ids, encoding: 'utf8' });
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed (${init.status ?? init.signal}):\n${init.stdout}${init.stderr}${init.error?.message ?? ''}`);
  }
  const port = await freePort();
  // fsync off: a test cluster that loses its data in a crash loses nothing anyone needs.
  const child = spawn(join(bin, 'postgres'), ['-D', data, '-p', String(port), '-h', '127.0.0.1', '-k', dir, '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'], {
    ...ids,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const cleanup = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT'); // fast shutdown
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  const url = `postgres://${role}@127.0.0.1:${port}/postgres`;
  for (let tries = 0; !(await answers(url)); tries += 1) {
    if (child.exitCode !== null || tries > 200) {
      await cleanup();
      throw new Error(`postgres did not start on port ${port}:\n${output}`);
    }
    await new Promise((done) => setTimeout(done, 50));
  }
  return { url, stop: cleanup };
}
