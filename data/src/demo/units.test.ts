import { area, booleanPointInPolygon, booleanValid } from '@turf/turf';
import type { Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDataset } from './generate';
import { type DemoDataset, type DemoUnit, OLD_UNITS_VALID_FROM, REFORM_DATE } from './types';

let dataset: DemoDataset;
beforeAll(() => {
  dataset = generateDemoDataset();
}, 60_000);

const select = (level: DemoUnit['level'], validFrom: string) =>
  dataset.units.filter((u) => u.level === level && u.validFrom === validFrom);

/** Twice the signed planar area of a closed ring (positive = counter-clockwise). */
function signedArea2(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] ?? [0, 0];
    const b = ring[i + 1] ?? [0, 0];
    sum += (a[0] ?? 0) * (b[1] ?? 0) - (b[0] ?? 0) * (a[1] ?? 0);
  }
  return sum;
}

describe('units', () => {
  it('has both versions at the expected sizes', () => {
    expect(select('province', REFORM_DATE)).toHaveLength(34);
    expect(select('commune', REFORM_DATE)).toHaveLength(3321);
    expect(select('province', OLD_UNITS_VALID_FROM)).toHaveLength(63);
    expect(select('district', OLD_UNITS_VALID_FROM)).toHaveLength(696);
    expect(select('commune', OLD_UNITS_VALID_FROM)).toHaveLength(10034);
    expect(select('district', REFORM_DATE)).toHaveLength(0);
  });

  it('has unique codes per (level, validFrom) and 2/3/5-digit codes by level', () => {
    const keys = new Set(dataset.units.map((u) => `${u.level}|${u.validFrom}|${u.code}`));
    expect(keys.size).toBe(dataset.units.length);
    const digits = { province: 2, district: 3, commune: 5 };
    for (const u of dataset.units) expect(u.code).toMatch(new RegExp(`^\\d{${digits[u.level]}}$`));
  });

  it('links every unit to an existing parent of the same version', () => {
    const byKey = new Map(dataset.units.map((u) => [`${u.level}|${u.validFrom}|${u.code}`, u]));
    const parentLevel = { province: null, district: 'province', commune: null } as const;
    for (const u of dataset.units) {
      const level =
        u.level === 'commune'
          ? u.validFrom === REFORM_DATE
            ? 'province'
            : 'district'
          : parentLevel[u.level];
      if (level === null) {
        expect(u.parentCode).toBeNull();
        continue;
      }
      const parent = byKey.get(`${level}|${u.validFrom}|${u.parentCode}`);
      expect(parent, `${u.level} ${u.code}`).toBeDefined();
      expect(parent?.provinceCode).toBe(u.provinceCode);
    }
  });

  it('numbers old districts by their smallest commune code', () => {
    const districts = select('district', OLD_UNITS_VALID_FROM);
    const smallest = new Map<string, string>();
    for (const c of select('commune', OLD_UNITS_VALID_FROM)) {
      const current = smallest.get(c.parentCode ?? '');
      if (!current || c.code < current) smallest.set(c.parentCode ?? '', c.code);
    }
    const withCommunes = districts
      .filter((d) => smallest.has(d.code))
      .sort((a, b) => a.code.localeCompare(b.code));
    const keys = withCommunes.map((d) => smallest.get(d.code) ?? '');
    expect(keys).toEqual([...keys].sort());
    expect(districts.find((d) => d.code === '001')?.fullName).toBe('Quận Ba Đình');
    expect(districts.filter((d) => !smallest.has(d.code)).map((d) => d.name)).toEqual(
      expect.arrayContaining(['Bạch Long Vĩ', 'Cồn Cỏ', 'Hoàng Sa', 'Lý Sơn', 'Côn Đảo']),
    );
  });

  it('validity dates: old units end at the reorganisation, current ones are open', () => {
    for (const u of dataset.units) {
      expect(u.validTo).toBe(u.validFrom === OLD_UNITS_VALID_FROM ? REFORM_DATE : null);
    }
  });
});

