import { describe, expect, it } from 'vitest';
import { acceptsGzip, ifNoneMatchHits } from './http-caching';

describe('ifNoneMatchHits', () => {
  const etags = ['"abc"', '"abc-gz"'];

  it('matches any listed tag, weak or strong, and *', () => {
    expect(ifNoneMatchHits('"abc"', etags)).toBe(true);
    expect(ifNoneMatchHits('"x", W/"abc-gz"', etags)).toBe(true);
    expect(ifNoneMatchHits('*', etags)).toBe(true);
  });

  it('does not match other or absent tags', () => {
    expect(ifNoneMatchHits('"abcd"', etags)).toBe(false);
    expect(ifNoneMatchHits(undefined, etags)).toBe(false);
    expect(ifNoneMatchHits('', etags)).toBe(false);
  });
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
