import type { Layer } from '@deck.gl/core';
import { buildLabelLayer } from '../../components/map/label-layer';
import type { MapLabel } from '../../components/map/labels';
import type { HotspotPoint } from '../../features/hotspots/hotspot-points';
import { buildHotspotLayers } from '../../features/hotspots/layers/hotspot-layers';

/**
 * The dashboard's deck.gl layers (hotspots, labels). Loaded on its own after the page (see dashboard.tsx):
 * the national map draws with MapLibre alone, and labels and hotspots join once deck.gl has arrived.
 */
export function dashboardDeckLayers(p: {
  hotspotsOn: boolean;
  hotspots: readonly HotspotPoint[];
  zoom: number;
  labels: readonly MapLabel[];
  communeLabels: boolean;
}): Layer[] {
  const layers: Layer[] = [];
  if (p.hotspotsOn) layers.push(...buildHotspotLayers(p.hotspots, p.zoom));
  if (p.labels.length > 0)
    layers.push(buildLabelLayer(p.communeLabels ? 'commune-labels' : 'province-labels', p.labels, 12));
  return layers;
}
