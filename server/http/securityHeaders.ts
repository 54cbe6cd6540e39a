/**
 * Headers every response carries, errors and 404s included: a strict Content-Security-Policy (the
 * built app has no inline script or style, and loads nothing from elsewhere), a Permissions-Policy
 * that allows fullscreen (presenter mode) and nothing else, cross-origin isolation of the window,
 * no MIME sniffing, and no referrer beyond this origin (a live link's path holds its join code).
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

export function contentSecurityPolicy(publicOrigins: readonly string[] = []): string {
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
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Only fullscreen, for this origin; every other powerful feature off until a feature needs it. */
export const PERMISSIONS_POLICY = [
  'fullscreen=(self)',
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'usb=()',
  'screen-wake-lock=()',
  'xr-spatial-tracking=()',
].join(', ');

export function securityHeaders(publicOrigins: readonly string[] = []): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(publicOrigins),
    'Permissions-Policy': PERMISSIONS_POLICY,
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'same-origin',
  };
}

export function applyHeaders(res: ServerResponse, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}
