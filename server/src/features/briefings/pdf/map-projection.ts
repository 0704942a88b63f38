import type { Frame } from './page-layout';

/**
 * Web Mercator fitted to a view's bounds inside a frame on the page: the same shape the dashboard's map
 * shows, so a province looks on paper as it does on screen. Distances for the scale bar come from the
 * projection's scale at the map's central latitude (Mercator stretches by 1/cos φ).
 */

/** [west, south, east, north] in degrees. */
export type Bbox = [number, number, number, number];

const EARTH_RADIUS_M = 6378137;
const RAD = Math.PI / 180;
const MAX_LAT = 85;

const mercatorY = (lat: number) => {
  const φ = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * RAD;
  return Math.log(Math.tan(Math.PI / 4 + φ / 2));
};
const inverseMercatorY = (y: number) => (2 * Math.atan(Math.exp(y)) - Math.PI / 2) / RAD;

export interface MapProjection {
  /** Page point of a [lon, lat] (y down). */
  project(lon: number, lat: number): [number, number];
  /** Points per radian of longitude: the fitted scale. */
  readonly pointsPerRadian: number;
  /** Ground metres per point at the map's central latitude. */
  readonly metresPerPoint: number;
  /** Degrees of longitude per point: the size of a point on the ground, for simplifying outlines. */
  readonly degreesPerPoint: number;
  /** What the whole frame shows (wider than the bounds on one axis when aspects differ). */
  readonly visible: Bbox;
  readonly centreLat: number;
}

/** Fits `bounds` into `frame` with `padding` points on every side, centred. */
export function fitMercator(bounds: Bbox, frame: Frame, padding = 8): MapProjection {
  const [west, south, east, north] = bounds;
  const x0 = west * RAD;
  const x1 = Math.max(east * RAD, x0 + 1e-6);
  const y0 = mercatorY(south);
  const y1 = Math.max(mercatorY(north), y0 + 1e-6);
  const w = Math.max(1, frame.width - 2 * padding);
  const h = Math.max(1, frame.height - 2 * padding);
  const s = Math.min(w / (x1 - x0), h / (y1 - y0));
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const ox = frame.x + frame.width / 2;
  const oy = frame.y + frame.height / 2;
  const centreLat = inverseMercatorY(cy);
  const halfW = frame.width / 2 / s;
  const halfH = frame.height / 2 / s;
  return {
    project: (lon, lat) => [ox + (lon * RAD - cx) * s, oy - (mercatorY(lat) - cy) * s],
    pointsPerRadian: s,
    metresPerPoint: (EARTH_RADIUS_M * Math.cos(centreLat * RAD)) / s,
    degreesPerPoint: 1 / (s * RAD),
    visible: [
      (cx - halfW) / RAD,
      inverseMercatorY(cy - halfH),
      (cx + halfW) / RAD,
      inverseMercatorY(cy + halfH),
    ],
    centreLat,
  };
}

/** A round length (1, 2 or 5 × 10ⁿ km, or m below 1 km) whose bar is at most `maxPoints` long. */
export function scaleBarLength(
  metresPerPoint: number,
  maxPoints: number,
): { metres: number; points: number; label: string } {
  const maxMetres = metresPerPoint * maxPoints;
  const exponent = Math.floor(Math.log10(maxMetres));
  let metres = 10 ** exponent;
  for (const step of [5, 2, 1]) {
    if (step * 10 ** exponent <= maxMetres) {
      metres = step * 10 ** exponent;
      break;
    }
  }
  const label = metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
  return { metres, points: metres / metresPerPoint, label };
}
