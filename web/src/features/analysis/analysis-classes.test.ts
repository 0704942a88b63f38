import { describe, expect, it } from 'vitest';
import {
  EMERGING_LEGEND,
  emergingClass,
  GI_LEGEND,
  giClass,
  MORAN_LEGEND,
  moranClass,
} from './analysis-classes';

describe('analysis classes and legends', () => {
  it('map every Gi* bin to the legend entry that names it', () => {
    expect(GI_LEGEND[giClass(3)]?.label).toBe('Điểm nóng, tin cậy 99 %');
    expect(GI_LEGEND[giClass(-2)]?.label).toBe('Điểm lạnh, tin cậy 95 %');
    expect(GI_LEGEND[giClass(0)]?.label).toBe('Không có ý nghĩa thống kê');
  });

  it('map LISA quadrants and emerging categories the same way', () => {
    expect(MORAN_LEGEND[moranClass('HL')]?.label).toContain('Cao – Thấp');
    expect(MORAN_LEGEND[moranClass(null)]?.label).toBe('Không có ý nghĩa thống kê');
    expect(EMERGING_LEGEND[emergingClass('hot', 'intensifying')]?.label).toBe('Điểm nóng gia tăng');
    expect(EMERGING_LEGEND[emergingClass('cold', 'new')]?.label).toBe('Điểm lạnh mới');
    expect(EMERGING_LEGEND[emergingClass(null, null)]?.label).toBe('Không phát hiện xu hướng');
  });
});
