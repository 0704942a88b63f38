import { type SpatialWeights, weightsFromPairs } from './spatial-weights';

/**
 * Binary contiguity of a rows × cols grid of square cells, numbered row by row from the top left:
 * rook (shared edge) or queen (shared edge or corner). The textbook lattice for checking local statistics.
 */
export function latticeWeights(rows: number, cols: number, kind: 'rook' | 'queen' = 'rook'): SpatialWeights {
  const pairs: Array<[number, number, number]> = [];
  const steps =
    kind === 'rook'
      ? [
          [-1, 0],
          [1, 0],
          [0, -1],
          [0, 1],
        ]
      : [
          [-1, -1],
          [-1, 0],
          [-1, 1],
          [0, -1],
          [0, 1],
          [1, -1],
          [1, 0],
          [1, 1],
        ];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      for (const [dr = 0, dc = 0] of steps) {
        const rr = r + dr;
        const cc = c + dc;
        if (rr >= 0 && rr < rows && cc >= 0 && cc < cols) pairs.push([r * cols + c, rr * cols + cc, 1]);
      }
    }
  }
  return weightsFromPairs(rows * cols, pairs);
}
