import type { MultiPolygon, Position } from 'geojson';
import { ccwRing, type Point, type Ring, type Shape } from './shape';

/** Same earth radius (mean radius) and spherical formula as @turf/area 7, so areas agree with turf. */
const EARTH_RADIUS_M = 6371008.8;
const RAD = Math.PI / 180;
const KM_PER_DEGREE = 111.32;

function ringAreaM2(points: readonly Point[]): number {
  const n = points.length;
  if (n < 3) return 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const p1 = points[i];
    const p2 = points[(i + 1) % n];
    const p3 = points[(i + 2) % n];
    if (!p1 || !p2 || !p3) continue;
    total += (p3[0] - p1[0]) * RAD * Math.sin(p2[1] * RAD);
  }
  return Math.abs((total * EARTH_RADIUS_M * EARTH_RADIUS_M) / 2);
}

/** Area of a shape in km² (holes subtracted). */
export function areaKm2(shape: Shape): number {
  let m2 = 0;
  for (const poly of shape) {
    poly.rings.forEach((ring, index) => {
      const a = ringAreaM2(ring.points);
      m2 += index === 0 ? a : -a;
    });
  }
  return m2 / 1e6;
}

/**
 * A 48-gon approximating a circle of the given area around a point, as a counter-clockwise
 * ring in lon/lat (longitude scaled by cos(latitude)). Its vertices lie on the circle, so its
 * area is slightly less than the circle's (≈0.3 %).
 */
export function disc(center: Point, areaKm: number, sides = 48): Ring {
  const radiusKm = Math.sqrt(areaKm / Math.PI);
  const dLat = radiusKm / KM_PER_DEGREE;
  const dLon = dLat / Math.cos(center[1] * RAD);
  const points: Point[] = [];
  for (let i = 0; i < sides; i++) {
    const angle = (2 * Math.PI * i) / sides;
    points.push([center[0] + dLon * Math.cos(angle), center[1] + dLat * Math.sin(angle)]);
  }
  return ccwRing(points);
}

/** Kilometres between two nearby points (equirectangular; fine at commune scale). */
export function distanceKm(a: Point, b: Point): number {
  const dx = (b[0] - a[0]) * Math.cos(((a[1] + b[1]) / 2) * RAD) * KM_PER_DEGREE;
  const dy = (b[1] - a[1]) * KM_PER_DEGREE;
  return Math.hypot(dx, dy);
}

/** GeoJSON MultiPolygon with closed rings (exterior counter-clockwise, holes clockwise). */
export function toMultiPolygon(shape: Shape): MultiPolygon {
  return {
    type: 'MultiPolygon',
    coordinates: shape.map((poly) =>
      poly.rings.map((ring) => {
        const coordinates: Position[] = ring.points.map((p) => [p[0], p[1]]);
        const first = ring.points[0];
        if (first) coordinates.push([first[0], first[1]]);
        return coordinates;
      }),
    ),
  };
}
