/**
 * The server's own state on disk (the relay's secret, the codes of ended sessions): one directory,
 * created 0700, its files 0600. Whatever is found there must be the server user's and private, or
 * the server refuses to start: a secret another local user could have planted (or read) would let
 * them forge guide tokens.
 *
 * `DATA_DIR`, else `$XDG_STATE_HOME/chinese-bridge-delegation-online`, else `./data` — never a
 * shared temporary directory.
 */
import { chmodSync, closeSync, fstatSync, mkdirSync, openSync, readFileSync, statSync, writeSync, type Stats } from 'node:fs';
import { join, resolve } from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DATA_DIR) return resolve(env.DATA_DIR);
  if (env.XDG_STATE_HOME) return join(resolve(env.XDG_STATE_HOME), 'chinese-bridge-delegation-online');
  return resolve('data');
}

const uid = (): number | null => (typeof process.getuid === 'function' ? process.getuid() : null);

/** Throws a clear error unless `stats` belong to this process's user and nobody else may read or write them. */
export function checkPrivate(path: string, stats: Stats, kind: 'directory' | 'file'): void {
  const me = uid();
  if (me !== null && stats.uid !== me) {
    throw new Error(`${path}: this ${kind} belongs to user ${stats.uid}, not to the server's user ${me}; refusing to trust it (remove it, or chown it to the server's user)`);
  }
  if ((stats.mode & 0o077) !== 0) {
    const mode = (stats.mode & 0o777).toString(8);
    throw new Error(`${path}: mode ${mode} lets other users in; refusing to trust it (chmod ${kind === 'directory' ? 700 : 600} ${path})`);
  }
}

/** Creates the data directory (0700) or checks the one there; returns its absolute path. */
export function ensureDataDir(dir: string): string {
  const path = resolve(dir);
  mkdirSync(path, { recursive: true, mode: 0o700 });
  checkPrivate(path, statSync(path), 'directory');
  return path;
}

/** A private file's text, or null when it does not exist. Refuses one that is not private. */
export function readPrivateFile(path: string): string | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    // Checked on the open descriptor, so the file cannot be swapped between the check and the read.
    checkPrivate(path, fstatSync(fd), 'file');
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/** Creates a file 0600 with `text`; false when it already exists (someone else created it first). */
export function createPrivateFile(path: string, text: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    // The umask may have taken bits away, never added them; make it exactly 0600.
    chmodSync(path, 0o600);
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return true;
}
