/**
 * Helpers for the relay tests: a WebSocket client that queues what it receives, a reconnecting
 * one (backoff + jitter, like the app's), and spawned relay and redis-server processes — all on
 * 127.0.0.1.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { spawnRedis, spawnRelay as spawnRelayProcess, type Spawned } from '../../lib/liveProcesses';
import { LIVE_PATH, encode, type LiveState, type ServerMessage } from '../../src/live/protocol';
import { parseServerMessage } from '../../src/live/schemas';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

type Outgoing = Parameters<typeof encode>[0];
type Of<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>;

export const liveUrl = (httpUrl: string) => `${httpUrl.replace(/^http/, 'ws')}${LIVE_PATH}`;

export const stopState = (stopId: string, extra: Partial<LiveState> = {}): LiveState => ({
  place: { page: 'stop', campusId: 'yubei', stopId },
  openHotspotId: null,
  tour: null,
  blank: false,
  ...extra,
});

/** Waits until `check` holds, polling. */
export async function until(check: () => boolean, timeoutMs: number, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}

/** A client whose received messages queue up to be taken in order. */
export class TestClient {
  readonly received: ServerMessage[] = [];
  private inbox: ServerMessage[] = [];
  private waiters: (() => void)[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  invalid = 0;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const message = parseServerMessage(String(data));
      if (!message) {
        this.invalid += 1;
        return;
      }
      this.received.push(message);
      this.inbox.push(message);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.closed = new Promise((done) => ws.on('close', (code, reason) => done({ code, reason: String(reason) })));
    ws.on('error', () => {});
  }

  static connect(url: string, options: WebSocket.ClientOptions = {}): Promise<TestClient> {
    return new Promise((done, fail) => {
      const ws = new WebSocket(url, { perMessageDeflate: false, ...options });
      const client = new TestClient(ws);
      ws.once('open', () => done(client));
      ws.once('unexpected-response', (_req, res) => fail(new Error(`HTTP ${res.statusCode}`)));
      ws.once('error', fail);
    });
  }

  send(message: Outgoing): void {
    this.ws.send(encode(message));
  }

  sendRaw(data: string | Buffer, binary = false): void {
    this.ws.send(data, { binary });
  }

  /** Takes the first queued message of this type (waiting for it), skipping none of the others. */
  async next<T extends ServerMessage['type']>(type: T, timeoutMs = 3000): Promise<Of<T>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.inbox.findIndex((message) => message.type === type);
      if (index >= 0) return this.inbox.splice(index, 1)[0] as Of<T>;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${type} within ${timeoutMs} ms; got ${JSON.stringify(this.inbox.map((m) => m.type))}`);
      await new Promise<void>((wake) => {
        const timer = setTimeout(wake, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          wake();
        });
      });
    }
  }

  /** Waits for a message matching `check` among all received so far and to come. */
  async waitFor(check: (message: ServerMessage) => boolean, timeoutMs = 3000, what = 'a message'): Promise<ServerMessage> {
    let found: ServerMessage | undefined;
    await until(() => (found = this.received.find(check)) !== undefined, timeoutMs, what);
    return found as ServerMessage;
  }

  of<T extends ServerMessage['type']>(type: T): Of<T>[] {
    return this.received.filter((message): message is Of<T> => message.type === type);
  }

  clear(): void {
    this.inbox = [];
    this.received.length = 0;
  }

  close(): void {
    this.ws.close();
  }
}

/** Guide: starts a session. */
export async function startSession(url: string): Promise<{ guide: TestClient; code: string; token: string }> {
  const guide = await TestClient.connect(url);
  guide.send({ type: 'start' });
  const started = await guide.next('started');
  return { guide, code: started.code, token: started.token };
}

/** Delegate: joins and takes the `joined` and first `snapshot`. */
export async function joinSession(url: string, code: string, lang: 'zh' | 'en' = 'en', following = true): Promise<{ delegate: TestClient; snapshot: Of<'snapshot'> }> {
  const delegate = await TestClient.connect(url);
  delegate.send({ type: 'join', code, lang, following });
  await delegate.next('joined');
  return { delegate, snapshot: await delegate.next('snapshot') };
}

/**
 * Reconnects with exponential backoff and full jitter (as the app does), running `onOpen` on each
 * connection: the guide resumes and re-sends its state, a delegate joins again.
 */
export class RetryingClient {
  ws: WebSocket | null = null;
  rev = -1;
  connections = 0;
  readonly messages: ServerMessage[] = [];
  private stopped = false;
  private attempt = 0;

  constructor(
    private readonly url: string,
    private readonly onOpen: (client: RetryingClient) => void,
    private readonly onMessage: (client: RetryingClient, message: ServerMessage) => void = () => {},
  ) {
    this.connect();
  }

  private connect(): void {
    if (this.stopped) return;
    const ws = new WebSocket(this.url, { perMessageDeflate: false });
    this.ws = ws;
    ws.on('open', () => {
      this.attempt = 0;
      this.connections += 1;
      this.onOpen(this);
    });
    ws.on('message', (data) => {
      const message = parseServerMessage(String(data));
      if (!message) return;
      this.messages.push(message);
      if (message.type === 'snapshot' && message.rev >= this.rev) this.rev = message.rev;
      this.onMessage(this, message);
    });
    ws.on('error', () => {});
    ws.on('close', () => {
      if (this.stopped) return;
      const delay = Math.random() * Math.min(2000, 100 * 2 ** this.attempt);
      this.attempt += 1;
      setTimeout(() => this.connect(), delay);
    });
  }

  send(message: Outgoing): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(encode(message));
  }

  stop(): void {
    this.stopped = true;
    this.ws?.terminate();
  }
}

/** A relay in its own process (`node --import tsx server/index.ts`), as `npm run serve` runs it. */
export type SpawnedRelay = Spawned;

export const spawnRelay = (env: Record<string, string>): Promise<SpawnedRelay> => spawnRelayProcess(repoRoot, env, 'tsx');

/** A throwaway redis-server on a loopback port, saving nothing to disk. */
export async function startRedis(): Promise<{ url: string; stop(): Promise<void> }> {
  const redis = await spawnRedis();
  return { url: redis.url, stop: () => redis.kill() };
}

/** A guide as the app runs one: on every (re)connection it starts or resumes, then re-sends its latest state. */
export class Guide {
  code = '';
  token = '';
  rev = 0;
  state: LiveState = stopState('gate');
  readonly client: RetryingClient;

  constructor(url: string) {
    this.client = new RetryingClient(
      url,
      (client) => {
        if (!this.token) client.send({ type: 'start' });
        else {
          client.send({ type: 'resume', code: this.code, token: this.token });
          client.send({ type: 'state', rev: this.rev, state: this.state });
        }
      },
      (_client, message) => {
        if (message.type === 'started' && !this.token) {
          this.code = message.code;
          this.token = message.token;
        }
      },
    );
  }

  /** Moves on: a new stop at the next revision (sent now if connected, else on reconnect). */
  move(stopId: string): void {
    this.rev += 1;
    this.state = stopState(stopId);
    this.client.send({ type: 'state', rev: this.rev, state: this.state });
  }
}

/** A delegate as the app runs one: joins again on every (re)connection. */
export const delegateOf = (url: string, code: string, lang: 'zh' | 'en') =>
  new RetryingClient(url, (client) => client.send({ type: 'join', code, lang, following: true }));

