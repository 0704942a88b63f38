/**
 * Seeded randomness. Everything random in the demo comes from here so that one seed
 * reproduces the whole dataset bit for bit; Math.random is never used.
 */

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/** mulberry32: tiny, fast, good enough for synthetic data (not for cryptography). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 32-bit FNV-1a hash of a string (UTF-16 code units), used to derive per-key seeds. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mixes integers into one well-spread 32-bit value (murmur3 finaliser per step). */
export function mixInts(...values: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const value of values) {
    let k = Math.imul(value | 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A generator keyed by (seed, key): the numbers a unit gets do not depend on which other
 * units were generated before it, so restricting the output to some provinces gives the
 * same values for those provinces as a full run.
 */
export function keyedRng(seed: number, key: string): Rng {
  return mulberry32(mixInts(seed, hashString(key)));
}

/** A uniform number in [0, 1) addressed by integers, without creating a generator. */
export function uniformAt(...values: readonly number[]): number {
  return mixInts(...values) / 4294967296;
}

/** Standard normal deviate by Box–Muller from two uniforms. */
export function normalFrom(u1: number, u2: number): number {
  const u = Math.max(u1, 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * u2);
}

/** Standard normal deviate from a generator. */
export function gaussian(rng: Rng): number {
  return normalFrom(rng(), rng());
}

/**
 * Poisson deviate with mean `lambda` from a single uniform (inversion) for small means,
 * and a rounded normal approximation for large ones, where inversion would loop long.
 */
export function poissonFrom(lambda: number, u: number, u2: number): number {
  if (!(lambda > 0)) return 0;
  if (lambda > 40) {
    return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normalFrom(u, u2)));
  }
  let k = 0;
  let p = Math.exp(-lambda);
  let cumulative = p;
  while (u > cumulative && k < 1000) {
    k += 1;
    p *= lambda / k;
    cumulative += p;
  }
  return k;
}

/** Uniform integer in [min, max]. */
export function intBetween(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** Picks one element; the array must not be empty. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick() from an empty list');
  return item;
}
