import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED, generateDemoDataset } from './generate';
import { STORED_INDICATOR_CODES } from './indicators';
import type { DemoDataset, DemoValueBatch } from './types';

/** Determinism and budget: three runs (same seed twice, another seed once). */

/** Digests instead of deep equality: comparing millions of coordinates with toEqual is slow. */
const digest = (...parts: unknown[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(JSON.stringify(part));
  return hash.digest('hex');
};
const geometryHash = (dataset: DemoDataset) =>
  digest(dataset.units.map((u) => [u.level, u.validFrom, u.code, u.geometry]));

const firstBatch = (dataset: DemoDataset): DemoValueBatch => {
  const { value } = dataset.valueBatches()[Symbol.iterator]().next();
  if (!value) throw new Error('no batches');
  return value;
};

let first: DemoDataset;
let second: DemoDataset;
let other: DemoDataset;
let seconds = 0;
const messages: string[] = [];

beforeAll(() => {
  const started = performance.now();
  first = generateDemoDataset({ onProgress: (m) => messages.push(m) });
  seconds = (performance.now() - started) / 1000;
  second = generateDemoDataset({ seed: DEFAULT_SEED });
  other = generateDemoDataset({ seed: 7 });
}, 120_000);

describe('generateDemoDataset', () => {
  it('uses the default seed 20250701', () => {
    expect(first.seed).toBe(20250701);
    expect(other.seed).toBe(7);
  });

  it('generates everything but values within 30 s and reports progress', () => {
    expect(seconds).toBeLessThan(30);
    expect(messages.length).toBeGreaterThan(3);
    expect(messages[0]).toMatch(/address package/);
  });

  it('is deterministic: same seed, same geometry, crosswalk, statuses, hotspots and values', () => {
    expect(geometryHash(second)).toBe(geometryHash(first));
    expect(digest(second.crosswalk)).toBe(digest(first.crosswalk));
    expect(digest(second.statusDecisions)).toBe(digest(first.statusDecisions));
    expect(digest(second.hotspots)).toBe(digest(first.hotspots));
    expect(digest(firstBatch(second))).toBe(digest(firstBatch(first)));
  });

  it('differs with another seed (old communes are cut differently, figures differ)', () => {
    expect(geometryHash(other)).not.toBe(geometryHash(first));
    expect(digest(firstBatch(other).values)).not.toBe(digest(firstBatch(first).values));
    expect(digest(other.hotspots)).not.toBe(digest(first.hotspots));
    // Current communes keep their shape whatever the seed (their cells come from fixed reference
    // points); only extra vertices where old pieces meet their edges differ, which moves the
    // spherical area formula by a few square metres.
    const current = (d: DemoDataset) =>
      d.units.filter((u) => u.validFrom === '2025-07-01' && u.level === 'commune');
    const otherByCode = new Map(current(other).map((u) => [u.code, u]));
    for (const u of current(first)) {
      const v = otherByCode.get(u.code);
      expect(v?.labelPoint).toEqual(u.labelPoint);
      expect(Math.abs((v?.areaKm2 ?? 0) - u.areaKm2) / u.areaKm2).toBeLessThan(1e-4);
    }
  });

  it('lists indicators and periods as the server expects', () => {
    const codes = first.indicators.map((i) => i.code);
    const computed = first.indicators.filter((i) => i.formula !== null).length;
    expect(codes).toHaveLength(STORED_INDICATOR_CODES.length + computed);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(first.indicators.map((i) => i.sortOrder)).size).toBe(codes.length);
    for (const rate of first.indicators.filter((i) => i.areaAggregation === 'rate')) {
      const inputs = rate.formula?.match(/[a-z][a-z0-9_]*/g) ?? [];
      expect(inputs.length).toBeGreaterThan(1);
      for (const input of inputs) expect(codes).toContain(input);
      expect(rate.timeAggregation).toBe('rate');
    }
    const byKind = (kind: string) => first.periods.filter((p) => p.kind === kind).map((p) => p.id);
    expect(byKind('year')).toEqual(['2019', '2020', '2021', '2022', '2023', '2024', '2025', '2026']);
    expect(byKind('half')).toHaveLength(16);
    expect(byKind('quarter')).toHaveLength(31);
    expect(first.periods.find((p) => p.id === '2024-Q1')).toEqual({
      id: '2024-Q1',
      kind: 'quarter',
      startDate: '2024-01-01',
      endDate: '2024-03-31',
    });
    expect(first.periods.find((p) => p.id === '2026-H2')?.endDate).toBe('2026-12-31');
  });
});
