/**
 * A connection as the relay sees it. The relay knows no transport: a socket is a `Peer` (send,
 * close, bufferedAmount), so the same code runs behind ws (liveSocket.ts) and behind the fakes of
 * the tests.
 */
import type { Lang } from '../src/content/limits';
import { encode, type LiveStopRef, type Outgoing, type ServerMessage } from '../src/live/protocol';
import type { TokenBucket } from './limits';

/** One client connection, as the relay sees it. */
export interface Peer {
  /** The address that join limits count against. */
  readonly address: string;
  /** Bytes accepted for sending but not yet written to the network. */
  readonly bufferedAmount: number;
  send(data: Buffer): void;
  /** Closes with a WebSocket close code. */
  close(code: number, reason: string): void;
  /** Drops the connection at once. */
  terminate(): void;
}

/** WebSocket close codes the relay uses. */
export const CLOSE = { goingAway: 1001, policy: 1008, tooBig: 1009, unavailable: 1011, restart: 1012, tryLater: 1013 } as const;

type Role = 'none' | 'guide' | 'delegate';

/** A connection's relay-side state. */
export class Conn {
  role: Role = 'none';
  code: string | null = null;
  lang: Lang = 'en';
  following = true;
  /** The session this socket waits for (its guide is away), and until when. */
  parkedCode: string | null = null;
  parkedUntil = 0;
  /** A delegate's pass (kept from its join), its id (delegateIdOf) and the name it gave (undefined: keep). */
  pass: string | null = null;
  delegateId: string | null = null;
  name: string | null | undefined = undefined;
  /** Where a delegate looking around is, as it last said. */
  at: LiveStopRef | null = null;
  /** This socket in class logs: the relay's id and a count. */
  key = '';
  /** Whether it has said who it is (start, resume or join); sockets that never do are closed. */
  greeted = false;
  badMessages = 0;
  closed = false;
  chain: Promise<void> = Promise.resolve();

  constructor(
    readonly peer: Peer,
    readonly bucket: TokenBucket,
    readonly openedAt: number,
  ) {}
}

export type RelayMessage = Outgoing<ServerMessage>;

/** Encodes once, so a broadcast costs one JSON.stringify however many delegates there are. */
export const frame = (message: RelayMessage): Buffer => Buffer.from(encode(message));
