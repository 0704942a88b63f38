import { describe, expect, it } from 'vitest';
import { progressText } from './components/targets-list';
import { axisTop } from './components/trend-chart';
import { publicProvinceOf } from './public-path';
import { latestText, plottedValue, publishedText } from './published-number';

describe('public pages', () => {
  it('reads the province from /cong-khai/<code> and the country from /cong-khai', () => {
    expect(publicProvinceOf('/cong-khai/01')).toBe('01');
    expect(publicProvinceOf('/cong-khai/14/')).toBe('14');
    expect(publicProvinceOf('/cong-khai')).toBeNull();
    expect(publicProvinceOf('/cong-khai/1234')).toBeNull();
  });

  it('shows a suppressed figure as the server words it and plots a gap for it', () => {
    const hidden = { suppressed: true as const, value: null, display: '< 5' };
    expect(publishedText(hidden, 'vi')).toBe('< 5');
    expect(plottedValue(hidden)).toBeNull();
    expect(publishedText({ suppressed: false, value: 1234567 }, 'vi')).toBe('1.234.567');
    expect(publishedText({ suppressed: false, value: 1234567 }, 'en')).toBe('1,234,567');
    expect(plottedValue({ suppressed: false, value: 12 })).toBe(12);
  });

  it('says a latest year without a value has no data, never 0 and never silently left out', () => {
    expect(latestText({ period: '2025', value: null }, 'người', 'vi')).toBe('Năm 2025: chưa có số liệu');
    expect(latestText({ period: '2025', value: { suppressed: false, value: 0 } }, 'người', 'vi')).toBe(
      'Năm 2025: 0 người',
    );
    expect(latestText({ period: '2025', value: null }, 'people', 'en')).toBe('2025: no data yet');
    expect(latestText(undefined, 'người', 'vi')).toBeNull();
  });

  it('says when the latest figure is a total of only some communes (counts, never names)', () => {
    const value = { suppressed: false as const, value: 1234 };
    expect(latestText({ period: '2025', value, reported: 12, expected: 15 }, 'người', 'vi')).toBe(
      'Năm 2025: 1.234 người (Tổng của 12/15 xã đã báo cáo)',
    );
    expect(latestText({ period: '2025', value, reported: 15, expected: 15 }, 'người', 'vi')).toBe(
      'Năm 2025: 1.234 người',
    );
  });

  it('measures a chart axis on its top tick, which lies above the largest value (830 is drawn under "1.000")', () => {
    expect(axisTop(830)).toBe(1000);
    expect(axisTop(7950)).toBe(8000);
    expect(axisTop(101_480_440)).toBeGreaterThanOrEqual(120_000_000);
    expect(axisTop(101_480_440)).toBeLessThan(1_000_000_000);
    expect(axisTop(0)).toBe(0);
  });

  it('writes a target’s progress with the one formatter: a share with % on both sides, a count with its unit once', () => {
    const shown = (value: number) => ({ suppressed: false as const, value });
    expect(progressText({ current: shown(17.3), target: 50, unit: '%' }, 'vi')).toBe('17,3% / 50%');
    expect(progressText({ current: shown(1234), target: 2000, unit: 'người' }, 'vi')).toBe(
      '1.234 / 2.000 người',
    );
    expect(progressText({ current: null, target: 50, unit: '%' }, 'vi')).toBe('– / 50%');
    expect(progressText({ current: shown(3), target: null, unit: 'xã' }, 'vi')).toBe('3 xã');
  });
});
