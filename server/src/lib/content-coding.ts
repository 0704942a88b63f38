import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

/**
 * gzip for clients that accept it. Tiles carry their own gzip (cached compressed, see the tile service);
 * this module says whether a client takes gzip and compresses the API's large JSON answers: the national
 * statuses are ≈ 580 KB and the national values ≈ 95 KB of very repetitive text, which gzip shrinks about
 * tenfold — the difference between a second and a tenth of one for a police officer's phone on 4G.
 */

/** True when an Accept-Encoding header allows gzip (a `q=0` refuses it). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (coding !== 'gzip' && coding !== 'x-gzip' && coding !== '*') return false;
    const q = params.find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/**
 * Below this an answer goes as it is: gzip's header and a round of the compressor cost more than the bytes
 * saved (one TCP packet carries ~1.4 KB; a few KB arrive in the first flight anyway).
 */
export const COMPRESS_MIN_BYTES = 8 * 1024;

const gzipAsync = promisify(gzip);
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;

/**
 * Compresses JSON answers of at least {@link COMPRESS_MIN_BYTES} for clients that accept gzip. Level 1: on
 * JSON it keeps ~90 % of the best level's saving at a fraction of its CPU, and the compression runs on
 * libuv's pool, off the event loop, so other requests keep being answered meanwhile. Answers that are not
 * JSON (spreadsheets, PDFs, images: already compressed), already encoded, or marked no-transform pass.
 */
export function compressJson(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (c.req.method === 'HEAD' || !res.body || res.status === 204 || res.status === 206) return;
    if (res.headers.has('Content-Encoding') || !JSON_TYPE.test(res.headers.get('Content-Type') ?? '')) return;
    if (/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(res.headers.get('Cache-Control') ?? '')) return;
    // The representation depends on the request's Accept-Encoding whichever way this one goes.
    const vary = res.headers.get('Vary');
    if (!vary) res.headers.set('Vary', 'Accept-Encoding');
    else if (vary !== '*' && !/(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary))
      res.headers.set('Vary', `${vary}, Accept-Encoding`);
    if (!acceptsGzip(c.req.header('Accept-Encoding'))) return;
    const length = Number(res.headers.get('Content-Length'));
    if (length > 0 && length < COMPRESS_MIN_BYTES) return;
    const plain = new Uint8Array(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    if (plain.byteLength >= COMPRESS_MIN_BYTES) {
      const body = await gzipAsync(plain, { level: constants.Z_BEST_SPEED });
      headers.set('Content-Encoding', 'gzip');
      headers.set('Content-Length', String(body.byteLength));
      const etag = headers.get('ETag');
      if (etag && !etag.startsWith('W/')) headers.set('ETag', `W/${etag}`);
      c.res = undefined;
      c.res = new Response(body, { status: res.status, statusText: res.statusText, headers });
    } else {
      headers.set('Content-Length', String(plain.byteLength));
      c.res = undefined;
      c.res = new Response(plain, { status: res.status, statusText: res.statusText, headers });
    }
  };
}
