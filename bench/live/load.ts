/**
 * A load process for `npm run bench:live`, driven by run.ts over IPC: either the guide, or a batch
 * of simulated delegates. Clients reconnect with exponential backoff and full jitter, like the app.
 *
 * No field is added to the protocol: a camera update carries its sequence number in its yaw
 * (`yaw = -180 + seq * YAW_STEP`), and a discrete change is identified by its revision, so the
 * orchestrator correlates each receipt with the guide's send time. Times are CLOCK_MONOTONIC
 * (process.hrtime), which all processes on the machine share.
 */
import WebSocket from 'ws';
import { encode, type LiveState } from '../../src/live/protocol';
import { YAW_STEP, now, type Command, type Event } from './shared';

const send = (event: Event) => process.send?.(event);

const stateFor = (rev: number): LiveState => ({
  place: { page: 'stop', campusId: 'yubei', stopId: `stop-${rev % 12}` },
  openHotspotId: rev % 3 === 0 ? null : `spot-${rev % 7}`,
  tour: null,
  blank: false,
});

/** One socket that reconnects: base 200 ms, doubling, at most 2 s, full jitter. */
class Client {
  ws: WebSocket | null = null;
  connections = 0;
  private attempt = 0;
  private stopped = false;

  constructor(
    private readonly url: string,
    private readonly onOpen: (client: Client) => void,
    private readonly onMessage: (client: Client, text: string) => void,
  ) {
    this.connect();
  }

  private connect(): void {
    if (this.stopped) return;
    const ws = new WebSocket(this.url, { perMessageDeflate: false, skipUTF8Validation: true });
    this.ws = ws;
    ws.on('open', () => {
      this.attempt = 0;
      this.connections += 1;
      this.onOpen(this);
    });
    ws.on('message', (data) => this.onMessage(this, String(data)));
    ws.on('error', () => {});
    ws.on('close', () => {
      if (this.stopped) return;
      const delay = Math.random() * Math.min(2000, 200 * 2 ** this.attempt);
      this.attempt += 1;
      setTimeout(() => this.connect(), delay);
    });
  }

  send(text: string): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(text);
  }

  stop(): void {
    this.stopped = true;
    this.ws?.terminate();
  }
}

// ── guide ────────────────────────────────────────────────────────────────────────────────────

let guide: Client | null = null;
let code = '';
let token = '';
let rev = 0;
/** Changes made while the guide's connection was down, and when it went down and came back. */
const offlineRevs: number[] = [];
let droppedAt: number | null = null;
let reconnectMs: number | null = null;
/** The machine's floor: ping → pong round trips between the guide and its relay, during the run. */
const pingSent: number[] = [];
const pingRtt: number[] = [];

function startGuide(url: string): void {
  guide = new Client(
    url,
    (client) => {
      if (!token) client.send(encode({ type: 'start' }));
      else {
        // As the app does: say who it is, and re-send its latest change.
        client.send(encode({ type: 'resume', code, token }));
        client.send(encode({ type: 'state', rev, state: stateFor(rev) }));
        if (droppedAt !== null && reconnectMs === null) reconnectMs = now() - droppedAt;
      }
    },
    (_client, text) => {
      const message = JSON.parse(text) as { type: string; code?: string; token?: string; t?: number };
      if (message.type === 'pong' && message.t !== undefined) {
        const sent = pingSent[message.t];
        if (sent !== undefined) pingRtt.push(now() - sent);
      }
      if (message.type === 'started' && !token && message.code && message.token) {
        code = message.code;
        token = message.token;
        send({ ev: 'started', code, token });
      }
    },
  );
}

async function runGuide(seconds: number, viewHz: number, stateEveryMs: number, dropAtMs: number | undefined): Promise<void> {
  const viewSent: number[] = [];
  const stateSent: number[] = [];
  const start = now();
  const end = start + seconds * 1000;
  let nextView = start;
  let nextState = start;
  let nextPing = start;
  let dropAt = dropAtMs === undefined ? Infinity : start + dropAtMs;
  while (now() < end) {
    const t = now();
    if (t >= dropAt) {
      // The guide's line drops (as a reload or a lost network would): the client reconnects by itself.
      dropAt = Infinity;
      droppedAt = now();
      guide?.ws?.terminate();
    }
    if (t >= nextPing) {
      const seq = pingSent.length;
      pingSent.push(now());
      guide?.send(encode({ type: 'ping', t: seq }));
      nextPing += 200;
    }
    if (t >= nextState) {
      rev += 1;
      stateSent[rev] = now();
      if (guide?.ws?.readyState !== WebSocket.OPEN) offlineRevs.push(rev);
      guide?.send(encode({ type: 'state', rev, state: stateFor(rev) }));
      nextState += stateEveryMs;
    }
    if (t >= nextView) {
      const seq = viewSent.length;
      viewSent.push(now());
      guide?.send(encode({ type: 'view', view: { yaw: -180 + seq * YAW_STEP, pitch: 0, fov: 90 } }));
      nextView += 1000 / viewHz;
    }
    await new Promise((done) => setTimeout(done, Math.max(0, Math.min(nextView, nextState, nextPing) - now())));
  }
  send({ ev: 'ran', viewSent, stateSent, rev, pingRtt, offlineRevs, reconnectMs });
}

