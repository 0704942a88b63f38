import type { Rng } from '../random';
import { type Point, type Shape, shapeBox } from './shape';

/**
 * Points guaranteed inside a shape, found on horizontal scanlines: the intervals where a line
 * is inside the shape are exact (even–odd crossings), so no rejection sampling is needed even
 * for thin or ragged shapes.
 */

function insideIntervals(shape: Shape, y: number): Array<[number, number]> {
  const xs: number[] = [];
  for (const poly of shape) {
    for (const ring of poly.rings) {
      const pts = ring.points;
      const n = pts.length;
      for (let i = 0; i < n; i++) {
        const a = pts[i];
        const b = pts[(i + 1) % n];
        if (!a || !b) continue;
        if (a[1] > y !== b[1] > y) xs.push(a[0] + ((y - a[1]) * (b[0] - a[0])) / (b[1] - a[1]));
      }
    }
  }
  xs.sort((p, q) => p - q);
  const intervals: Array<[number, number]> = [];
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const x0 = xs[i];
    const x1 = xs[i + 1];
    if (x0 !== undefined && x1 !== undefined && x1 > x0) intervals.push([x0, x1]);
  }
  return intervals;
}

/** A random point inside the shape (roughly uniform), or null for an empty shape. */
export function randomInteriorPoint(shape: Shape, rng: Rng): Point | null {
  if (shape.length === 0) return null;
  const box = shapeBox(shape);
  for (let attempt = 0; attempt < 40; attempt++) {
    const y = box.minY + (0.02 + 0.96 * rng()) * (box.maxY - box.minY);
    const intervals = insideIntervals(shape, y);
    const total = intervals.reduce((sum, [a, b]) => sum + (b - a), 0);
    if (total <= 0) continue;
    let pick = rng() * total;
    for (const [a, b] of intervals) {
      if (pick <= b - a) return [a + (0.05 + 0.9 * (pick / (b - a))) * (b - a), y];
      pick -= b - a;
    }
  }
  return null;
}

/** A deterministic point inside the shape: middle of the widest interval on a few scanlines. */
export function pointOnSurface(shape: Shape): Point | null {
  if (shape.length === 0) return null;
  const box = shapeBox(shape);
  let best: Point | null = null;
  let bestWidth = 0;
  for (const f of [0.5, 0.3, 0.7, 0.15, 0.85]) {
    const y = box.minY + f * (box.maxY - box.minY);
    for (const [a, b] of insideIntervals(shape, y)) {
      if (b - a > bestWidth) {
        bestWidth = b - a;
        best = [(a + b) / 2, y];
      }
    }
  }
  return best;
}
