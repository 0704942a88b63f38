import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDataset } from './generate';
import { STORED_INDICATOR_CODES } from './indicators';
import { type DemoDataset, type DemoValueBatch, OLD_UNITS_VALID_FROM, REFORM_DATE } from './types';

/**
 * Value invariants, checked on one full pass over all batches (the pass itself is timed).
 * Sums per (indicator, version, period, province) are collected during the pass; per-commune
 * values are kept only for managed addicts (continuity) and for Sơn La (restriction check).
 */

let dataset: DemoDataset;
let batches: Array<Pick<DemoValueBatch, 'periodId' | 'unitValidFrom'> & { rows: number }>;
let seconds = 0;
/** Sums by `${validFrom}|${period}|${province}` (province '' = national), indexed like STORED_INDICATOR_CODES. */
const sums = new Map<string, Float64Array>();
const managedBefore = new Map<string, number>();
const sonLaValues = new Map<string, number>();
let negativeOrFractional = 0;
let reachedAboveManaged = 0;
let methadoneDecreases = 0;
const provinceOfCommune = new Map<string, string>();
const communeCount = new Map<string, number>();
const oldInSonLa = new Set<string>();
const indexOf = new Map<string, number>(STORED_INDICATOR_CODES.map((code, i) => [code, i]));
const K = { managed: 1, methadone: 6, reached: 9 };

function sumRow(key: string): Float64Array {
  let row = sums.get(key);
  if (!row) {
    row = new Float64Array(STORED_INDICATOR_CODES.length);
    sums.set(key, row);
  }
  return row;
}

beforeAll(() => {
  dataset = generateDemoDataset();
  expect(STORED_INDICATOR_CODES[K.managed]).toBe('managed_addicts');
  expect(STORED_INDICATOR_CODES[K.methadone]).toBe('methadone_patients');
  expect(STORED_INDICATOR_CODES[K.reached]).toBe('addicts_reached');
  for (const u of dataset.units) {
    if (u.level !== 'commune') continue;
    provinceOfCommune.set(`${u.validFrom}|${u.code}`, u.provinceCode);
    communeCount.set(u.validFrom, (communeCount.get(u.validFrom) ?? 0) + 1);
  }
  for (const r of dataset.crosswalk) {
    if (r.level === 'commune' && provinceOfCommune.get(`${REFORM_DATE}|${r.newCode}`) === '14')
      oldInSonLa.add(r.oldCode);
  }
  batches = [];
  const lastMethadone = new Map<string, number>();
  const started = performance.now();
  for (const batch of dataset.valueBatches()) {
    batches.push({ periodId: batch.periodId, unitValidFrom: batch.unitValidFrom, rows: batch.values.length });
    const prefix = `${batch.unitValidFrom}|${batch.periodId}|`;
    const isCurrent = batch.unitValidFrom === REFORM_DATE;
    // Per unit: the figures of its rows, checked and summed once the unit's rows are read.
    const figures = new Float64Array(STORED_INDICATOR_CODES.length);
    const flush = (code: string) => {
      const province = provinceOfCommune.get(`${batch.unitValidFrom}|${code}`) ?? '';
      const reached = figures[K.reached] ?? 0;
      const managed = figures[K.managed] ?? 0;
      if (reached > managed) reachedAboveManaged += 1;
      const methadone = figures[K.methadone] ?? 0;
      if (methadone < (lastMethadone.get(`${batch.unitValidFrom}|${code}`) ?? 0)) methadoneDecreases += 1;
      lastMethadone.set(`${batch.unitValidFrom}|${code}`, methadone);
      if (batch.periodId === '2025-Q2') managedBefore.set(code, managed);
      const provinceRow = sumRow(`${prefix}${province}`);
      const nationalRow = sumRow(prefix);
      const inSonLa = isCurrent ? province === '14' : oldInSonLa.has(code);
      for (let k = 0; k < figures.length; k++) {
        const value = figures[k] ?? 0;
        provinceRow[k] = (provinceRow[k] ?? 0) + value;
        nationalRow[k] = (nationalRow[k] ?? 0) + value;
        if (inSonLa) sonLaValues.set(`${prefix}${STORED_INDICATOR_CODES[k]}|${code}`, value);
      }
      figures.fill(0);
    };
    let current = batch.unitCodes[0] ?? '';
    for (let i = 0; i < batch.values.length; i++) {
      const code = batch.unitCodes[i] ?? '';
      if (code !== current) {
        flush(current);
        current = code;
      }
      const value = batch.values[i] ?? -1;
      if (value < 0 || !Number.isInteger(value)) negativeOrFractional += 1;
      figures[indexOf.get(batch.indicatorCodes[i] ?? '') ?? 0] = value;
    }
    if (batch.values.length > 0) flush(current);
  }
  seconds = (performance.now() - started) / 1000;
}, 120_000);

