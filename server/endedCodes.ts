/**
 * The codes of ended sessions, for one relay without Redis: kept in a file of the data directory,
 * so a session its guide ended stays ended after a restart (a guide token alone could otherwise
 * re-create it). One JSON line per code, `{"code":"K7QX2M","until":<ms>}`; expired lines are
 * dropped when the file is read at start, and the file is rewritten then.
 */
import { appendFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createPrivateFile, ensureDataDir, readPrivateFile } from './dataDir';
import { CODE_PATTERN } from '../src/live/protocol';

export const ENDED_FILE_NAME = 'live-ended.jsonl';

export interface EndedCodes {
  add(code: string, until: number): void;
  until(code: string): number | undefined;
  delete(code: string): void;
  entries(): IterableIterator<[string, number]>;
}

/** In memory only (tests, or when no data directory is wanted). */
export const memoryEndedCodes = (): EndedCodes => {
  const map = new Map<string, number>();
  return {
    add: (code, until) => void map.set(code, until),
    until: (code) => map.get(code),
    delete: (code) => void map.delete(code),
    entries: () => map.entries(),
  };
};

export function fileEndedCodes(dataDir: string, now = Date.now()): EndedCodes {
  const file = join(ensureDataDir(dataDir), ENDED_FILE_NAME);
  const map = new Map<string, number>();
  for (const line of (readPrivateFile(file) ?? '').split('\n')) {
    try {
      const entry = JSON.parse(line) as { code?: unknown; until?: unknown };
      if (typeof entry.code === 'string' && CODE_PATTERN.test(entry.code) && typeof entry.until === 'number' && entry.until > now) map.set(entry.code, entry.until);
    } catch {
      // A line cut by a crash: skip it.
    }
  }
  const lines = (entries: Iterable<[string, number]>) => [...entries].map(([code, until]) => `${JSON.stringify({ code, until })}\n`).join('');
  const fresh = `${file}.${process.pid}.tmp`;
  rmSync(fresh, { force: true });
  createPrivateFile(fresh, lines(map));
  renameSync(fresh, file);
  return {
    add(code, until) {
      map.set(code, until);
      // Synchronous: an end is rare, and it must be on disk before the guide is told it ended.
      appendFileSync(file, lines([[code, until]]), { mode: 0o600 });
    },
    until: (code) => map.get(code),
    delete: (code) => void map.delete(code),
    entries: () => map.entries(),
  };
}
