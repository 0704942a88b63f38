import type { DemoDataset } from '@pcmt/data/demo/types';
import { searchName } from '@pcmt/domain/contracts/search-name';
import { insertPlansAndRuleSets } from '../features/plans/seed-plans';
import { bump, DATA_KINDS } from '../lib/data-generations';
import type { Database, Queryable, Transaction } from './engine';
import { seedHotspotHistory } from './seed-hotspot-history';

/** Tolerances of the pre-simplified geometry variants, in degrees (≈ 600 m and ≈ 75 m at Vietnam's latitudes). */
export const SIMPLIFY_LOW = 0.005;
export const SIMPLIFY_MID = 0.0007;
const UNIT_BATCH = 500;

export type Progress = (message: string) => void;

/**
 * Replaces everything in the database with a dataset, in one transaction: a crash half-way leaves the
 * previous data intact. Geometry variants for low zooms are simplified by PostGIS here, once.
 */
export async function loadDataset(
  db: Database,
  dataset: DemoDataset,
  meta: { synthetic: boolean; source: string },
  progress: Progress = () => undefined,
): Promise<void> {
  await db.transaction(async (tx) => {
    // A national dataset takes longer than any request may: no statement timeout for this transaction.
    await tx.query('set local statement_timeout = 0');
    await tx.query(
      `truncate indicator_values, commune_status_decisions, hotspots, unit_crosswalk, admin_units, indicators, periods, dataset_meta restart identity cascade`,
    );
    await insertPeriodsAndIndicators(tx, dataset);
    await insertUnits(tx, dataset, progress);
    await repairGeometry(tx, progress);
    await insertCrosswalk(tx, dataset);
    progress(`crosswalk: ${dataset.crosswalk.length} rows`);
    await insertValues(tx, dataset, progress);
    await insertStatuses(tx, dataset);
    progress(`status decisions: ${dataset.statusDecisions.length}`);
    await insertHotspots(tx, dataset);
    await seedHotspotHistory(tx);
    progress(`hotspots: ${dataset.hotspots.length}`);
    await insertPlansAndRuleSets(tx, dataset);
    await tx.query(
      `insert into dataset_meta (key, value) values ('synthetic', $1::jsonb), ('source', $2::jsonb), ('seed', $3::jsonb), ('loaded_at', to_jsonb(now()))`,
      [JSON.stringify(meta.synthetic), JSON.stringify(meta.source), JSON.stringify(dataset.seed)],
    );
    // Every cache of every process over this database is now out of date.
    await bump(tx, ...DATA_KINDS);
  });
  // Index-only scans need the visibility map that VACUUM writes; fresh statistics pick the plans.
  await db.exec('vacuum analyze');
}

async function insertPeriodsAndIndicators(tx: Queryable, dataset: DemoDataset) {
  const p = dataset.periods;
  await tx.query(
    `insert into periods (id, kind, start_date, end_date)
     select * from unnest($1::text[], $2::text[], $3::date[], $4::date[])`,
    [p.map((x) => x.id), p.map((x) => x.kind), p.map((x) => x.startDate), p.map((x) => x.endDate)],
  );
  const i = dataset.indicators;
  await tx.query(
    `insert into indicators (code, name_vi, name_en, unit_vi, unit_en, area_aggregation, time_aggregation,
       formula, sensitivity, description_vi, sort_order, reporting_level, disaggregations)
     select code, name_vi, name_en, unit_vi, unit_en, area_aggregation, time_aggregation, formula, sensitivity,
       description_vi, sort_order, reporting_level, disaggregations::jsonb
     from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
       $8::text[], $9::text[], $10::text[], $11::int[], $12::text[], $13::text[])
       as s(code, name_vi, name_en, unit_vi, unit_en, area_aggregation, time_aggregation, formula, sensitivity,
         description_vi, sort_order, reporting_level, disaggregations)`,
    [
      i.map((x) => x.code),
      i.map((x) => x.nameVi),
      i.map((x) => x.nameEn),
      i.map((x) => x.unitVi),
      i.map((x) => x.unitEn),
      i.map((x) => x.areaAggregation),
      i.map((x) => x.timeAggregation),
      i.map((x) => x.formula),
      i.map((x) => x.sensitivity),
      i.map((x) => x.descriptionVi),
      i.map((x) => x.sortOrder),
      i.map((x) => x.reportingLevel),
      i.map((x) => JSON.stringify(x.disaggregations)),
    ],
  );
}