const provinceTotal = (indicator: string, validFrom: string, period: string, province: string) =>
  sums.get(`${validFrom}|${period}|${province}`)?.[indexOf.get(indicator) ?? -1] ?? 0;
const nationalTotal = (indicator: string, validFrom: string, period: string) =>
  sums.get(`${validFrom}|${period}|`)?.[indexOf.get(indicator) ?? -1] ?? 0;
const provincesOf = (validFrom: string) =>
  dataset.units.filter((u) => u.level === 'province' && u.validFrom === validFrom).map((u) => u.code);

describe('value batches', () => {
  it('come lazily, one per quarter 2019-Q1 … 2026-Q3, old communes until 2025-Q2', () => {
    expect(batches).toHaveLength(31);
    expect(batches[0]?.periodId).toBe('2019-Q1');
    expect(batches.at(-1)?.periodId).toBe('2026-Q3');
    const indicators = STORED_INDICATOR_CODES.length;
    for (const b of batches) {
      const old = b.periodId < '2025-Q3';
      expect(b.unitValidFrom).toBe(old ? OLD_UNITS_VALID_FROM : REFORM_DATE);
      expect(b.rows).toBe((communeCount.get(b.unitValidFrom) ?? 0) * indicators);
    }
  });

  it('take at most 20 s for all of them', () => {
    expect(seconds).toBeLessThan(20);
  });

  it('are non-negative integers, with addicts reached never above managed addicts', () => {
    expect(negativeOrFractional).toBe(0);
    expect(reachedAboveManaged).toBe(0);
  });

  it('never let the cumulative methadone count of a commune decrease', () => {
    expect(methadoneDecreases).toBe(0);
  });
});

describe('magnitudes', () => {
  it('old Sơn La had 6,000–11,000 managed addicts in 2020-Q4', () => {
    const total = provinceTotal('managed_addicts', OLD_UNITS_VALID_FROM, '2020-Q4', '14');
    expect(total).toBeGreaterThan(6000);
    expect(total).toBeLessThan(11000);
  });

  it('old Đồng Tháp had 400–1,100 in every quarter of 2023', () => {
    for (const q of ['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4']) {
      const total = provinceTotal('managed_addicts', OLD_UNITS_VALID_FROM, q, '87');
      expect(total).toBeGreaterThan(400);
      expect(total).toBeLessThan(1100);
    }
  });

  it('the country has 200,000–240,000 managed addicts, of whom 60–93 % are reached', () => {
    for (const b of batches) {
      const managed = nationalTotal('managed_addicts', b.unitValidFrom, b.periodId);
      const reached = nationalTotal('addicts_reached', b.unitValidFrom, b.periodId);
      expect(managed, b.periodId).toBeGreaterThan(200_000);
      expect(managed, b.periodId).toBeLessThan(240_000);
      expect(reached / managed).toBeGreaterThan(0.6);
      expect(reached / managed).toBeLessThan(0.93);
    }
  });

  it('population grows slowly (about 1 % a year) and is about 101 million in 2025', () => {
    const start = nationalTotal('population', OLD_UNITS_VALID_FROM, '2019-Q1');
    const end = nationalTotal('population', REFORM_DATE, '2025-Q3');
    const yearly = (end / start) ** (1 / 6.5) - 1;
    expect(yearly).toBeGreaterThan(0.005);
    expect(yearly).toBeLessThan(0.015);
    expect(end).toBeGreaterThan(100e6);
    expect(end).toBeLessThan(102e6);
  });

  it('stocks move smoothly from quarter to quarter in every province', () => {
    const oldBatches = batches.filter((b) => b.unitValidFrom === OLD_UNITS_VALID_FROM);
    for (const code of provincesOf(OLD_UNITS_VALID_FROM)) {
      let previous = 0;
      for (const b of oldBatches) {
        const total = provinceTotal('managed_addicts', OLD_UNITS_VALID_FROM, b.periodId, code);
        if (previous > 200)
          expect(Math.abs(total / previous - 1), `${code} ${b.periodId}`).toBeLessThan(0.06);
        previous = total;
      }
    }
  });
});

