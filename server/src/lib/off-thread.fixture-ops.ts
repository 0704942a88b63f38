/** Operations for off-thread.unit.test.ts: a long computation, a failure and memory that runs away. */
export const fixtureOps = {
  /** Busy for `ms` milliseconds, then the sum of the values doubled (a typed array, moved back). */
  spinThenDouble: (values: Float64Array, ms: number) => {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      // busy: what a national statistic does to the thread it runs on
    }
    return { doubled: values.map((v) => v * 2) };
  },
  refuse: (field: string) => {
    throw new RangeError(`${field}: out of range`);
  },
  /** Allocates until the heap limit ends the thread. */
  exhaust: () => {
    const hoard: number[][] = [];
    for (;;) hoard.push(new Array(1_000_000).fill(Math.random()));
  },
};
