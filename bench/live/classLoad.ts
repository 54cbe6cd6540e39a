/**
 * A load process of the class benchmark (class.ts), driven over IPC: either the guide (opens a
 * poll, records every tally it is sent, turns the camera, changes stop, pings), or a batch of
 * delegates (join, answer a poll at a given moment — some twice, some again after reconnecting
 * with their pass — react once a second, record camera updates and snapshots). Times are
 * CLOCK_MONOTONIC (shared.ts), the same in every process.
 */
import WebSocket from 'ws';
import { encode, type LiveState, type Outgoing, type ClientMessage } from '../../src/live/protocol';
import { YAW_STEP, now } from './shared';

export type ClassCommand =
  | { cmd: 'guide'; url: string }
  | { cmd: 'delegates'; url: string; code: string; count: number; first: number }
  | { cmd: 'poll'; options: number }
  /** Answer the poll at `start + random · windowMs`; `repeatShare` send it twice, `reconnectShare` reconnect and send it again. */
  | { cmd: 'answer'; poll: number; start: number; windowMs: number; repeatShare: number; reconnectShare: number }
  /** Guide: camera at `viewHz` (and a stop change every `stateEveryMs`, 0: none); delegates: a reaction a second if `react`. */
  | { cmd: 'run'; seconds: number; viewHz: number; stateEveryMs: number; react: boolean }
  | { cmd: 'report' }
  | { cmd: 'stop' };

export type ClassEvent =
  | { ev: 'started'; code: string }
  | { ev: 'joined'; count: number }
  | { ev: 'polled'; poll: number; count: number }
  | { ev: 'answered'; sent: number[]; acked: number[]; choices: number[] }
  | { ev: 'ran'; viewSent: number[]; stateSent: number[]; rev: number; pingRtt: number[] }
  | {
      ev: 'report';
      /** Guide: every tally it got (when, answers counted, per option). */
      tallies: Array<{ t: number; total: number; counts: number[] }>;
      viewRecv: number[][];
      stateRecv: number[][];
      /** Delegates: `reactions` frames received, per delegate. */
      reactionFrames: number[];
      reactionsSent: number;
      errors: Record<string, number>;
    };

const send = (event: ClassEvent) => process.send?.(event);

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

  connect(): void {
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
      if (this.stopped || this.ws !== ws) return;
      const delay = Math.random() * Math.min(2000, 200 * 2 ** this.attempt);
      this.attempt += 1;
      setTimeout(() => this.connect(), delay);
    });
  }

  /** Drops the socket and opens a new one at once (a phone switching networks). */
  reconnect(): void {
    const old = this.ws;
    this.ws = null;
    old?.terminate();
    this.connect();
  }

  send(message: Outgoing<ClientMessage>): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(encode(message));
  }

  stop(): void {
    this.stopped = true;
    this.ws?.terminate();
  }
}

const stateFor = (rev: number): LiveState => ({ place: { page: 'stop', campusId: 'yubei', stopId: `stop-${rev % 12}` }, openHotspotId: null, tour: null, blank: false });

// ── guide ────────────────────────────────────────────────────────────────────────────────────

let guide: Client | null = null;
const tallies: Array<{ t: number; total: number; counts: number[] }> = [];
const pingSent: number[] = [];
const pingRtt: number[] = [];

function startGuide(url: string): void {
  let code = '';
  guide = new Client(
    url,
    (client) => client.send({ type: 'start' }),
    (_client, text) => {
      const t = now();
      const message = JSON.parse(text) as { type: string; code?: string; t?: number; tally?: { all: { total: number; counts: number[] } } };
      if (message.type === 'tally' && message.tally) tallies.push({ t, total: message.tally.all.total, counts: message.tally.all.counts });
      else if (message.type === 'pong' && message.t !== undefined) {
        const sent = pingSent[message.t];
        if (sent !== undefined) pingRtt.push(t - sent);
      } else if (message.type === 'started' && !code && message.code) {
        code = message.code;
        send({ ev: 'started', code });
      }
    },
  );
}

async function runGuide(seconds: number, viewHz: number, stateEveryMs: number): Promise<void> {
  const viewSent: number[] = [];
  const stateSent: number[] = [];
  let rev = 0;
  const start = now();
  const end = start + seconds * 1000;
  let nextView = start;
  let nextState = stateEveryMs > 0 ? start : Infinity;
  let nextPing = start;
  while (now() < end) {
    const t = now();
    if (t >= nextPing) {
      pingSent.push(now());
      guide?.send({ type: 'ping', t: pingSent.length - 1 });
      nextPing += 200;
    }
    if (t >= nextState) {
      rev += 1;
      stateSent[rev] = now();
      guide?.send({ type: 'state', rev, state: stateFor(rev) });
      nextState += stateEveryMs;
    }
    if (t >= nextView) {
      viewSent.push(now());
      guide?.send({ type: 'view', view: { yaw: -180 + (viewSent.length - 1) * YAW_STEP, pitch: 0, fov: 90 } });
      nextView += 1000 / viewHz;
    }
    await new Promise((done) => setTimeout(done, Math.max(0, Math.min(nextView, nextState, nextPing) - now())));
  }
  send({ ev: 'ran', viewSent, stateSent, rev, pingRtt });
}

// ── delegates ────────────────────────────────────────────────────────────────────────────────

interface Delegate {
  client: Client;
  pass: string;
  poll: number;
  sent: number;
  acked: number;
  choice: number;
  viewRecv: number[];
  stateRecv: number[];
  reactionFrames: number;
}

