import { mulberry32 } from '@pcmt/data/demo/random';

/** A seeded source of integers in [0, bound): the same seed draws the same permutations everywhere. */
export function seededInts(seed: number): (bound: number) => number {
  const rng = mulberry32(seed);
  return (bound) => Math.floor(rng() * bound);
}
