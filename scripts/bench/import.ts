import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateDemoDataset } from '@pcmt/data/demo/generate';
import {
  buildWeights,
  commitValuesImport,
  communesOn,
  importBoundaries,
  listIndicators,
  loadDataset,
  previewValuesImport,
  readTable,
  reportableIndicators,
  rollBackBoundariesImport,
  rollBackValuesImport,
  templateRows,
  templateXlsx,
} from '@pcmt/server/bench';
import { type Database, openDatabase } from '@pcmt/server/engine';
import { benchServer } from './bench-server';

/**
 * `pnpm bench:import`: rows/s of a national quarterly report (3,321 communes × 12 indicators, one XLSX) and
 * seconds of a 3,321-commune boundary import (repair, low/mid simplification, checks, area crosswalk, then
 * contiguity weights rebuilt), each beside a lower bound measured in the same run.
 * Engine: BENCH_ENGINE=pglite (in memory), or PostgreSQL at BENCH_DATABASE_URL, or (default) a throwaway
 * PostGIS server started with scripts/ci/start-postgis.sh. The database gets the test dataset (every unit of
 * both versions) when it has no units. Boundaries: ../shared/data/communes_2025.geojson when present, else the
 * database's own communes written out as GeoJSON.
 */
const root = resolve(import.meta.dirname, '../..');
const PERIOD = '2026-Q3';
const INDICATORS = 12;
let stopServer = () => {};

async function open(): Promise<Database> {
  if (process.env.BENCH_ENGINE === 'pglite') return openDatabase({});
  const server = benchServer('import');
  stopServer = server.stop;
  return openDatabase({ databaseUrl: server.url });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const time = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
};

