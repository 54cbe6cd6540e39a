/**
 * The two engines the server's database runs on, for tests that run the same cases on both
 * (`describe.each(ENGINES)`): SQLite in a fresh data directory, PostgreSQL in a fresh database of a
 * throwaway cluster (lib/postgresProcess.ts) started once per test file. When PostgreSQL cannot
 * start, its cases fail with the reason: nothing is skipped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { spawnPostgres, type PostgresProcess } from '../../lib/postgresProcess';
import type { DatabaseOptions, Engine } from '../../server/db/open';

export const ENGINES: Engine[] = ['sqlite', 'postgres'];

let cluster: Promise<PostgresProcess> | null = null;
const dirs: string[] = [];

/** Options for a new, empty database on `engine`. */
export async function freshDatabase(engine: Engine): Promise<DatabaseOptions> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cbdo-db-'));
  dirs.push(dataDir);
  if (engine === 'sqlite') return { databaseUrl: null, dataDir };
  cluster ??= spawnPostgres();
  const { url } = await cluster.catch((error: unknown) => {
    throw new Error(`PostgreSQL did not start for the tests (scripts/ensure-postgres.sh installs it): ${error instanceof Error ? error.message : String(error)}`);
  });
  const name = `t_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return { databaseUrl: url.replace(/\/postgres$/, `/${name}`), dataDir };
}

/** Stops the cluster and removes the data directories (afterAll). */
export async function stopDatabases(): Promise<void> {
  const running = cluster;
  cluster = null;
  if (running) await (await running.catch(() => null))?.stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}
