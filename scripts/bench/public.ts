import { resolve } from 'node:path';
import { todayInVietnam } from '@pcmt/domain/format';
import { createApp } from '@pcmt/server/app';
import {
  boundaryFeaturesJson,
  communeStatuses,
  createRouter,
  DEFAULT_PUBLIC_PAGES,
  lastClosedQuarter,
  listPeriods,
  valueRows,
} from '@pcmt/server/bench';
import { isEmpty, seedDemo } from '@pcmt/server/demo';
import { openDatabase, readDatasetInfo } from '@pcmt/server/engine';
import { latency, ms } from './measure';

/**
 * `pnpm bench:public`: the public summary and its link-preview PNG, cold (a new app, nothing cached) and
 * warm (kept answer), each beside a lower bound measured in the same run: cold — the SQL the summary
 * issues (statuses at each year end and the public indicator's values), run alone; warm — a bare Hono route
 * answering the same JSON body. Database: BENCH_DATABASE_URL (PostgreSQL), else the embedded one in
 * PCMT_BENCH_DATA_DIR (default .data/pglite), seeded with the demo data when empty.
 */
const root = resolve(import.meta.dirname, '../..');
const url = process.env.BENCH_DATABASE_URL;
const db = await openDatabase(
  url ? { databaseUrl: url } : { dataDir: resolve(root, process.env.PCMT_BENCH_DATA_DIR ?? '.data/pglite') },
);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5);
const WARM_RUNS = Number(process.env.BENCH_RUNS ?? 400);

try {
  await db.migrate();
  if (await isEmpty(db)) await seedDemo(db, (m) => console.error(`[seed] ${m}`));
  const dataset = await readDatasetInfo(db);
  const periods = await listPeriods(db);
  const closed = lastClosedQuarter(periods, todayInVietnam(), DEFAULT_PUBLIC_PAGES.delayDays);
  if (!closed) throw new Error('no closed quarter in this database');
  const years = periods.filter((p) => p.kind === 'year' && p.endDate <= closed.endDate);
  console.log(`engine: ${db.kind}; closed period ${closed.id}; ${years.length} closed years`);
  console.log(`cold: ${COLD_RUNS} runs, warm: ${WARM_RUNS} runs (p50 / p95)\n`);

  for (const [label, province] of [
    ['national', null],
    ['Hà Nội (01)', '01'],
  ] as const) {
    const query = province ? `?province=${province}` : '';
    const cold = await latency(
      async () => {
        const res = await createApp({ db, dataset }).request(`/api/public/summary${query}`);
        if (res.status !== 200) throw new Error(`summary answered ${res.status}`);
        await res.text();
      },
      COLD_RUNS,
      1,
    );
    const sqlAlone = await latency(
      async () => {
        for (const date of [...years.map((y) => y.endDate), closed.endDate]) {
          await communeStatuses(db, { asOf: date, at: closed.endDate, parent: province });
        }
        await valueRows(db, {
          stored: [{ code: 'population', areaAggregation: 'sum', timeAggregation: 'last' }],
          formula: null,
          direct: false,
          periodIds: years.map((y) => y.id),
          at: closed.endDate,
          level: 'province',
          parent: province,
          parentLevel: province ? 'province' : null,
          unitCode: province,
          jurisdiction: null,
        });
      },
      COLD_RUNS,
      1,
    );
    const app = createApp({ db, dataset });
    const body = await (await app.request(`/api/public/summary${query}`)).text();
    const warm = await latency(
      async () => (await app.request(`/api/public/summary${query}`)).text(),
      WARM_RUNS,
      40,
    );
    const bare = createRouter().get('/s', (c) => c.json(JSON.parse(body)));
    const bareWarm = await latency(async () => (await bare.request('/s')).text(), WARM_RUNS, 40);

    const pngCold = await latency(
      async () => {
        const res = await createApp({ db, dataset }).request(`/api/public/preview.png${query}`);
        await res.arrayBuffer();
      },
      COLD_RUNS,
      1,
    );
    const pngSql = await latency(
      async () => {
        await boundaryFeaturesJson(db, {
          level: 'commune',
          parent: province,
          at: closed.endDate,
          detail: 'low',
        });
        await communeStatuses(db, { asOf: closed.endDate, at: closed.endDate, parent: province });
      },
      COLD_RUNS,
      1,
    );
    console.log(`${label} (${(body.length / 1024).toFixed(1)} KB JSON)`);
    console.log(
      `  summary cold      ${ms(cold.p50)} / ${ms(cold.p95)}   its SQL alone ${ms(sqlAlone.p50)} / ${ms(sqlAlone.p95)}`,
    );
    console.log(
      `  summary warm      ${ms(warm.p50)} / ${ms(warm.p95)}   bare Hono JSON route ${ms(bareWarm.p50)} / ${ms(bareWarm.p95)}`,
    );
    console.log(
      `  preview.png cold  ${ms(pngCold.p50)} / ${ms(pngCold.p95)}   its SQL alone ${ms(pngSql.p50)} / ${ms(pngSql.p95)}`,
    );
  }
} finally {
  await db.close();
}
