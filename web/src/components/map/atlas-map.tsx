import type { Deck, Layer, PickingInfo } from '@deck.gl/core';
import type { MapboxOverlay } from '@deck.gl/mapbox';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { MapPosition } from '../../lib/url-state';
import { type FirstDraw, startFirstDraw, whenMapsDrawn } from './first-draw';
import { paintClasses, registerMapForTests } from './map-announce';
import {
  buildMapStyle,
  type FillPaint,
  fillColorExpression,
  overlayOnBasemap,
  TILE_LAYERS,
  tileUrl,
  VIETNAM_BOUNDS,
} from './map-style';

maplibregl.setWorkerUrl(workerUrl);
// Start MapLibre's worker as this chunk arrives: it loads while the page asks for its data, not after.
maplibregl.prewarm();

export type Bounds = [number, number, number, number];

export interface MapClick {
  provinceCode: string | null;
  communeCode: string | null;
}

export interface AtlasMapProps {
  tileAt: string;
  /** Class index per commune code; applied as feature-state so a change never refetches geometry. */
  classes: ReadonlyMap<string, number>;
  /** Names the colouring in `classes`, as `onRendered` announces it once drawn. */
  classesKey: string;
  /**
   * Called with `classesKey` once the map has drawn that colouring (idle with it), and with '' when a new
   * colouring starts drawing. The same value is mirrored on the container as `data-rendered`, the attribute
   * browser tests wait on (lib/test-hook.ts).
   */
  onRendered?: (key: string) => void;
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
  /** Called with the map's API once its style has loaded, and with null when it goes away. */
  onReady?: (api: AtlasMapApi | null) => void;
}

/** What a page may ask of a drawn map: its picture for an export, and its scale. */
export interface AtlasMapApi {
  /**
   * Waits until the map has drawn everything it is loading, then copies the map and its deck.gl overlay
   * rendered at `pixelRatio` (default: the screen's; a function gets the map's CSS size), without changing
   * what the user sees.
   */
  capture(opts?: {
    pixelRatio?: number | ((size: { width: number; height: number }) => number);
  }): Promise<MapCapture>;
  /** Ground metres per CSS pixel at the centre of the view (Web Mercator stretches away from it). */
  metresPerPixel(): number;
  /** The area on screen [west, south, east, north]. */
  bounds(): Bounds;
}

export interface MapCapture {
  /** The picture: `width × pixelRatio` by `height × pixelRatio` pixels. */
  canvas: HTMLCanvasElement;
  /** Size of the map on screen, CSS pixels. */
  width: number;
  height: number;
  pixelRatio: number;
  /** Ground metres per CSS pixel at the centre, when the picture was taken. */
  metresPerPixel: number;
  /** Compass direction that is up, degrees (0: north up; the dashboard never rotates, other maps may). */
  bearing: number;
  /** Credits of the basemap sources (plain text), which a picture of the map has to carry. */
  attributions: string[];
}

/**
 * The MapLibre map with the boundary tiles and a deck.gl overlay. Geometry comes once per unit version; the
 * colouring is only feature-state, so changing period or indicator costs values, not tiles.
 */
