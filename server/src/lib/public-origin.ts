/**
 * Which origin (scheme, host, port) the app is reached at. The Host header is whatever the client wrote:
 * writing it into an absolute link (og:image) would let anyone make a cache in front store a page pointing
 * at their own host, and comparing only hosts in the Origin check lets an `http://` page write to the
 * `https://` site. A deployment names its public origin (PCMT_PUBLIC_ORIGIN); without one, the request's
 * own origin is used for the Origin check, and for links only when the request names a loopback address
 * or the address the server listens on (HOST).
 */
export interface OriginSettings {
  /** PCMT_PUBLIC_ORIGIN, e.g. `https://pcmt.example.gov.vn`; null or absent: not configured. */
  publicOrigin?: string | null;
  /** HOST: the address the server listens on (a request naming it reached this server directly). */
  listenHost?: string;
}

/** `https://host[:port]` of a URL or origin text, normalised (default ports dropped); null when it is none. */
export function originOf(text: string): string | null {
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

/**
 * The origin a request was sent to: its Host header with the scheme of the connection, or `https` when a
 * proxy that ends TLS says so (`X-Forwarded-Proto`, which a page of another origin cannot set).
 */
export function requestOrigin(
  url: string,
  headers: { get(name: string): string | null | undefined },
): string | null {
  const own = new URL(url);
  const forwarded = headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  const scheme = forwarded === 'https' || forwarded === 'http' ? forwarded : own.protocol.replace(':', '');
  const host = headers.get('host') ?? own.host;
  return originOf(`${scheme}://${host}`);
}

/** The origin a browser's `Origin` header must name for a write to be accepted. */
export function expectedOrigin(
  settings: OriginSettings,
  url: string,
  headers: { get(name: string): string | null | undefined },
): string | null {
  return settings.publicOrigin ? originOf(settings.publicOrigin) : requestOrigin(url, headers);
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * The origin to write into absolute links (og:image, og:url): the configured public origin; without one,
 * the request's own only when it names a loopback address or the listening HOST; otherwise null (no link
 * rather than one to a host the client chose).
 */
export function linkOrigin(
  settings: OriginSettings,
  url: string,
  headers: { get(name: string): string | null | undefined },
): string | null {
  if (settings.publicOrigin) return originOf(settings.publicOrigin);
  const origin = requestOrigin(url, headers);
  if (!origin) return null;
  const hostname = new URL(origin).hostname;
  const listen = settings.listenHost?.toLowerCase();
  const wildcard = listen === '0.0.0.0' || listen === '::' || listen === '[::]';
  if (LOOPBACK.test(hostname)) return origin;
  if (listen && !wildcard && (hostname === listen || hostname === `[${listen}]`)) return origin;
  return null;
}
