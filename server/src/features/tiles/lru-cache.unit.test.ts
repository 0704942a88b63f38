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
});
