import { describe, expect, it } from 'vitest';
import { LruCache } from './lru-cache';

describe('LruCache', () => {
  it('evicts the least recently used entries once the total weight exceeds the bound', () => {
    const cache = new LruCache<string>(100);
    cache.set('a', 'A', 40);
    cache.set('b', 'B', 40);
    expect(cache.get('a')).toBe('A');
    cache.set('c', 'C', 40);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('A');
    expect(cache.get('c')).toBe('C');
    expect(cache.weight).toBe(80);
    expect(cache.size).toBe(2);
  });

  it('replaces a key without counting it twice', () => {
    const cache = new LruCache<number>(100);
    cache.set('a', 1, 60);
    cache.set('a', 2, 70);
    expect(cache.get('a')).toBe(2);
    expect(cache.weight).toBe(70);
  });

  it('does not keep a value heavier than the whole cache, nor drop the others for it', () => {
    const cache = new LruCache<string>(100);
    cache.set('small', 's', 10);
    cache.set('huge', 'h', 101);
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.get('small')).toBe('s');
  });

  it('stores null values, told apart from a miss', () => {
    const cache = new LruCache<string | null>(100);
    cache.set('empty', null, 1);
    expect(cache.get('empty')).toBeNull();
    expect(cache.get('missing')).toBeUndefined();
  });

  it('empties on clear and delete', () => {
    const cache = new LruCache<string>(100);
    cache.set('a', 'A', 10);
    cache.set('b', 'B', 10);
    cache.delete('a');
    expect(cache.weight).toBe(10);
    cache.clear();
    expect(cache.size).toBe(0);
    expect(cache.weight).toBe(0);
  });

  it('keeps an entry read often through a churn of entries read once, and evicts the oldest unread', () => {
    const cache = new LruCache<number>(100);
    for (let i = 0; i < 100; i++) cache.set(`old${i}`, i, 1);
    cache.set('hot', -1, 1);
    for (let i = 0; i < 1000; i++) {
      cache.set(`new${i}`, i, 1);
      // Read now and then (every 10 stores), the hot entry is never the least recently used.
      if (i % 10 === 0) expect(cache.get('hot')).toBe(-1);
    }
    expect(cache.get('hot')).toBe(-1);
    expect(cache.size).toBe(100);
    // Every entry stored before it and never read is gone, and so are the oldest of the churn.
    expect(cache.get('old99')).toBeUndefined();
    expect(cache.get('new0')).toBeUndefined();
    expect(cache.get('new999')).toBe(999);
  });

  it('moves an entry read from the old end, so the next store evicts another', () => {
    const cache = new LruCache<string>(8);
    for (const k of 'abcdefgh') cache.set(k, k, 1);
    expect(cache.get('a')).toBe('a');
    cache.set('i', 'i', 1);
    expect(cache.get('a')).toBe('a');
    expect(cache.get('b')).toBeUndefined();
  });
});
