/**
 * The sessions this browser led, kept (localStorage) for as long as their reports are (30 days):
 * code, guide token, start. The token is what the report download asks for (in the Authorization
 * header); it is of no use to lead a session that has ended.
 */
export const GUIDED_KEY = 'cbdo.live.guided';
/** As long as the server keeps a report. */
export const GUIDED_KEPT_MS = 30 * 24 * 3600_000;
/** The server answers at most this many tokens in one list request. */
export const GUIDED_MAX = 50;

export interface GuidedSession {
  code: string;
  token: string;
  /** Epoch ms. */
  startedAt: number;
}

function read(storage: Storage | null, now: number): GuidedSession[] {
  try {
    const list: unknown = JSON.parse(storage?.getItem(GUIDED_KEY) ?? '[]');
    if (!Array.isArray(list)) return [];
    return list.filter(
      (e): e is GuidedSession =>
        typeof e === 'object' && e !== null && typeof e.code === 'string' && typeof e.token === 'string' && typeof e.startedAt === 'number' && e.startedAt > now - GUIDED_KEPT_MS,
    );
  } catch {
    return [];
  }
}

/** The sessions kept, newest first. */
export function guidedSessions(storage: Storage | null, now = Date.now()): GuidedSession[] {
  return read(storage, now).sort((a, b) => b.startedAt - a.startedAt);
}

/** Keeps a session this browser leads (once per code). */
export function rememberGuided(storage: Storage | null, session: GuidedSession): void {
  try {
    const kept = read(storage, session.startedAt).filter((e) => e.code !== session.code);
    storage?.setItem(GUIDED_KEY, JSON.stringify([session, ...kept].slice(0, GUIDED_MAX)));
  } catch {
    // Private mode: only this session's report, while it lasts.
  }
}
