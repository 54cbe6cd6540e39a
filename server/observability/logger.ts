/**
 * Structured JSON logs (pino), one line per event, on stdout by default: what a log collector
 * (journald, Docker, Loki…) reads as is. Keys that could ever hold a secret are censored by pino
 * itself, as a second guard behind the rule that no message body, token or join code is logged.
 */
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/** Censored wherever they appear, one level deep (as in `{ req: { token } }`) or at the top. */
const SECRET_KEYS = ['token', 'code', 'secret', 'name', 'authorization', 'cookie', 'password'];

export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: [...SECRET_KEYS, ...SECRET_KEYS.map((key) => `*.${key}`)], censor: '[redacted]' },
    },
    options.destination ?? pino.destination({ dest: 1, sync: false }),
  );
}

/** A logger that writes nothing (tests and embedders that do not want logs). */
export const silentLogger = (): Logger => pino({ level: 'silent' });

/**
 * The path of a request as it may be logged: no query string (it can hold a view, a tour step,
 * anything a link carried), and the join code of a live link (`/en/live/K7QX2M`) masked, since the
 * code is what lets anyone into the session.
 */
export function loggablePath(url: string | undefined): string {
  const path = (url ?? '/').split(/[?#]/)[0] ?? '/';
  return path.replace(/^(\/[^/]+)?\/live\/[^/]+/i, (_match, lang: string | undefined) => `${lang ?? ''}/live/:code`).slice(0, 200);
}
