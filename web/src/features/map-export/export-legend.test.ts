import { describe, expect, it } from 'vitest';
import { STATUS_COLORS } from '../../lib/status-style';
import { exportLegend } from './export-legend';

describe('export legend', () => {
  it('lists every status in order of seriousness with its colour and count, then no data', () => {
    const legend = exportLegend(
      {
        kind: 'status',
        counts: { khong_ma_tuy: 10, co_ma_tuy: 5, trong_diem_III: 0, trong_diem_II: 2, trong_diem_I: 1 },
        noData: 3,
      },
      { title: 'Phân loại xã (tình hình ma túy)', unit: '', noDataColor: '#cccccc', lang: 'vi' },
    );
    expect(legend.title).toBe('Phân loại xã (tình hình ma túy)');
    expect(legend.rows.map((r) => [r.label, r.count])).toEqual([
      ['Không có ma túy', 10],
      ['Có ma túy', 5],
      ['Trọng điểm loại III', 0],
      ['Trọng điểm loại II', 2],
      ['Trọng điểm loại I', 1],
      ['Không có số liệu', 3],
    ]);
    expect(legend.rows[0]?.color).toBe(STATUS_COLORS.khong_ma_tuy);
    expect(legend.rows[4]?.color).toBe(STATUS_COLORS.trong_diem_I);
    expect(legend.rows[5]?.color).toBe('#cccccc');
  });

  it('writes indicator ranges the reader’s way with the unit in the title, and no "no data" row when none', () => {
    const legend = exportLegend(
      {
        kind: 'indicator',
        ranges: [
          [0, 1.5],
          [1.5, 12.25],
          [40, 40],
        ],
        counts: [4, 6, 1],
        palette: ['#a', '#b', '#c'],
        noData: 0,
      },
      { title: 'Người nghiện trên 1.000 dân', unit: 'người', noDataColor: '#ccc', lang: 'vi' },
    );
    expect(legend.title).toBe('Người nghiện trên 1.000 dân (người)');
    expect(legend.rows).toEqual([
      { color: '#a', label: '0 – 1,5', count: 4 },
      { color: '#b', label: '1,5 – 12,3', count: 6 },
      { color: '#c', label: '40', count: 1 },
    ]);
  });
});
