import { resolve } from 'node:path';
import {
  childCells,
  createReferenceCache,
  findPlan,
  type LoadedUnit,
  loadUnit,
  unitOn,
  unitTargetProgress,
} from '@pcmt/server/bench';
import { isEmpty, seedDemo } from '@pcmt/server/demo';
import { openDatabase } from '@pcmt/server/engine';
import { latency, ms } from './measure';

/**
 * `pnpm bench:progress`: time to compute a scorecard — the national one (34 provinces × every target of the
 * national plan) and a province's over its communes — beside its lower bound, the SQL that fetches the
 * inputs alone (the pure computation is timed separately). Budget: national ≤ 300 ms.
 * Database: BENCH_DATABASE_URL (PostgreSQL), else the embedded one in PCMT_BENCH_DATA_DIR (default
 * .data/pglite), seeded with the demo data when empty.
 */
const root = resolve(import.meta.dirname, '../..');
const url = process.env.BENCH_DATABASE_URL;
const db = await openDatabase(
  url ? { databaseUrl: url } : { dataDir: resolve(root, process.env.PCMT_BENCH_DATA_DIR ?? '.data/pglite') },
);
const AS_OF = process.env.BENCH_AS_OF ?? '2026-09-30';
const N = Number(process.env.BENCH_RUNS ?? 15);

try {
  await db.migrate();
  if (await isEmpty(db)) await seedDemo(db, (m) => console.error(`[seed] ${m}`));
  const ref = await createReferenceCache(db).get();
  const plan = await findPlan(db, 'quoc-gia-2030');
  if (!plan) throw new Error('the demo plan quoc-gia-2030 is missing: reseed the database');
  console.log(`engine: ${db.kind}; as of ${AS_OF}; ${N} runs each (p50 / p95)`);
  console.log(`plan ${plan.code}: ${plan.targets.length} targets\n`);

  const computeAll = (loaded: LoadedUnit) => {
    for (const target of plan.targets) {
      unitTargetProgress(loaded, target);
      childCells(loaded, target);
    }
  };

  for (const [label, unitCode] of [
    ['national (34 provinces)', null],
    ['Hà Nội over its communes', '01'],
    ['Sơn La over its communes', '14'],
  ] as const) {
    const unit = unitCode === null ? null : ((await unitOn(db, unitCode, AS_OF)) ?? null);
    // As the scorecard route reads them: today's figures per cell.
    const load = () => loadUnit(db, ref, plan, plan.targets, unit, AS_OF, 'latest');
    const loaded = await load();
    const cells = loaded.children.length * plan.targets.length;
    const total = await latency(async () => computeAll(await load()), N, 2);
    const sqlOnly = await latency(load, N, 2);
    const pureOnly = await latency(async () => computeAll(loaded), N, 2);
    const budget = unitCode === null ? `  (budget ≤ 300 ms: ${total.p50 <= 300 ? 'met' : 'NOT met'})` : '';
    console.log(
      `${label}: ${loaded.children.length} columns × ${plan.targets.length} targets = ${cells} cells`,
    );
    console.log(`  scorecard       ${ms(total.p50)} / ${ms(total.p95)}${budget}`);
    console.log(`  inputs SQL only ${ms(sqlOnly.p50)} / ${ms(sqlOnly.p95)}   (lower bound)`);
    console.log(
      `  computation     ${ms(pureOnly.p50)} / ${ms(pureOnly.p95)}   (pure functions on fetched inputs)\n`,
    );
  }
} finally {
  await db.close();
}