const db = await open();
try {
  await db.migrate();
  const units = await db.query<{ n: number }>(`select count(*)::int as n from admin_units`);
  if ((units[0]?.n ?? 0) === 0) {
    const [, ms] = await time(() =>
      loadDataset(db, generateDemoDataset({ provinces: ['01', '14'] }), {
        synthetic: true,
        source: 'bench (test subset)',
      }),
    );
    console.log(`loaded the test dataset in ${seconds(ms)}`);
  }
  console.log(`engine: ${db.kind}`);

  // --- values: one national quarterly report --------------------------------------------------------
  const indicators = reportableIndicators(await listIndicators(db)).slice(0, INDICATORS);
  const communes = await communesOn(db, '2026-09-30');
  const rows = templateRows('wide', communes, indicators, PERIOD);
  rows.slice(1).forEach((r, i) => {
    // One number per commune for every indicator: it keeps shares such as addicts reached / addicts ≤ 100 %.
    for (let k = 0; k < indicators.length; k++) r[4 + k] = String(((i * 7) % 500) + 1);
  });
  const xlsx = await templateXlsx(rows, `Báo cáo ${PERIOD}`);
  const valueCount = communes.length * indicators.length;
  const input = { fileName: 'bench.xlsx', bytes: xlsx, period: PERIOD, scope: null, actor: 'bench' };
  console.log(
    `\nvalues: ${communes.length} communes × ${indicators.length} indicators = ${valueCount} values (XLSX ${(xlsx.length / 1024).toFixed(0)} KB)`,
  );
  const [, parseMs] = await time(() => readTable('bench.xlsx', xlsx));
  const [, previewMs] = await time(() => previewValuesImport(db, input));
  const [commit, commitMs] = await time(() => commitValuesImport(db, input));
  console.log(
    `  read XLSX alone (exceljs)           ${seconds(parseMs)}  ${Math.round(valueCount / (parseMs / 1000))} values/s`,
  );
  console.log(
    `  preview (read, validate, diff)      ${seconds(previewMs)}  ${Math.round(valueCount / (previewMs / 1000))} values/s`,
  );
  console.log(
    `  commit (all of it + write + audit)  ${seconds(commitMs)}  ${Math.round(valueCount / (commitMs / 1000))} values/s  (import #${commit.importId}, ${commit.added} added, ${commit.changed} changed)`,
  );
  // Lower bound for the write: the same upsert as one bare statement, in a transaction rolled back.
  const codes = communes.flatMap((u) => indicators.map(() => u.id));
  const inds = communes.flatMap(() => indicators.map((i) => i.code));
  const [, sqlMs] = await time(() =>
    db
      .transaction(async (tx) => {
        await tx.query(
          `insert into indicator_values (indicator_code, period_id, unit_id, value, source)
           select s.i, $1, s.u, 1, 'bench' from unnest($2::text[], $3::int[]) as s(i, u)
           on conflict (indicator_code, period_id, unit_id) do update set value = excluded.value + 1, source = excluded.source`,
          [PERIOD, inds, codes],
        );
        throw new Error('rollback');
      })
      .catch(() => undefined),
  );
  console.log(
    `  lower bound: the upsert SQL alone   ${seconds(sqlMs)}  ${Math.round(valueCount / (sqlMs / 1000))} values/s`,
  );
  const [, againMs] = await time(() => commitValuesImport(db, input));
  console.log(`  re-import of the same file (no change) ${seconds(againMs)}`);
  if (commit.importId !== null) await rollBackValuesImport(db, commit.importId, 'bench');

  // --- boundaries: 3,321 communes as a new version -----------------------------------------------------
  const real = resolve(root, '../shared/data/communes_2025.geojson');
  let bytes: Uint8Array;
  let source: string;
  if (existsSync(real)) {
    bytes = new Uint8Array(readFileSync(real));
    source = 'communes_2025.geojson (real, 12 invalid geometries)';
  } else {
    const json = await db.query<{ fc: string }>(
      `select json_build_object('type', 'FeatureCollection', 'features', json_agg(json_build_object('type', 'Feature',
         'properties', json_build_object('code', code, 'name', full_name, 'province_code', province_code),
         'geometry', ST_AsGeoJSON(geom)::json)))::text as fc
       from admin_units where level = 'commune' and valid_to is null`,
    );
    bytes = new TextEncoder().encode(json[0]?.fc ?? '');
    source = 'the database’s own communes (demo geometry)';
  }
  const latest = await db.query<{ d: string }>(
    `select to_char(max(valid_from) + 1, 'YYYY-MM-DD') as d from admin_units where level = 'commune'`,
  );
  const validFrom = latest[0]?.d ?? '2026-01-01';
  console.log(
    `\nboundaries: ${source}, ${(bytes.length / 1024 / 1024).toFixed(1)} MB, valid from ${validFrom}`,
  );
  const [report, importMs] = await time(() =>
    importBoundaries(
      db,
      {
        fileName: 'communes.geojson',
        bytes,
        validFrom,
        level: 'commune',
        crs: null,
        crosswalk: true,
        // The whole country's communes: the file is the whole set.
        scope: 'replace',
        decree: null,
        decreeDate: null,
        actor: 'bench',
        progress: (m) => console.log(`    ${m}`),
      },
      'commit',
    ),
  );
  console.log(
    `  import (parse, repair, simplify, diff, overlaps, gaps, crosswalk, write)  ${seconds(importMs)}`,
  );
  console.log(
    `    ${report.units} units: ${report.changed.length} changed, ${report.added.length} added, ${report.removed.length} removed, ${report.unchanged} unchanged; ${report.repaired.length} repaired, ${report.overlaps.length} overlaps, ${report.gaps.length} gaps`,
  );
  const [, weightsMs] = await time(() =>
    buildWeights(db, 'commune', validFrom, { kind: 'contiguity', snapM: 50 }, 'bench'),
  );
  console.log(`  contiguity weights rebuilt          ${seconds(weightsMs)}`);
  console.log(`  total                               ${seconds(importMs + weightsMs)}`);
  // Lower bound: the units inserted with their two simplified variants by one bare statement.
  const [, bareMs] = await time(() =>
    db
      .transaction(async (tx) => {
        await tx.query(
          `insert into admin_units (code, name, full_name, kind, level, parent_code, province_code, valid_from, search_name, label_point, geom, geom_low, geom_mid)
           select code, name, full_name, kind, level, parent_code, province_code, '2100-01-01', search_name, label_point, geom,
             ST_Multi(ST_SimplifyPreserveTopology(geom, 0.005)), ST_Multi(ST_SimplifyPreserveTopology(geom, 0.0007))
           from admin_units where level = 'commune' and valid_from <= $1::date and (valid_to is null or valid_to > $1::date)`,
          [validFrom],
        );
        throw new Error('rollback');
      })
      .catch(() => undefined),
  );
  console.log(
    `  lower bound: insert + simplify SQL alone (geometry already in the database)  ${seconds(bareMs)}`,
  );
  if (report.importId !== null) {
    await db.query(`delete from spatial_weight_sets where level = 'commune' and valid_on >= $1::date`, [
      validFrom,
    ]);
    await rollBackBoundariesImport(db, report.importId, 'bench');
  }
} finally {
  await db.close();
  stopServer();
}
