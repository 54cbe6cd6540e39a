/**
 * The relay on WebSockets (ws), on the app's own http server at LIVE_PATH: frames above
 * MAX_FRAME_BYTES close the socket (1009), compression is off, the Origin must be this host's (or
 * listed), and a ws ping every heartbeat drops a socket that did not answer the previous one.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { LIVE_PATH, MAX_FRAME_BYTES } from '../src/live/protocol';
import type { Relay } from './relay';

export interface LiveSocketOptions {
  /** Origins allowed besides the server's own (e.g. the Vite dev server). */
  origins: readonly string[];
  /**
   * Refuse upgrades without an Origin header. Off by default: browsers always send Origin on a
   * WebSocket, so its absence means a non-browser client, which could send any Origin it liked —
   * the check exists to stop other web pages from using a visitor's browser, and that holds.
   */
  requireOrigin: boolean;
  /** Take the client address from X-Forwarded-For (only behind a proxy you run). */
  trustProxy: boolean;
  heartbeatMs: number;
  maxConnections: number;
}

/** The address join limits count against: IPv4 as is, IPv6 by its /64. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy ? String(req.headers['x-forwarded-for'] ?? '').split(',').pop()?.trim() : undefined;
  const raw = forwarded || req.socket.remoteAddress || 'unknown';
  const address = raw.startsWith('::ffff:') ? raw.slice(7) : raw;
  if (!address.includes(':')) return address;
  const groups = address.split(':');
  return `${groups.slice(0, 4).join(':')}::/64`;
}

export function originAllowed(req: IncomingMessage, options: Pick<LiveSocketOptions, 'origins' | 'requireOrigin'>): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return !options.requireOrigin;
  if (options.origins.includes(origin)) return true;
  try {
    return new URL(origin).host.toLowerCase() === String(req.headers.host ?? '').toLowerCase();
  } catch {
    return false;
  }
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${text.length + 1}\r\n\r\n${text}\n`);
  socket.destroy();
}

export function attachLiveSockets(server: Server, relay: Relay, options: LiveSocketOptions): { close(): Promise<void>; readonly size: number } {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    perMessageDeflate: false,
    clientTracking: true,
  });
  const alive = new WeakSet<WebSocket>();

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const path = (req.url ?? '').split('?')[0];
    if (path !== LIVE_PATH) return refuse(socket, 404, 'Not Found');
    if (!originAllowed(req, options)) return refuse(socket, 403, 'Forbidden');
    if (wss.clients.size >= options.maxConnections) return refuse(socket, 503, 'Service Unavailable');
    wss.handleUpgrade(req, socket, head, (ws) => {
      const conn = relay.open({
        address: clientAddress(req, options.trustProxy),
        get bufferedAmount() {
          return ws.bufferedAmount;
        },
        send: (data) => ws.send(data, { binary: false }),
        close: (code, reason) => ws.close(code, reason),
        terminate: () => ws.terminate(),
      });
      alive.add(ws);
      ws.on('pong', () => alive.add(ws));
      ws.on('message', (data, isBinary) => {
        alive.add(ws);
        relay.receive(conn, Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data), isBinary);
      });
      ws.on('close', () => relay.closed(conn));
      // A frame over maxPayload, or invalid UTF-8: ws closes the socket (1009 / 1007) after this.
      ws.on('error', () => {});
    });
  });

  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, options.heartbeatMs);
  heartbeat.unref();

  return {
    /** Closes every socket with 1012 (clients reconnect), waiting up to a second for them to go. */
    async close() {
      clearInterval(heartbeat);
      relay.shutdown();
      const deadline = Date.now() + 1000;
      while (wss.clients.size > 0 && Date.now() < deadline) await new Promise((done) => setTimeout(done, 20));
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((done) => wss.close(() => done()));
    },
    get size() {
      return wss.clients.size;
    },
  };
}
