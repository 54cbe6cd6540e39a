/**
 * The deployment of deploy/compose.yaml as processes on 127.0.0.1, for the server tests: app
 * servers started as `npm run serve` starts them (and stopped with the signal an orchestrator
 * sends), and a small reverse proxy in front that does what the compose file's Caddy does —
 * round robin over the replicas, WebSocket upgrades passed through, a refused connection retried
 * on the next replica.
 */
import { spawn } from 'node:child_process';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { repoRoot } from './helpers';

export interface AppProcess {
  pid: number;
  url: string;
  port: number;
  /** Everything the process wrote (its JSON log lines). */
  output(): string;
  /** Sends a signal and waits for the exit. */
  stop(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `node --import tsx server/index.ts` with these settings, on a free loopback port unless PORT is given. */
export async function startApp(env: Record<string, string>): Promise<AppProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: repoRoot,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('exit', (code, signal) => done({ code, signal })));
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${output}`)), 60_000);
    const look = () => {
      const match = /Serving (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.stdout.off('data', look);
      done(match[1]);
    };
    child.stdout.on('data', look);
    void exited.then(({ code }) => {
      clearTimeout(timer);
      fail(new Error(`server exited (${code}):\n${output}`));
    });
  });
  return {
    pid: child.pid ?? 0,
    url,
    port: Number(new URL(url).port),
    output: () => output,
    async stop(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

export interface Proxy {
  url: string;
  /** Replaces the replicas (as an orchestrator does after a restart on a new port). */
  setUpstreams(ports: number[]): void;
  close(): Promise<void>;
}

/** Connects to the next replica that accepts, trying each at most once. */
function connectUpstream(ports: number[], start: number): Promise<Socket> {
  return new Promise((done, fail) => {
    let tried = 0;
    const attempt = () => {
      if (tried >= ports.length) {
        fail(new Error('no upstream accepts'));
        return;
      }
      const port = ports[(start + tried) % ports.length] as number;
      tried += 1;
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.removeAllListeners('error');
        done(socket);
      });
      socket.once('error', attempt);
    };
    attempt();
  });
}

function rawHead(req: IncomingMessage): string {
  const lines = [`${req.method} ${req.url} HTTP/1.1`];
  for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}

export async function startProxy(ports: number[]): Promise<Proxy> {
  let upstreams = [...ports];
  let next = 0;
  const open = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const pick = next++;
    const tryUpstream = (tries: number) => {
      const port = upstreams[(pick + tries) % upstreams.length] as number;
      const forward = request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      forward.on('error', () => {
        if (!res.headersSent && tries + 1 < upstreams.length) tryUpstream(tries + 1);
        else if (!res.headersSent) res.writeHead(502).end();
        else res.destroy();
      });
      req.pipe(forward);
    };
    tryUpstream(0);
  });
  server.on('upgrade', (req: IncomingMessage, client: Socket, head: Buffer) => {
    client.on('error', () => client.destroy());
    connectUpstream(upstreams, next++).then(
      (upstream) => {
        open.add(client);
        open.add(upstream);
        upstream.on('error', () => client.destroy());
        upstream.on('close', () => {
          open.delete(upstream);
          client.destroy();
        });
        client.on('close', () => {
          open.delete(client);
          upstream.destroy();
        });
        upstream.write(rawHead(req));
        if (head.length > 0) upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      },
      () => {
        client.end('HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        client.destroy();
      },
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setUpstreams(ports) {
      upstreams = [...ports];
    },
    async close() {
      for (const socket of open) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