export function AtlasMap(props: AtlasMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const clickedAt = useRef<maplibregl.LngLat | null>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const overlayRef = useRef<MapboxOverlay | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const loaded = useRef(false);
  const appliedTileAt = useRef(props.tileAt);
  const firstDrawRef = useRef<FirstDraw | null>(null);

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
    const firstDraw = startFirstDraw();
    firstDrawRef.current = firstDraw;
    let firstDrawTimer: ReturnType<typeof setTimeout> | undefined;
    // deck.gl arrives after the map's first picture: MapLibre draws the boundaries and colours without
    // waiting for it, and its download and start do not hold the main thread meanwhile.
    let removed = false;
    void whenMapsDrawn()
      .then(() => import('@deck.gl/mapbox'))
      .then(({ MapboxOverlay }) => {
        if (removed) return;
        const overlay = new MapboxOverlay({
          interleaved: false,
          layers: latest.current.deckLayers,
          onHover: (info) => latest.current.onPick(info.picked ? info : null, 'hover'),
        });
        map.addControl(overlay);
        overlayRef.current = overlay;
      });
    mapRef.current = map;
    appliedTileAt.current = p.tileAt;
    // Browser tests reach the map through their hook (absent for users).
    const unregister = registerMapForTests(map);
    const api: AtlasMapApi = {
      capture: (opts) => {
        const wanted = opts?.pixelRatio ?? map.getPixelRatio();
        const size = { width: el.clientWidth, height: el.clientHeight };
        return captureMap(map, overlayRef.current, typeof wanted === 'function' ? wanted(size) : wanted);
      },
      metresPerPixel: () => metresPerPixel(map),
      bounds: () => map.getBounds().toArray().flat() as Bounds,
    };

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
      firstDraw.loaded();
      // Drawn when its first colouring is (applyClasses); a colouring that never comes (an error) holds
      // nothing back for long.
      firstDrawTimer = setTimeout(firstDraw.drawn, FIRST_DRAW_WAIT_MS);
      setFill(map, fillColorExpression(latest.current.fill));
      applyClasses(map, el, () => latest.current, firstDraw);
      applyLayout(map, latest.current);
      readyMaps.add(api);
      publishReadyMaps();
      latest.current.onReady?.(api);
    });
    map.on('moveend', () => {
      const c = map.getCenter();
      latest.current.onMove({ lng: c.lng, lat: c.lat, zoom: map.getZoom() });
    });
    // The area panel opening beside the map narrows it (app.css): the place just clicked must stay in view.
    map.on('resize', () => {
      const at = clickedAt.current;
      if (!at || latest.current.selectedCommune === null) return;
      if (!map.getBounds().contains(at)) map.easeTo({ center: at, duration: 300 });
    });
    map.on('click', (e) => {
      clickedAt.current = e.lngLat;
      const picked = overlayRef.current?.pickObject({ x: e.point.x, y: e.point.y, radius: 4 });
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
      if (readyMaps.delete(api)) {
        publishReadyMaps();
        latest.current.onReady?.(null);
      }
      loaded.current = false;
      removed = true;
      clearTimeout(firstDrawTimer);
      firstDraw.drawn();
      unregister();
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
    setFill(map, fillColorExpression(latest.current.fill));
    applyClasses(map, el, () => latest.current, firstDrawRef.current);
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

/**
 * Gives the communes their class states, then announces the colouring once the map has drawn it
 * (map-announce.ts): to the page's `onRendered` (read when it happens), on the container for browser tests,
 * and as the map's first picture (first-draw.ts) the first time.
 */
function applyClasses(
  map: maplibregl.Map,
  el: HTMLElement,
  props: () => AtlasMapProps,
  firstDraw: FirstDraw | null,
) {
  const p = props();
  paintClasses(map, el, p.classes, p.classesKey, (drawn) => {
    if (drawn) firstDraw?.drawn();
    props().onRendered?.(drawn);
  });
}

/** Sets the communes' fill colours; the same expression again is skipped (MapLibre would compare it deeply). */
const fills = new WeakMap<maplibregl.Map, string>();
function setFill(map: maplibregl.Map, expression: maplibregl.ExpressionSpecification) {
  const json = JSON.stringify(expression);
  if (fills.get(map) === json) return;
  fills.set(map, json);
  map.setPaintProperty('commune-fill', 'fill-color', expression);
}

/** How long after its tiles a map without a colouring still holds back what waits for its first picture. */
const FIRST_DRAW_WAIT_MS = 3000;

/** How long an export waits for tiles still loading before it gives up rather than hang the button. */
const CAPTURE_TIMEOUT_MS = 30_000;

/**
 * Copies the map without `preserveDrawingBuffer` (which would slow every frame): the WebGL drawing buffer
 * is only readable in the task that drew it, so the copy happens inside MapLibre's 'render' event. The
 * deck.gl overlay is a canvas of its own (interleaved: false), drawn again synchronously in that same task.
 */
async function captureMap(
  map: maplibregl.Map,
  overlay: MapboxOverlay | null,
  pixelRatio: number,
): Promise<MapCapture> {
  const screenRatio = map.getPixelRatio();
  const sharper = pixelRatio !== screenRatio;
  if (sharper) {
    // Only the drawing buffers grow; the CSS size, and so what the user sees, stays the same.
    map.setPixelRatio(pixelRatio);
    overlay?.setProps({ useDevicePixels: pixelRatio });
  }
  try {
    await nextFrame(map, 'idle');
    return await nextFrame(map, 'render', () => copyFrame(map, overlay));
  } finally {
    if (sharper) {
      map.setPixelRatio(screenRatio);
      overlay?.setProps({ useDevicePixels: true });
    }
  }
}

/** Asks for a frame and settles on the next `event` ('idle': everything loaded and drawn). */
function nextFrame<T = void>(map: maplibregl.Map, event: 'idle' | 'render', take?: () => T): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      map.off(event, on);
      reject(new Error(`the map did not finish drawing within ${CAPTURE_TIMEOUT_MS / 1000} s`));
    }, CAPTURE_TIMEOUT_MS);
    const on = () => {
      clearTimeout(timer);
      try {
        resolve(take ? take() : (undefined as T));
      } catch (e) {
        reject(e);
      }
    };
    map.once(event, on);
    map.triggerRepaint();
  });
}

