/**
 * The server's database on both engines: created on first open, migrated, kept across a reopen,
 * and the live-report repository (save, list by token, get, purge after 30 days).
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { liveReports, tokenHash, LIVE_REPORT_RETENTION_MS } from '../../server/db/liveReports';
import { MIGRATIONS } from '../../server/db/migrations';
import { openDatabase, SQLITE_FILE_NAME, type AppDatabase } from '../../server/db/open';
import { ENGINES, freshDatabase, stopDatabases } from './databases';

afterAll(stopDatabases);

const DAY = 24 * 3600_000;

describe.each(ENGINES)('the database on %s', (engine) => {
  const opened: AppDatabase[] = [];
  afterAll(async () => {
    for (const database of opened) await database.close();
  });
  const open = async (options: Awaited<ReturnType<typeof freshDatabase>>) => {
    const database = await openDatabase(options);
    opened.push(database);
    return database;
  };

  it('is created on first open with every migration applied, and keeps its rows across a reopen', async () => {
    const options = await freshDatabase(engine);
    const first = await open(options);
    expect(first.engine).toBe(engine);
    await first.ping();
    const applied = await first.db.selectFrom('kysely_migration' as never).select('name' as never).execute();
    expect(applied.map((row) => (row as { name: string }).name)).toEqual(Object.keys(MIGRATIONS));
    const saved = await liveReports(first.db).save({ sessionCode: 'ABC123', tokenHash: tokenHash('guide-token'), report: { roster: ['Anna'] } });
    await first.close();
    opened.pop();

    const second = await open(options);
    expect(await liveReports(second.db).get(saved.id, tokenHash('guide-token'))).toMatchObject({ id: saved.id, report: { roster: ['Anna'] } });
    if (engine === 'sqlite') {
      const file = join(options.dataDir, SQLITE_FILE_NAME);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(second.db);
      expect(journal.rows[0]?.journal_mode).toBe('wal');
    }
  });

  it('live reports: saved for 30 days, listed and read only with their token, replaced on a second save', async () => {
    const { db } = await open(await freshDatabase(engine));
    const reports = liveReports(db);
    const guide = tokenHash('token-of-guide-a');
    const other = tokenHash('token-of-guide-b');
    const t0 = new Date('2026-11-01T10:00:00.000Z');
    const a = await reports.save({ sessionCode: 'AAAAAA', tokenHash: guide, report: { polls: 1, text: '重庆 <b>' } }, t0);
    expect(a.expiresAt).toBe(new Date(t0.getTime() + LIVE_REPORT_RETENTION_MS).toISOString());
    const b = await reports.save({ sessionCode: 'BBBBBB', tokenHash: guide, report: { polls: 2 } }, new Date(t0.getTime() + 60_000));
    await reports.save({ sessionCode: 'CCCCCC', tokenHash: other, report: {} }, t0);

    expect((await reports.listByTokenHash(guide, t0)).map((r) => r.sessionCode)).toEqual(['BBBBBB', 'AAAAAA']);
    expect(await reports.get(a.id, other, t0)).toBeNull();
    expect((await reports.get(a.id, guide, t0))?.report).toEqual({ polls: 1, text: '重庆 <b>' });

    const later = new Date(t0.getTime() + 10 * DAY);
    const again = await reports.save({ sessionCode: 'AAAAAA', tokenHash: guide, report: { polls: 3 } }, later);
    expect(again.id).toBe(a.id);
    expect(again.createdAt).toBe(a.createdAt);
    expect(again.expiresAt).toBe(new Date(later.getTime() + LIVE_REPORT_RETENTION_MS).toISOString());
    expect((await reports.get(a.id, guide, later))?.report).toEqual({ polls: 3 });
    expect(b.id).not.toBe(a.id);
  });

  it('live reports: expired ones are neither listed nor read, and purging deletes them', async () => {
    const { db } = await open(await freshDatabase(engine));
    const reports = liveReports(db);
    const guide = tokenHash('token');
    const t0 = new Date('2026-11-01T10:00:00.000Z');
    const old = await reports.save({ sessionCode: 'OLDOLD', tokenHash: guide, report: {} }, t0);
    await reports.save({ sessionCode: 'NEWNEW', tokenHash: guide, report: {} }, new Date(t0.getTime() + 5 * DAY));
    const day30 = new Date(t0.getTime() + 30 * DAY);
    expect((await reports.listByTokenHash(guide, new Date(day30.getTime() - 1))).map((r) => r.sessionCode)).toEqual(['NEWNEW', 'OLDOLD']);
    expect((await reports.listByTokenHash(guide, day30)).map((r) => r.sessionCode)).toEqual(['NEWNEW']);
    expect(await reports.get(old.id, guide, day30)).toBeNull();
    expect(await reports.purgeExpired(day30)).toBe(1);
    expect(await reports.purgeExpired(day30)).toBe(0);
    expect(await reports.purgeExpired(new Date(t0.getTime() + 35 * DAY))).toBe(1);
    expect(await reports.listByTokenHash(guide, t0)).toEqual([]);
  });
});
