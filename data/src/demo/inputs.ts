import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import {
  cleanRing,
  NO_TAG,
  type Point,
  type Ring,
  reverseRing,
  ringSignedArea2,
  type Shape,
} from './geo/shape';

/**
 * The two factual inputs besides the address package: representative points and areas of the
 * 2025 units (data/reference, measured from public 2025 boundary data) and Vietnam's outline
 * from world-atlas (Natural Earth 1:10m, public domain).
 */

/** A current commune's representative point and real area. */
export interface CommunePoint {
  code: string;
  provinceCode: string;
  point: Point;
  areaKm2: number;
}

/** A current province's representative point and real area. */
export interface ProvincePoint {
  code: string;
  point: Point;
  areaKm2: number;
}

const REFERENCE_DIR = new URL('../../reference/', import.meta.url);

function readCsv(name: string): string[][] {
  const text = readFileSync(new URL(name, REFERENCE_DIR), 'utf8');
  return text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(','));
}

function toNumber(text: string | undefined, what: string): number {
  const value = Number(text);
  if (text === undefined || text === '' || !Number.isFinite(value)) throw new Error(`Bad number for ${what}`);
  return value;
}

/** All 3,321 communes of 2025 with a point inside and the real area. */
export function loadCommunePoints(): CommunePoint[] {
  return readCsv('commune_points_2025.csv').map(([code, provinceCode, lon, lat, area]) => {
    if (!code || !provinceCode) throw new Error('commune_points_2025.csv: missing code');
    return {
      code,
      provinceCode,
      point: [toNumber(lon, `${code} lon`), toNumber(lat, `${code} lat`)],
      areaKm2: toNumber(area, `${code} area`),
    };
  });
}

/** The 34 provinces of 2025 with a point inside and the real area. */
export function loadProvincePoints(): ProvincePoint[] {
  // Columns: code, name, lon, lat, area (the name is not needed: names come from the package).
  return readCsv('province_points_2025.csv').map(([code, , lon, lat, area]) => {
    if (!code) throw new Error('province_points_2025.csv: missing code');
    return {
      code,
      point: [toNumber(lon, `${code} lon`), toNumber(lat, `${code} lat`)],
      areaKm2: toNumber(area, `${code} area`),
    };
  });
}

type Topology = Parameters<typeof feature>[0];

function openRing(coordinates: readonly number[][], wantCcw: boolean): Ring | null {
  const points: Point[] = coordinates.map(([x, y]) => [x ?? 0, y ?? 0]);
  const first = points[0];
  const last = points[points.length - 1];
  if (first && last && first[0] === last[0] && first[1] === last[1]) points.pop();
  // Quantisation leaves a few zero-width spikes (a → b → a) in the 1:10m outline: remove them.
  const ring = cleanRing({ points, tags: points.map(() => NO_TAG) });
  if (!ring) return null;
  return ringSignedArea2(ring.points) > 0 === wantCcw ? ring : reverseRing(ring);
}

/** Vietnam's land outline (Natural Earth 1:10m via world-atlas, feature id "704"). */
export function loadVietnamOutline(): Shape {
  const require = createRequire(import.meta.url);
  const topology = require('world-atlas/countries-10m.json') as Topology;
  const countries = topology.objects.countries;
  if (!countries) throw new Error('world-atlas: no "countries" object');
  const collection = feature(topology, countries);
  const features = 'features' in collection ? collection.features : [collection];
  const vietnam = features.find((f) => String(f.id) === '704');
  if (!vietnam) throw new Error('world-atlas: Vietnam (704) not found');
  const geometry = vietnam.geometry as Polygon | MultiPolygon;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const shape: Shape = [];
  for (const rings of polygons) {
    const [outer, ...holes] = rings.map((ring, index) => openRing(ring, index === 0));
    if (outer) shape.push({ rings: [outer, ...holes.filter((h): h is Ring => h !== null)] });
  }
  return shape;
}
