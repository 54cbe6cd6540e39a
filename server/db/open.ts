/**
 * Opens the server's database and brings its schema up to date: PostgreSQL when a URL is given
 * (several servers behind a load balancer share it), else SQLite in a file of the data directory
 * (nothing to install; one server). Both behind one kysely query layer.
 */
import { closeSync, fstatSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { checkPrivate, ensureDataDir } from '../dataDir';
import { migrationProvider } from './migrations';
import type { Database } from './schema';

export const SQLITE_FILE_NAME = 'database.sqlite3';

export type Engine = 'sqlite' | 'postgres';

export interface AppDatabase {
  db: Kysely<Database>;
  engine: Engine;
  /** Resolves when the database answers a query (for /readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** `postgres://…` (DATABASE_URL); null: SQLite in `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
}

/**
 * Creates the SQLite file 0600 before SQLite does (SQLite would make it with the umask's mode,
 * and gives its -wal and -shm files the database file's mode), or checks the one there is private.
 */
function privateDatabaseFile(dataDir: string): string {
  const file = join(ensureDataDir(dataDir), SQLITE_FILE_NAME);
  const fd = openSync(file, 'a', 0o600);
  try {
    checkPrivate(file, fstatSync(fd), 'file');
  } finally {
    closeSync(fd);
  }
  return file;
}

async function sqliteDialect(dataDir: string): Promise<SqliteDialect> {
  const { default: BetterSqlite3 } = await import('better-sqlite3');
  const connection = new BetterSqlite3(privateDatabaseFile(dataDir));
  // WAL: readers do not wait for the writer, and a crash mid-write leaves the last commit intact.
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = NORMAL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  return new SqliteDialect({ database: connection });
}

async function postgresDialect(url: string): Promise<PostgresDialect> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle pooled connection the server closes (a restart, an admin's terminate) emits 'error' on
  // the pool; without a listener that would crash the process. The pool drops that client and opens
  // a new one on the next query, and a query that fails is reported where it was made.
  pool.on('error', (error) => {
    process.emitWarning(`PostgreSQL dropped an idle connection: ${error.message}`);
  });
  return new PostgresDialect({ pool });
}

/** Applies the migrations not yet applied; throws with the one that failed. */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'the migrations';
    throw new Error(`database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function openDatabase(options: DatabaseOptions): Promise<AppDatabase> {
  const engine: Engine = options.databaseUrl ? 'postgres' : 'sqlite';
  const dialect = options.databaseUrl ? await postgresDialect(options.databaseUrl) : await sqliteDialect(options.dataDir);
  const db = new Kysely<Database>({ dialect });
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  let closed: Promise<void> | null = null;
  return {
    db,
    engine,
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: () => (closed ??= db.destroy()),
  };
}
