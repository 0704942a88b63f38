import { describe, expect, it } from 'vitest';
import {
  buildHotspotLayers,
  HOTSPOT_DENSITY_MAX_ZOOM,
  type HotspotPoint,
  hotspotPoints,
} from './hotspot-layers';

const point = (code: string, status: HotspotPoint['status']): HotspotPoint => ({
  code,
  kind: 'diem',
  communeCode: '00004',
  detectedOn: '2023-02-01',
  eliminatedOn: status === 'eliminated' ? '2024-05-01' : null,
  reemergedOn: null,
  status,
  position: [105.8, 21.03],
});

describe('hotspot layers', () => {
  const points = [point('a', 'active'), point('b', 'eliminated')];

  it('show density of active hotspots when zoomed out', () => {
    const [layer] = buildHotspotLayers(points, HOTSPOT_DENSITY_MAX_ZOOM - 1);
    expect(layer?.id).toBe('hotspot-density');
    const data = layer?.props.data as HotspotPoint[] | undefined;
    expect(data?.map((p) => p.code)).toEqual(['a']);
  });

  it('show every hotspot as a pickable point when zoomed in', () => {
    const [layer] = buildHotspotLayers(points, HOTSPOT_DENSITY_MAX_ZOOM + 1);
    expect(layer?.id).toBe('hotspot-points');
    expect(layer?.props.pickable).toBe(true);
    const data = layer?.props.data as HotspotPoint[] | undefined;
    expect(data?.length).toBe(2);
  });

  it('flatten GeoJSON features into points', () => {
    const { position, ...properties } = point('c', 'active');
    const fc = { features: [{ geometry: { coordinates: position }, properties }] };
    expect(hotspotPoints(fc)).toEqual([point('c', 'active')]);
  });
});
