import type { Layer, PickingInfo } from '@deck.gl/core';
import { MapboxOverlay } from '@deck.gl/mapbox';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef } from 'react';
import type { MapPosition } from '../../lib/url-state';
import {
  buildMapStyle,
  CLASS_STATE,
  type FillPaint,
  fillColorExpression,
  overlayOnBasemap,
  TILE_LAYERS,
  tileUrl,
  VIETNAM_BOUNDS,
} from './map-style';

maplibregl.setWorkerUrl(workerUrl);

export type Bounds = [number, number, number, number];

export interface MapClick {
  provinceCode: string | null;
  communeCode: string | null;
}

export interface AtlasMapProps {
  tileAt: string;
  /** Class index per commune code; applied as feature-state so a change never refetches geometry. */
  classes: ReadonlyMap<string, number>;
  /** Names the colouring in `classes`; set on the container as `data-rendered` once the map is idle with it. */
  classesKey: string;
  fill: FillPaint;
  showDistricts: boolean;
  focusProvince: string | null;
  selectedCommune: string | null;
  /** Camera from the URL; null lets `frame` decide. */
  position: MapPosition | null;
  /** Bounds to frame when `position` is null, and a key that changes when they should be framed again. */
  frame: { key: string; bounds: Bounds } | null;
  deckLayers: Layer[];
  onMove: (position: MapPosition) => void;
  onClick: (click: MapClick) => void;
  onPick: (info: PickingInfo | null, kind: 'hover' | 'click') => void;
  ariaLabel: string;
  /** A configured basemap style to draw under the boundaries; null keeps the self-contained style. */
  basemapStyleUrl: string | null;
}

const SOURCE = { source: 'communes', sourceLayer: 'communes' } as const;

/**
 * The MapLibre map with the boundary tiles and a deck.gl overlay. Geometry comes once per unit version; the
 * colouring is only feature-state, so changing period or indicator costs values, not tiles.
 */
