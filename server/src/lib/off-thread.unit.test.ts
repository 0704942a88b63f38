import { afterAll, describe, expect, it } from 'vitest';
import { binaryWeightsFromPairs } from '../features/spatial-stats/spatial-weights';
import { statisticsOps } from '../features/spatial-stats/statistics-ops';
import { statistics } from '../features/spatial-stats/statistics-pool';
import { offThread } from './off-thread';
import { fixtureOps } from './off-thread.fixture-ops';

const pool = offThread(new URL('./off-thread.fixture-worker.ts', import.meta.url), fixtureOps, 'fixture');
afterAll(() => Promise.all([pool.close(), statistics.close()]));

describe('work off the event loop', () => {
  it('answers other callbacks while a long computation runs, and returns its result', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const result = await pool.run('spinThenDouble', Float64Array.of(1, 2, 3), 400);
    clearInterval(timer);
    expect(pool.mode).toBe('worker');
    expect([...result.doubled]).toEqual([2, 4, 6]);
    // Inline, the 400 ms spin would hold the loop and no tick would fire until it ended.
    expect(ticks).toBeGreaterThan(10);
  });

  it('passes an error of the computation on with its message', async () => {
    await expect(pool.run('refuse', 'distance')).rejects.toThrow('distance: out of range');
    // The worker survives a thrown error.
    const again = await pool.run('spinThenDouble', Float64Array.of(5), 0);
    expect([...again.doubled]).toEqual([10]);
  });

  it('a computation that exhausts its heap ends its worker, not the process; the next task gets a new one', async () => {
    await expect(pool.run('exhaust')).rejects.toThrow(/fixture/);
    const after = await pool.run('spinThenDouble', Float64Array.of(7), 0);
    expect([...after.doubled]).toEqual([14]);
    expect(pool.mode).toBe('worker');
  }, 60_000);

  it('the statistics worker gives exactly what the same functions give inline', async () => {
    // A ring of 40 units with one high cluster: enough for significant Gi* bins.
    const n = 40;
    const w = binaryWeightsFromPairs(
      n,
      Array.from({ length: n }, (_, i) => [i, (i + 1) % n] as const),
    );
    const values = Float64Array.from({ length: n }, (_, i) => (i >= 10 && i < 15 ? 50 + i : i % 7));
    const off = await statistics.run('giStar', values, w, { fdr: false });
    expect(statistics.mode).toBe('worker');
    const inline = statisticsOps.giStar(values, w, { fdr: false });
    expect([...off.z]).toEqual([...inline.z]);
    expect([...off.bin]).toEqual([...inline.bin]);
    expect(Math.max(...off.bin)).toBeGreaterThan(0);
    const moran = await statistics.run('localMoran', values, w, { permutations: 99, seed: 7 });
    expect(moran.cluster).toEqual(statisticsOps.localMoran(values, w, { permutations: 99, seed: 7 }).cluster);
  });
});