// ── delegates ────────────────────────────────────────────────────────────────────────────────

interface Delegate {
  client: Client;
  viewRecv: number[];
  stateRecv: number[];
  revs: Set<number>;
  rev: number;
  /** When it first held `resyncRev` on a connection after the restart. */
  resyncedAt: number;
}

const delegates: Delegate[] = [];
const errors: Record<string, number> = {};
let resyncRev = -1;
let resyncSince = Infinity;

function startDelegates(url: string, sessionCode: string, count: number, first: number): void {
  let joined = 0;
  const langs = ['zh', 'en'] as const;
  for (let i = 0; i < count; i += 1) {
    const lang = langs[(first + i) % 2] ?? 'en';
    const delegate: Delegate = { client: null as unknown as Client, viewRecv: [], stateRecv: [], revs: new Set(), rev: -1, resyncedAt: 0 };
    // Open gradually: a thousand SYNs at once overflow the listen backlog.
    setTimeout(() => {
      delegate.client = new Client(
        url,
        (client) => client.send(encode({ type: 'join', code: sessionCode, lang, following: true })),
        (client, text) => {
          const t = now();
          // Camera updates are most of the traffic: read the yaw without parsing the whole frame.
          if (text.startsWith('{"v":1,"type":"view"')) {
            const yaw = parseFloat(text.slice(text.indexOf('"yaw":') + 6));
            delegate.viewRecv[Math.round((yaw + 180) / YAW_STEP)] ??= t;
            return;
          }
          const message = JSON.parse(text) as { type: string; rev?: number; code?: string; view?: { yaw: number } | null };
          if (message.type === 'snapshot' && message.rev !== undefined) {
            // A camera update that came with a stop change travels inside its snapshot.
            if (message.view) delegate.viewRecv[Math.round((message.view.yaw + 180) / YAW_STEP)] ??= t;
            delegate.stateRecv[message.rev] ??= t;
            delegate.revs.add(message.rev);
            if (message.rev >= delegate.rev) delegate.rev = message.rev;
            if (message.rev === resyncRev && t >= resyncSince && client.connections > 1 && !delegate.resyncedAt) delegate.resyncedAt = t;
          } else if (message.type === 'joined') {
            if (client.connections === 1) {
              joined += 1;
              if (joined === count) send({ ev: 'joined', count });
            }
          } else if (message.type === 'error') {
            const key = String((message as { code?: string }).code);
            errors[key] = (errors[key] ?? 0) + 1;
          }
        },
      );
      delegates.push(delegate);
    }, Math.floor(i / 25) * 15);
  }
}

process.on('message', (command: Command) => {
  switch (command.cmd) {
    case 'guide':
      startGuide(command.url);
      return;
    case 'delegates':
      startDelegates(command.url, command.code, command.count, command.first);
      return;
    case 'run':
      void runGuide(command.seconds, command.viewHz, command.stateEveryMs, command.dropAtMs);
      return;
    case 'report':
      send({
        ev: 'report',
        viewRecv: delegates.map((d) => Array.from(d.viewRecv, (t) => t ?? -1)),
        stateRecv: delegates.map((d) => Array.from(d.stateRecv, (t) => t ?? -1)),
        revsSeen: delegates.map((d) => [...d.revs]),
        errors,
      });
      return;
    case 'resynced': {
      resyncRev = command.rev;
      resyncSince = command.since;
      const wait = setInterval(() => {
        if (delegates.every((d) => d.resyncedAt > 0)) {
          clearInterval(wait);
          send({ ev: 'resynced', times: delegates.map((d) => d.resyncedAt) });
        }
      }, 20);
      return;
    }
    case 'stop':
      guide?.stop();
      for (const d of delegates) d.client.stop();
      setTimeout(() => process.exit(0), 50);
      return;
  }
});
