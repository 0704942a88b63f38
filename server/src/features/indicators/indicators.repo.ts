import type { Queryable } from '../../db/engine';

/** One breakdown of an indicator (by drug, by route of use, …) whose parts sum to the total. */
export interface Disaggregation {
  code: string;
  nameVi: string;
  parts: Array<{ code: string; nameVi: string }>;
}

export interface IndicatorRow {
  code: string;
  nameVi: string;
  nameEn: string;
  unitVi: string;
  unitEn: string;
  /** Stock (a level at a date: a year is its last quarter), flow (over a period: quarters add up) or computed. */
  kind: 'stock' | 'flow' | 'computed';
  areaAggregation: 'sum' | 'rate' | 'max';
  timeAggregation: 'sum' | 'last' | 'max' | 'rate';
  /** Computed indicators: a formula over other indicators (features/indicators/formula.ts). */
  formula: string | null;
  sensitivity: 'public' | 'internal' | 'police';
  descriptionVi: string;
  reportingLevel: 'commune' | 'province';
  disaggregations: Disaggregation[];
  /** The province that added it; null = national catalogue. */
  provinceCode: string | null;
  retiredAt: string | null;
  sortOrder: number;
}

const INDICATOR_COLUMNS = `code, name_vi as "nameVi", name_en as "nameEn", unit_vi as "unitVi", unit_en as "unitEn",
  case time_aggregation when 'rate' then 'computed' when 'sum' then 'flow' else 'stock' end as kind,
  area_aggregation as "areaAggregation", time_aggregation as "timeAggregation", formula, sensitivity,
  description_vi as "descriptionVi", reporting_level as "reportingLevel", disaggregations,
  province_code as "provinceCode", to_char(retired_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "retiredAt",
  sort_order as "sortOrder"`;

/** Every indicator, retired ones included (values reported on them stay readable). */
export async function listIndicators(db: Queryable): Promise<IndicatorRow[]> {
  return db.query<IndicatorRow>(`select ${INDICATOR_COLUMNS} from indicators order by sort_order, code`);
}

export async function findIndicator(db: Queryable, code: string): Promise<IndicatorRow | undefined> {
  const rows = await db.query<IndicatorRow>(`select ${INDICATOR_COLUMNS} from indicators where code = $1`, [
    code,
  ]);
  return rows[0];
}

/** What a catalogue write stores (the kind decides both aggregations' time rule). */
export interface IndicatorRecord {
  code: string;
  nameVi: string;
  nameEn: string;
  unitVi: string;
  unitEn: string;
  areaAggregation: IndicatorRow['areaAggregation'];
  timeAggregation: IndicatorRow['timeAggregation'];
  formula: string | null;
  sensitivity: IndicatorRow['sensitivity'];
  descriptionVi: string;
  reportingLevel: IndicatorRow['reportingLevel'];
  disaggregations: Disaggregation[];
  provinceCode: string | null;
  sortOrder: number;
}

const RECORD_PARAMS = (r: IndicatorRecord) => [
  r.code,
  r.nameVi,
  r.nameEn,
  r.unitVi,
  r.unitEn,
  r.areaAggregation,
  r.timeAggregation,
  r.formula,
  r.sensitivity,
  r.descriptionVi,
  r.reportingLevel,
  JSON.stringify(r.disaggregations),
  r.provinceCode,
  r.sortOrder,
];

/** Inserts a new entry; false when the code is taken. */
export async function insertIndicator(tx: Queryable, r: IndicatorRecord): Promise<boolean> {
  const rows = await tx.query(
    `insert into indicators (code, name_vi, name_en, unit_vi, unit_en, area_aggregation, time_aggregation, formula,
       sensitivity, description_vi, reporting_level, disaggregations, province_code, sort_order)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13, $14)
     on conflict (code) do nothing returning code`,
    RECORD_PARAMS(r),
  );
  return rows.length > 0;
}

export async function updateIndicator(tx: Queryable, r: IndicatorRecord): Promise<void> {
  await tx.query(
    `update indicators set name_vi = $2, name_en = $3, unit_vi = $4, unit_en = $5, area_aggregation = $6,
       time_aggregation = $7, formula = $8, sensitivity = $9, description_vi = $10, reporting_level = $11,
       disaggregations = $12::jsonb, province_code = $13, sort_order = $14
     where code = $1`,
    RECORD_PARAMS(r),
  );
}

export async function retireIndicator(tx: Queryable, code: string): Promise<void> {
  await tx.query(`update indicators set retired_at = now() where code = $1 and retired_at is null`, [code]);
}

/** The entry locked for a change (concurrent edits of one indicator queue behind each other). */
export async function lockIndicator(tx: Queryable, code: string): Promise<IndicatorRow | undefined> {
  const rows = await tx.query<IndicatorRow>(
    `select ${INDICATOR_COLUMNS} from indicators where code = $1 for update`,
    [code],
  );
  return rows[0];
}

/** Targets of plans whose definition names the indicator (anywhere in it), as "plan / target". */
export async function targetsUsing(db: Queryable, code: string): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    `select p.code || ' / ' || t.code as name
       from plan_targets t join plans p on p.id = t.plan_id
      where jsonb_path_exists(t.definition, 'strict $.** ? (@ == $code)', jsonb_build_object('code', $1::text))
      order by p.code, t.code limit 20`,
    [code],
  );
  return rows.map((r) => r.name);
}

/** Status rule sets (any version) whose criteria read the indicator. */
export async function ruleSetsUsing(db: Queryable, code: string): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    `select distinct code || '@' || version as name from status_rule_sets
      where jsonb_path_exists(rules, 'strict $.** ? (@ == $code)', jsonb_build_object('code', $1::text))
      order by 1 limit 20`,
    [code],
  );
  return rows.map((r) => r.name);
}

/** Catalogue writes queue behind each other until the transaction ends (reads go on). */
export async function lockCatalogueTable(tx: Queryable): Promise<void> {
  await tx.query('lock table indicators in share row exclusive mode');
}

export async function unretireIndicator(tx: Queryable, code: string): Promise<void> {
  await tx.query(`update indicators set retired_at = null where code = $1`, [code]);
}

/** Whether any value of the indicator is stored (its unit and kind are then fixed). */
export async function hasValues(db: Queryable, code: string): Promise<boolean> {
  const [row] = await db.query<{ any: boolean }>(
    `select exists (select 1 from indicator_values where indicator_code = $1) as any`,
    [code],
  );
  return row?.any ?? false;
}
