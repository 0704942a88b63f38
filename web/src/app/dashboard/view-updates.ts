import type { MapClick } from '../../components/map/atlas-map';
import type { MapLayerId, ViewState } from '../../lib/url-state';

/**
 * How the dashboard's view changes in answer to the user: pure functions from the current view (and what
 * was clicked or picked) to the patch written to the URL; null when nothing changes.
 */

export type ViewPatch = Partial<ViewState>;

/** A province opened (from the map, the search or the breadcrumb): framed anew, no unit selected. */
export const openProvince = (code: string): ViewPatch => ({ province: code, map: null, unit: null });

/**
 * A click on the map: on the country it opens the province; in a province it selects a commune in view,
 * or opens the neighbouring province clicked.
 */
export function afterMapClick(
  province: string | null,
  inView: readonly string[] | null,
  click: MapClick,
): ViewPatch | null {
  if (!province) return click.provinceCode ? openProvince(click.provinceCode) : null;
  if (click.communeCode && inView?.includes(click.communeCode)) return { unit: click.communeCode };
  if (click.provinceCode && click.provinceCode !== province) return openProvince(click.provinceCode);
  return null;
}

/** A unit picked in the search: a province opens; a commune opens its province, selected and zoomed to. */
export function afterSearchPick(
  picked: { code: string; level: string },
  communes: readonly { code: string; provinceCode: string; labelPoint: [number, number] }[] | undefined,
): ViewPatch | null {
  if (picked.level === 'province') return openProvince(picked.code);
  const unit = communes?.find((x) => x.code === picked.code);
  if (!unit) return null;
  return {
    province: unit.provinceCode,
    unit: unit.code,
    map: { lng: unit.labelPoint[0], lat: unit.labelPoint[1], zoom: 10.5 },
  };
}

/** A layer switched on or off. */
export function toggleLayer(layers: ReadonlySet<MapLayerId>, id: MapLayerId, on: boolean): ViewPatch {
  const next = new Set(layers);
  if (on) next.add(id);
  else next.delete(id);
  return { layers: next };
}

/** A user of one province who opens the national map without a camera starts on their province. */
export function startOnHomeProvince(
  home: string | null,
  view: Pick<ViewState, 'province' | 'map'>,
): ViewPatch | null {
  return home && view.province === null && view.map === null ? { province: home } : null;
}

/** The hotspot popup after the pointer hovers or clicks (something or nothing): a click pins it. */
export interface Popup<T> {
  hotspot: T;
  x: number;
  y: number;
  pinned: boolean;
}

export function popupAfterPick<T>(
  prev: Popup<T> | null,
  picked: { object: T; x: number; y: number } | null,
  kind: 'hover' | 'click',
): Popup<T> | null {
  if (!picked) return prev?.pinned ? prev : null;
  return {
    hotspot: picked.object,
    x: picked.x,
    y: picked.y,
    pinned: kind === 'click' || (prev?.pinned ?? false),
  };
}
