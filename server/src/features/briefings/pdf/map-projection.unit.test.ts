import { describe, expect, it } from 'vitest';
import { periodLabelVi, periodShortLabelVi } from './labels-vi';
import { fitMercator, scaleBarLength } from './map-projection';

describe('the printed map', () => {
  const frame = { x: 0, y: 0, width: 400, height: 400 };

  it('fits the bounds into the frame, north up', () => {
    const p = fitMercator([103, 20.5, 105, 22], frame, 0);
    const [wx] = p.project(103, 21);
    const [ex] = p.project(105, 21);
    expect(ex - wx).toBeCloseTo(400, 0);
    const [, northY] = p.project(104, 22);
    const [, southY] = p.project(104, 20.5);
    expect(northY).toBeLessThan(southY);
    expect(northY).toBeGreaterThanOrEqual(0);
    expect(southY).toBeLessThanOrEqual(400);
  });

  it('measures the scale bar at the map latitude: a degree of longitude is ~104 km at 21° N', () => {
    const p = fitMercator([104, 20.9, 105, 21.1], frame, 0);
    const [x0] = p.project(104, 21);
    const [x1] = p.project(105, 21);
    expect(((x1 - x0) * p.metresPerPoint) / 1000).toBeCloseTo(103.9, 0);
    const bar = scaleBarLength(p.metresPerPoint, 100);
    expect(bar.label).toBe('20 km');
    expect(bar.points).toBeCloseTo((20_000 / 103_900) * 400, 0);
  });

  it('picks 1, 2 or 5 × 10ⁿ and metres below a kilometre', () => {
    expect(scaleBarLength(10, 100).label).toBe('1 km');
    expect(scaleBarLength(10, 99).label).toBe('500 m');
    expect(scaleBarLength(10, 49).label).toBe('200 m');
    expect(scaleBarLength(1000, 120).label).toBe('100 km');
  });
});

describe('period labels in Vietnamese', () => {
  it('says periods as official documents do', () => {
    expect(periodLabelVi('2025-Q3')).toBe('Quý III/2025');
    expect(periodLabelVi('2025-Q4')).toBe('Quý IV/2025');
    expect(periodLabelVi('2024')).toBe('Năm 2024');
    expect(periodLabelVi('2025-H1')).toBe('6 tháng đầu năm 2025');
    expect(periodLabelVi('2025-H2')).toBe('6 tháng cuối năm 2025');
    expect(periodLabelVi('2025-07')).toBe('Tháng 7/2025');
    expect(periodShortLabelVi('2025-Q1')).toEqual(['Q.I', '2025']);
  });
});
