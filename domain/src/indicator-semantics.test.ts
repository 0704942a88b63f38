import { describe, expect, it } from 'vitest';
import {
  AGGREGATION_WORDS,
  combineOverAreas,
  combineOverTime,
  INDICATOR_KIND_WORDS,
  INDICATOR_KINDS,
  quartersNeeded,
  timeAggregationOf,
} from './indicator-semantics';

const QUARTERS = [12, 15, 9, 11];

describe('indicator semantics', () => {
  it('make a stock’s year its last quarter and a flow’s year the sum of its quarters', () => {
    expect(combineOverTime(timeAggregationOf('stock'), QUARTERS)).toBe(11);
    expect(combineOverTime(timeAggregationOf('flow'), QUARTERS)).toBe(47);
    expect(combineOverTime('max', QUARTERS)).toBe(15);
    expect(combineOverTime('sum', [])).toBeNull();
  });

  it('need only the last quarter of a stock, every quarter of a flow', () => {
    expect(quartersNeeded('last', ['Q1', 'Q2', 'Q3', 'Q4'])).toEqual(['Q4']);
    expect(quartersNeeded('sum', ['Q1', 'Q2'])).toEqual(['Q1', 'Q2']);
  });

  it('add counts over areas, take a peak’s largest, and never combine a rate’s rates', () => {
    expect(combineOverAreas('sum', [3, 4, 5])).toBe(12);
    expect(combineOverAreas('max', [3, 7, 5])).toBe(7);
    expect(combineOverAreas('rate', [10, 20])).toBeNull();
    expect(combineOverAreas('sum', [])).toBeNull();
  });

  it('name each kind and rule in Vietnamese', () => {
    for (const k of INDICATOR_KINDS) expect(INDICATOR_KIND_WORDS[k].vi).not.toBe('');
    expect(INDICATOR_KIND_WORDS.stock.vi).toContain('tồn');
    expect(AGGREGATION_WORDS.sum.vi).toBe('tổng');
  });
});