describe('continuity across the 1 July 2025 reorganisation', () => {
  it('keeps each current province within ±15 % of its crosswalk-weighted old communes', () => {
    const before = new Map<string, number>();
    for (const r of dataset.crosswalk) {
      if (r.level !== 'commune') continue;
      const province = provinceOfCommune.get(`${REFORM_DATE}|${r.newCode}`) ?? '';
      const value = r.weight * (managedBefore.get(r.oldCode) ?? 0);
      before.set(province, (before.get(province) ?? 0) + value);
    }
    for (const code of provincesOf(REFORM_DATE)) {
      const after = provinceTotal('managed_addicts', REFORM_DATE, '2025-Q3', code);
      const was = before.get(code) ?? 0;
      expect(was).toBeGreaterThan(0);
      expect(Math.abs(after / was - 1), code).toBeLessThan(0.15);
    }
  });

  it('keeps national totals of stocks and flows close', () => {
    for (const [indicator, tolerance] of [
      ['managed_addicts', 0.02],
      ['population', 0.01],
      ['drug_arrests', 0.1],
    ] as const) {
      const before = nationalTotal(indicator, OLD_UNITS_VALID_FROM, '2025-Q2');
      const after = nationalTotal(indicator, REFORM_DATE, '2025-Q3');
      expect(Math.abs(after / before - 1), indicator).toBeLessThan(tolerance);
    }
  });
});

describe('restricting to provinces', () => {
  it('gives the same values, statuses and hotspots for the selected provinces as a full run', () => {
    const restricted = generateDemoDataset({ provinces: ['14'] });
    let rows = 0;
    let mismatches = 0;
    for (const batch of restricted.valueBatches()) {
      for (let i = 0; i < batch.values.length; i++) {
        const key = `${batch.unitValidFrom}|${batch.periodId}|${batch.indicatorCodes[i]}|${batch.unitCodes[i]}`;
        if (batch.values[i] !== sonLaValues.get(key)) mismatches += 1;
        rows += 1;
      }
    }
    expect(mismatches).toBe(0);
    expect(rows).toBe(sonLaValues.size);
    expect(restricted.units).toHaveLength(dataset.units.length);
    const inSonLa = (validFrom: string, code: string) =>
      validFrom === REFORM_DATE
        ? provinceOfCommune.get(`${validFrom}|${code}`) === '14'
        : oldInSonLa.has(code);
    expect(restricted.statusDecisions).toEqual(
      dataset.statusDecisions.filter((d) => inSonLa(d.unitValidFrom, d.unitCode)),
    );
    expect(restricted.hotspots).toEqual(dataset.hotspots.filter((h) => inSonLa(REFORM_DATE, h.communeCode)));
  }, 60_000);
});
