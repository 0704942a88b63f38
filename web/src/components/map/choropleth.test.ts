import { describe, expect, it } from 'vitest';
import { indicatorChoropleth, STATUS_PALETTE, statusChoropleth } from './choropleth';

describe('choropleth', () => {
  it('colours communes by status, counts each class and marks communes without a decision', () => {
    const c = statusChoropleth(
      [
        { code: '1', status: 'khong_ma_tuy' },
        { code: '2', status: 'trong_diem_I' },
        { code: '3', status: 'khong_ma_tuy' },
      ],
      ['1', '2', '3', '4'],
    );
    expect(c.classes.get('1')).toBe(0);
    expect(c.classes.get('2')).toBe(4);
    expect(c.classes.get('4')).toBe(-1);
    expect(c.counts.khong_ma_tuy).toBe(2);
    expect(c.noData).toBe(1);
    expect(c.palette).toBe(STATUS_PALETTE);
  });

  it('classes indicator values and keeps one colour per class', () => {
    const rows = Array.from({ length: 10 }, (_, i) => ({ code: String(i), value: i + 1 }));
    const c = indicatorChoropleth(rows, null, 'quantile', 5);
    expect(c.ranges).toHaveLength(5);
    expect(c.palette).toHaveLength(5);
    expect(c.counts).toEqual([2, 2, 2, 2, 2]);
    expect(c.classes.get('9')).toBe(4);
  });
});
