import { describe, expect, it } from 'vitest';
import { NO_DATA_COLOR } from '../../components/map/choropleth';
import { formatValue } from '../../entities/indicators/estimates';
import { STATUS_LABELS } from '../../lib/i18n';
import { STATUS_COLORS } from '../../lib/status-style';
import {
  type DashboardChoropleth,
  type DashboardUnit,
  frameFor,
  homeProvinceOf,
  mapLabels,
  panelIndicators,
  searchUnitsOf,
  selectedUnitOf,
  statusStrip,
  stripPeriodsFor,
  tableRows,
  viewCaptions,
} from './dashboard-builders';

const unit = (
  code: string,
  name: string,
  provinceCode: string,
  labelPoint: [number, number],
): DashboardUnit => ({
  code,
  name,
  fullName: code.length === 2 ? `Tỉnh ${name}` : `Xã ${name}`,
  level: code.length === 2 ? 'province' : 'commune',
  provinceCode,
  labelPoint,
  areaKm2: 10,
});
const hanoi = unit('01', 'Hà Nội', '01', [105.8, 21]);
const sonla = unit('14', 'Sơn La', '14', [103.9, 21.3]);
const a = unit('00001', 'An', '01', [105.7, 21.1]);
const b = unit('00002', 'Bình', '01', [105.9, 20.9]);
const byCode = new Map([hanoi, sonla].map((u) => [u.code, u]));

