import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../testing/test-db';
import { acceptsGzip, COMPRESS_MIN_BYTES } from './content-coding';

type App = Awaited<ReturnType<typeof testApp>>['app'];
let app: App;
beforeAll(async () => {
  ({ app } = await testApp());
});

describe('acceptsGzip', () => {
  it('accepts what browsers send', () => {
    expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8, *;q=0.1')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
  });

  it('refuses when gzip is absent or has q=0', () => {
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip('br')).toBe(false);
    expect(acceptsGzip('gzip;q=0, br')).toBe(false);
  });
});

describe('large JSON answers go gzip-compressed to clients that accept it', () => {
  const path = '/api/status?period=2026-Q1';

  it('sends the national statuses compressed, and they read back as the same answer', async () => {
    const plain = await app.request(path);
    const plainText = await plain.text();
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary') ?? '').toMatch(/accept-encoding/i);
    expect(plainText.length).toBeGreaterThan(COMPRESS_MIN_BYTES);

    const zipped = await app.request(path, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(zipped.status).toBe(200);
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('content-type')).toMatch(/^application\/json/);
    expect(zipped.headers.get('vary') ?? '').toMatch(/accept-encoding/i);
    const bytes = new Uint8Array(await zipped.arrayBuffer());
    expect(Number(zipped.headers.get('content-length'))).toBe(bytes.byteLength);
    // Repetitive JSON shrinks several times over; what arrives is the very answer sent plain.
    expect(bytes.byteLength * 4).toBeLessThan(Buffer.byteLength(plainText));
    expect(JSON.parse(gunzipSync(bytes).toString('utf8'))).toEqual(JSON.parse(plainText));
  });

  it('leaves small answers and clients that refuse gzip alone', async () => {
    const small = await app.request('/api/health', { headers: { 'accept-encoding': 'gzip' } });
    expect(small.status).toBe(200);
    expect(small.headers.get('content-encoding')).toBeNull();
    expect((await small.json()) as unknown).toMatchObject({ status: 'ok' });

    const refused = await app.request(path, { headers: { 'accept-encoding': 'gzip;q=0, identity' } });
    expect(refused.headers.get('content-encoding')).toBeNull();
    expect(((await refused.json()) as { rows: unknown[] }).rows.length).toBeGreaterThan(100);
  });
});
