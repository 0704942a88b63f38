/**
 * Kernel density of points (hotspots) on a regular grid, in points per km².
 *
 * Kernel: the quartic (biweight) kernel of Silverman (1986, eq. 4.5), the one ArcGIS "Kernel Density"
 * uses: K(d) = 3 / (π h²) · (1 − d² / h²)² for d < h, so every point adds exactly 1 over the plane.
 * Default bandwidth: ArcGIS's spatial variant of Silverman's rule of thumb,
 *   h = 0.9 · min(SD, √(1 / ln 2) · Dm) · n^(−0.2),
 * SD the standard distance of the points and Dm their median distance to the mean centre.
 * Distances are computed on a local equirectangular projection about the points' mean latitude (scale
 * error under 0.5 % within ±1° of latitude, enough for a province or a city).
 */

export type LonLat = readonly [number, number];

export const BANDWIDTH_RULE =
  'h = 0.9 · min(SD, √(1/ln 2) · Dm) · n^(−0.2) (ArcGIS Kernel Density default; Silverman 1986)';

const EARTH_RADIUS_M = 6_371_008.8;
const DEG = Math.PI / 180;

export interface DensityOptions {
  /** Kernel radius in metres; absent: the rule above. */
  bandwidthM?: number;
  /** Grid cell size in metres; absent: bandwidth / 4, coarsened so the grid stays within `maxCells` per side. */
  cellSizeM?: number;
  maxCellsPerSide?: number;
}

export interface DensityGrid {
  bandwidthM: number;
  bandwidthRule: string | null;
  cellSizeM: number;
  cols: number;
  rows: number;
  /** South-west corner of the grid and the degrees one cell spans. */
  west: number;
  south: number;
  cellLon: number;
  cellLat: number;
  /** Row-major from the south-west, points per km². */
  density: Float64Array;
  max: number;
}

interface Projected {
  x: Float64Array;
  y: Float64Array;
  lat0: number;
  toLonLat(x: number, y: number): [number, number];
}

function project(points: readonly LonLat[]): Projected {
  let lat0 = 0;
  for (const p of points) lat0 += p[1];
  lat0 /= Math.max(1, points.length);
  const kx = EARTH_RADIUS_M * DEG * Math.cos(lat0 * DEG);
  const ky = EARTH_RADIUS_M * DEG;
  const x = new Float64Array(points.length);
  const y = new Float64Array(points.length);
  points.forEach((p, i) => {
    x[i] = p[0] * kx;
    y[i] = p[1] * ky;
  });
  return { x, y, lat0, toLonLat: (px, py) => [px / kx, py / ky] };
}

/** The default bandwidth of `BANDWIDTH_RULE`, in metres (0 for fewer than two distinct points). */
export function ruleOfThumbBandwidth(points: readonly LonLat[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const { x, y } = project(points);
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] ?? 0;
    my += y[i] ?? 0;
  }
  mx /= n;
  my /= n;
  const d = new Float64Array(n);
  let sq = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] ?? 0) - mx;
    const dy = (y[i] ?? 0) - my;
    sq += dx * dx + dy * dy;
    d[i] = Math.sqrt(dx * dx + dy * dy);
  }
  const standardDistance = Math.sqrt(sq / n);
  d.sort();
  const median = n % 2 === 1 ? (d[(n - 1) / 2] ?? 0) : ((d[n / 2 - 1] ?? 0) + (d[n / 2] ?? 0)) / 2;
  return 0.9 * Math.min(standardDistance, Math.sqrt(1 / Math.LN2) * median) * n ** -0.2;
}

/** Density grid covering the points plus one bandwidth around them. */
export function kernelDensity(points: readonly LonLat[], options: DensityOptions = {}): DensityGrid {
  const rule = options.bandwidthM === undefined;
  const h = options.bandwidthM ?? ruleOfThumbBandwidth(points);
  if (!(h > 0)) throw new RangeError('bandwidth must be positive (need at least two distinct points)');
  const maxSide = options.maxCellsPerSide ?? 256;
  const { x, y, toLonLat } = project(points);
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < points.length; i++) {
    minX = Math.min(minX, (x[i] ?? 0) - h);
    maxX = Math.max(maxX, (x[i] ?? 0) + h);
    minY = Math.min(minY, (y[i] ?? 0) - h);
    maxY = Math.max(maxY, (y[i] ?? 0) + h);
  }
  let cell = options.cellSizeM ?? h / 4;
  cell = Math.max(cell, (maxX - minX) / maxSide, (maxY - minY) / maxSide);
  const cols = Math.max(1, Math.ceil((maxX - minX) / cell));
  const rows = Math.max(1, Math.ceil((maxY - minY) / cell));
  const density = new Float64Array(cols * rows);
  const norm = (3 / (Math.PI * h * h)) * 1e6; // per m² → per km²
  const reach = Math.ceil(h / cell);
  for (let i = 0; i < points.length; i++) {
    const px = x[i] ?? 0;
    const py = y[i] ?? 0;
    const ci = Math.floor((px - minX) / cell);
    const ri = Math.floor((py - minY) / cell);
    for (let r = Math.max(0, ri - reach); r <= Math.min(rows - 1, ri + reach); r++) {
      const cy = minY + (r + 0.5) * cell - py;
      for (let c = Math.max(0, ci - reach); c <= Math.min(cols - 1, ci + reach); c++) {
        const cx = minX + (c + 0.5) * cell - px;
        const u = (cx * cx + cy * cy) / (h * h);
        if (u < 1) density[r * cols + c] = (density[r * cols + c] ?? 0) + norm * (1 - u) * (1 - u);
      }
    }
  }
  let max = 0;
  for (const v of density) max = Math.max(max, v);
  const [west, south] = toLonLat(minX, minY);
  const [east, north] = toLonLat(minX + cols * cell, minY + rows * cell);
  return {
    bandwidthM: h,
    bandwidthRule: rule ? BANDWIDTH_RULE : null,
    cellSizeM: cell,
    cols,
    rows,
    west,
    south,
    cellLon: (east - west) / cols,
    cellLat: (north - south) / rows,
    density,
    max,
  };
}