describe('geometry', () => {
  it('is a valid MultiPolygon for every unit, with closed counter-clockwise exteriors', () => {
    const problems: string[] = [];
    for (const u of dataset.units) {
      const name = `${u.level} ${u.validFrom} ${u.code}`;
      if (!booleanValid(u.geometry)) problems.push(`${name}: invalid`);
      for (const polygon of u.geometry.coordinates) {
        polygon.forEach((ring, index) => {
          const first = ring[0] ?? [];
          const last = ring[ring.length - 1] ?? [];
          if (ring.length < 4) problems.push(`${name}: ring of ${ring.length}`);
          if (first[0] !== last[0] || first[1] !== last[1]) problems.push(`${name}: open ring`);
          if (Math.sign(signedArea2(ring)) !== (index === 0 ? 1 : -1)) problems.push(`${name}: winding`);
        });
      }
    }
    expect(problems).toEqual([]);
  });

  it('contains the label point of every unit', () => {
    const outside = dataset.units.filter((u) => !booleanPointInPolygon(u.labelPoint, u.geometry));
    expect(outside.map((u) => `${u.level} ${u.code}`)).toEqual([]);
  });

  it('puts each current commune at its reference point where that point is on land', () => {
    const hoanKiem = dataset.units.find((u) => u.code === '00070' && u.validFrom === REFORM_DATE);
    expect(hoanKiem?.labelPoint).toEqual([105.8513, 21.0326]);
  });

  it('reports areas that match turf and add up across levels', () => {
    for (const u of dataset.units.filter((_, i) => i % 97 === 0)) {
      expect(u.areaKm2).toBeCloseTo(area(u.geometry) / 1e6, 1);
    }
    const sumBy = (units: DemoUnit[], key: (u: DemoUnit) => string | null) => {
      const sums = new Map<string, number>();
      for (const u of units) sums.set(key(u) ?? '', (sums.get(key(u) ?? '') ?? 0) + u.areaKm2);
      return sums;
    };
    const communeSums = sumBy(select('commune', REFORM_DATE), (u) => u.provinceCode);
    for (const p of select('province', REFORM_DATE)) {
      expect(Math.abs((communeSums.get(p.code) ?? 0) - p.areaKm2) / p.areaKm2).toBeLessThan(1e-4);
    }
    const districtSums = sumBy(select('district', OLD_UNITS_VALID_FROM), (u) => u.provinceCode);
    for (const p of select('province', OLD_UNITS_VALID_FROM)) {
      expect(Math.abs((districtSums.get(p.code) ?? 0) - p.areaKm2) / p.areaKm2).toBeLessThan(1e-4);
    }
  });

  it('keeps synthetic communes plausible: same order of size as the real ones, nothing absurd', () => {
    const communes = select('commune', REFORM_DATE);
    const total = communes.reduce((sum, u) => sum + u.areaKm2, 0);
    // Vietnam's land area is about 331,000 km²; island discs add some sea.
    expect(total).toBeGreaterThan(320_000);
    expect(total).toBeLessThan(345_000);
    const largest = Math.max(...communes.map((u) => u.areaKm2));
    expect(largest).toBeLessThan(2500);
  });
});

