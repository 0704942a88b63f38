import type { Layer } from '@deck.gl/core';
import { GeoJsonLayer, PathLayer, PolygonLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';

export interface PlannerHotspot {
  code: string;
  kind: 'diem' | 'tu_diem';
  communeCode: string;
  position: [number, number];
  status: 'active' | 'eliminated';
  detectedOn: string;
  reemergedOn: string | null;
}

export interface PlanGeometry {
  stops: { code: string; order: number; position: [number, number] }[];
  zones: { type: 'MultiPolygon'; coordinates: [number, number][][][] };
}

type Rgba = [number, number, number, number];

/** Colours shared by the layers and the page's legend. */
export const PATROL_COLORS = {
  hotspot: [200, 0, 90, 200] as Rgba,
  selected: [255, 170, 0, 255] as Rgba,
  zone: [30, 110, 220, 60] as Rgba,
  zoneLine: [30, 110, 220, 220] as Rgba,
  route: [20, 40, 120, 230] as Rgba,
  lasso: [0, 140, 80, 230] as Rgba,
};

/** A drawn area being made: the frame whose clicks add corners, and the corners so far. */
export interface Drawing {
  bounds: [number, number, number, number];
  ring: [number, number][];
}

/** Id of the invisible layer that turns map clicks into corners of the drawn area. */
export const DRAW_CATCHER_ID = 'patrol-draw-catcher';

export const cssColor = ([r, g, b, a]: Rgba) => `rgba(${r}, ${g}, ${b}, ${(a / 255).toFixed(2)})`;

/**
 * The planner's deck.gl layers, bottom to top: patrol zones, the route, the province's hotspots (selected
 * ones larger and amber) and the stop numbers, so a stop's number is never hidden under a point.
 */
export function patrolLayers(
  hotspots: readonly PlannerHotspot[],
  selected: ReadonlySet<string>,
  plan: PlanGeometry | null,
  drawing: Drawing | null = null,
): Layer[] {
  const layers: Layer[] = [];
  if (drawing) {
    const [w, south, e, n] = drawing.bounds;
    // Nearly transparent yet pickable: a click anywhere returns its coordinate through deck.gl's picking.
    layers.push(
      new PolygonLayer<{ polygon: [number, number][] }>({
        id: DRAW_CATCHER_ID,
        data: [
          {
            polygon: [
              [w, south],
              [e, south],
              [e, n],
              [w, n],
            ],
          },
        ],
        getPolygon: (d) => d.polygon,
        getFillColor: [0, 0, 0, 1],
        stroked: false,
        pickable: true,
      }),
    );
  }
  const stops = plan ? [...plan.stops].sort((a, b) => a.order - b.order) : [];
  if (plan) {
    layers.push(
      new GeoJsonLayer({
        id: 'patrol-zones',
        data: { type: 'Feature', geometry: plan.zones, properties: {} },
        filled: true,
        stroked: true,
        getFillColor: PATROL_COLORS.zone,
        getLineColor: PATROL_COLORS.zoneLine,
        lineWidthUnits: 'pixels',
        getLineWidth: 1.5,
      }),
      new PathLayer<{ path: [number, number][] }>({
        id: 'patrol-route',
        data: [{ path: stops.map((s) => s.position) }],
        getPath: (d) => d.path,
        getColor: PATROL_COLORS.route,
        widthUnits: 'pixels',
        getWidth: 3,
      }),
    );
  }
  layers.push(
    new ScatterplotLayer<PlannerHotspot>({
      id: 'patrol-hotspots',
      data: hotspots,
      pickable: true,
      stroked: true,
      getPosition: (h) => h.position,
      getRadius: (h) => (selected.has(h.code) ? 9 : h.kind === 'tu_diem' ? 6 : 4.5),
      radiusUnits: 'pixels',
      getFillColor: (h) => (selected.has(h.code) ? PATROL_COLORS.selected : PATROL_COLORS.hotspot),
      getLineColor: [255, 255, 255, 255],
      lineWidthUnits: 'pixels',
      getLineWidth: 1.5,
      updateTriggers: { getRadius: [...selected].join(), getFillColor: [...selected].join() },
    }),
  );
  if (drawing && drawing.ring.length > 0) {
    const ring = drawing.ring;
    layers.push(
      new PathLayer<{ path: [number, number][] }>({
        id: 'patrol-lasso',
        data: [{ path: ring.length > 2 ? [...ring, ring[0] as [number, number]] : ring }],
        getPath: (d) => d.path,
        getColor: PATROL_COLORS.lasso,
        widthUnits: 'pixels',
        getWidth: 2,
      }),
      new ScatterplotLayer<[number, number]>({
        id: 'patrol-lasso-corners',
        data: ring,
        getPosition: (p) => p,
        getRadius: 4,
        radiusUnits: 'pixels',
        getFillColor: PATROL_COLORS.lasso,
      }),
    );
  }
  if (plan) {
    layers.push(
      new TextLayer<{ order: number; position: [number, number] }>({
        id: 'patrol-stop-numbers',
        data: stops,
        getPosition: (s) => s.position,
        getText: (s) => String(s.order),
        getSize: 13,
        getColor: [20, 20, 20, 255],
        fontWeight: 700,
        getPixelOffset: [0, -16],
        outlineWidth: 3,
        outlineColor: [255, 255, 255, 255],
        fontSettings: { sdf: true },
      }),
    );
  }
  return layers;
}
