/**
 * The one process of `npm start`: an http server that serves the built app and, on the same port,
 * the live relay. In memory unless `redisUrl` is given.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LIVE_PATH } from '../src/live/protocol';
import { createLive, defaultLiveOptions, type LiveOptions } from './live';
import type { Relay } from './relay';
import { createStaticHandler } from './static';

export interface LiveServerOptions extends LiveOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  distDir: string;
}

export const defaultServerOptions = (): LiveServerOptions => ({
  ...defaultLiveOptions(),
  host: '127.0.0.1',
  port: 4173,
  distDir: 'dist',
});

export interface LiveServer {
  /** `http://host:port` */
  url: string;
  port: number;
  server: Server;
  relay: Relay;
  mode: 'memory' | 'redis';
  close(): Promise<void>;
}

export async function startLiveServer(overrides: Partial<LiveServerOptions> = {}): Promise<LiveServer> {
  const options = { ...defaultServerOptions(), ...overrides };
  const live = await createLive(options);
  const serveFile = createStaticHandler(options.distDir);
  const server = createServer((req, res) => {
    if ((req.url ?? '').split('?')[0] === LIVE_PATH) {
      res.writeHead(426, { Upgrade: 'websocket', 'Content-Type': 'text/plain; charset=utf-8' }).end('Upgrade to a WebSocket\n');
      return;
    }
    serveFile(req, res);
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host, () => {
      server.off('error', fail);
      done();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${host}:${port}`;
  live.attach(server, url);
  return {
    url,
    port,
    server,
    relay: live.relay,
    mode: live.mode,
    async close() {
      await live.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
