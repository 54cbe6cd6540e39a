import { describe, expect, it } from 'vitest';
import { TileCache } from '../../../src/viewer/panorama/loading/TileCache';

function cache(maxBytes: number) {
  const disposed: string[] = [];
  const c = new TileCache<string>({ maxBytes, dispose: (_, key) => disposed.push(key) });
  return { c, disposed };
}

describe('the tile cache', () => {
  it('keeps entries while under its cap and counts their bytes', () => {
    const { c, disposed } = cache(100);
    c.set('a', 'A', 40);
    c.set('b', 'B', 60);
    expect(c.bytes).toBe(100);
    expect(c.size).toBe(2);
    expect(disposed).toEqual([]);
  });

  it('disposes the least recently used entries first when over its cap', () => {
    const { c, disposed } = cache(100);
    c.set('a', 'A', 40);
    c.set('b', 'B', 40);
    c.get('a'); // a is now more recent than b
    c.set('c', 'C', 40);
    expect(disposed).toEqual(['b']);
    expect(c.keys()).toEqual(['a', 'c']);
    expect(c.bytes).toBe(80);
  });

  it('never disposes pinned entries (the current preview), even over its cap', () => {
    const { c, disposed } = cache(50);
    c.pin(['preview']);
    c.set('preview', 'P', 40);
    c.set('t1', 'T', 30);
    // What has just arrived stays until the next frame says whether it is in use.
    expect(disposed).toEqual([]);
    c.set('t2', 'T', 60);
    expect(disposed).toEqual(['t1']);
    expect(c.has('preview')).toBe(true);
    // Unpinned, it goes like any other once it is the oldest.
    c.pin([]);
    c.set('t3', 'T', 30);
    expect(disposed).toEqual(['t1', 'preview', 't2']);
    expect(c.keys()).toEqual(['t3']);
  });

  it('never disposes what the current frame draws, and counts it as just used', () => {
    const { c, disposed } = cache(100);
    c.set('old', 'O', 50);
    c.set('new', 'N', 50);
    c.use(['old']);
    c.set('more', 'M', 50);
    expect(disposed).toEqual(['new']);
    c.use(['old', 'more']);
    c.set('again', 'X', 50);
    expect(c.keys().sort()).toEqual(['again', 'more', 'old']);
    expect(c.bytes).toBe(150); // over the cap only by what is in use
  });

  it('disposes a value it replaces, and everything on clear, exactly once', () => {
    const { c, disposed } = cache(1000);
    c.set('a', 'A1', 10);
    c.set('a', 'A2', 20);
    expect(disposed).toEqual(['a']);
    expect(c.bytes).toBe(20);
    c.set('b', 'B', 10);
    c.delete('b');
    c.clear();
    expect(disposed).toEqual(['a', 'b', 'a']);
    expect(c.bytes).toBe(0);
    expect(c.size).toBe(0);
  });

  it('stays within its cap however many tiles pass through it', () => {
    const { c, disposed } = cache(10 * 1024 * 1024);
    c.pin(['preview']);
    c.set('preview', 'P', 1.5 * 1024 * 1024);
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 500; i++) {
        c.set(`tile${i}`, 'T', 1024 * 1024);
        c.use([`tile${i}`]);
        expect(c.bytes).toBeLessThanOrEqual(10 * 1024 * 1024);
      }
    }
    expect(c.size).toBeLessThanOrEqual(10);
    expect(disposed.length + c.size).toBe(1001);
  });
});
