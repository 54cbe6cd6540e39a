/**
 * Requests a page can start before the viewer (and three.js) is loaded, for the viewer to take over.
 * Kept apart from the image loading so that the first page's code stays small.
 */

/** Requests started before the viewer was there (`warmUp`); the first load of each URL takes its response. */
const early = new Map<string, Promise<Response | null>>();

/**
 * Starts fetching a panorama's manifest and preview before the viewer exists: the app calls it as
 * soon as it knows the stop, so these bytes travel while the viewer's own code is on its way.
 */
export function warmUp(urls: readonly string[]): void {
  for (const url of urls) {
    if (!early.has(url)) early.set(url, fetch(url).catch(() => null));
  }
}

/** Fetches the URL, taking the warm-up's response if one was started. */
export async function fetchResponse(url: string, signal: AbortSignal): Promise<Response> {
  const pending = early.get(url);
  early.delete(url);
  // A warm-up that failed is not the viewer's answer: it asks again, and retries as it always does.
  const warm = pending ? await pending : null;
  if (signal.aborted) throw new DOMException('aborted', 'AbortError');
  return warm?.ok ? warm : fetch(url, { signal });
}
