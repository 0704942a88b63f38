/**
 * Conditional requests and content negotiation for immutable-per-version binary responses.
 */

/**
 * Tiles of a version never change until an import clears the cache; an hour keeps browsers and proxies from
 * asking again while a session pans around, and the ETag makes the question after that cheap.
 */
export const TILE_CACHE_CONTROL = 'public, max-age=3600';

/** True when an If-None-Match header names one of the representation's ETags (weak comparison, RFC 9110 §13.1.2). */
export function ifNoneMatchHits(header: string | undefined, etags: readonly string[]): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = new Set(etags.map(opaque));
  return header.split(',').some((tag) => wanted.has(opaque(tag)));
}
