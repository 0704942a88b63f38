import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import type { Layer } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { HotspotPoint } from '../hotspot-points';
import { ACTIVE_COLOR, ELIMINATED_COLOR, HOTSPOT_DENSITY_MAX_ZOOM } from '../hotspot-style';

export { type HotspotPoint, hotspotPoints } from '../hotspot-points';

export { ACTIVE_COLOR, ELIMINATED_COLOR, HOTSPOT_DENSITY_MAX_ZOOM } from '../hotspot-style';

/**
 * deck.gl layers of the hotspot register: a density heatmap of active hotspots when zoomed out, and points
 * (active filled, eliminated hollow; tụ điểm larger than điểm) when zoomed in.
 */
export function buildHotspotLayers(points: readonly HotspotPoint[], zoom: number): Layer[] {
  if (zoom < HOTSPOT_DENSITY_MAX_ZOOM) {
    return [
      new HeatmapLayer<HotspotPoint>({
        id: 'hotspot-density',
        data: points.filter((p) => p.status === 'active'),
        getPosition: (p) => p.position,
        getWeight: (p) => (p.kind === 'tu_diem' ? 2 : 1),
        radiusPixels: 18,
        intensity: 1.2,
        colorRange: [
          [254, 235, 226],
          [252, 197, 192],
          [250, 159, 181],
          [247, 104, 161],
          [197, 27, 138],
          [122, 1, 119],
        ],
      }),
    ];
  }
  return [
    new ScatterplotLayer<HotspotPoint>({
      id: 'hotspot-points',
      data: points,
      pickable: true,
      stroked: true,
      getPosition: (p) => p.position,
      getRadius: (p) => (p.kind === 'tu_diem' ? 7 : 5),
      radiusUnits: 'pixels',
      getFillColor: (p) => (p.status === 'active' ? ACTIVE_COLOR : [255, 255, 255, 0]),
      getLineColor: (p) => (p.status === 'active' ? [255, 255, 255, 255] : ELIMINATED_COLOR),
      lineWidthUnits: 'pixels',
      getLineWidth: (p) => (p.status === 'active' ? 1.5 : 2),
    }),
  ];
}