export function AtlasMap(props: AtlasMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const overlayRef = useRef<MapboxOverlay | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const loaded = useRef(false);
  const appliedTileAt = useRef(props.tileAt);

  // Create the map once.
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const p = latest.current;
    const ownStyle = buildMapStyle({ origin: window.location.origin, tileAt: p.tileAt, fill: p.fill });
    const map = new maplibregl.Map({
      container: el,
      style: p.basemapStyleUrl ?? ownStyle,
      ...(p.position
        ? { center: [p.position.lng, p.position.lat] as [number, number], zoom: p.position.zoom }
        : { bounds: p.frame?.bounds ?? VIETNAM_BOUNDS, fitBoundsOptions: { padding: 24 } }),
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      maxZoom: 16,
      minZoom: 3,
    });
    map.touchZoomRotate.disableRotation();
    map.keyboard.enable();
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
    const overlay = new MapboxOverlay({
      interleaved: false,
      layers: p.deckLayers,
      onHover: (info) => latest.current.onPick(info.picked ? info : null, 'hover'),
    });
    map.addControl(overlay);
    mapRef.current = map;
    overlayRef.current = overlay;
    appliedTileAt.current = p.tileAt;
    (window as unknown as { __pcmtMap?: maplibregl.Map }).__pcmtMap = map;

    if (p.basemapStyleUrl) {
      // Our sources and layers go on top of the basemap once its style has loaded.
      map.once('style.load', () => {
        const overlay = overlayOnBasemap(ownStyle);
        for (const [id, source] of Object.entries(overlay.sources)) map.addSource(id, source);
        for (const layer of overlay.layers) map.addLayer(layer);
      });
    }
    map.on('load', () => {
      loaded.current = true;
      map.setPaintProperty('commune-fill', 'fill-color', fillColorExpression(latest.current.fill));
      applyClasses(map, el, latest.current);
      applyLayout(map, latest.current);
    });
    map.on('moveend', () => {
      const c = map.getCenter();
      latest.current.onMove({ lng: c.lng, lat: c.lat, zoom: map.getZoom() });
    });
    map.on('click', (e) => {
      const picked = overlay.pickObject({ x: e.point.x, y: e.point.y, radius: 4 });
      if (picked?.object) {
        latest.current.onPick(picked, 'click');
        return;
      }
      const hits = map.queryRenderedFeatures(e.point, { layers: ['province-fill', 'commune-fill'] });
      const code = (layer: string) => {
        const v = hits.find((f) => f.layer.id === layer)?.properties.code;
        return typeof v === 'string' ? v : v === undefined || v === null ? null : String(v);
      };
      latest.current.onClick({ provinceCode: code('province-fill'), communeCode: code('commune-fill') });
    });
    return () => {
      loaded.current = false;
      map.remove();
      mapRef.current = null;
      overlayRef.current = null;
    };
  }, []);

  // Another unit version: new tiles, and the old codes' states no longer mean anything.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded.current || appliedTileAt.current === props.tileAt) return;
    appliedTileAt.current = props.tileAt;
    for (const layer of TILE_LAYERS) {
      const source = map.getSource<maplibregl.VectorTileSource>(layer);
      source?.setTiles([tileUrl(window.location.origin, layer, props.tileAt)]);
    }
  }, [props.tileAt]);

  // New values: recolour through feature-state only.
  useEffect(() => {
    const map = mapRef.current;
    const el = container.current;
    if (!map || !el || !loaded.current) return;
    map.setPaintProperty('commune-fill', 'fill-color', fillColorExpression(latest.current.fill));
    applyClasses(map, el, latest.current);
  }, [props.classesKey, props.tileAt]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded.current) return;
    applyLayout(map, props);
  });

  useEffect(() => {
    overlayRef.current?.setProps({ layers: props.deckLayers });
  }, [props.deckLayers]);

  // Camera from the URL (Back/Forward, a shared link) or framing a newly chosen area.
  const frameKey = props.frame?.key;
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const p = latest.current;
    if (p.position) {
      const c = map.getCenter();
      const same =
        Math.abs(c.lng - p.position.lng) < 1e-4 &&
        Math.abs(c.lat - p.position.lat) < 1e-4 &&
        Math.abs(map.getZoom() - p.position.zoom) < 0.01;
      if (!same) map.jumpTo({ center: [p.position.lng, p.position.lat], zoom: p.position.zoom });
    } else if (p.frame) {
      map.fitBounds(p.frame.bounds, { padding: 32, duration: 0 });
    }
  }, [props.position?.lng, props.position?.lat, props.position?.zoom, frameKey]);

  return (
    <div
      ref={container}
      className="atlas-map"
      role="application"
      aria-label={props.ariaLabel}
      data-testid="atlas-map"
    />
  );
}

function applyLayout(map: maplibregl.Map, p: AtlasMapProps) {
  map.setLayoutProperty('district-line', 'visibility', p.showDistricts ? 'visible' : 'none');
  map.setFilter('province-focus', ['==', ['get', 'code'], p.focusProvince ?? '']);
  map.setFilter('commune-selected', ['==', ['get', 'code'], p.selectedCommune ?? '']);
}

/** Replaces every commune's class state, then marks the container once the map has drawn it. */
function applyClasses(map: maplibregl.Map, el: HTMLElement, p: AtlasMapProps) {
  const key = p.classesKey;
  el.dataset.rendered = '';
  el.dataset.pending = key;
  map.removeFeatureState(SOURCE);
  for (const [code, c] of p.classes) map.setFeatureState({ ...SOURCE, id: code }, { [CLASS_STATE]: c });
  map.once('idle', () => {
    // A later colouring may have started meanwhile: only the one still wanted counts as drawn.
    if (el.dataset.pending === key) el.dataset.rendered = key;
  });
  map.triggerRepaint();
}
