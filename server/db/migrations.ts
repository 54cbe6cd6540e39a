/**
 * The database's migrations, in the code (not read from a folder at run time, so the bundled server
 * in build/server carries them). Applied in name order at start by kysely's Migrator, which records
 * them in its own table and locks against a second server migrating at the same time. Never edit a
 * migration that has shipped: add the next one.
 */
import type { Kysely, Migration, MigrationProvider } from 'kysely';

const initial: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('quiz_attempts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tour_id', 'text', (c) => c.notNull())
      .addColumn('answers', 'text', (c) => c.notNull())
      .addColumn('correct', 'integer', (c) => c.notNull())
      .addColumn('total', 'integer', (c) => c.notNull())
      .addColumn('passed', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('certificates')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('attempt_id', 'text', (c) => c.notNull().unique().references('quiz_attempts.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('tour_id', 'text', (c) => c.notNull())
      .addColumn('score', 'integer', (c) => c.notNull())
      .addColumn('total', 'integer', (c) => c.notNull())
      .addColumn('percent', 'integer', (c) => c.notNull())
      .addColumn('lang', 'text', (c) => c.notNull())
      .addColumn('issued_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('live_reports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('session_code', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('report', 'text', (c) => c.notNull())
      .addUniqueConstraint('live_reports_session', ['token_hash', 'session_code'])
      .execute();
    await db.schema.createIndex('live_reports_expires').on('live_reports').column('expires_at').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('live_reports').execute();
    await db.schema.dropTable('certificates').execute();
    await db.schema.dropTable('quiz_attempts').execute();
  },
};

export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-quiz-certificates-live-reports': initial,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve({ ...MIGRATIONS }),
};
