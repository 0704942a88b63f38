import type { Lang } from './i18n';
import { parsePeriod } from './periods';
import { routeAs, routePath } from './routes';

export type ClassMethod = 'quantile' | 'equal' | 'jenks';
export type MapLayerId = 'hotspots' | 'labels';

export interface MapPosition {
  lng: number;
  lat: number;
  zoom: number;
}

/**
 * Everything that makes a view: shared as a URL, it opens the same view. Server data is not here (it lives in
 * the query cache); only what the user chose.
 */
export interface ViewState {
  /** Province drilled into, or null for the whole country. */
  province: string | null;
  /** Period id; null means the latest complete quarter. */
  period: string | null;
  /** `status` (commune classification) or an indicator code. */
  indicator: string;
  method: ClassMethod;
  classes: number;
  layers: ReadonlySet<MapLayerId>;
  /** Camera; null lets the map frame the country or the province. */
  map: MapPosition | null;
  /** Show a period before 1/7/2025 on today's units through the crosswalk. */
  todayUnits: boolean;
  /** Unit whose area panel is open. */
  unit: string | null;
  view: 'map' | 'table';
  lang: Lang;
}

export const STATUS_INDICATOR = 'status';

export const DEFAULT_VIEW: ViewState = {
  province: null,
  period: null,
  indicator: STATUS_INDICATOR,
  method: 'quantile',
  classes: 5,
  layers: new Set<MapLayerId>(['labels']),
  map: null,
  todayUnits: false,
  unit: null,
  view: 'map',
  lang: 'vi',
};

const CODE = /^\d{2,5}$/;
const INDICATOR = /^[a-z][a-z0-9_]{1,63}$/;
const LAYER_IDS: readonly MapLayerId[] = ['hotspots', 'labels'];

function parseMap(raw: string | null): MapPosition | null {
  if (!raw) return null;
  const parts = raw.split('/').map(Number);
  const [zoom, lat, lng] = parts;
  if (parts.length !== 3 || zoom === undefined || lat === undefined || lng === undefined) return null;
  if (![zoom, lat, lng].every(Number.isFinite)) return null;
  if (zoom < 0 || zoom > 22 || Math.abs(lat) > 85 || Math.abs(lng) > 180) return null;
  return { zoom, lat, lng };
}

/** Reads a view from a URL's path and query; anything malformed falls back to the default. */
export function parseViewState(pathname: string, search: string): ViewState {
  const q = new URLSearchParams(search);
  const province = routeAs('map', pathname)?.province ?? null;
  const period = q.get('period');
  const indicator = q.get('indicator');
  const method = q.get('method');
  const classes = Number(q.get('classes'));
  const unit = q.get('unit');
  const layersRaw = q.get('layers');
  const layers =
    layersRaw === null
      ? DEFAULT_VIEW.layers
      : new Set(LAYER_IDS.filter((id) => layersRaw.split(',').includes(id)));
  return {
    province,
    period: period && parsePeriod(period) ? period : null,
    indicator: indicator && INDICATOR.test(indicator) ? indicator : STATUS_INDICATOR,
    method: method === 'equal' || method === 'jenks' || method === 'quantile' ? method : DEFAULT_VIEW.method,
    classes: Number.isInteger(classes) && classes >= 3 && classes <= 7 ? classes : DEFAULT_VIEW.classes,
    layers,
    map: parseMap(q.get('map')),
    todayUnits: q.get('units') === 'today',
    unit: unit && CODE.test(unit) ? unit : null,
    view: q.get('view') === 'table' ? 'table' : 'map',
    lang: q.get('lang') === 'en' ? 'en' : 'vi',
  };
}

/** Rounds the camera so URLs stay short yet reopen the same view (about a metre at street zoom). */
function formatMap(m: MapPosition): string {
  return `${m.zoom.toFixed(2)}/${m.lat.toFixed(5)}/${m.lng.toFixed(5)}`;
}

