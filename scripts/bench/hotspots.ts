import { mulberry32 } from '@pcmt/data/demo/random';
import {
  buildWeights,
  giStar,
  kernelDensity,
  loadRealCommunesAsVersion,
  localMoran,
  readWeights,
  realCommunesPresent,
  removeRealVersion,
  type SpatialWeights,
  weightsKey,
} from '@pcmt/server/bench';
import { isEmpty, seedDemo } from '@pcmt/server/demo';
import { openDatabase } from '@pcmt/server/engine';
import { benchServer } from './bench-server';

/**
 * `pnpm bench:hotspots`: spatial statistics on the 3,321 real 2025 communes (when ../shared/data is there)
 * and the ~10,000 pre-2025 demo communes, each figure beside a lower bound measured in the same run.
 * Budgets (ARCHITECTURE.md): weights ≤ 10 s once; Gi* ≤ 50 ms; 999 permutations ≤ 0.5 s.
 * Uses BENCH_DATABASE_URL (seeded with the demo if empty) or a throwaway PostGIS server.
 */
const { url, stop } = benchServer('hotspots');

const REAL_VERSION = '2099-01-01';
const CONTIGUITY = { kind: 'contiguity', snapM: 50 } as const;
const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 0)} ms`;

function median(run: () => void, times: number): number {
  const samples: number[] = [];
  for (let k = 0; k < times; k++) {
    const t = performance.now();
    run();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? 0;
}

/** Lower bound of any statistic on the matrix: one pass over every neighbour pair (Σj wij xj). */
function bareLag(w: SpatialWeights, x: Float64Array): number {
  let total = 0;
  for (let i = 0; i < w.n; i++) {
    for (let k = w.offsets[i] ?? 0; k < (w.offsets[i + 1] ?? 0); k++)
      total += (w.weights[k] ?? 0) * (x[w.neighbours[k] ?? 0] ?? 0);
  }
  return total;
}

const db = await openDatabase({ databaseUrl: url });
try {
  await db.migrate();
  if (await isEmpty(db)) {
    console.log('seeding the demo dataset (once)…');
    await seedDemo(db, (m) => process.stdout.write(`  ${m}\n`));
  }
  const versions: Array<{ label: string; validFrom: string }> = [];
  if (realCommunesPresent()) {
    await removeRealVersion(db, REAL_VERSION);
    const n = await loadRealCommunesAsVersion(db, REAL_VERSION);
    versions.push({ label: `real 2025 communes (${n})`, validFrom: REAL_VERSION });
  } else console.log('../shared/data absent: real-boundary figures skipped');
  const [old] = await db.query<{ v: string; n: number }>(
    `select to_char(valid_from, 'YYYY-MM-DD') as v, count(*)::int as n from admin_units
     where level = 'commune' and valid_to is not null group by valid_from order by n desc limit 1`,
  );
  if (old) versions.push({ label: `demo pre-2025 communes (${old.n})`, validFrom: old.v });

  console.log(
    `engine: postgres (${url?.replace(/\/\/[^@]*@/, '//')}); other work may be running on this 2-core machine`,
  );
  for (const v of versions) {
    console.log(`\n== ${v.label}`);
    await db.query(`delete from spatial_weight_sets where key = $1`, [
      weightsKey('commune', v.validFrom, CONTIGUITY),
    ]);
    let t = performance.now();
    await buildWeights(db, 'commune', v.validFrom, CONTIGUITY, 'bench');
    const buildMs = performance.now() - t;
    t = performance.now();
    const [pairs] = await db.query<{ n: number }>(
      `select count(*)::int as n from admin_units a join admin_units b
         on b.level = 'commune' and b.valid_from = a.valid_from and b.id > a.id and ST_Intersects(a.geom, b.geom)
       where a.level = 'commune' and a.valid_from = $1::date`,
      [v.validFrom],
    );
    const intersectsMs = performance.now() - t;
    const stored = await readWeights(db, weightsKey('commune', v.validFrom, CONTIGUITY));
    if (!stored) throw new Error('weights not stored');
    const w = stored.weights;
    console.log(
      `contiguity (ST_DWithin 50 m) build + store: ${ms(buildMs)} (budget 10 s) — ${w.neighbours.length / 2} pairs, ${stored.islands.length} islands` +
        ` | lower bound ST_Intersects join alone: ${ms(intersectsMs)} (${pairs?.n} pairs)`,
    );
    const rng = mulberry32(7);
    const x = Float64Array.from({ length: w.n }, () => rng() * 10);
    const gi = median(() => giStar(x, w, { fdr: true }), 21);
    const bare = median(() => bareLag(w, x), 21);
    console.log(
      `Gi* analytic (with FDR), n = ${w.n}: ${ms(gi)} median (budget 50 ms) | lower bound one pass Σ wij xj: ${ms(bare)}`,
    );
    const moran = median(() => localMoran(x, w, { permutations: 999, seed: 1 }), 3);
    const bare999 = median(() => {
      for (let r = 0; r < 999; r++) bareLag(w, x);
    }, 3);
    console.log(
      `local Moran 999 permutations: ${ms(moran)} median (budget 500 ms) | lower bound 999 bare passes: ${ms(bare999)}`,
    );
  }

  const hotspots = await db.query<{ lon: number; lat: number }>(
    `select ST_X(geom) as lon, ST_Y(geom) as lat from hotspots`,
  );
  const rng = mulberry32(11);
  // 10,000 points: the demo hotspots, and more drawn around them within ~1 km.
  const points = Array.from({ length: 10_000 }, (_, k) => {
    const h = hotspots[k % hotspots.length] ?? { lon: 105.8, lat: 21 };
    return k < hotspots.length
      ? ([h.lon, h.lat] as const)
      : ([h.lon + (rng() - 0.5) * 0.02, h.lat + (rng() - 0.5) * 0.02] as const);
  });
  const hanoi = points.filter((p) => p[0] > 105.2 && p[0] < 106.1 && p[1] > 20.5 && p[1] < 21.4);
  const kde = median(() => kernelDensity(points), 5);
  console.log(`\nKDE 10,000 points (national, rule bandwidth, 256-cell grid): ${ms(kde)} median`);
  console.log(`KDE ${hanoi.length} points of Hà Nội: ${ms(median(() => kernelDensity(hanoi), 5))} median`);

  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const timeSql = async (sql: string) => {
    const samples: number[] = [];
    for (let k = 0; k < 5; k++) {
      const t = performance.now();
      await db.query(sql, [lons, lats]);
      samples.push(performance.now() - t);
    }
    return samples.sort((a, b) => a - b)[2] ?? 0;
  };
  const pts = `select ST_Transform(ST_SetSRID(ST_MakePoint(x, y), 4326), 32648) as g from unnest($1::float8[], $2::float8[]) as p(x, y)`;
  const dbscan = await timeSql(
    `select count(distinct c) from (select ST_ClusterDBSCAN(g, eps := 500, minpoints := 3) over () as c from (${pts}) s) t`,
  );
  const transform = await timeSql(`select count(*) from (${pts}) s`);
  console.log(
    `DBSCAN 10,000 points (ST_ClusterDBSCAN, eps 500 m): ${ms(dbscan)} median | lower bound same points projected only: ${ms(transform)}`,
  );
} finally {
  // A throwaway server is simply stopped; a given database gets its extra version removed (slow: the
  // foreign keys of millions of values are checked for every deleted unit).
  if (process.env.BENCH_DATABASE_URL && realCommunesPresent())
    await removeRealVersion(db, REAL_VERSION).catch(() => undefined);
  await db.close();
  stop();
}
