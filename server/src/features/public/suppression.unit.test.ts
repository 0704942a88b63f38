import { describe, expect, it } from 'vitest';
import { publishCount, publishRate } from './suppression';

describe('small-number suppression', () => {
  it('publishes counts at or above the threshold as they are', () => {
    expect(publishCount(5, 5)).toEqual({ suppressed: false, value: 5 });
    expect(publishCount(1234.5, 5)).toEqual({ suppressed: false, value: 1234.5 });
  });

  it('replaces counts below the threshold, zero included, by "< threshold" and no number', () => {
    for (const n of [0, 1, 4, 4.99]) {
      const published = publishCount(n, 5);
      expect(published).toEqual({ suppressed: true, value: null, display: '< 5' });
      expect(JSON.stringify(published)).not.toContain(String(n).replace('.', ''));
    }
    expect(publishCount(9, 10)).toEqual({ suppressed: true, value: null, display: '< 10' });
  });

  it('suppresses a rate whose numerator is a small count, whatever the rate', () => {
    expect(publishRate(0.3, 3, 5)).toEqual({ suppressed: true, value: null, display: '< 5' });
    expect(publishRate(0.3, 30, 5)).toEqual({ suppressed: false, value: 0.3 });
  });
});