describe('dashboard builders', () => {
  it('starts a one-province user on that province, nobody else', () => {
    expect(homeProvinceOf({ jurisdiction: ['14'] })).toBe('14');
    expect(homeProvinceOf({ jurisdiction: ['14', '01'] })).toBeNull();
    expect(homeProvinceOf({ jurisdiction: ['00001'] })).toBeNull();
    expect(homeProvinceOf({ jurisdiction: [] })).toBeNull();
    expect(homeProvinceOf(null)).toBeNull();
  });

  it('finds the selected province or commune in the lists loaded', () => {
    expect(selectedUnitOf('14', byCode, [])).toBe(sonla);
    expect(selectedUnitOf('00002', byCode, [undefined, [a, b]])).toBe(b);
    expect(selectedUnitOf('00009', byCode, [[a]])).toBeNull();
    expect(selectedUnitOf(null, byCode, [[a]])).toBeNull();
  });

  it('frames the country, or a province once its communes are known', () => {
    expect(frameFor(null, '2026-01-01', undefined)?.key).toBe('country|2026-01-01');
    expect(frameFor('01', '2026-01-01', undefined)).toBeNull();
    const f = frameFor('01', '2026-01-01', [a, b]);
    expect(f?.key).toBe('01|2026-01-01');
    const [w, s, e, n] = f?.bounds ?? [0, 0, 0, 0];
    expect(w).toBeLessThanOrEqual(105.7);
    expect(e).toBeGreaterThanOrEqual(105.9);
    expect(s).toBeLessThanOrEqual(20.9);
    expect(n).toBeGreaterThanOrEqual(21.1);
  });

  it('labels provinces and the archipelagos nationally, communes when zoomed into a province', () => {
    const country = mapLabels({
      on: true,
      province: null,
      communeLabels: false,
      provinces: [hanoi, sonla],
      provinceCommunes: undefined,
    });
    const names = country.map((l) => l.name);
    expect(names).toEqual(expect.arrayContaining(['Hà Nội', 'Sơn La']));
    expect(names.some((n) => n.includes('Hoàng Sa'))).toBe(true);
    expect(names.some((n) => n.includes('Trường Sa'))).toBe(true);
    const zoomed = mapLabels({
      on: true,
      province: '01',
      communeLabels: true,
      provinces: [hanoi, sonla],
      provinceCommunes: [a, b],
    });
    expect(zoomed.map((l) => l.name)).toEqual(['An', 'Bình']);
    expect(
      mapLabels({
        on: false,
        province: null,
        communeLabels: false,
        provinces: [hanoi],
        provinceCommunes: [],
      }),
    ).toEqual([]);
  });

  it('searches provinces, then communes named with their province', () => {
    expect(searchUnitsOf([hanoi], undefined, byCode)).toBeNull();
    const units = searchUnitsOf([hanoi], [a], byCode);
    expect(units?.map((u) => [u.code, u.provinceName])).toEqual([
      ['01', null],
      ['00001', 'Tỉnh Hà Nội'],
    ]);
  });

  it('writes table rows with the status label or the value, coloured as the map, estimates marked', () => {
    const status: DashboardChoropleth = {
      kind: 'status',
      classes: new Map([['00001', 0]]),
      palette: ['#123456'],
      noData: 1,
      counts: {} as never,
    };
    const rows = tableRows({
      units: [a, b],
      provinceByCode: byCode,
      statuses: [{ code: '00001', status: 'khong_ma_tuy' }],
      choropleth: status,
      isStatus: true,
      indicator: null,
      lang: 'vi',
    });
    expect(rows[0]).toMatchObject({ code: '00001', name: 'Xã An', province: 'Hà Nội', color: '#123456' });
    expect(rows[0]?.value).toBe(STATUS_LABELS.vi.khong_ma_tuy);
    expect(rows[0]?.value).not.toBe('khong_ma_tuy');
    expect(rows[1]).toMatchObject({ code: '00002', value: null, color: null });

    const values: DashboardChoropleth = {
      kind: 'indicator',
      classes: new Map([
        ['00001', 1],
        ['00002', -1],
      ]),
      palette: ['#aaaaaa', '#bbbbbb'],
      noData: 1,
      ranges: [],
      counts: [],
      valueByCode: new Map([['00001', 12.5]]),
      estimated: new Set(['00001']),
    };
    const indicator = {
      code: 'managed_addicts',
      nameVi: 'Người nghiện',
      nameEn: 'Addicts',
      unitVi: 'người',
      unitEn: 'people',
    };
    const [first, second] = tableRows({
      units: [a, b],
      provinceByCode: byCode,
      statuses: [],
      choropleth: values,
      isStatus: false,
      indicator,
      lang: 'vi',
    });
    expect(first).toMatchObject({ value: 12.5, color: '#bbbbbb', estimated: true, count: true });
    expect(second).toMatchObject({ value: null, color: null, estimated: false });
    expect(first?.unit).toBe('người');

    // A share carries its "%" to the table, which writes it "12,5%"; a count its unit, written bare.
    const share = { ...indicator, code: 'trained_pct', unitVi: '%', unitEn: '%', formula: 'a / b * 100' };
    const [pct] = tableRows({
      units: [a],
      provinceByCode: byCode,
      statuses: [],
      choropleth: { ...values, estimated: new Set() },
      isStatus: false,
      indicator: share,
      lang: 'vi',
    });
    expect(pct).toMatchObject({ value: 12.5, unit: '%', count: false });
    expect(formatValue(pct?.value as number, 'vi', { unit: pct?.unit, count: pct?.count })).toBe('12,5%');
    expect(formatValue(1234, 'vi', { unit: first?.unit, count: first?.count })).toBe('1.234');
  });

  it("keeps a commune's strip to the years reported on its units", () => {
    const years = ['2023', '2024', '2025', '2026'];
    // A version from 1/7/2025: years before it, and the first half of 2025.
    expect(stripPeriodsFor(years, '2025-07-01')).toEqual(['2023', '2024', '2025-H1']);
    // From 1/1/2026: whole years up to 2025.
    expect(stripPeriodsFor(years, '2026-01-01')).toEqual(['2023', '2024', '2025']);
    expect(stripPeriodsFor(years, null)).toEqual(years);
  });

  it('colours the strip by status, no data where a year has none', () => {
    const strip = statusStrip(
      ['2024', '2025'],
      [{ rows: [{ code: '00001', status: 'khong_ma_tuy' }] }, undefined],
      '00001',
    );
    expect(strip).toEqual([
      { period: '2024', status: 'khong_ma_tuy', color: STATUS_COLORS.khong_ma_tuy },
      { period: '2025', status: null, color: NO_DATA_COLOR },
    ]);
    expect(statusStrip([], [], '00001')).toBeNull();
  });

  it('puts the indicator on the map first in the area panel, then the key ones', () => {
    const catalogue = ['drug_arrests', 'x_rate', 'managed_addicts'].map((code) => ({ code }));
    expect(panelIndicators(catalogue, false, 'x_rate').map((i) => i.code)).toEqual([
      'x_rate',
      'managed_addicts',
      'drug_arrests',
    ]);
    expect(panelIndicators(catalogue, true, 'status').map((i) => i.code)).toEqual([
      'managed_addicts',
      'drug_arrests',
    ]);
  });

  it('words the view for titles, file names and the table caption', () => {
    const c = viewCaptions({
      isStatus: false,
      indicatorCode: 'managed_addicts',
      indicator: {
        code: 'managed_addicts',
        nameVi: 'Người nghiện',
        nameEn: 'Addicts',
        unitVi: 'người',
        unitEn: 'people',
      },
      areaName: 'Tỉnh Sơn La',
      province: '14',
      periodId: '2025-Q3',
      periodText: 'Quý III/2025',
      meta: { source: 'Công an tỉnh', synthetic: false },
      lang: 'vi',
    });
    expect(c.what).toBe('Người nghiện');
    expect(c.unit).toBe('người');
    expect(c.pngName).toBe('pcmt-managed_addicts-2025-Q3-14.png');
    expect(c.csvName).toBe('pcmt-managed_addicts-2025-Q3-14.csv');
    expect(c.tableCaption).toBe('Tỉnh Sơn La — Người nghiện — Quý III/2025 — Nguồn: Công an tỉnh');
    const national = viewCaptions({
      isStatus: true,
      indicatorCode: 'status',
      indicator: null,
      areaName: null,
      province: null,
      periodId: '2025',
      periodText: 'Năm 2025',
      meta: undefined,
      lang: 'vi',
    });
    expect(national.area).toBe('Toàn quốc');
    expect(national.unit).toBe('');
    expect(national.pngName).toBe('pcmt-status-2025.png');
    expect(national.tableCaption).toBe('Toàn quốc — Phân loại xã (tình hình ma túy) — Năm 2025');
  });
});