describe('population', () => {
  const total = (units: DemoUnit[]) => units.reduce((sum, u) => sum + (u.population ?? 0), 0);

  it('sums to about 101 million in both versions, consistently across levels', () => {
    const current = total(select('province', REFORM_DATE));
    expect(current).toBeGreaterThan(100.5e6);
    expect(current).toBeLessThan(101.5e6);
    expect(total(select('commune', REFORM_DATE))).toBe(current);
    expect(total(select('district', OLD_UNITS_VALID_FROM))).toBe(
      total(select('province', OLD_UNITS_VALID_FROM)),
    );
  });

  it('matches the big cities: Hà Nội ≈ 8.6 M, Hồ Chí Minh (with Bình Dương, Bà Rịa - Vũng Tàu) ≈ 14 M', () => {
    const province = (code: string) =>
      select('province', REFORM_DATE).find((p) => p.code === code)?.population ?? 0;
    expect(province('01')).toBeGreaterThan(8.4e6);
    expect(province('01')).toBeLessThan(8.8e6);
    expect(province('79')).toBeGreaterThan(13.5e6);
    expect(province('79')).toBeLessThan(14.5e6);
  });

  it('makes wards denser than rural communes', () => {
    const density = (kind: DemoUnit['kind']) => {
      const units = select('commune', REFORM_DATE).filter((u) => u.kind === kind);
      return total(units) / units.reduce((sum, u) => sum + u.areaKm2, 0);
    };
    expect(density('phuong')).toBeGreaterThan(5 * density('xa'));
  });
});

describe('crosswalk', () => {
  it('maps every old commune to current communes with weights summing to 1', () => {
    const rows = dataset.crosswalk.filter((r) => r.level === 'commune');
    const current = new Set(select('commune', REFORM_DATE).map((u) => u.code));
    const sums = new Map<string, number>();
    const counts = new Map<string, number>();
    expect(rows.filter((r) => !current.has(r.newCode) || !(r.weight > 0))).toEqual([]);
    for (const r of rows) {
      sums.set(r.oldCode, (sums.get(r.oldCode) ?? 0) + r.weight);
      counts.set(r.oldCode, (counts.get(r.oldCode) ?? 0) + 1);
    }
    const old = select('commune', OLD_UNITS_VALID_FROM);
    expect(sums.size).toBe(old.length);
    expect(old.filter((u) => Math.abs((sums.get(u.code) ?? 0) - 1) > 1e-9)).toEqual([]);
    expect(rows.filter((r) => r.kind !== ((counts.get(r.oldCode) ?? 0) === 1 ? 'full' : 'partial'))).toEqual(
      [],
    );
    expect(rows.filter((r) => r.kind === 'full').every((r) => r.weight === 1)).toBe(true);
    expect(new Set(rows.filter((r) => r.kind === 'partial').map((r) => r.oldCode)).size).toBe(8);
  });

  it('maps old districts and provinces to current provinces with weights summing to 1', () => {
    for (const level of ['district', 'province'] as const) {
      const rows = dataset.crosswalk.filter((r) => r.level === level);
      const sums = new Map<string, number>();
      for (const r of rows) sums.set(r.oldCode, (sums.get(r.oldCode) ?? 0) + r.weight);
      expect(sums.size).toBe(select(level, OLD_UNITS_VALID_FROM).length);
      for (const s of sums.values()) expect(Math.abs(s - 1)).toBeLessThan(1e-9);
    }
    // Bình Dương (74) went wholly into Hồ Chí Minh (79).
    expect(dataset.crosswalk.filter((r) => r.level === 'province' && r.oldCode === '74')).toEqual([
      { level: 'province', oldCode: '74', newCode: '79', kind: 'full', weight: 1 },
    ]);
  });

  it('agrees with geometry: a partial old commune is the union of its pieces', () => {
    const dichVong = select('commune', OLD_UNITS_VALID_FROM).find((u) => u.code === '00166');
    const rows = dataset.crosswalk.filter((r) => r.level === 'commune' && r.oldCode === '00166');
    expect(dichVong?.name).toBe('Dịch Vọng');
    expect(rows.map((r) => r.newCode)).toEqual(['00160', '00166']);
    const currentByCode = new Map(select('commune', REFORM_DATE).map((u) => [u.code, u]));
    for (const r of rows) {
      const target = currentByCode.get(r.newCode);
      expect(target && (r.weight * (dichVong?.areaKm2 ?? 0)) / target.areaKm2).toBeLessThanOrEqual(1 + 1e-9);
    }
  });
});
