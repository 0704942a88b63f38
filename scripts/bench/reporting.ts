import { resolve } from 'node:path';
import {
  completeness,
  EVERYWHERE,
  insertForm,
  lateUnits,
  reportPeriod,
  saveReport,
} from '@pcmt/server/bench';
import { DEMO_FORM, isEmpty, seedDemo } from '@pcmt/server/demo';
import { openDatabase } from '@pcmt/server/engine';
import { latency, ms } from './measure';

/**
 * `tsx scripts/bench/reporting.ts` (issue 17): every commune of the country submits a quarterly form of 12
 * values through the same function as the API (checks against the unit's history, audit, one transaction
 * each): throughput and p95 per submission, beside the bare SQL of one submission (an upsert of its values);
 * then the national completeness (counts per province and the late list) p50, beside its SQL alone.
 * Database: BENCH_DATABASE_URL (PostgreSQL), else the embedded one in PCMT_BENCH_DATA_DIR (default
 * .data/bench-pglite), seeded when empty. Writes a form of its own and removes it with its reports.
 */
const root = resolve(import.meta.dirname, '../..');
const url = process.env.BENCH_DATABASE_URL;
const db = await openDatabase(
  url
    ? { databaseUrl: url }
    : { dataDir: resolve(root, process.env.PCMT_BENCH_DATA_DIR ?? '.data/bench-pglite') },
);
const FORM = `bench-${process.pid}`;
const PERIOD = process.env.BENCH_PERIOD ?? '2026-Q3';
const percentile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? Number.NaN;

try {
  await db.migrate();
  if (await isEmpty(db)) await seedDemo(db, (m) => console.error(`[seed] ${m}`));
  await insertForm(db, { ...DEMO_FORM, code: FORM, nameVi: 'Bench', createdBy: 'bench' });
  const form = { ...DEMO_FORM, code: FORM };
  const period = await reportPeriod(db, form, PERIOD);
  const communes = await db.query<{ id: number; code: string }>(
    `select id, code from admin_units where level = 'commune'
      and valid_from <= $1::date and (valid_to is null or valid_to > $1::date) order by code`,
    [period.endDate],
  );
  console.log(`engine: ${db.kind}; ${communes.length} communes × ${form.items.length} values, ${PERIOD}\n`);
  // Within the rules (methadone and reached ≤ addicts); warnings are confirmed with a comment.
  const values = (i: number) =>
    Object.fromEntries(form.items.map((c, k) => [c, c === 'managed_addicts' ? 100 : (i * 7 + k * 3) % 50]));

  const times: number[] = [];
  const started = performance.now();
  for (const [i, c] of communes.entries()) {
    const t = performance.now();
    await saveReport(db, {
      form: FORM,
      commune: c.code,
      period: PERIOD,
      values: values(i),
      submit: true,
      warningComment: 'bench',
      actor: 'bench',
    });
    times.push(performance.now() - t);
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `submit (checks, history, audit): ${Math.round(communes.length / seconds)} forms/s, p50 ${ms(percentile(times, 0.5))}, p95 ${ms(percentile(times, 0.95))}`,
  );

  const bare: number[] = [];
  const bareStart = performance.now();
  for (const [i, c] of communes.entries()) {
    const t = performance.now();
    await db.query(
      `update report_submissions set values = $3::jsonb, submitted_at = now(), updated_at = now()
       where form_code = $1 and unit_id = $2 and period_id = $4`,
      [FORM, c.id, JSON.stringify(values(i + 1)), PERIOD],
    );
    bare.push(performance.now() - t);
  }
  const bareSeconds = (performance.now() - bareStart) / 1000;
  console.log(
    `  SQL alone (one upsert):        ${Math.round(communes.length / bareSeconds)} forms/s, p50 ${ms(percentile(bare, 0.5))}, p95 ${ms(percentile(bare, 0.95))}`,
  );

  const q = {
    form: FORM,
    period: PERIOD,
    unitsOn: period.endDate,
    dueAt: period.dueAt,
    formProvince: null,
    province: null,
  };
  const full = await latency(
    () => Promise.all([completeness(db, q, EVERYWHERE), lateUnits(db, q, EVERYWHERE)]),
    30,
    3,
  );
  const sqlOnly = await latency(
    () =>
      db.query(
        `select u.province_code, count(*), count(s.first_submitted_at), count(*) filter (where s.state = 'approved')
         from admin_units u left join report_submissions s on s.unit_id = u.id and s.form_code = $1 and s.period_id = $2
         where u.level = 'commune' and u.valid_from <= $3::date and (u.valid_to is null or u.valid_to > $3::date)
         group by u.province_code`,
        [FORM, PERIOD, period.endDate],
      ),
    30,
    3,
  );
  console.log(`\nnational completeness (counts + late list): p50 ${ms(full.p50)}, p95 ${ms(full.p95)}`);
  console.log(`  SQL alone (counts per province):          p50 ${ms(sqlOnly.p50)}, p95 ${ms(sqlOnly.p95)}`);
} finally {
  await db.query(`delete from report_submissions where form_code = $1`, [FORM]);
  await db.query(`delete from report_forms where code = $1`, [FORM]);
  await db.close();
}
