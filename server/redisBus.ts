/**
 * Scale-out over Redis: each session is a hash `live:s:<CODE>` (hashed token, rev, state, view)
 * that expires when no guide has touched it for the session time-to-live, and a pub/sub channel
 * `live:c:<CODE>` on which relays tell each other of new snapshots, views, counts and the end.
 * Writes that must not interleave (create, compare-and-set of the revision + publish, end) are
 * Lua scripts, so two relays cannot race. Pub/sub can lose a message (e.g. while reconnecting):
 * every relay re-reads the hash every `repeatMs` and re-sends the snapshot, which heals it.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { liveState, liveView, type LiveState, type LiveView } from '../src/live/protocol';
import { busEvent, type Backplane, type BackplaneTimes, type BusEvent, type SaveResult, type SessionRecord } from './backplane';

const sessionKey = (code: string) => `live:s:${code}`;
const endedKey = (code: string) => `live:e:${code}`;
const channel = (code: string) => `live:c:${code}`;
const channelPrefix = 'live:c:';

const CREATE = `
if redis.call('EXISTS', KEYS[1]) == 1 or redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'tok', ARGV[1], 'rev', 0)
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;

const SAVE_STATE = `
local cur = redis.call('HGET', KEYS[1], 'rev')
if not cur then return -1 end
if tonumber(ARGV[1]) < tonumber(cur) then return 0 end
redis.call('HSET', KEYS[1], 'rev', ARGV[1], 'state', ARGV[2])
redis.call('PUBLISH', KEYS[2], ARGV[3])
return 1`;

const SAVE_VIEW = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'view', ARGV[1])
redis.call('PUBLISH', KEYS[2], ARGV[2])
return 1`;

const END = `
redis.call('DEL', KEYS[1])
redis.call('SET', KEYS[2], '1', 'PX', ARGV[1])
redis.call('PUBLISH', KEYS[3], ARGV[2])
return 1`;

function parseJson<T>(text: string | undefined, schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }): T | null {
  if (!text) return null;
  try {
    const result = schema.safeParse(JSON.parse(text));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

export class RedisBackplane implements Backplane {
  readonly shared = true;
  readonly relayId = randomBytes(9).toString('base64url');
  onEvent: (code: string, event: BusEvent) => void = () => {};
  private readonly subscribed = new Map<string, number>();

  private constructor(
    private readonly cmd: Redis,
    private readonly sub: Redis,
    private readonly times: BackplaneTimes,
  ) {
    sub.on('message', (name: string, text: string) => {
      if (!name.startsWith(channelPrefix)) return;
      const event = parseJson(text, busEvent);
      if (event) this.onEvent(name.slice(channelPrefix.length), event);
    });
  }

  /** Connects (two connections: commands, and subscriptions) and checks Redis answers. */
  static async connect(url: string, times: BackplaneTimes): Promise<RedisBackplane> {
    const options = { maxRetriesPerRequest: 2, enableAutoPipelining: true, connectionName: 'live-relay' };
    const cmd = new Redis(url, options);
    const sub = new Redis(url, options);
    // ioredis logs unhandled connection errors itself; the relay only needs them not to crash it.
    for (const client of [cmd, sub]) client.on('error', () => {});
    try {
      await Promise.all([cmd.ping(), sub.ping()]);
    } catch (error) {
      cmd.disconnect();
      sub.disconnect();
      throw new Error(`cannot reach Redis at ${url}: ${(error as Error).message}`);
    }
    return new RedisBackplane(cmd, sub, times);
  }

  /** One secret for all relays of a deployment, when LIVE_SECRET does not set it. */
  async sharedSecret(): Promise<Buffer> {
    await this.cmd.set('live:secret', randomBytes(32).toString('base64url'), 'NX');
    const text = await this.cmd.get('live:secret');
    if (!text) throw new Error('Redis lost live:secret');
    return Buffer.from(text, 'base64url');
  }

  async create(code: string, tokenHash: string): Promise<boolean> {
    const created = await this.cmd.eval(CREATE, 2, sessionKey(code), endedKey(code), tokenHash, this.times.sessionTtlMs);
    return created === 1;
  }

  async load(code: string): Promise<SessionRecord | null> {
    const hash = await this.cmd.hgetall(sessionKey(code));
    if (!hash.tok || hash.rev === undefined) return null;
    const rev = Number(hash.rev);
    if (!Number.isSafeInteger(rev) || rev < 0) return null;
    return { tokenHash: hash.tok, rev, state: parseJson(hash.state, liveState), view: parseJson(hash.view, liveView) };
  }

  async saveState(code: string, rev: number, state: LiveState): Promise<SaveResult> {
    const event: BusEvent = { t: 'snap', r: this.relayId, rev, state };
    const result = await this.cmd.eval(SAVE_STATE, 2, sessionKey(code), channel(code), rev, JSON.stringify(state), JSON.stringify(event));
    return result === 1 ? 'stored' : result === 0 ? 'stale' : 'missing';
  }

  async saveView(code: string, view: LiveView): Promise<void> {
    const event: BusEvent = { t: 'view', r: this.relayId, view };
    await this.cmd.eval(SAVE_VIEW, 2, sessionKey(code), channel(code), JSON.stringify(view), JSON.stringify(event));
  }

  async end(code: string): Promise<void> {
    const event: BusEvent = { t: 'end', r: this.relayId };
    await this.cmd.eval(END, 3, sessionKey(code), endedKey(code), channel(code), this.times.endedTtlMs, JSON.stringify(event));
  }

  async wasEnded(code: string): Promise<boolean> {
    return (await this.cmd.exists(endedKey(code))) === 1;
  }

  async touch(code: string): Promise<void> {
    await this.cmd.pexpire(sessionKey(code), this.times.sessionTtlMs);
  }

  publish(code: string, event: BusEvent): void {
    this.cmd.publish(channel(code), JSON.stringify(event)).catch(() => {});
  }

  async subscribe(code: string): Promise<void> {
    const count = this.subscribed.get(code) ?? 0;
    this.subscribed.set(code, count + 1);
    if (count === 0) await this.sub.subscribe(channel(code));
  }

  async unsubscribe(code: string): Promise<void> {
    const count = this.subscribed.get(code) ?? 0;
    if (count <= 1) {
      this.subscribed.delete(code);
      if (count === 1) await this.sub.unsubscribe(channel(code));
    } else {
      this.subscribed.set(code, count - 1);
    }
  }

  sweep(): void {}

  /** Redis answers (for /readyz). */
  async ping(): Promise<void> {
    await this.cmd.ping();
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.sub.quit(), this.cmd.quit()]);
  }
}
