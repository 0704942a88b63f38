/**
 * The standard normal distribution, for z-score p-values. erfc by W. J. Cody's rational Chebyshev
 * approximations (Math. Comp. 1969), as in most statistics libraries: relative error below 1e-14, so
 * p-values stay meaningful far into the tails where 1 − Φ(z) would cancel to zero.
 */

const A = [3.1611237438705655, 113.86415415105016, 377.485237685302, 3209.377589138469, 0.18577770618460315];
const B = [23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.236833439171];
const C = [
  0.5641884969886701, 8.883149794388377, 66.11919063714163, 298.6351381974001, 881.952221241769,
  1712.0476126340707, 2051.0783778260716, 1230.3393547979972, 2.1531153547440383e-8,
];
const D = [
  15.744926110709835, 117.6939508913125, 537.1811018620099, 1621.3895745666903, 3290.7992357334597,
  4362.619090143247, 3439.3676741437216, 1230.3393548037495,
];
const P = [
  0.30532663496123236, 0.36034489994980445, 0.12578172611122926, 0.016083785148742275, 0.0006587491615298378,
  0.016315387137302097,
];
const Q = [
  2.568520192289822, 1.8729528499234604, 0.5279051029514285, 0.06051834131244132, 0.0023352049762686918,
];

const at = (xs: readonly number[], i: number) => xs[i] ?? 0;

/** Complementary error function erfc(x) = 1 − erf(x). */
export function erfc(x: number): number {
  const y = Math.abs(x);
  let result: number;
  if (y <= 0.46875) {
    const z = y * y;
    let num = at(A, 4) * z;
    let den = z;
    for (let i = 0; i < 3; i++) {
      num = (num + at(A, i)) * z;
      den = (den + at(B, i)) * z;
    }
    const erf = (x * (num + at(A, 3))) / (den + at(B, 3));
    return 1 - erf;
  }
  if (y <= 4) {
    let num = at(C, 8) * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + at(C, i)) * y;
      den = (den + at(D, i)) * y;
    }
    result = (num + at(C, 7)) / (den + at(D, 7));
  } else {
    const z = 1 / (y * y);
    let num = at(P, 5) * z;
    let den = z;
    for (let i = 0; i < 4; i++) {
      num = (num + at(P, i)) * z;
      den = (den + at(Q, i)) * z;
    }
    result = (z * (num + at(P, 4))) / (den + at(Q, 4));
    result = (1 / Math.sqrt(Math.PI) - result) / y;
  }
  // exp(−y²) split in two so that the product keeps its precision for large y (Cody's trick).
  const ysq = Math.trunc(y * 16) / 16;
  const del = (y - ysq) * (y + ysq);
  result *= Math.exp(-ysq * ysq) * Math.exp(-del);
  return x < 0 ? 2 - result : result;
}

/** Φ(z): probability that a standard normal variable is ≤ z. */
export const normalCdf = (z: number): number => 0.5 * erfc(-z / Math.SQRT2);

/** Two-sided p-value of a z-score: P(|Z| ≥ |z|). */
export const twoSidedP = (z: number): number => Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
