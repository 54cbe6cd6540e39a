/**
 * Scale-out over Redis: each session is a hash `live:s:<CODE>` (hashed token, rev, state, view)
 * that expires when no guide has touched it for the session time-to-live, and a pub/sub channel
 * `live:c:<CODE>` on which relays tell each other of new snapshots, views, counts and the end.
 * Ended codes are `live:e:<CODE>`; join-code guesses per address a sorted set `live:g:<address>`
 * (code → time), so every relay counts an address's guesses together.
 * Writes that must not interleave (create, compare-and-set of the revision + publish, end) are
 * Lua scripts, so two relays cannot race. Pub/sub can lose a message (e.g. while reconnecting):
 * every relay re-reads the hash every `repeatMs` and re-sends the snapshot, which heals it.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { LiveState, LiveView } from '../src/live/protocol';
import { liveState, liveView } from '../src/live/schemas';
import { parseClassEvent, type ClassEvent, type Logged } from './classEvents';
import { busEvent, type Backplane, type BackplaneTimes, type BusEvent, type GuessLimit, type Saved, type SessionRecord } from './backplane';

const sessionKey = (code: string) => `live:s:${code}`;
const endedKey = (code: string) => `live:e:${code}`;
const channel = (code: string) => `live:c:${code}`;
const guessKey = (address: string) => `live:g:${address}`;
const logKey = (code: string) => `live:l:${code}`;
/** A class log outlives its session by this much after the end, for the report of a late reader. */
const LOG_AFTER_END_MS = 3600_000;
const channelPrefix = 'live:c:';
const SECRET_ID_KEY = 'live:secret-id';

const CREATE = `
if redis.call('EXISTS', KEYS[1]) == 1 or redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'tok', ARGV[1], 'rev', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;

/** The rule of backplane.ts's nextRevision, done where no other relay can interleave. */
const SAVE_STATE = `
local cur = redis.call('HGET', KEYS[1], 'rev')
if not cur then return false end
local state = redis.call('HGET', KEYS[1], 'state')
local view = redis.call('HGET', KEYS[1], 'view') or 'null'
local newView = view
if ARGV[3] ~= '' then newView = ARGV[3] end
if state == ARGV[2] and newView == view then return {tonumber(cur), 0, view} end
local rev = string.format('%.0f', math.max(tonumber(cur) + 1, tonumber(ARGV[1])))
redis.call('HSET', KEYS[1], 'rev', rev, 'state', ARGV[2], 'view', newView)
redis.call('PUBLISH', KEYS[2], '{"t":"snap","r":"' .. ARGV[4] .. '","rev":' .. rev .. ',"state":' .. ARGV[2] .. ',"view":' .. newView .. '}')
return {tonumber(rev), 1, newView}`;

const GUESS_WAIT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then return 0 end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + tonumber(ARGV[2]) - tonumber(ARGV[1]))`;

const GUESS_MISS = `
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;

const SAVE_VIEW = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'view', ARGV[1])
redis.call('PUBLISH', KEYS[2], ARGV[2])
return 1`;

