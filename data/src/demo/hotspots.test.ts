import { booleanPointInPolygon } from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDataset } from './generate';
import { type DemoDataset, type DemoUnit, REFORM_DATE } from './types';

let dataset: DemoDataset;
let communes: Map<string, DemoUnit>;
beforeAll(() => {
  dataset = generateDemoDataset();
  communes = new Map(
    dataset.units.filter((u) => u.level === 'commune' && u.validFrom === REFORM_DATE).map((u) => [u.code, u]),
  );
}, 60_000);

describe('hotspots', () => {
  it('number 3,000–6,000 with unique codes and both kinds', () => {
    expect(dataset.hotspots.length).toBeGreaterThanOrEqual(3000);
    expect(dataset.hotspots.length).toBeLessThanOrEqual(6000);
    expect(new Set(dataset.hotspots.map((h) => h.code)).size).toBe(dataset.hotspots.length);
    const tuDiem = dataset.hotspots.filter((h) => h.kind === 'tu_diem').length / dataset.hotspots.length;
    expect(tuDiem).toBeGreaterThan(0.2);
    expect(tuDiem).toBeLessThan(0.5);
  });

  it('lie inside the polygon of the current commune they name', () => {
    const outside = dataset.hotspots.filter((h) => {
      const commune = communes.get(h.communeCode);
      return !commune || !booleanPointInPolygon(h.point, commune.geometry);
    });
    expect(outside.map((h) => h.code)).toEqual([]);
  });

  it('cluster: hot communes hold many points, most communes none', () => {
    const perCommune = new Map<string, number>();
    for (const h of dataset.hotspots) perCommune.set(h.communeCode, (perCommune.get(h.communeCode) ?? 0) + 1);
    expect(perCommune.size).toBeLessThan(communes.size * 0.75);
    expect(Math.max(...perCommune.values())).toBeGreaterThanOrEqual(10);
  });

  it('have ordered dates between 2019-01-01 and 2026-09-30, about half eliminated, some re-emerged', () => {
    const end = '2026-09-30';
    const wrong = dataset.hotspots.filter(
      (h) =>
        h.detectedOn < '2019-01-01' ||
        h.detectedOn > end ||
        (h.eliminatedOn !== null && (h.eliminatedOn <= h.detectedOn || h.eliminatedOn > end)) ||
        (h.reemergedOn !== null &&
          (h.eliminatedOn === null || h.reemergedOn <= h.eliminatedOn || h.reemergedOn > end)),
    );
    expect(wrong).toEqual([]);
    const eliminated = dataset.hotspots.filter((h) => h.eliminatedOn).length / dataset.hotspots.length;
    expect(eliminated).toBeGreaterThan(0.4);
    expect(eliminated).toBeLessThan(0.6);
    expect(dataset.hotspots.some((h) => h.reemergedOn)).toBe(true);
  });

  it('carry a short Vietnamese note', () => {
    expect(
      dataset.hotspots.filter((h) => !/^(Điểm|Tụ điểm) /.test(h.notes) || h.notes.length >= 120),
    ).toEqual([]);
  });
});
