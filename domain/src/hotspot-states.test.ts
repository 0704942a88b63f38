import { describe, expect, it } from 'vitest';
import {
  eliminatedWithin,
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

  it('the later of elimination and re-emergence decides: eliminated again stays eliminated', () => {
    // Eliminated, found again on 15/01/2026, eliminated again on 01/04/2026 (the record keeps the latest of each).
    const again = h('2025-03-10', '2026-04-01', '2026-01-15');
    expect(hotspotStateOn(again, '2026-02-01')).toBe('active');
    expect(hotspotStateOn(again, '2026-04-01')).toBe('eliminated');
    expect(isActiveOn(again, '2026-12-31')).toBe(false);
    // Re-opened on the day of its elimination (the register allows it): active from that day.
    const sameDay = h('2025-03-10', '2026-04-01', '2026-04-01');
    expect(hotspotStateOn(sameDay, '2026-04-01')).toBe('active');
  });

  it('counts an elimination within a window only while it lasts', () => {
    const e = h('2025-03-10', '2025-06-30');
    expect(eliminatedWithin(e, '2025-01-01', '2025-12-31')).toBe(true);
    expect(eliminatedWithin(e, '2025-07-01', '2025-12-31')).toBe(false);
    expect(eliminatedWithin(e, '2025-01-01', '2025-06-29')).toBe(false);
    expect(eliminatedWithin(h('2025-03-10', '2025-06-30', '2025-10-01'), '2025-01-01', '2025-12-31')).toBe(
      false,
    );
    expect(eliminatedWithin(h('2025-03-10', '2025-06-30', '2025-06-30'), '2025-01-01', '2025-12-31')).toBe(
      false,
    );
    expect(eliminatedWithin(h('2025-03-10', '2025-06-30', '2025-02-01'), '2025-01-01', '2025-12-31')).toBe(
      true,
    );
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
    expect(sql).toContain('x.reemerged_on >= x.eliminated_on');
    expect(sql).not.toMatch(/\bh\./);
  });
});
