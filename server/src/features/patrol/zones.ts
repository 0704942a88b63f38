import { buffer, featureCollection, point, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { LonLat } from './geo';

/**
 * Patrol zones: a circle of `radiusM` around each place, overlapping circles merged into one zone, as a
 * MultiPolygon in WGS 84 (turf buffers on the sphere, 16 segments per quarter circle).
 */
export function patrolZones(points: readonly LonLat[], radiusM: number): MultiPolygon {
  if (!(radiusM > 0)) throw new RangeError('radius must be positive');
  const circles = points
    .map((p) => buffer(point([p[0], p[1]]), radiusM, { units: 'meters', steps: 16 }))
    .filter((f): f is Feature<Polygon> => f !== undefined && f.geometry.type === 'Polygon');
  if (circles.length === 0) return { type: 'MultiPolygon', coordinates: [] };
  const merged =
    circles.length === 1 ? circles[0] : union(featureCollection<Polygon | MultiPolygon>(circles));
  const g = merged?.geometry;
  if (!g) return { type: 'MultiPolygon', coordinates: [] };
  return g.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [g.coordinates] } : g;
}
