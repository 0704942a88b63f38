import { distanceM, type LonLat, pathLengthM } from './geo';

export interface PatrolRoute {
  /** Indices into the input points, in visiting order; starts at the first input point. */
  order: number[];
  lengthM: number;
  /** Length of the input order, for comparison. */
  inputLengthM: number;
}

/**
 * An open patrol route from the first point (the station or the first chosen place) through every point:
 * nearest neighbour, then 2-opt (reverse a segment whenever that shortens the path) until no move helps.
 * 2-opt is also run from the input order and the shorter result kept, so the route is never longer than
 * the order the places were given in. Distances are straight lines on the sphere, not roads.
 */
export function planRoute(points: readonly LonLat[]): PatrolRoute {
  const n = points.length;
  const input = Array.from({ length: n }, (_, i) => i);
  const inputLengthM = pathLengthM(points, input);
  if (n <= 2) return { order: input, lengthM: inputLengthM, inputLengthM };
  const d = distanceMatrix(points);
  const fromNearest = twoOpt(nearestNeighbour(d, n), d);
  const fromInput = twoOpt(input, d);
  const best = length(fromNearest, d) <= length(fromInput, d) ? fromNearest : fromInput;
  return { order: best, lengthM: pathLengthM(points, best), inputLengthM };
}

function distanceMatrix(points: readonly LonLat[]): Float64Array {
  const n = points.length;
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = points[i];
      const b = points[j];
      const v = a && b ? distanceM(a, b) : 0;
      d[i * n + j] = v;
      d[j * n + i] = v;
    }
  }
  return d;
}

const at = (d: Float64Array, n: number, i: number, j: number) => d[i * n + j] ?? 0;

function length(order: readonly number[], d: Float64Array): number {
  const n = Math.round(Math.sqrt(d.length));
  let total = 0;
  for (let k = 1; k < order.length; k++) total += at(d, n, order[k - 1] ?? 0, order[k] ?? 0);
  return total;
}

function nearestNeighbour(d: Float64Array, n: number): number[] {
  const visited = new Uint8Array(n);
  const order = [0];
  visited[0] = 1;
  for (let step = 1; step < n; step++) {
    const from = order[order.length - 1] ?? 0;
    let best = -1;
    for (let j = 0; j < n; j++) {
      if (!visited[j] && (best < 0 || at(d, n, from, j) < at(d, n, from, best))) best = j;
    }
    visited[best] = 1;
    order.push(best);
  }
  return order;
}

/** 2-opt on an open path with a fixed start: reverse order[i..j] when it shortens the path. */
function twoOpt(start: readonly number[], d: Float64Array): number[] {
  const n = Math.round(Math.sqrt(d.length));
  const order = [...start];
  const m = order.length;
  let improved = true;
  while (improved) {
    improved = false;
    for (let i = 1; i < m - 1; i++) {
      for (let j = i + 1; j < m; j++) {
        const a = order[i - 1] ?? 0;
        const b = order[i] ?? 0;
        const c = order[j] ?? 0;
        const next = order[j + 1];
        const before = at(d, n, a, b) + (next === undefined ? 0 : at(d, n, c, next));
        const after = at(d, n, a, c) + (next === undefined ? 0 : at(d, n, b, next));
        if (after < before - 1e-9) {
          order.splice(i, j - i + 1, ...order.slice(i, j + 1).reverse());
          improved = true;
        }
      }
    }
  }
  return order;
}
