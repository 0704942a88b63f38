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
    expect(GI_LEGEND[giClass(3)]?.label).toBe('Cụm giá trị cao, tin cậy 99%');
    expect(GI_LEGEND[giClass(-2)]?.label).toBe('Cụm giá trị thấp, tin cậy 95%');
    expect(GI_LEGEND[giClass(0)]?.label).toBe('Không có ý nghĩa thống kê');
  });

  it('map LISA quadrants and emerging categories the same way', () => {
    expect(MORAN_LEGEND[moranClass('HL')]?.label).toContain('Cao – Thấp');
    expect(MORAN_LEGEND[moranClass(null)]?.label).toBe('Không có ý nghĩa thống kê');
    expect(EMERGING_LEGEND[emergingClass('hot', 'intensifying')]?.label).toBe('Cụm giá trị cao gia tăng');
    expect(EMERGING_LEGEND[emergingClass('cold', 'new')]?.label).toBe('Cụm giá trị thấp mới');
    expect(EMERGING_LEGEND[emergingClass(null, null)]?.label).toBe('Không phát hiện xu hướng');
  });
});
