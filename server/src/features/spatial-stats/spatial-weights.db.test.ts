import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine';
import { writableTestApp } from '../../testing/test-db';
import { loadRealCommunesAsVersion, realCommunesPresent, removeRealVersion } from './real-boundaries';
import { isSymmetric } from './spatial-weights';
import { buildWeights, readWeights, weightsKey } from './spatial-weights.repo';

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
});