function copyFrame(map: maplibregl.Map, overlay: MapboxOverlay | null): MapCapture {
  const source = map.getCanvas();
  const canvas = document.createElement('canvas');
  canvas.width = source.width;
  canvas.height = source.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas context');
  ctx.drawImage(source, 0, 0);
  // The overlay's Deck is not public; redraw(reason) is, and forces a draw now rather than next frame.
  (overlay as unknown as { _deck?: Deck } | null)?._deck?.redraw('map export');
  const deckCanvas = overlay?.getCanvas();
  if (deckCanvas && deckCanvas.width > 0 && deckCanvas.height > 0)
    ctx.drawImage(deckCanvas, 0, 0, canvas.width, canvas.height);
  const container = map.getContainer();
  return {
    canvas,
    width: container.clientWidth,
    height: container.clientHeight,
    pixelRatio: source.width / Math.max(1, container.clientWidth),
    metresPerPixel: metresPerPixel(map),
    bearing: map.getBearing(),
    attributions: sourceAttributions(map),
  };
}

/** Measured across the centre like MapLibre's scale control, over 100 px. */
function metresPerPixel(map: maplibregl.Map): number {
  const c = map.getContainer();
  const x = c.clientWidth / 2;
  const y = c.clientHeight / 2;
  return map.unproject([x - 50, y]).distanceTo(map.unproject([x + 50, y])) / 100;
}

/** Source credits as text: they are HTML, parsed inertly (DOMParser runs no scripts or handlers). */
function sourceAttributions(map: maplibregl.Map): string[] {
  const texts = new Set<string>();
  for (const source of Object.values(map.getStyle()?.sources ?? {})) {
    const html = 'attribution' in source ? source.attribution : undefined;
    if (!html) continue;
    const text = new DOMParser().parseFromString(html, 'text/html').body.textContent?.trim();
    if (text) texts.add(text);
  }
  return [...texts];
}

/**
 * Maps that have loaded. A page with a single map (the dashboard) lets a control elsewhere on it find the
 * map without threading a handle through the page; pages with several maps use `onReady` instead.
 */
const readyMaps = new Set<AtlasMapApi>();
const readyListeners = new Set<() => void>();
let onlyReadyMap: AtlasMapApi | null = null;

function publishReadyMaps() {
  onlyReadyMap = readyMaps.size === 1 ? (readyMaps.values().next().value ?? null) : null;
  for (const listener of readyListeners) listener();
}

function subscribeReadyMaps(listener: () => void) {
  readyListeners.add(listener);
  return () => {
    readyListeners.delete(listener);
  };
}

/** The page's map once it has loaded; null before, or when the page shows more than one map. */
export function useOnlyAtlasMap(): AtlasMapApi | null {
  return useSyncExternalStore(subscribeReadyMaps, () => onlyReadyMap);
}