const delegates: Delegate[] = [];
const errors: Record<string, number> = {};
let reactionsSent = 0;
let pollOptions = 4;

function startDelegates(url: string, code: string, count: number, first: number): void {
  let joined = 0;
  let polled = 0;
  for (let i = 0; i < count; i += 1) {
    const lang = (first + i) % 3 === 0 ? 'en' : 'zh';
    const delegate: Delegate = { client: null as unknown as Client, pass: '', poll: 0, sent: -1, acked: -1, choice: (first + i) % 4, viewRecv: [], stateRecv: [], reactionFrames: 0 };
    setTimeout(() => {
      delegate.client = new Client(
        url,
        (client) => client.send({ type: 'join', code, lang, following: true, name: `Delegate ${first + i}`, ...(delegate.pass ? { pass: delegate.pass } : {}) }),
        (client, text) => {
          const t = now();
          if (text.startsWith('{"v":1,"type":"view"')) {
            const yaw = parseFloat(text.slice(text.indexOf('"yaw":') + 6));
            delegate.viewRecv[Math.round((yaw + 180) / YAW_STEP)] ??= t;
            return;
          }
          if (text.startsWith('{"v":1,"type":"reactions"')) {
            delegate.reactionFrames += 1;
            return;
          }
          const message = JSON.parse(text) as { type: string; rev?: number; pass?: string; code?: string; poll?: { id: number } | null; view?: { yaw: number } | null };
          if (message.type === 'snapshot' && message.rev !== undefined) {
            if (message.view) delegate.viewRecv[Math.round((message.view.yaw + 180) / YAW_STEP)] ??= t;
            delegate.stateRecv[message.rev] ??= t;
          } else if (message.type === 'joined' && message.pass) {
            delegate.pass = message.pass;
            if (client.connections === 1) {
              joined += 1;
              if (joined === count) send({ ev: 'joined', count });
            }
          } else if (message.type === 'poll' && message.poll && message.poll.id !== delegate.poll) {
            delegate.poll = message.poll.id;
            polled += 1;
            if (polled === count) send({ ev: 'polled', poll: message.poll.id, count });
          } else if (message.type === 'answered') {
            if (delegate.acked < 0 && delegate.sent >= 0) delegate.acked = t;
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

function answerAll(poll: number, start: number, windowMs: number, repeatShare: number, reconnectShare: number): void {
  let done = 0;
  for (const delegate of delegates) {
    const at = start + Math.random() * windowMs;
    const answer = () => delegate.client.send({ type: 'answer', poll, choices: [delegate.choice % pollOptions] });
    setTimeout(() => {
      delegate.sent = now();
      answer();
      const roll = Math.random();
      // A flaky network sends it again; a phone that switches networks rejoins (with its pass) and sends it again.
      if (roll < repeatShare) setTimeout(answer, 30);
      else if (roll < repeatShare + reconnectShare) {
        setTimeout(() => {
          delegate.client.reconnect();
          const again = setInterval(() => {
            if (delegate.client.ws?.readyState !== WebSocket.OPEN) return;
            clearInterval(again);
            setTimeout(answer, 50);
          }, 10);
        }, 100);
      }
    }, Math.max(0, at - now()));
  }
  const check = setInterval(() => {
    done = delegates.filter((d) => d.acked >= 0).length;
    if (done < delegates.length) return;
    clearInterval(check);
    send({ ev: 'answered', sent: delegates.map((d) => d.sent), acked: delegates.map((d) => d.acked), choices: delegates.map((d) => d.choice % pollOptions) });
  }, 50);
}

async function react(seconds: number): Promise<void> {
  const reactions = ['thumbs', 'clap', 'heart', 'question', 'slower'] as const;
  const end = now() + seconds * 1000;
  // Each delegate its own phase in the second, so the load is spread as real people's would be.
  for (const delegate of delegates) {
    const phase = Math.random() * 1000;
    const tick = () => {
      if (now() >= end) return;
      delegate.client.send({ type: 'react', reaction: reactions[Math.floor(Math.random() * reactions.length)] ?? 'clap' });
      reactionsSent += 1;
      setTimeout(tick, 1000);
    };
    setTimeout(tick, phase);
  }
}

process.on('message', (command: ClassCommand) => {
  switch (command.cmd) {
    case 'guide':
      startGuide(command.url);
      return;
    case 'delegates':
      startDelegates(command.url, command.code, command.count, command.first);
      return;
    case 'poll':
      pollOptions = command.options;
      guide?.send({ type: 'poll-open', source: { kind: 'content', tourId: 'campus-walk', step: 0, questionId: 'bench' }, options: command.options, multiple: false, correct: [0] });
      return;
    case 'answer':
      answerAll(command.poll, command.start, command.windowMs, command.repeatShare, command.reconnectShare);
      return;
    case 'run':
      if (guide) void runGuide(command.seconds, command.viewHz, command.stateEveryMs);
      else if (command.react) void react(command.seconds);
      return;
    case 'report':
      send({
        ev: 'report',
        tallies,
        viewRecv: delegates.map((d) => Array.from(d.viewRecv, (t) => t ?? -1)),
        stateRecv: delegates.map((d) => Array.from(d.stateRecv, (t) => t ?? -1)),
        reactionFrames: delegates.map((d) => d.reactionFrames),
        reactionsSent,
        errors,
      });
      return;
    case 'stop':
      guide?.stop();
      for (const d of delegates) d.client.stop();
      setTimeout(() => process.exit(0), 50);
      return;
  }
});
