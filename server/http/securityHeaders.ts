/**
 * Headers every response carries, errors and 404s included: a strict Content-Security-Policy (the
 * built app has no inline script or style, and loads nothing from elsewhere), a Permissions-Policy
 * that allows fullscreen and the motion sensors and nothing else, cross-origin isolation of the window,
 * no MIME sniffing, and no referrer beyond this origin (a live link's path holds its join code).
 *
 * No page may be framed by another site (clickjacking), except an embed URL (`?embed=1`): the
 * embedded tour is made to sit in a school's page, and holds nothing a framing page could trick a
 * visitor into doing (no account, no form that changes anything).
 */
import type { ServerResponse } from 'node:http';

/** The WebSocket origins of these public origins (`https://tour.example` → `wss://tour.example`). */
function socketOrigins(publicOrigins: readonly string[]): string[] {
  const out: string[] = [];
  for (const text of publicOrigins) {
    try {
      const origin = new URL(text);
      if (origin.protocol !== 'http:' && origin.protocol !== 'https:') continue;
      out.push(`${origin.protocol === 'https:' ? 'wss:' : 'ws:'}//${origin.host}`);
    } catch {
      // A malformed origin in the settings adds nothing: 'self' still covers the page's own.
    }
  }
  return out;
}

export interface HeaderOptions {
  /** The response is an embed page: any site may frame it. */
  embed?: boolean;
}

/** Whether a request's URL asks for the embedded tour (`?embed=1`, as the app's src/store/embed.ts reads it). */
export function isEmbedRequest(url: string | undefined): boolean {
  const query = (url ?? '').split('?')[1];
  return query !== undefined && new URLSearchParams(query).get('embed') === '1';
}

export function contentSecurityPolicy(publicOrigins: readonly string[] = [], options: HeaderOptions = {}): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    // Tiles are decoded from blobs; a data: URL is what a browser makes of an inline SVG icon.
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // 'self' covers ws(s) to this host in CSP Level 3 browsers; the public origins' ws(s) are
    // listed for those that predate it (and for a page served behind a proxy on another port).
    ["connect-src 'self'", ...socketOrigins(publicOrigins)].join(' '),
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    options.embed ? 'frame-ancestors *' : "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * For this origin only: fullscreen (presenter mode, a stop's view), the motion sensors behind
 * `deviceorientation` ("Move phone to look") and WebXR ("Enter VR": `navigator.xr` refuses
 * sessions without `xr-spatial-tracking`); every other powerful feature off until a feature
 * needs it. (An embedding page delegates them to the frame with its iframe's `allow`.)
 */
export const PERMISSIONS_POLICY = [
  'fullscreen=(self)',
  'accelerometer=(self)',
  'gyroscope=(self)',
  'magnetometer=(self)',
  'xr-spatial-tracking=(self)',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'usb=()',
  'screen-wake-lock=()',
].join(', ');

export function securityHeaders(publicOrigins: readonly string[] = [], options: HeaderOptions = {}): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(publicOrigins, options),
    'Permissions-Policy': PERMISSIONS_POLICY,
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Content-Type-Options': 'nosniff',
    // Browsers that predate frame-ancestors read this instead; an embed page has none (no value means "any").
    ...(options.embed ? {} : { 'X-Frame-Options': 'DENY' }),
    'Referrer-Policy': 'same-origin',
  };
}

export function applyHeaders(res: ServerResponse, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}
