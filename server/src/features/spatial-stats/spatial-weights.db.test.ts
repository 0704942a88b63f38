import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine';
import { writableTestApp } from '../../testing/test-db';
import { loadRealCommunesAsVersion, realCommunesPresent, removeRealVersion } from './real-boundaries';
import { isSymmetric, subsetWeights } from './spatial-weights';
import { buildWeights, readWeights, studyAreaWeights, weightsKey } from './spatial-weights.repo';

/** A version date no dataset uses, for the real boundaries loaded beside the demo units. */
const REAL_VERSION = '2099-01-01';

describe.skipIf(!realCommunesPresent())('contiguity on the real 2025 commune boundaries', () => {
  let db: Database;
  let close: () => Promise<void>;
  let featureCount = 0;
  beforeAll(async () => {
    ({ db, close } = await writableTestApp());
    await removeRealVersion(db, REAL_VERSION);
    featureCount = await loadRealCommunesAsVersion(db, REAL_VERSION);
  }, 600_000);
  afterAll(async () => {
    await removeRealVersion(db, REAL_VERSION);
    await close();
  });

  it('keeps every commune, is symmetric, finds far more pairs than exact touches, and lists the islands', async () => {
    const method = { kind: 'contiguity', snapM: 50 } as const;
    await buildWeights(db, 'commune', REAL_VERSION, method, 'test');
    const w = await readWeights(db, weightsKey('commune', REAL_VERSION, method));
    expect(w?.codes.length).toBe(featureCount);
    expect(featureCount).toBe(3321);
    if (!w) return;
    expect(isSymmetric(w.weights)).toBe(true);
    const pairs = w.weights.neighbours.length / 2;
    // ARCHITECTURE.md: ST_Touches finds 1,284 pairs on these boundaries, ST_Intersects 9,389.
    expect(pairs).toBeGreaterThanOrEqual(9389);
    expect(pairs).toBeLessThan(12_000);
    // True islands (đặc khu and offshore communes) have no neighbour and are listed by code.
    expect(w.islands.length).toBeGreaterThan(5);
    expect(w.islands.length).toBeLessThan(40);
    const set = await db.query<{ islands: number }>(
      `select jsonb_array_length(island_unit_ids)::int as islands from spatial_weight_sets where key = $1`,
      [w.key],
    );
    expect(set[0]?.islands).toBe(w.islands.length);
  }, 600_000);

  it('computes the same weights for a study area without storing them', async () => {
    const method = { kind: 'contiguity', snapM: 50 } as const;
    const stored = await readWeights(db, weightsKey('commune', REAL_VERSION, method));
    const sets = async () =>
      (await db.query<{ n: number }>(`select count(*)::int as n from spatial_weight_sets`))[0]?.n;
    const setsBefore = await sets();
    const timings: Record<string, number> = {};
    const timed = async <T>(label: string, f: () => Promise<T>) => {
      const started = performance.now();
      const out = await f();
      timings[label] = Math.round(performance.now() - started);
      return out;
    };
    const nation = await timed('contiguity, whole country', () =>
      studyAreaWeights(db, 'commune', REAL_VERSION, method, null),
    );
    await timed('contiguity, whole country again (memory)', () =>
      studyAreaWeights(db, 'commune', REAL_VERSION, method, null),
    );
    const hanoi = await timed('contiguity, Hà Nội (01)', () =>
      studyAreaWeights(db, 'commune', REAL_VERSION, method, '01'),
    );
    for (const bandM of [10_000, 15_000, 20_000, 30_000]) {
      await timed(`distance ${bandM / 1000} km, whole country`, () =>
        studyAreaWeights(db, 'commune', REAL_VERSION, { kind: 'distance', bandM }, null),
      );
    }
    console.info('weights on the real 2025 communes (ms):', timings);
    expect(await sets()).toBe(setsBefore);
    expect(nation.codes).toEqual(stored?.codes);
    expect(Array.from(nation.weights.neighbours)).toEqual(Array.from(stored?.weights.neighbours ?? []));
    // A province's weights are the nation's restricted to it.
    const position = new Map(nation.codes.map((c, k) => [c, k]));
    const cut = subsetWeights(
      nation.weights,
      hanoi.codes.map((c) => position.get(c) ?? -1),
    );
    expect(Array.from(hanoi.weights.neighbours)).toEqual(Array.from(cut.neighbours));
    // Speed is measured by scripts/bench/hotspots.ts, not asserted here (a loaded machine is slower).
  }, 600_000);
});
