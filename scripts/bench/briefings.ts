import { resolve } from 'node:path';
import type { Briefing, BriefingViewSpec } from '@pcmt/domain/contracts/briefings';
import {
  briefingXlsx,
  buildSnapshot,
  communeStatuses,
  createReferenceCache,
  EVERYWHERE,
  loadBriefingGeometry,
  renderBriefingPdf,
  resolveView,
  snapshotReads,
} from '@pcmt/server/bench';
import { isEmpty, seedDemo } from '@pcmt/server/demo';
import { openDatabase, readDatasetInfo } from '@pcmt/server/engine';
import { latency, ms } from './measure';

/**
 * `pnpm bench:briefings`: what a secretary waits for — freezing a view's figures when a briefing is saved,
 * and printing the PDF pack and the workbook — for a national and a province view, beside the lower bound
 * of freezing: the status queries it makes (the view's period and its trend), run alone.
 * Database: BENCH_DATABASE_URL (PostgreSQL), else the embedded one in PCMT_BENCH_DATA_DIR (default
 * .data/pglite), seeded with the demo data when empty.
 */
const root = resolve(import.meta.dirname, '../..');
const url = process.env.BENCH_DATABASE_URL;
const db = await openDatabase(
  url ? { databaseUrl: url } : { dataDir: resolve(root, process.env.PCMT_BENCH_DATA_DIR ?? '.data/pglite') },
);
const N = Number(process.env.BENCH_RUNS ?? 5);
const PERIOD = process.env.BENCH_PERIOD ?? '2025-Q4';

const spec = (province: string | null, indicator = 'status'): BriefingViewSpec => ({
  title: 'bench',
  note: '',
  province,
  period: PERIOD,
  indicator,
  method: 'quantile',
  classes: 5,
  todayUnits: false,
  map: null,
  bounds: null,
});

try {
  await db.migrate();
  if (await isEmpty(db)) await seedDemo(db, (m) => console.error(`[seed] ${m}`));
  const ref = await createReferenceCache(db).get();
  const dataset = await readDatasetInfo(db);
  const today = new Date().toISOString().slice(0, 10);
  console.log(`engine: ${db.kind}; period ${PERIOD}; ${N} runs each (p50 / p95)\n`);

  for (const [label, s] of [
    ['national status (all communes)', spec(null)],
    ['Hà Nội status', spec('01')],
    ['Hà Nội addicts per 1,000', spec('01', 'addicts_per_1000')],
  ] as const) {
    const view = await resolveView(db, ref, s, 0, EVERYWHERE, today);
    // Fresh reads each time: nothing shared with an earlier view, as for a briefing of one view.
    const freeze = () => buildSnapshot(snapshotReads(db), ref, view, dataset);
    const snapshot = await freeze();
    const briefing: Briefing = {
      id: 'benchbench',
      title: 'bench',
      confidential: false,
      createdAt: new Date().toISOString(),
      createdBy: 'bench',
      viewCount: 1,
      provinces: s.province ? [s.province] : [],
      views: [{ spec: s, snapshot }],
    };
    const frozen = await latency(freeze, N, 1);
    // The status queries the freeze cannot avoid: the view's period and each trend period, on its units.
    const statusPeriods = s.indicator === 'status' ? snapshot.trend.map((t) => t.period) : [];
    const statusQueries = await latency(
      async () => {
        for (const id of statusPeriods) {
          const end = ref.periods.get(id)?.endDate ?? view.period.endDate;
          await communeStatuses(db, { asOf: end, at: view.at, parent: s.province });
        }
      },
      N,
      1,
    );
    const geometry = await latency(() => loadBriefingGeometry(db, briefing), N, 1);
    const shapes = await loadBriefingGeometry(db, briefing);
    let bytes = 0;
    const render = await latency(
      async () => {
        bytes = (await renderBriefingPdf(briefing, shapes, { confidential: false, generatedAt: new Date() }))
          .length;
      },
      N,
      1,
    );
    let xlsxBytes = 0;
    const xlsx = await latency(
      async () => {
        xlsxBytes = (await briefingXlsx({ briefing, creator: 'bench', provinceNames: () => new Map() }))
          .length;
      },
      N,
      1,
    );
    const json = JSON.stringify(snapshot).length;
    console.log(
      `${label}: ${snapshot.rows.length} communes, trend ${snapshot.trend.length} periods, ${(json / 1024).toFixed(0)} KB frozen`,
    );
    console.log(`  freeze figures   ${ms(frozen.p50)} / ${ms(frozen.p95)}`);
    if (statusPeriods.length > 0)
      console.log(
        `    lower bound    its ${statusPeriods.length} status queries alone ${ms(statusQueries.p50)}`,
      );
    console.log(
      `  PDF              outlines ${ms(geometry.p50)} + drawing ${ms(render.p50)}; ${(bytes / 1024).toFixed(0)} KB`,
    );
    console.log(
      `  XLSX             ${ms(xlsx.p50)} / ${ms(xlsx.p95)}; ${(xlsxBytes / 1024).toFixed(0)} KB\n`,
    );
  }
} finally {
  await db.close();
}
