/**
 * Embed mode (`?embed=1`): the tour inside another site's page — the viewer with its controls and
 * hotspots, no header or footer. Read once from the address the app starts at; every URL the app
 * writes afterwards keeps the flag, so a reload inside the frame is still an embed (the server
 * allows framing only for embed URLs: server/http/securityHeaders.ts).
 */
export const EMBED_PARAM = 'embed';

export function isEmbedUrl(search: string): boolean {
  return new URLSearchParams(search).get(EMBED_PARAM) === '1';
}

/** Whether this page was opened as an embed. */
export const embedded = typeof window !== 'undefined' && isEmbedUrl(window.location.search);

/** The app's URL with the embed flag added (when the app is embedded). */
export function withEmbed(url: string, on: boolean = embedded): string {
  if (!on) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${EMBED_PARAM}=1`;
}
