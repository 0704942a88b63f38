import { describe, expect, it } from 'vitest';
import {
  afterMapClick,
  afterSearchPick,
  popupAfterPick,
  startOnHomeProvince,
  toggleLayer,
} from './view-updates';

describe('dashboard view updates', () => {
  it('a map click opens a province from the country, selects a commune in view, or opens the neighbour', () => {
    expect(afterMapClick(null, null, { provinceCode: '14', communeCode: null })).toEqual({
      province: '14',
      map: null,
      unit: null,
    });
    expect(afterMapClick(null, null, { provinceCode: null, communeCode: null })).toBeNull();
    const inView = ['00001', '00002'];
    expect(afterMapClick('01', inView, { provinceCode: '01', communeCode: '00002' })).toEqual({
      unit: '00002',
    });
    expect(afterMapClick('01', inView, { provinceCode: '14', communeCode: '04000' })).toEqual({
      province: '14',
      map: null,
      unit: null,
    });
    expect(afterMapClick('01', inView, { provinceCode: '01', communeCode: '09999' })).toBeNull();
  });

  it('a search pick opens a province, or zooms to a commune in its province', () => {
    expect(afterSearchPick({ code: '14', level: 'province' }, undefined)).toEqual({
      province: '14',
      map: null,
      unit: null,
    });
    const communes = [{ code: '00004', provinceCode: '01', labelPoint: [105.8, 21.03] as [number, number] }];
    expect(afterSearchPick({ code: '00004', level: 'commune' }, communes)).toEqual({
      province: '01',
      unit: '00004',
      map: { lng: 105.8, lat: 21.03, zoom: 10.5 },
    });
    expect(afterSearchPick({ code: '00005', level: 'commune' }, communes)).toBeNull();
  });

  it('switches a layer without touching the others', () => {
    const before = new Set(['labels'] as const);
    expect([...(toggleLayer(before, 'hotspots', true).layers ?? [])].sort()).toEqual(['hotspots', 'labels']);
    expect([...(toggleLayer(before, 'labels', false).layers ?? [])]).toEqual([]);
    expect([...before]).toEqual(['labels']);
  });

  it('starts on the home province only from the bare national map', () => {
    expect(startOnHomeProvince('14', { province: null, map: null })).toEqual({ province: '14' });
    expect(startOnHomeProvince('14', { province: '01', map: null })).toBeNull();
    expect(startOnHomeProvince('14', { province: null, map: { lng: 1, lat: 2, zoom: 5 } })).toBeNull();
    expect(startOnHomeProvince(null, { province: null, map: null })).toBeNull();
  });

  it('a hover shows the popup, a click pins it, and a pinned popup stays when the pointer leaves', () => {
    const hover = popupAfterPick(null, { object: 'h1', x: 1, y: 2 }, 'hover');
    expect(hover).toEqual({ hotspot: 'h1', x: 1, y: 2, pinned: false });
    expect(popupAfterPick(hover, null, 'hover')).toBeNull();
    const pinned = popupAfterPick(hover, { object: 'h1', x: 1, y: 2 }, 'click');
    expect(pinned?.pinned).toBe(true);
    expect(popupAfterPick(pinned, null, 'hover')).toBe(pinned);
    expect(popupAfterPick(pinned, { object: 'h2', x: 5, y: 6 }, 'hover')).toEqual({
      hotspot: 'h2',
      x: 5,
      y: 6,
      pinned: true,
    });
  });
});