async function insertUnits(tx: Queryable, dataset: DemoDataset, progress: Progress) {
  const units = dataset.units;
  for (let start = 0; start < units.length; start += UNIT_BATCH) {
    const b = units.slice(start, start + UNIT_BATCH);
    await tx.query(
      `with src as (
         select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
           $8::date[], $9::date[], $10::int[], $11::real[], $12::text[], $13::float8[], $14::float8[], $15::text[])
           as s(code, name, full_name, kind, level, parent_code, province_code, valid_from, valid_to, population,
                area_km2, search_name, lon, lat, geojson)
       ), g as (
         select s.*, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(s.geojson), 4326)) as geom from src s
       )
       insert into admin_units (code, name, full_name, kind, level, parent_code, province_code, valid_from, valid_to,
         population, area_km2, search_name, label_point, geom, geom_low, geom_mid)
       select code, name, full_name, kind, level, parent_code, province_code, valid_from, valid_to, population, area_km2,
         search_name, ST_SetSRID(ST_MakePoint(lon, lat), 4326), geom,
         ST_Multi(ST_SimplifyPreserveTopology(geom, ${SIMPLIFY_LOW})),
         ST_Multi(ST_SimplifyPreserveTopology(geom, ${SIMPLIFY_MID}))
       from g`,
      [
        b.map((u) => u.code),
        b.map((u) => u.name),
        b.map((u) => u.fullName),
        b.map((u) => u.kind),
        b.map((u) => u.level),
        b.map((u) => u.parentCode),
        b.map((u) => u.provinceCode),
        b.map((u) => u.validFrom),
        b.map((u) => u.validTo),
        b.map((u) => u.population),
        b.map((u) => u.areaKm2),
        b.map((u) => searchName(u.name)),
        b.map((u) => u.labelPoint[0]),
        b.map((u) => u.labelPoint[1]),
        b.map((u) => JSON.stringify(u.geometry)),
      ],
    );
    if ((start / UNIT_BATCH) % 5 === 4 || start + UNIT_BATCH >= units.length) {
      progress(`units: ${Math.min(start + UNIT_BATCH, units.length)} / ${units.length}`);
    }
  }
}

/** SQL of a geometry made valid for GEOS, keeping only its polygonal parts, as a MultiPolygon (imports use it too). */
export const validPolygons = (geom: string) => `ST_Multi(ST_CollectionExtract(ST_MakeValid(${geom}), 3))`;

/**
 * GEOS is stricter than the checks of the tools that made a file (a ring touching itself at a vertex passes
 * turf but not ST_IsValid), and invalid polygons break overlays and tiles: repair them here, keep only the
 * polygon parts, and say which units were repaired.
 */
export async function repairGeometry(
  tx: Queryable,
  progress: Progress,
  /** Only the units of one level starting on one date (a boundary import); absent = every unit. */
  only?: { level: string; validFrom: string },
): Promise<{ level: string; code: string }[]> {
  const repaired = await tx.query<{ level: string; code: string }>(
    `update admin_units set
       geom = ${validPolygons('geom')},
       geom_low = ST_Multi(ST_SimplifyPreserveTopology(${validPolygons('geom')}, ${SIMPLIFY_LOW})),
       geom_mid = ST_Multi(ST_SimplifyPreserveTopology(${validPolygons('geom')}, ${SIMPLIFY_MID}))
     where (not ST_IsValid(geom) or not ST_IsValid(geom_low) or not ST_IsValid(geom_mid))
       and ($1::text is null or (level = $1 and valid_from = $2::date))
     returning level, code`,
    [only?.level ?? null, only?.validFrom ?? null],
  );
  if (repaired.length > 0) {
    progress(
      `repaired ${repaired.length} invalid geometries: ${repaired.map((r) => `${r.level} ${r.code}`).join(', ')}`,
    );
  }
  return repaired;
}

async function insertCrosswalk(tx: Queryable, dataset: DemoDataset) {
  const c = dataset.crosswalk;
  await tx.query(
    `insert into unit_crosswalk (old_unit_id, new_unit_id, kind, weight)
     select o.id, n.id, s.kind, s.weight
     from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[]) as s(level, old_code, new_code, kind, weight)
     join admin_units o on o.code = s.old_code and o.level = s.level and o.valid_to is not null
     join admin_units n on n.code = s.new_code and n.valid_from >= o.valid_to
       and n.level = case when s.level = 'district' then 'province' else s.level end`,
    [
      c.map((x) => x.level),
      c.map((x) => x.oldCode),
      c.map((x) => x.newCode),
      c.map((x) => x.kind),
      c.map((x) => x.weight),
    ],
  );
}

/**
 * Millions of rows: COPY them with unit ids resolved in memory into the table stripped of its constraints
 * (foreign-key triggers cost three look-ups a row) and indexes, then restore both from their own definitions
 * read from the catalog, so the migrations stay the only place they are declared. A re-added foreign key
 * is checked in one join, much faster than row by row.
 */
