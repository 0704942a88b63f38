import { describe, expect, it } from 'vitest';
import {
  inLasso,
  type LonLat,
  recentActivity,
  type SelectableHotspot,
  topByRecentActivity,
} from './patrol-selection';

describe('selection', () => {
  const h = (code: string, lon: number, extra: Partial<SelectableHotspot> = {}): SelectableHotspot => ({
    code,
    kind: 'diem',
    communeCode: '00004',
    position: [lon, 21],
    status: 'active',
    detectedOn: '2024-01-01',
    reemergedOn: null,
    ...extra,
  });

  it('keeps hotspots inside a lasso', () => {
    const ring: LonLat[] = [
      [105.75, 20.95],
      [105.85, 20.95],
      [105.85, 21.05],
      [105.75, 21.05],
    ];
    expect(inLasso([h('a', 105.8), h('b', 105.9)], ring).map((x) => x.code)).toEqual(['a']);
  });

  it('ranks by recent activity: a recent tụ điểm first, eliminated places never', () => {
    const list = [
      h('old', 105.8, { detectedOn: '2020-01-01' }),
      h('recent', 105.8, { detectedOn: '2026-05-01', kind: 'tu_diem' }),
      h('back', 105.8, { detectedOn: '2019-01-01', reemergedOn: '2026-04-01' }),
      h('gone', 105.8, { status: 'eliminated', detectedOn: '2026-06-01' }),
    ];
    expect(topByRecentActivity(list, 3, '2026-06-30').map((x) => x.code)).toEqual(['recent', 'back', 'old']);
    expect(recentActivity(list[3] as SelectableHotspot, '2026-06-30')).toBe(0);
    expect(topByRecentActivity(list, 5, '2026-06-30', '99999')).toEqual([]);
  });
});
