import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDataset } from './generate';
import {
  type CommuneStatus,
  type DemoDataset,
  type DemoStatusDecision,
  OLD_UNITS_VALID_FROM,
  REFORM_DATE,
} from './types';

let dataset: DemoDataset;
const provinceOf = new Map<string, string>();
beforeAll(() => {
  dataset = generateDemoDataset();
  for (const u of dataset.units)
    if (u.level === 'commune') provinceOf.set(`${u.validFrom}|${u.code}`, u.provinceCode);
}, 60_000);

const decisionsOn = (date: string) => dataset.statusDecisions.filter((d) => d.effectiveDate === date);
const share = (decisions: DemoStatusDecision[], status: CommuneStatus) =>
  decisions.filter((d) => d.status === status).length / decisions.length;

describe('status decisions', () => {
  it('decide every old commune each January 2019–2024 and every current commune in 2025 and 2026', () => {
    const count = (validFrom: string) =>
      dataset.units.filter((u) => u.level === 'commune' && u.validFrom === validFrom).length;
    for (let year = 2019; year <= 2024; year++) {
      const decisions = decisionsOn(`${year}-01-15`);
      expect(decisions).toHaveLength(count(OLD_UNITS_VALID_FROM));
      expect(decisions.every((d) => d.unitValidFrom === OLD_UNITS_VALID_FROM)).toBe(true);
    }
    for (const date of ['2025-09-15', '2026-01-15']) {
      const decisions = decisionsOn(date);
      expect(decisions).toHaveLength(count(REFORM_DATE));
      expect(decisions.every((d) => d.unitValidFrom === REFORM_DATE)).toBe(true);
    }
    const keys = new Set(
      dataset.statusDecisions.map((d) => `${d.unitValidFrom}|${d.unitCode}|${d.effectiveDate}`),
    );
    expect(keys.size).toBe(dataset.statusDecisions.length);
  });

  it('name the provincial people’s committee and a decision number', () => {
    const body = /^UBND (tỉnh|thành phố) \p{Lu}/u;
    const number = /^\d{3,4}\/QĐ-UBND$/;
    expect(
      dataset.statusDecisions.filter((d) => !body.test(d.decidingBody) || !number.test(d.documentNo)),
    ).toEqual([]);
    const sonLa = decisionsOn('2020-01-15').find(
      (d) => provinceOf.get(`${d.unitValidFrom}|${d.unitCode}`) === '14',
    );
    expect(sonLa?.decidingBody).toBe('UBND tỉnh Sơn La');
  });

  it('have 15–25 % drug-free current communes in 2025, slowly rising', () => {
    const y2025 = share(decisionsOn('2025-09-15'), 'khong_ma_tuy');
    const y2026 = share(decisionsOn('2026-01-15'), 'khong_ma_tuy');
    expect(y2025).toBeGreaterThan(0.15);
    expect(y2025).toBeLessThan(0.25);
    expect(y2026).toBeGreaterThanOrEqual(y2025);
    const y2019 = share(decisionsOn('2019-01-15'), 'khong_ma_tuy');
    const y2024 = share(decisionsOn('2024-01-15'), 'khong_ma_tuy');
    expect(y2024).toBeGreaterThan(y2019);
  });

  it('use every level, the serious ones rarely', () => {
    const decisions = decisionsOn('2023-01-15');
    expect(share(decisions, 'trong_diem_I')).toBeGreaterThan(0);
    expect(share(decisions, 'trong_diem_I')).toBeLessThan(0.02);
    expect(share(decisions, 'trong_diem_II')).toBeLessThan(0.06);
    expect(share(decisions, 'co_ma_tuy')).toBeGreaterThan(0.35);
  });

  it('put Hồ Chí Minh City mostly in loại III or có ma túy, like its real 2023 mix', () => {
    const hcm = decisionsOn('2023-01-15').filter(
      (d) => provinceOf.get(`${d.unitValidFrom}|${d.unitCode}`) === '79',
    );
    expect(hcm.length).toBeGreaterThan(200);
    expect(share(hcm, 'trong_diem_III') + share(hcm, 'co_ma_tuy')).toBeGreaterThan(0.75);
    expect(share(hcm, 'khong_ma_tuy')).toBeLessThan(0.05);
  });

  it('make quiet Mekong provinces far more often drug-free than Sơn La', () => {
    const inProvince = (codes: string[]) =>
      decisionsOn('2024-01-15').filter((d) =>
        codes.includes(provinceOf.get(`${d.unitValidFrom}|${d.unitCode}`) ?? ''),
      );
    const mekong = share(inProvince(['83', '84', '87', '93', '95']), 'khong_ma_tuy');
    const sonLa = share(inProvince(['14']), 'khong_ma_tuy');
    expect(mekong).toBeGreaterThan(0.3);
    expect(sonLa).toBeLessThan(0.1);
  });

  it('are persistent: a few communes change status from one year to the next', () => {
    const byUnit = new Map<string, string[]>();
    for (const d of dataset.statusDecisions.filter((x) => x.unitValidFrom === OLD_UNITS_VALID_FROM)) {
      const list = byUnit.get(d.unitCode);
      if (list) list.push(d.status);
      else byUnit.set(d.unitCode, [d.status]);
    }
    let changes = 0;
    let transitions = 0;
    for (const statuses of byUnit.values()) {
      for (let i = 1; i < statuses.length; i++) {
        transitions += 1;
        if (statuses[i] !== statuses[i - 1]) changes += 1;
      }
    }
    expect(changes / transitions).toBeGreaterThan(0.005);
    expect(changes / transitions).toBeLessThan(0.15);
  });
});
