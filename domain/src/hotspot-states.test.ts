import { describe, expect, it } from 'vitest';
import {
  HOTSPOT_STATE_WORDS,
  HOTSPOT_STATES,
  hotspotStateOn,
  hotspotStateSql,
  isActiveOn,
} from './hotspot-states';

const h = (detectedOn: string, eliminatedOn: string | null = null, reemergedOn: string | null = null) => ({
  detectedOn,
  eliminatedOn,
  reemergedOn,
});

describe('hotspot states', () => {
  it('have no state before detection, are active from the detection day', () => {
    expect(hotspotStateOn(h('2025-03-10'), '2025-03-09')).toBeNull();
    expect(isActiveOn(h('2025-03-10'), '2025-03-09')).toBe(false);
    expect(hotspotStateOn(h('2025-03-10'), '2025-03-10')).toBe('active');
    expect(hotspotStateOn(h('2025-03-10'), '2026-12-31')).toBe('active');
  });

  it('are eliminated from the elimination day, active again from a re-emergence', () => {
    const e = h('2025-03-10', '2025-06-30');
    expect(hotspotStateOn(e, '2025-06-29')).toBe('active');
    expect(hotspotStateOn(e, '2025-06-30')).toBe('eliminated');
    const r = h('2025-03-10', '2025-06-30', '2026-01-15');
    expect(hotspotStateOn(r, '2025-12-31')).toBe('eliminated');
    expect(isActiveOn(r, '2025-12-31')).toBe(false);
    expect(hotspotStateOn(r, '2026-01-15')).toBe('active');
    expect(isActiveOn(r, '2026-02-01')).toBe(true);
  });

  it('have words in Vietnamese and English for each state', () => {
    for (const s of HOTSPOT_STATES) {
      expect(HOTSPOT_STATE_WORDS[s].vi).not.toBe('');
      expect(HOTSPOT_STATE_WORDS[s].en).not.toBe('');
    }
    expect(HOTSPOT_STATE_WORDS.eliminated.vi).toBe('Đã triệt xóa');
  });

  it('write the same rule as SQL on the given alias and parameter', () => {
    const sql = hotspotStateSql('x', '$3');
    expect(sql).toContain('x.eliminated_on > $3::date');
    expect(sql).toContain('x.reemerged_on <= $3::date');
    expect(sql).not.toMatch(/\bh\./);
  });
});
