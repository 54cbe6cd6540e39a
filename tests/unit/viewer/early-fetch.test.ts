// @vitest-environment node
/**
 * The warm-up: a stop's manifest and preview requested before the viewer exists are fetched once,
 * and the viewer's first load of them takes that response instead of asking the server again.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

async function withFetch(answer: (url: string) => Promise<Response>) {
  const calls: string[] = [];
  vi.stubGlobal('fetch', (url: string) => {
    calls.push(url);
    return answer(url);
  });
  const { warmUp, fetchResponse } = await import('../../../src/viewer/panorama/loading/earlyFetch');
  return { calls, warmUp, fetchResponse };
}

describe('early fetch', () => {
  it('hands the warmed-up response to the first load, and asks the server again only after that', async () => {
    const { calls, warmUp, fetchResponse } = await withFetch(async (url) => new Response(`body of ${url}`));
    warmUp(['/p/tiles.json', '/p/preview.jpg', '/p/tiles.json']);
    expect(calls).toEqual(['/p/tiles.json', '/p/preview.jpg']);
    const signal = new AbortController().signal;
    expect(await (await fetchResponse('/p/tiles.json', signal)).text()).toBe('body of /p/tiles.json');
    expect(calls).toHaveLength(2);
    // A body can be read once: the next load is a request of its own.
    await fetchResponse('/p/tiles.json', signal);
    expect(calls).toEqual(['/p/tiles.json', '/p/preview.jpg', '/p/tiles.json']);
  });

  it('asks again when the warm-up failed or got an error status', async () => {
    let n = 0;
    const { calls, warmUp, fetchResponse } = await withFetch(async () => {
      n += 1;
      if (n === 1) throw new TypeError('network down');
      if (n === 2) return new Response('busy', { status: 503 });
      return new Response('ok');
    });
    warmUp(['/a.jpg', '/b.jpg']);
    const signal = new AbortController().signal;
    expect(await (await fetchResponse('/a.jpg', signal)).text()).toBe('ok');
    expect(await (await fetchResponse('/b.jpg', signal)).text()).toBe('ok');
    expect(calls).toEqual(['/a.jpg', '/b.jpg', '/a.jpg', '/b.jpg']);
  });

  it('gives up a warmed-up response when the load was aborted meanwhile', async () => {
    const { warmUp, fetchResponse } = await withFetch(async () => new Response('late'));
    warmUp(['/c.jpg']);
    const controller = new AbortController();
    controller.abort();
    await expect(fetchResponse('/c.jpg', controller.signal)).rejects.toThrow('aborted');
  });
});
