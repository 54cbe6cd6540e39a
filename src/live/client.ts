/**
 * A live-session connection that survives a bad network: it reconnects by itself with backoff
 * and jitter, heartbeats both ways, and on every (re)connection says who it is again (`hello`),
 * so the relay answers with the current snapshot. Framework-free: the UI listens to it.
 */
import { encode, HEARTBEAT_MS, LIVE_PATH, type ClientMessage, type ServerMessage } from './protocol';

export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

type Outgoing = ClientMessage extends infer M ? (M extends { v: number } ? Omit<M, 'v'> : never) : never;

export interface LiveConnectionOptions {
  /** Messages to send each time the socket opens: the join or the guide's resume. */
  hello(): Outgoing[];
  onMessage(message: ServerMessage): void;
  onStatus(status: ConnectionStatus): void;
  /** Defaults to this page's host, ws: or wss: as the page is http: or https:. */
  url?: string;
}

const BACKOFF_MIN_MS = 500;
const BACKOFF_MAX_MS = 10_000;

export function liveUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}${LIVE_PATH}`;
}

type Parser = (data: string) => ServerMessage | null;
let parserLoad: Promise<Parser> | undefined;
/** The validator (and zod) comes with the first live connection, not with the first page. */
const loadParser = () => (parserLoad ??= import('./schemas').then((m) => m.parseServerMessage));

export class LiveConnection {
  private socket: WebSocket | null = null;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private lastHeard = 0;
  private stopped = false;
  private parse: Parser | null = null;

  constructor(private readonly options: LiveConnectionOptions) {
    // A phone that loses its network says so before any heartbeat could: drop the socket at once,
    // and try again the moment the network is back rather than at the end of a backoff.
    window.addEventListener('offline', this.onOffline);
    window.addEventListener('online', this.onOnline);
    this.open();
  }

  private readonly onOffline = () => this.socket?.close();

  private readonly onOnline = () => {
    if (this.stopped || !this.parse || this.socket?.readyState === WebSocket.OPEN) return;
    clearTimeout(this.retryTimer);
    this.attempt = 0;
    this.open();
  };

  send(message: Outgoing): boolean {
    if (this.socket?.readyState !== WebSocket.OPEN) return false;
    this.socket.send(encode(message as Parameters<typeof encode>[0]));
    return true;
  }

  /** Whether the socket is too backed up for a camera update (the latest will follow). */
  get congested(): boolean {
    return (this.socket?.bufferedAmount ?? 0) > 16_384;
  }

  close(): void {
    this.stopped = true;
    window.removeEventListener('offline', this.onOffline);
    window.removeEventListener('online', this.onOnline);
    clearTimeout(this.retryTimer);
    clearInterval(this.heartbeat);
    this.socket?.close();
    this.options.onStatus('closed');
  }

  private open() {
    if (this.stopped) return;
    this.options.onStatus(this.attempt === 0 && !this.socket ? 'connecting' : 'reconnecting');
    if (!this.parse) {
      void loadParser().then(
        (parse) => {
          this.parse = parse;
          this.open();
        },
        // The chunk did not come (a dropped line): try again like a failed connection.
        () => {
          parserLoad = undefined;
          this.retry();
        },
      );
      return;
    }
    const parse = this.parse;
    this.socket?.close();
    const socket = new WebSocket(this.options.url ?? liveUrl());
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.lastHeard = Date.now();
      this.options.onStatus('open');
      for (const message of this.options.hello()) this.send(message);
      clearInterval(this.heartbeat);
      this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS);
    };
    socket.onmessage = (event) => {
      this.lastHeard = Date.now();
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
    // Two beats without a word from the relay: the line is dead even if the socket says open.
    if (Date.now() - this.lastHeard > 2.5 * HEARTBEAT_MS) {
      this.socket?.close();
      return;
    }
    this.send({ type: 'ping', t: Date.now() });
  }

  private retry() {
    if (this.stopped) return;
    this.options.onStatus('reconnecting');
    // Exponential backoff with full jitter, so a restarted relay is not hit by everyone at once.
    const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** this.attempt);
    this.attempt += 1;
    this.retryTimer = setTimeout(() => this.open(), BACKOFF_MIN_MS / 2 + Math.random() * ceiling);
  }
}
