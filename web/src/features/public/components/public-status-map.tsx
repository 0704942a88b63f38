import type { CommuneStatus } from '@pcmt/domain/contracts/common';
import { NO_DATA_COLOR, OUTSIDE_COLOR } from '@pcmt/domain/palette';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef } from 'react';
import { ARCHIPELAGOS } from '../../../components/map/archipelagos';
import { paintClasses, registerMapForTests } from '../../../components/map/map-announce';
import { buildMapStyle, VIETNAM_BOUNDS } from '../../../components/map/map-style';
import { STATUS_COLORS, STATUS_ORDER, statusClass } from '../../../lib/status-style';

maplibregl.setWorkerUrl(workerUrl);

export interface PublicStatusMapProps {
  /** Date the commune tiles are requested for (the closed period's end). */
  tileAt: string;
  /** The province shown, outlined and framed; null = the country. */
  province: string | null;
  bounds: [number, number, number, number] | null;
  statuses: readonly { code: string; status: CommuneStatus }[];
  ariaLabel: string;
  /**
   * Called with the colouring's key once the map has drawn it, and with '' when a new one starts drawing
   * (the announcement every map of the app makes, components/map/map-announce.ts): {@link publicMapKey}.
   */
  onRendered?: (key: string) => void;
}

/**
 * The name of what the public map draws: `status|<province or all>|<tile date>|<communes coloured>`, the
 * key it announces (and mirrors as `data-rendered`) once drawn.
 */
export function publicMapKey(province: string | null, tileAt: string, coloured: number): string {
  return ['status', province ?? 'all', tileAt, coloured].join('|');
}

/** The bounds grown to hold the archipelagos' labels. */
function withArchipelagos(b: [number, number, number, number]): [number, number, number, number] {
  const lons = ARCHIPELAGOS.map((a) => a.position[0]);
  const lats = ARCHIPELAGOS.map((a) => a.position[1]);
  return [
    Math.min(b[0], ...lons),
    Math.min(b[1], ...lats),
    Math.max(b[2], Math.max(...lons) + 1.5),
    Math.max(b[3], ...lats),
  ];
}

/** MapLibre's own texts (control titles, the two-finger hint) in Vietnamese. */
const MAP_LOCALE_VI = {
  'NavigationControl.ZoomIn': 'Phóng to',
  'NavigationControl.ZoomOut': 'Thu nhỏ',
  'NavigationControl.ResetBearing': 'Đặt lại hướng bắc',
  'CooperativeGesturesHandler.WindowsHelpText': 'Giữ Ctrl và cuộn để phóng to, thu nhỏ bản đồ',
  'CooperativeGesturesHandler.MacHelpText': 'Giữ ⌘ và cuộn để phóng to, thu nhỏ bản đồ',
  'CooperativeGesturesHandler.MobileHelpText': 'Dùng hai ngón tay để di chuyển bản đồ',
};

/**
 * A MapLibre map of the communes coloured by their recognised status, with the boundary tiles the
 * dashboard uses but none of its deck.gl layers, so a public page stays light. Says what it has drawn as
 * every map of the app does (`onRendered`, {@link publicMapKey}).
 */
export function PublicStatusMap(props: PublicStatusMapProps) {
  const { tileAt, province, bounds, statuses, ariaLabel } = props;
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const loaded = useRef(false);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const map = new maplibregl.Map({
      container: el,
      style: buildMapStyle({
        origin: window.location.origin,
        tileAt,
        fill: {
          palette: STATUS_ORDER.map((s) => STATUS_COLORS[s]),
          noDataColor: NO_DATA_COLOR,
          outsideColor: OUTSIDE_COLOR,
        },
      }),
      // A national map shows Hoàng Sa and Trường Sa too (Vietnamese maps must), however narrow the screen.
      bounds: province === null ? withArchipelagos(bounds ?? VIETNAM_BOUNDS) : (bounds ?? VIETNAM_BOUNDS),
      fitBoundsOptions: { padding: 16 },
      attributionControl: false,
      // One finger scrolls the page past the map on a phone, and the wheel scrolls it on a computer: the map
      // moves with two fingers, or the wheel with Ctrl, as MapLibre tells the reader (in Vietnamese).
      cooperativeGestures: true,
      locale: MAP_LOCALE_VI,
      dragRotate: false,
      pitchWithRotate: false,
      maxZoom: 14,
      minZoom: 3,
      // Keeps the drawn frame so the map appears when the page is printed.
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    map.touchZoomRotate.disableRotation();
    // Browser tests reach the map through their hook (absent for users).
    const unregister = registerMapForTests(map);
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    if (province === null) {
      for (const a of ARCHIPELAGOS) {
        const label = document.createElement('div');
        label.className = 'public-map-label';
        label.dataset.testid = `archipelago-${a.code}`;
        label.textContent = a.name;
        new maplibregl.Marker({ element: label }).setLngLat(a.position).addTo(map);
      }
    }
    map.on('load', () => {
      loaded.current = true;
      map.setFilter('province-focus', ['==', ['get', 'code'], province ?? '']);
      paint(map, el, () => latest.current);
    });
    mapRef.current = map;
    return () => {
      loaded.current = false;
      unregister();
      map.remove();
      mapRef.current = null;
    };
  }, [tileAt, province, bounds]);

  useEffect(() => {
    const map = mapRef.current;
    const el = container.current;
    if (map && el && loaded.current) paint(map, el, () => latest.current);
  }, [statuses]);

  return (
    <div ref={container} className="public-map" role="img" aria-label={ariaLabel} data-testid="public-map" />
  );
}

function paint(map: maplibregl.Map, el: HTMLElement, props: () => PublicStatusMapProps) {
  const { province, tileAt, statuses } = props();
  paintClasses(
    map,
    el,
    statuses.map((s) => [s.code, statusClass(s.status)] as const),
    publicMapKey(province, tileAt, statuses.length),
    (drawn) => props().onRendered?.(drawn),
  );
}
