/** A transport-free relay for tests: fake peers that record what the relay sends them. */
import { encode, type ServerMessage } from '../../src/live/protocol';
import { parseServerMessage } from '../../src/live/schemas';
import { MemoryBackplane } from '../../server/backplane';
import { Relay, type RelayOptions } from '../../server/relay';
import type { Conn, Peer } from '../../server/relayConn';

/** A socket stand-in: records what the relay sends and how it closes. */
export class FakePeer implements Peer {
  readonly received: ServerMessage[] = [];
  invalid = 0;
  closedWith: number | null = null;
  terminated = false;
  bufferedAmount = 0;
  constructor(readonly address = '127.0.0.1') {}
  send(data: Buffer): void {
    const message = parseServerMessage(data.toString('utf8'));
    if (message) this.received.push(message);
    else this.invalid += 1;
  }
  close(code: number): void {
    this.closedWith = code;
  }
  terminate(): void {
    this.terminated = true;
  }
  of<T extends ServerMessage['type']>(type: T): Extract<ServerMessage, { type: T }>[] {
    return this.received.filter((m): m is Extract<ServerMessage, { type: T }> => m.type === type);
  }
}

/** Makes relays on one secret (as a restarted process would have) and connects fake peers. */
export function fakeRelays() {
  const secret = Buffer.from('another test secret, long enough for the relay');
  const relays: Relay[] = [];
  function makeRelay(options: Partial<RelayOptions> = {}): Relay {
    const relay = new Relay(new MemoryBackplane({ sessionTtlMs: 60_000, endedTtlMs: 60_000 }), secret, { parkMs: 0, ...options });
    relays.push(relay);
    return relay;
  }
  function connect(relay: Relay, address?: string): { peer: FakePeer; conn: Conn; send: (message: Parameters<typeof encode>[0]) => void } {
    const peer = new FakePeer(address);
    const conn = relay.open(peer);
    return { peer, conn, send: (message) => relay.receive(conn, Buffer.from(encode(message))) };
  }
  const shutdownAll = () => {
    for (const relay of relays.splice(0)) relay.shutdown();
  };
  return { secret, makeRelay, connect, shutdownAll };
}
