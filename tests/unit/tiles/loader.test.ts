import { afterEach, describe, expect, it, vi } from 'vitest';
import { TileLoader, type LoadRequest } from '../../../src/viewer/panorama/loading/TileLoader';

/** Requests whose loads the test settles by hand. */
function requests(keys: string[], log: { started: string[]; aborted: string[]; loaded: string[]; pending: Map<string, { resolve(v: string): void; reject(e: Error): void }> }) {
  return keys.map(
    (key): LoadRequest => ({
      key,
      load: (signal) =>
        new Promise<string>((resolve, reject) => {
          log.started.push(key);
          signal.addEventListener('abort', () => {
            log.aborted.push(key);
            reject(new DOMException('aborted', 'AbortError'));
          });
          log.pending.set(key, { resolve, reject });
        }),
      onLoad: () => log.loaded.push(key),
    }),
  );
}
const newLog = () => ({ started: [] as string[], aborted: [] as string[], loaded: [] as string[], pending: new Map() });
const tick = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  vi.useRealTimers();
});

describe('the tile loader', () => {
  it('fetches a few at a time, most wanted first', async () => {
    const log = newLog();
    const loader = new TileLoader({ concurrency: 2 });
    loader.want(requests(['a', 'b', 'c', 'd'], log));
    expect(log.started).toEqual(['a', 'b']);
    log.pending.get('b')!.resolve('B');
    await tick();
    expect(log.loaded).toEqual(['b']);
    expect(log.started).toEqual(['a', 'b', 'c']);
    loader.dispose();
  });

  it('drops what is no longer wanted: queued ones never start, those in flight are aborted', async () => {
    const log = newLog();
    const loader = new TileLoader({ concurrency: 2 });
    loader.want(requests(['a', 'b', 'c'], log));
    loader.want(requests(['b', 'x'], log));
    expect(log.aborted).toEqual(['a']);
    expect(log.started).toEqual(['a', 'b', 'x']);
    log.pending.get('b')!.resolve('B');
    await tick();
    expect(log.started).not.toContain('c');
    expect(loader.stats).toMatchObject({ aborted: 1, loaded: 1 });
    loader.dispose();
  });

  it('keeps a wanted request in flight across calls instead of starting it again', () => {
    const log = newLog();
    const loader = new TileLoader({ concurrency: 4 });
    loader.want(requests(['a'], log));
    loader.want(requests(['a', 'b'], log));
    expect(log.started).toEqual(['a', 'b']);
    loader.dispose();
  });

  it('tries a failed request again after a pause, for as long as it is wanted', async () => {
    vi.useFakeTimers();
    let now = 0;
    const log = newLog();
    const errors: number[] = [];
    const loader = new TileLoader({ concurrency: 1, retryDelays: [100, 400], now: () => now });
    const [req] = requests(['a'], log);
    loader.want([{ ...req!, onError: (_, n) => errors.push(n) }]);
    log.pending.get('a')!.reject(new Error('503'));
    await vi.advanceTimersByTimeAsync(0);
    expect(errors).toEqual([1]);
    expect(log.started).toEqual(['a']);
    now = 100;
    await vi.advanceTimersByTimeAsync(100);
    expect(log.started).toEqual(['a', 'a']);
    log.pending.get('a')!.reject(new Error('503'));
    await vi.advanceTimersByTimeAsync(0);
    expect(loader.failuresOf('a')).toBe(2);
    now = 500;
    await vi.advanceTimersByTimeAsync(400);
    expect(log.started).toHaveLength(3);
    log.pending.get('a')!.resolve('A');
    await vi.advanceTimersByTimeAsync(0);
    expect(log.loaded).toEqual(['a']);
    expect(loader.failuresOf('a')).toBe(0);
    loader.dispose();
  });

  it('retries at once when asked to', async () => {
    const log = newLog();
    const loader = new TileLoader({ concurrency: 1, retryDelays: [60_000] });
    loader.want(requests(['a'], log));
    log.pending.get('a')!.reject(new Error('offline'));
    await tick();
    expect(log.started).toEqual(['a']);
    loader.resetFailures();
    expect(log.started).toEqual(['a', 'a']);
    loader.dispose();
  });
});
