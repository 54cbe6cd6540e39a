/**
 * The relay on WebSockets (ws), on the app's own http server at LIVE_PATH: frames above
 * MAX_FRAME_BYTES close the socket (1009), compression is off, the Origin must be one of the
 * server's public origins (scheme, host and port; the Host header is not trusted: DNS rebinding
 * would pass it), sockets per address are capped, and a ws ping every heartbeat drops a socket that
 * did not answer the previous one.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { LIVE_PATH, MAX_FRAME_BYTES } from '../src/live/protocol';
import type { Relay } from './relay';

export interface LiveSocketOptions {
  /**
   * The origins pages of this app are served from (`PUBLIC_ORIGIN`, e.g. `https://tour.example.edu`);
   * when empty, the URL the server prints at start (and its `localhost` twin on a loopback address).
   */
  publicOrigins: readonly string[];
  /** Origins allowed besides those (e.g. the Vite dev server). */
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
  /** Sockets of delegates (and of clients not yet identified); guides get `guideReserve` more. */
  maxConnections: number;
  /** Room kept for guides beyond `maxConnections`, so a full house never locks its guide out. */
  guideReserve: number;
  /** Sockets one address may hold: sized for a school's or a carrier's NAT. */
  maxPerAddress: number;
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

/** An origin as browsers send it: `scheme://host[:port]`, lower case, default ports left out. */
export function normalizeOrigin(origin: string): string | null {
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin.toLowerCase();
  } catch {
    return null;
  }
}

/** The origins of a server reachable at `url` when PUBLIC_ORIGIN is not set. */
export function defaultPublicOrigins(url: string): string[] {
  const origins = [url];
  const parsed = new URL(url);
  if (['127.0.0.1', '[::1]', 'localhost'].includes(parsed.hostname)) {
    for (const host of ['127.0.0.1', 'localhost', '[::1]']) origins.push(`${parsed.protocol}//${host}:${parsed.port}`);
  }
  return [...new Set(origins.map((origin) => normalizeOrigin(origin)).filter((origin): origin is string => origin !== null))];
}

export function originAllowed(req: IncomingMessage, options: Pick<LiveSocketOptions, 'publicOrigins' | 'origins' | 'requireOrigin'>): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return !options.requireOrigin;
  const given = normalizeOrigin(origin);
  if (!given) return false;
  return [...options.publicOrigins, ...options.origins].some((allowed) => normalizeOrigin(allowed) === given);
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${text.length + 1}\r\n\r\n${text}\n`);
  socket.destroy();
}

export function attachLiveSockets(server: Server, relay: Relay, options: LiveSocketOptions): { close(code?: number, reason?: string): Promise<void>; readonly size: number } {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    perMessageDeflate: false,
    clientTracking: true,
  });
  const alive = new WeakSet<WebSocket>();
  const perAddress = new Map<string, number>();

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const path = (req.url ?? '').split('?')[0];
    if (path !== LIVE_PATH) return refuse(socket, 404, 'Not Found');
    if (!originAllowed(req, options)) return refuse(socket, 403, 'Forbidden');
    // Up to maxConnections for everyone; the reserve beyond it only for guides (the relay refuses
    // joins past maxConnections, and closes sockets that never say who they are).
    if (wss.clients.size >= options.maxConnections + options.guideReserve) return refuse(socket, 503, 'Service Unavailable');
    const address = clientAddress(req, options.trustProxy);
    if ((perAddress.get(address) ?? 0) >= options.maxPerAddress) return refuse(socket, 429, 'Too Many Requests');
    perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
    let counted = true;
    const uncount = () => {
      if (!counted) return;
      counted = false;
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left > 0) perAddress.set(address, left);
      else perAddress.delete(address);
    };
    socket.once('close', uncount);
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.once('close', uncount);
      const conn = relay.open({
        address,
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
    /**
     * Closes every socket, with 1012 (restart) unless told 1001 (going away); clients reconnect.
     * Waits up to a second for them to go.
     */
    async close(code?: number, reason?: string) {
      clearInterval(heartbeat);
      relay.shutdown(code, reason);
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
