import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * Security headers on every response, pages and API alike. The Content-Security-Policy allows only the
 * app's own origin: no inline script, no eval, no framing. MapLibre runs its workers from blob: URLs and
 * draws sprites from data:/blob:, so those are allowed for workers and images only. A configured basemap
 * adds its style's origin to what the page may fetch (its tiles and glyphs must be on that origin, or on
 * origins listed in PCMT_CSP_CONNECT_SRC).
 */
export function securityHeaders(opts: {
  basemapStyleUrl: string | null;
  extraConnectSrc?: readonly string[];
}) {
  const connectSrc = ["'self'", ...(opts.extraConnectSrc ?? [])];
  if (opts.basemapStyleUrl) connectSrc.push(new URL(opts.basemapStyleUrl).origin);
  const headers: MiddlewareHandler = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      workerSrc: ["'self'", 'blob:'],
      childSrc: ["'self'", 'blob:'],
      connectSrc,
      fontSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
    crossOriginEmbedderPolicy: false,
  });
  return headers;
}
