/**
 * A live-session connection that survives a bad network: it reconnects by itself with backoff
 * and jitter, heartbeats both ways, and on every (re)connection says who it is again (`hello`),
 * so the relay answers with the current snapshot. Framework-free: the session (features/live)
 * listens to it. Its surroundings (WebSocket, parser, randomness, the window's online/offline
 * events) can be handed in, so tests drive it without a network.
 */
import { encode, HEARTBEAT_MS, LIVE_PATH, type ClientMessage, type Outgoing, type ServerMessage } from './protocol';

export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

type Parser = (data: string) => ServerMessage | null;

export interface ConnectionEnv {
  WebSocket: typeof WebSocket;
  /** The validator comes with the first live connection (zod is not on the first page). */
  loadParser(): Promise<Parser>;
  random(): number;
  now(): number;
  /** Where `online` and `offline` are announced. */
  events: Pick<Window, 'addEventListener' | 'removeEventListener'>;
}

export interface LiveConnectionOptions {
  /** Messages to send each time the socket opens: the join or the guide's resume. */
  hello(): Outgoing<ClientMessage>[];
  onMessage(message: ServerMessage): void;
  onStatus(status: ConnectionStatus): void;
  /** Defaults to this page's host, ws: or wss: as the page is http: or https:. */
  url?: string;
  env?: Partial<ConnectionEnv>;
}

/** The session's wish of a connection: what liveSession needs, and what its tests fake. */
export interface Connection {
  send(message: Outgoing<ClientMessage>): boolean;
  readonly congested: boolean;
  /** Closes the socket now and opens a new one after `ms` (a limit said when to come back). */
  retryIn(ms: number): void;
  close(): void;
}

export const BACKOFF_MIN_MS = 500;
export const BACKOFF_MAX_MS = 10_000;
/** Silence for this long (two and a half heartbeats) means a dead line, whatever the socket says. */
export const SILENCE_MS = 2.5 * HEARTBEAT_MS;

/**
 * Exponential backoff with full jitter, so a restarted relay is not hit by everyone at once: a
 * delay in [BACKOFF_MIN_MS / 2, BACKOFF_MIN_MS / 2 + min(BACKOFF_MAX_MS, BACKOFF_MIN_MS · 2^attempt)).
 */
export function backoffDelay(attempt: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** attempt);
  return BACKOFF_MIN_MS / 2 + random() * ceiling;
}

export function liveUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}${LIVE_PATH}`;
}

let parserLoad: Promise<Parser> | undefined;
const loadParser = () => {
  parserLoad ??= import('./schemas').then((m) => m.parseServerMessage);
  parserLoad.catch(() => (parserLoad = undefined));
  return parserLoad;
};

const browserEnv = (): ConnectionEnv => ({ WebSocket, loadParser, random: Math.random, now: Date.now, events: window });

export class LiveConnection implements Connection {
  private socket: WebSocket | null = null;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private lastHeard = 0;
  private stopped = false;
  private parse: Parser | null = null;
  private readonly env: ConnectionEnv;

  constructor(private readonly options: LiveConnectionOptions) {
    this.env = { ...browserEnv(), ...options.env };
    // A phone that loses its network says so before any heartbeat could: drop the socket at once,
    // and try again the moment the network is back rather than at the end of a backoff.
    this.env.events.addEventListener('offline', this.onOffline);
    this.env.events.addEventListener('online', this.onOnline);
    this.open();
  }

  private readonly onOffline = () => this.socket?.close();

  private readonly onOnline = () => {
    if (this.stopped || !this.parse || this.socket?.readyState === this.env.WebSocket.OPEN) return;
    clearTimeout(this.retryTimer);
    this.attempt = 0;
    this.open();
  };

  send(message: Outgoing<ClientMessage>): boolean {
    if (this.socket?.readyState !== this.env.WebSocket.OPEN) return false;
    this.socket.send(encode(message));
    return true;
  }

  /** Whether the socket is too backed up for a camera update (the latest will follow). */
  get congested(): boolean {
    return (this.socket?.bufferedAmount ?? 0) > 16_384;
  }

  retryIn(ms: number): void {
    if (this.stopped) return;
    clearTimeout(this.retryTimer);
    clearInterval(this.heartbeat);
    const socket = this.socket;
    this.socket = null;
    socket?.close();
    this.options.onStatus('reconnecting');
    this.retryTimer = setTimeout(() => this.open(), ms);
  }

  close(): void {
    this.stopped = true;
    this.env.events.removeEventListener('offline', this.onOffline);
    this.env.events.removeEventListener('online', this.onOnline);
    clearTimeout(this.retryTimer);
    clearInterval(this.heartbeat);
    this.socket?.close();
    this.options.onStatus('closed');
  }

  private open() {
    if (this.stopped) return;
    this.options.onStatus(this.attempt === 0 && !this.socket ? 'connecting' : 'reconnecting');
    if (!this.parse) {
      void this.env.loadParser().then(
        (parse) => {
          this.parse = parse;
          this.open();
        },
        // The chunk did not come (a dropped line): try again like a failed connection.
        () => this.retry(),
      );
      return;
    }
    const parse = this.parse;
    this.socket?.close();
    const socket = new this.env.WebSocket(this.options.url ?? liveUrl());
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.lastHeard = this.env.now();
      this.options.onStatus('open');
      for (const message of this.options.hello()) this.send(message);
      clearInterval(this.heartbeat);
      this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS);
    };
    socket.onmessage = (event) => {
      this.lastHeard = this.env.now();
      if (typeof event.data !== 'string') return;
      const message = parse(event.data);
      if (message && message.type !== 'pong') this.options.onMessage(message);
    };
    socket.onclose = () => {
      clearInterval(this.heartbeat);
      if (this.socket === socket) this.retry();
    };
    socket.onerror = () => socket.close();
  }

  private beat() {
    // No word from the relay for too long: the line is dead even if the socket says open.
    if (this.env.now() - this.lastHeard > SILENCE_MS) {
      this.socket?.close();
      return;
    }
    this.send({ type: 'ping', t: this.env.now() });
  }

  private retry() {
    if (this.stopped) return;
    this.options.onStatus('reconnecting');
    const delay = backoffDelay(this.attempt, this.env.random);
    this.attempt += 1;
    this.retryTimer = setTimeout(() => this.open(), delay);
  }
}
