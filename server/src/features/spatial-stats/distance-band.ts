import { distanceM, type LonLat } from '../patrol/geo';

/**
 * Pairs of points within `bandM` metres of each other (each pair once, i < j), found through a grid of
 * cells one band wide so only the 9 surrounding cells are compared: near-linear instead of n².
 */
export function distanceBandPairs(points: readonly LonLat[], bandM: number): Array<[number, number]> {
  const cellLat = bandM / 111_320;
  const maxLat = points.reduce((m, p) => Math.max(m, Math.abs(p[1])), 0);
  // Degrees of longitude per band at the highest latitude: cells are never narrower than the band.
  const cellLon = cellLat / Math.cos((Math.min(maxLat, 89) * Math.PI) / 180);
  const grid = new Map<string, number[]>();
  const cellOf = (p: LonLat) => [Math.floor(p[0] / cellLon), Math.floor(p[1] / cellLat)] as const;
  points.forEach((p, i) => {
    const [cx, cy] = cellOf(p);
    const key = `${cx}:${cy}`;
    const list = grid.get(key);
    if (list) list.push(i);
    else grid.set(key, [i]);
  });
  const pairs: Array<[number, number]> = [];
  points.forEach((p, i) => {
    const [cx, cy] = cellOf(p);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const j of grid.get(`${cx + dx}:${cy + dy}`) ?? []) {
          const q = points[j];
          if (j > i && q && distanceM(p, q) <= bandM) pairs.push([i, j]);
        }
      }
    }
  });
  return pairs;
}
