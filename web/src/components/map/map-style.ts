import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';

/** Layers of the boundary tiles (`/api/tiles/{layer}/…`), one source each, named like the MVT layer. */
export const TILE_LAYERS = ['communes', 'districts', 'provinces'] as const;
export type TileLayerName = (typeof TILE_LAYERS)[number];

/** Deepest zoom the API serves (TILE_MAX_ZOOM); MapLibre overzooms beyond it. */
const TILE_MAX_ZOOM = 14;

/** Feature-state key holding a commune's class index: ≥ 0 a class, -1 no data; absent when not in view. */
export const CLASS_STATE = 'c';

/** Tile URL template of a layer on the unit version valid on `at`. */
export function tileUrl(origin: string, layer: TileLayerName, at: string): string {
  return `${origin}/api/tiles/${layer}/{z}/{x}/{y}.mvt?at=${at}`;
}

export interface FillPaint {
  /** Colour of class i. */
  palette: readonly string[];
  noDataColor: string;
  /** Colour of communes with no state: outside the province in view, or not yet coloured. */
  outsideColor: string;
}

/** MapLibre expression colouring a commune by the class index in its feature-state. */
export function fillColorExpression(paint: FillPaint): ExpressionSpecification {
  const stops: (number | string)[] = [-1, paint.noDataColor];
  paint.palette.forEach((color, i) => {
    stops.push(i, color);
  });
  // The spec's tuple type cannot express a variable number of match arms.
  return [
    'match',
    ['coalesce', ['feature-state', CLASS_STATE], -2],
    ...stops,
    paint.outsideColor,
  ] as unknown as ExpressionSpecification;
}

export interface MapStyleOptions {
  /** The app's origin (`http://host:port`): tiles are requested from it and nowhere else. */
  origin: string;
  /** Date the boundary tiles are requested for (one per unit version). */
  tileAt: string;
  fill: FillPaint;
}

/**
 * A self-contained style: a plain background and the API's boundary tiles, no external style, tiles, glyphs
 * or sprites, so the map works with no internet. Labels are drawn by deck.gl with the browser's fonts.
 */
export function buildMapStyle(o: MapStyleOptions): StyleSpecification {
  const source = (layer: TileLayerName) => ({
    type: 'vector' as const,
    tiles: [tileUrl(o.origin, layer, o.tileAt)],
    minzoom: 0,
    maxzoom: TILE_MAX_ZOOM,
    promoteId: 'code',
  });
  return {
    version: 8,
    sources: {
      communes: source('communes'),
      districts: source('districts'),
      provinces: source('provinces'),
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#eef2f5' } },
      {
        id: 'commune-fill',
        type: 'fill',
        source: 'communes',
        'source-layer': 'communes',
        paint: { 'fill-color': fillColorExpression(o.fill), 'fill-opacity': 1 },
      },
      {
        id: 'commune-line',
        type: 'line',
        source: 'communes',
        'source-layer': 'communes',
        minzoom: 6.5,
        paint: {
          'line-color': '#6b6b6b',
          'line-opacity': ['interpolate', ['linear'], ['zoom'], 6.5, 0.15, 10, 0.6],
          'line-width': 0.5,
        },
      },
      {
        id: 'district-line',
        type: 'line',
        source: 'districts',
        'source-layer': 'districts',
        minzoom: 7,
        layout: { visibility: 'none' },
        paint: { 'line-color': '#444', 'line-width': 0.9, 'line-dasharray': [3, 2] },
      },
      {
        // Invisible, but queried on click to know which province was hit.
        id: 'province-fill',
        type: 'fill',
        source: 'provinces',
        'source-layer': 'provinces',
        paint: { 'fill-color': '#000', 'fill-opacity': 0 },
      },
      {
        id: 'province-line',
        type: 'line',
        source: 'provinces',
        'source-layer': 'provinces',
        paint: { 'line-color': '#222', 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.7, 9, 1.8] },
      },
      {
        id: 'province-focus',
        type: 'line',
        source: 'provinces',
        'source-layer': 'provinces',
        filter: ['==', ['get', 'code'], ''],
        paint: { 'line-color': '#111', 'line-width': 3 },
      },
      {
        id: 'commune-selected',
        type: 'line',
        source: 'communes',
        'source-layer': 'communes',
        filter: ['==', ['get', 'code'], ''],
        paint: { 'line-color': '#000', 'line-width': 3 },
      },
    ],
  };
}

/**
 * Our sources and layers to add on top of a configured basemap style: everything but the plain background,
 * with the commune fill made translucent so the basemap shows through.
 */
export function overlayOnBasemap(own: StyleSpecification): Pick<StyleSpecification, 'sources' | 'layers'> {
  return {
    sources: own.sources,
    layers: own.layers
      .filter((l) => l.type !== 'background')
      .map((l) =>
        l.id === 'commune-fill' && l.type === 'fill'
          ? { ...l, paint: { ...l.paint, 'fill-opacity': 0.72 } }
          : l,
      ),
  };
}

/** The mainland and islands of Vietnam, to frame the national view. */
export const VIETNAM_BOUNDS: [number, number, number, number] = [102.1, 8.3, 109.6, 23.5];
