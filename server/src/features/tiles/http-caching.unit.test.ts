import { describe, expect, it } from 'vitest';
import { ifNoneMatchHits } from './http-caching';

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
