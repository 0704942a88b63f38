import type { Briefing } from '@pcmt/domain/contracts/briefings';
import type { Queryable } from '../../../db/engine';
import { SIMPLIFY_LOW } from '../../../db/load-dataset';
import { communeOutlinesJson, communesExtent, provinceOutlinesJson } from './briefing-geometry.repo';
import { type Bbox, fitMercator } from './map-projection';
import { MAP_FRAME, PRINT_TOLERANCE_PT } from './page-layout';

/**
 * The outlines a printed briefing draws: per view, its communes (the units valid at the snapshot's `at`,
 * by the codes of the snapshot's rows) and the provinces around them for context. Outlines are simplified
 * to what the view's map frame can show (a fraction of a point), so a national map of ~10,000 communes
 * stays a few MB in the PDF instead of tens.
 */

/** A unit's outline: polygons of rings of [lon, lat], exterior rings counter-clockwise, holes clockwise. */
export interface UnitOutline {
  code: string;
  name: string;
  polygons: number[][][][];
  /** The name a map writes (short: "Sơn La"), its anchor and room (@pcmt/domain/map-labels), the area. */
  label?: { name: string; anchor: [number, number]; room: number[] | null; areaKm2: number | null };
}

export interface ViewGeometry {
  /** Bounds of the view's communes; null when none of them has an outline. */
  bbox: Bbox | null;
  communes: UnitOutline[];
  /** Every province the map frame shows, the view's own included. */
  provinces: UnitOutline[];
}

/** One entry per view of the briefing, in the briefing's order. */
export interface BriefingGeometry {
  views: ViewGeometry[];
}

const EMPTY: ViewGeometry = { bbox: null, communes: [], provinces: [] };

export async function loadBriefingGeometry(db: Queryable, briefing: Briefing): Promise<BriefingGeometry> {
  // Views of the same area and date (a briefing often shows one province through several indicators)
  // draw the same outlines: load them once.
  const loaded = new Map<string, ViewGeometry>();
  const views: ViewGeometry[] = [];
  for (const { snapshot } of briefing.views) {
    const codes = [...new Set(snapshot.rows.map((r) => r.code))].sort();
    const key = `${snapshot.at}|${codes.join(',')}`;
    let geometry = loaded.get(key);
    if (!geometry) {
      geometry = await loadViewGeometry(db, snapshot.at, codes);
      loaded.set(key, geometry);
    }
    views.push(geometry);
  }
  return { views };
}

async function loadViewGeometry(db: Queryable, at: string, codes: string[]): Promise<ViewGeometry> {
  if (codes.length === 0) return EMPTY;
  const extent = await communesExtent(db, at, codes);
  if (!extent || extent.w === null) return EMPTY;
  const bbox: Bbox = [extent.w, extent.s, extent.e, extent.n];
  const projection = fitMercator(bbox, MAP_FRAME);
  const tolerance = PRINT_TOLERANCE_PT * projection.degreesPerPoint;
  // The stored ~600 m outlines are fine for a country or a large province; a small province shows more.
  const column = tolerance >= SIMPLIFY_LOW ? 'geom_low' : 'geom_mid';
  // Coordinates need only about a quarter of the tolerance.
  const digits = Math.min(6, Math.max(2, Math.ceil(-Math.log10(tolerance / 4))));
  const outlines = { column, digits, tolerance } as const;
  const communes = await communeOutlinesJson(db, at, codes, outlines);
  const provinces = await provinceOutlinesJson(db, at, projection.visible, outlines);
  return {
    bbox,
    communes: parseOutlines(communes),
    provinces: parseOutlines(provinces),
  };
}

interface OutlineJson {
  code: string;
  name: string;
  label?: string;
  area?: number | null;
  anchor?: [number, number];
  room?: number[] | null;
  g: { type: string; coordinates: unknown } | null;
}

function parseOutlines(json: string): UnitOutline[] {
  return (JSON.parse(json) as OutlineJson[]).flatMap(({ code, name, g, ...l }) => {
    if (!g) return [];
    const label =
      l.label && l.anchor
        ? { label: { name: l.label, anchor: l.anchor, room: l.room ?? null, areaKm2: l.area ?? null } }
        : {};
    if (g.type === 'MultiPolygon')
      return [{ code, name, polygons: g.coordinates as number[][][][], ...label }];
    if (g.type === 'Polygon') return [{ code, name, polygons: [g.coordinates as number[][][]], ...label }];
    return [];
  });
}