/** Appends to the class log (only while the session lives), then publishes the entry with its number. */
const APPEND = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local n = redis.call('RPUSH', KEYS[2], ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
redis.call('PUBLISH', KEYS[3], '{"t":"log","r":"' .. ARGV[3] .. '","n":' .. n .. ',"e":' .. ARGV[1] .. '}')
return n`;

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
    private readonly guess: GuessLimit,
  ) {
    sub.on('message', (name: string, text: string) => {
      if (!name.startsWith(channelPrefix)) return;
      const event = parseJson(text, busEvent);
      if (event) this.onEvent(name.slice(channelPrefix.length), event);
    });
  }

  /** Connects (two connections: commands, and subscriptions) and checks Redis answers. */
  static async connect(url: string, times: BackplaneTimes, guess: GuessLimit = { codes: 50, windowMs: 10 * 60_000 }): Promise<RedisBackplane> {
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
    return new RedisBackplane(cmd, sub, times, guess);
  }

  /**
   * Checks that this relay signs with the secret the other relays use: the first relay writes its
   * secret's fingerprint, every later one compares. Throws (the relay must not start) on another.
   */
  async checkSecret(fingerprint: string): Promise<void> {
    await this.cmd.set(SECRET_ID_KEY, fingerprint, 'NX');
    const theirs = await this.cmd.get(SECRET_ID_KEY);
    if (theirs !== null && theirs !== fingerprint) {
      throw new Error(
        `this relay's LIVE_SECRET differs from the one the other relays on this Redis use (fingerprint in ${SECRET_ID_KEY}): give every relay the same LIVE_SECRET; after changing it on all of them on purpose, delete ${SECRET_ID_KEY}`,
      );
    }
  }

  async create(code: string, tokenHash: string, rev = 0): Promise<boolean> {
    const created = await this.cmd.eval(CREATE, 2, sessionKey(code), endedKey(code), tokenHash, this.times.sessionTtlMs, rev);
    return created === 1;
  }

  async load(code: string): Promise<SessionRecord | null> {
    const hash = await this.cmd.hgetall(sessionKey(code));
    if (!hash.tok || hash.rev === undefined) return null;
    const rev = Number(hash.rev);
    if (!Number.isSafeInteger(rev) || rev < 0) return null;
    return { tokenHash: hash.tok, rev, state: parseJson(hash.state, liveState), view: parseJson(hash.view, liveView) };
  }

  async saveState(code: string, rev: number, state: LiveState, view: LiveView | null | undefined): Promise<Saved | null> {
    const viewText = view === undefined ? '' : JSON.stringify(view);
    const result = (await this.cmd.eval(SAVE_STATE, 2, sessionKey(code), channel(code), rev, JSON.stringify(state), viewText, this.relayId)) as [number, number, string] | null;
    if (!result) return null;
    return { rev: result[0], changed: result[1] === 1, view: parseJson(result[2], liveView) };
  }

  async saveView(code: string, view: LiveView): Promise<void> {
    const event: BusEvent = { t: 'view', r: this.relayId, view };
    await this.cmd.eval(SAVE_VIEW, 2, sessionKey(code), channel(code), JSON.stringify(view), JSON.stringify(event));
  }

  async end(code: string): Promise<void> {
    const event: BusEvent = { t: 'end', r: this.relayId };
    await this.cmd.eval(END, 3, sessionKey(code), endedKey(code), channel(code), this.times.endedTtlMs, JSON.stringify(event));
    await this.cmd.pexpire(logKey(code), LOG_AFTER_END_MS);
  }

  async append(code: string, event: ClassEvent): Promise<number | null> {
    const n = Number(await this.cmd.eval(APPEND, 3, sessionKey(code), logKey(code), channel(code), JSON.stringify(event), this.times.sessionTtlMs + LOG_AFTER_END_MS, this.relayId));
    return n > 0 ? n : null;
  }

  async readLog(code: string, from: number): Promise<Logged[]> {
    const start = Math.max(1, from);
    const texts = await this.cmd.lrange(logKey(code), start - 1, -1);
    const entries: Logged[] = [];
    texts.forEach((text, index) => {
      const e = parseClassEvent(text);
      if (e) entries.push({ n: start + index, e });
    });
    return entries;
  }

  async wasEnded(code: string): Promise<boolean> {
    return (await this.cmd.exists(endedKey(code))) === 1;
  }

  async touch(code: string): Promise<void> {
    await Promise.all([this.cmd.pexpire(sessionKey(code), this.times.sessionTtlMs), this.cmd.pexpire(logKey(code), this.times.sessionTtlMs + LOG_AFTER_END_MS)]);
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

  async guessWait(address: string): Promise<number> {
    return Number(await this.cmd.eval(GUESS_WAIT, 1, guessKey(address), Date.now(), this.guess.windowMs, this.guess.codes));
  }

  async guessMiss(address: string, code: string): Promise<void> {
    await this.cmd.eval(GUESS_MISS, 1, guessKey(address), Date.now(), this.guess.windowMs, code);
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