async function insertValues(tx: Transaction, dataset: DemoDataset, progress: Progress) {
  const unitIds = new Map<string, number>();
  const units = await tx.query<{ id: number; code: string; validFrom: string }>(
    `select id, code, to_char(valid_from, 'YYYY-MM-DD') as "validFrom" from admin_units where level = 'commune'`,
  );
  for (const u of units) unitIds.set(`${u.code}@${u.validFrom}`, u.id);

  const restore = await stripTable(tx, 'indicator_values');
  let total = 0;
  for (const batch of dataset.valueBatches()) {
    const lines: string[] = [];
    for (let k = 0; k < batch.values.length; k++) {
      const code = batch.unitCodes[k];
      const id = unitIds.get(`${code}@${batch.unitValidFrom}`);
      if (id === undefined)
        throw new Error(`values of ${batch.periodId}: unknown commune ${code} (${batch.unitValidFrom})`);
      lines.push(`${batch.indicatorCodes[k]},${batch.periodId},${id},${batch.values[k]},demo`);
    }
    await tx.copyCsv(
      'indicator_values',
      ['indicator_code', 'period_id', 'unit_id', 'value', 'source'],
      lines.join('\n'),
    );
    total += lines.length;
    progress(`values: ${batch.periodId} (${total.toLocaleString('en')} so far)`);
  }
  progress('values: indexing and checking references');
  for (const statement of restore) await tx.query(statement);
}

/** Drops a table's constraints and indexes; returns the statements that put them back (primary key first). */
async function stripTable(tx: Queryable, table: string): Promise<string[]> {
  const constraints = await tx.query<{ name: string; definition: string }>(
    `select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
     where conrelid = $1::regclass and contype in ('p', 'u', 'f')
     order by case contype when 'p' then 0 when 'u' then 1 else 2 end, conname`,
    [table],
  );
  const indexes = await tx.query<{ name: string; definition: string }>(
    `select i.relname as name, pg_get_indexdef(i.oid) as definition
     from pg_index x join pg_class i on i.oid = x.indexrelid
     where x.indrelid = $1::regclass and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)
     order by i.relname`,
    [table],
  );
  for (const c of [...constraints].reverse())
    await tx.query(`alter table ${table} drop constraint ${quoteIdent(c.name)}`);
  for (const i of indexes) await tx.query(`drop index ${quoteIdent(i.name)}`);
  return [
    ...constraints.map((c) => `alter table ${table} add constraint ${quoteIdent(c.name)} ${c.definition}`),
    ...indexes.map((i) => i.definition),
  ];
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * The year a recognition assesses: decisions of January–February are about the previous year (a province
 * announces the year's drug-free communes early in the next one — An Giang announced its 2025 list on
 * 12/01/2026); later ones about their own year.
 */
export function assessedYearOf(effectiveDate: string): number {
  const year = Number(effectiveDate.slice(0, 4));
  const month = Number(effectiveDate.slice(5, 7));
  return month <= 2 ? year - 1 : year;
}

async function insertStatuses(tx: Queryable, dataset: DemoDataset) {
  const d = dataset.statusDecisions;
  await tx.query(
    `insert into commune_status_decisions (unit_id, status, effective_date, assessed_year, deciding_body, document_no)
     select u.id, s.status, s.effective_date, s.assessed_year, s.deciding_body, s.document_no
     from unnest($1::text[], $2::date[], $3::text[], $4::date[], $5::int[], $6::text[], $7::text[])
       as s(code, valid_from, status, effective_date, assessed_year, deciding_body, document_no)
     join admin_units u on u.level = 'commune' and u.code = s.code and u.valid_from = s.valid_from`,
    [
      d.map((x) => x.unitCode),
      d.map((x) => x.unitValidFrom),
      d.map((x) => x.status),
      d.map((x) => x.effectiveDate),
      d.map((x) => assessedYearOf(x.effectiveDate)),
      d.map((x) => x.decidingBody),
      d.map((x) => x.documentNo),
    ],
  );
}

async function insertHotspots(tx: Queryable, dataset: DemoDataset) {
  const h = dataset.hotspots;
  await tx.query(
    `insert into hotspots (code, kind, geom, commune_code, detected_on, eliminated_on, reemerged_on, notes)
     select s.code, s.kind, ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326), s.commune_code, s.detected_on,
       s.eliminated_on, s.reemerged_on, s.notes
     from unnest($1::text[], $2::text[], $3::float8[], $4::float8[], $5::text[], $6::date[], $7::date[], $8::date[], $9::text[])
       as s(code, kind, lon, lat, commune_code, detected_on, eliminated_on, reemerged_on, notes)`,
    [
      h.map((x) => x.code),
      h.map((x) => x.kind),
      h.map((x) => x.point[0]),
      h.map((x) => x.point[1]),
      h.map((x) => x.communeCode),
      h.map((x) => x.detectedOn),
      h.map((x) => x.eliminatedOn),
      h.map((x) => x.reemergedOn),
      h.map((x) => x.notes),
    ],
  );
}