/** Writes a view as path + query; defaults are left out so shared links stay short. */
export function serializeViewState(s: ViewState): string {
  const path = routePath({ page: 'map', province: s.province });
  const q = new URLSearchParams();
  if (s.period) q.set('period', s.period);
  if (s.indicator !== STATUS_INDICATOR) q.set('indicator', s.indicator);
  if (s.indicator !== STATUS_INDICATOR && s.method !== DEFAULT_VIEW.method) q.set('method', s.method);
  if (s.indicator !== STATUS_INDICATOR && s.classes !== DEFAULT_VIEW.classes)
    q.set('classes', String(s.classes));
  const layers = LAYER_IDS.filter((id) => s.layers.has(id));
  const defaultLayers = LAYER_IDS.filter((id) => DEFAULT_VIEW.layers.has(id));
  if (layers.join(',') !== defaultLayers.join(',')) q.set('layers', layers.join(','));
  if (s.todayUnits) q.set('units', 'today');
  if (s.unit) q.set('unit', s.unit);
  if (s.view !== 'map') q.set('view', s.view);
  if (s.lang !== 'vi') q.set('lang', s.lang);
  if (s.map) q.set('map', formatMap(s.map));
  const query = q.toString().replaceAll('%2F', '/').replaceAll('%2C', ',');
  return query ? `${path}?${query}` : path;
}

/** One side of the compare page: a period and what is coloured. */
export interface CompareSide {
  /** Period id; null lets the page choose (see the compare page's defaults). */
  period: string | null;
  /** `status` or an indicator code. */
  indicator: string;
}

/**
 * The compare page's choices (`/so-sanh`): two sides sharing one province, one camera and one classing, so a
 * link reopens the same comparison.
 */
export interface CompareState {
  left: CompareSide;
  right: CompareSide;
  province: string | null;
  method: ClassMethod;
  classes: number;
  /** Periods before 1/7/2025 on today's units (both sides). */
  todayUnits: boolean;
  map: MapPosition | null;
  lang: Lang;
}

const PROVINCE_CODE = /^\d{2}$/;

export function parseCompareState(search: string): CompareState {
  const q = new URLSearchParams(search);
  const view = parseViewState('/', search);
  const period = (id: string | null) => (id && parsePeriod(id) ? id : null);
  const indicator = (code: string | null) => (code && INDICATOR.test(code) ? code : STATUS_INDICATOR);
  const province = q.get('province');
  return {
    left: { period: period(q.get('left')), indicator: indicator(q.get('li')) },
    right: { period: period(q.get('right')), indicator: indicator(q.get('ri')) },
    province: province && PROVINCE_CODE.test(province) ? province : null,
    method: view.method,
    classes: view.classes,
    todayUnits: view.todayUnits,
    map: view.map,
    lang: view.lang,
  };
}

/** Writes a comparison as `/so-sanh?…`; defaults are left out. */
export function serializeCompareState(s: CompareState): string {
  const q = new URLSearchParams();
  if (s.left.period) q.set('left', s.left.period);
  if (s.right.period) q.set('right', s.right.period);
  if (s.left.indicator !== STATUS_INDICATOR) q.set('li', s.left.indicator);
  if (s.right.indicator !== STATUS_INDICATOR) q.set('ri', s.right.indicator);
  if (s.province) q.set('province', s.province);
  const anyIndicator = s.left.indicator !== STATUS_INDICATOR || s.right.indicator !== STATUS_INDICATOR;
  if (anyIndicator && s.method !== DEFAULT_VIEW.method) q.set('method', s.method);
  if (anyIndicator && s.classes !== DEFAULT_VIEW.classes) q.set('classes', String(s.classes));
  if (s.todayUnits) q.set('units', 'today');
  if (s.lang !== 'vi') q.set('lang', s.lang);
  if (s.map) q.set('map', formatMap(s.map));
  const query = q.toString().replaceAll('%2F', '/');
  const path = routePath({ page: 'compare' });
  return query ? `${path}?${query}` : path;
}
