import { sql } from 'drizzle-orm';
import {
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { geometry } from './geometry';

/**
 * Administrative units, versioned by validity dates. The pre-2025 set (province → district → commune)
 * and the set in force since 1/7/2025 (province → commune) live side by side; a unit is valid on a
 * date d when valid_from <= d < valid_to (valid_to null = still in force).
 */
export const adminUnits = pgTable(
  'admin_units',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    fullName: text('full_name').notNull(),
    kind: text('kind').notNull(),
    level: text('level').notNull(),
    parentCode: text('parent_code'),
    /** Province of this unit in the same version: lets any level be grouped by province without recursion. */
    provinceCode: text('province_code').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    population: integer('population'),
    areaKm2: real('area_km2'),
    /** Lower-case name without diacritics or kind prefix ("ba dinh"), for search. */
    searchName: text('search_name').notNull(),
    labelPoint: geometry('label_point', 'Point').notNull(),
    geom: geometry('geom', 'MultiPolygon').notNull(),
    /** ~600 m simplification for zooms ≤ 7. */
    geomLow: geometry('geom_low', 'MultiPolygon').notNull(),
    /** ~75 m simplification for zooms 8–10. */
    geomMid: geometry('geom_mid', 'MultiPolygon').notNull(),
    /**
     * Where the unit's name is drawn: its pole of inaccessibility, computed by the database from `geom`
     * (migration 0020); null only for a shape GEOS cannot read (labels then use `label_point`).
     */
    labelAnchor: geometry('label_anchor', 'Point').generatedAlwaysAs(
      sql`pcmt_label_anchor("admin_units"."geom")`,
    ),
    /** Room for a label box around the anchor per aspect (@pcmt/domain/map-labels LABEL_ROOM_ASPECTS). */
    labelRoom: real('label_room').array().generatedAlwaysAs(sql`pcmt_label_room("admin_units"."geom")`),
  },
  (t) => [
    uniqueIndex('admin_units_level_code_from_uq').on(t.level, t.code, t.validFrom),
    index('admin_units_parent_idx').on(t.level, t.parentCode, t.validFrom),
    index('admin_units_province_idx').on(t.level, t.provinceCode, t.validFrom),
    index('admin_units_geom_gist').using('gist', t.geom),
    index('admin_units_geom_low_gist').using('gist', t.geomLow),
    index('admin_units_geom_mid_gist').using('gist', t.geomMid),
    check('admin_units_level_ck', sql`${t.level} in ('province', 'district', 'commune')`),
    check('admin_units_validity_ck', sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
  ],
);

/** Old unit → new unit. weight = share of the old unit's quantities that the new unit takes (full = 1). */
export const unitCrosswalk = pgTable(
  'unit_crosswalk',
  {
    oldUnitId: integer('old_unit_id')
      .notNull()
      .references(() => adminUnits.id, { onDelete: 'cascade' }),
    newUnitId: integer('new_unit_id')
      .notNull()
      .references(() => adminUnits.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    weight: doublePrecision('weight').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.oldUnitId, t.newUnitId] }),
    index('unit_crosswalk_new_idx').on(t.newUnitId),
    check('unit_crosswalk_kind_ck', sql`${t.kind} in ('full', 'partial')`),
    check('unit_crosswalk_weight_ck', sql`${t.weight} > 0 and ${t.weight} <= 1`),
  ],
);

/**
 * The indicator catalogue, which administrators edit (national entries, and a province's own additions).
 * A stored indicator has values; a computed indicator (area and time aggregation `rate`) has a formula over
 * other indicators (features/indicators/formula.ts), computed from its inputs combined over areas and time.
 */
export const indicators = pgTable(
  'indicators',
  {
    code: text('code').primaryKey(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    unitVi: text('unit_vi').notNull(),
    unitEn: text('unit_en').notNull(),
    /** How values of several areas combine: sum, rate (computed: recompute the formula), max. */
    areaAggregation: text('area_aggregation').notNull(),
    /** How values of several periods combine: sum (flows), last (stocks, cumulative counts), max, rate (computed). */
    timeAggregation: text('time_aggregation').notNull(),
    /** Computed indicators: e.g. `addicts_reached / managed_addicts * 100`; null for stored ones. */
    formula: text('formula'),
    sensitivity: text('sensitivity').notNull(),
    descriptionVi: text('description_vi').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
    /** Level values are reported at: commune (summed up), or province (a province-wide figure). */
    reportingLevel: text('reporting_level').notNull().default('commune'),
    /** Breakdowns whose parts sum to the total: `[{ code, nameVi, parts: [{ code, nameVi }] }]`. */
    disaggregations: jsonb('disaggregations').notNull().default(sql`'[]'::jsonb`),
    /** The province that added this indicator (its administrators edit it); null = national catalogue. */
    provinceCode: text('province_code'),
    /** Retired: kept for the values already reported, no longer offered for reporting or new targets. */
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [
    check('indicators_area_agg_ck', sql`${t.areaAggregation} in ('sum', 'rate', 'max')`),
    check('indicators_time_agg_ck', sql`${t.timeAggregation} in ('sum', 'last', 'max', 'rate')`),
    check('indicators_sensitivity_ck', sql`${t.sensitivity} in ('public', 'internal', 'police')`),
    check('indicators_formula_ck', sql`(${t.areaAggregation} = 'rate') = (${t.formula} is not null)`),
    check('indicators_reporting_level_ck', sql`${t.reportingLevel} in ('commune', 'province')`),
  ],
);

/** Reporting periods: `2024`, `2024-H1`, `2024-Q3`, `2024-07`; end_date is the last day, inclusive. */
export const periods = pgTable(
  'periods',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
  },
  (t) => [check('periods_kind_ck', sql`${t.kind} in ('year', 'half', 'quarter', 'month')`)],
);

/** One value per (indicator, period, unit); stored at the reporting period (quarter) and unit level. */
export const indicatorValues = pgTable(
  'indicator_values',
  {
    indicatorCode: text('indicator_code')
      .notNull()
      .references(() => indicators.code),
    periodId: text('period_id')
      .notNull()
      .references(() => periods.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => adminUnits.id, { onDelete: 'cascade' }),
    value: doublePrecision('value').notNull(),
    source: text('source').notNull(),
    /** The row of the imported file the value was read from (1 = the file's first row); null otherwise. */
    sourceRow: integer('source_row'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // The primary key also carries `value` (INCLUDE, migration 0003) so the map's hot read is index-only. The
  // unit's own index serves the foreign key: deleting units (rolling back a boundary import of 3,321 communes)
  // otherwise scans every value once per unit — minutes on the demo's ~900.000 values.
  (t) => [
    primaryKey({ columns: [t.indicatorCode, t.periodId, t.unitId] }),
    index('indicator_values_unit_idx').on(t.unitId),
  ],
);

/** A recognised status of a commune: a decision with a date, a deciding body and a document number. */
export const communeStatusDecisions = pgTable(
  'commune_status_decisions',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => adminUnits.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    effectiveDate: date('effective_date').notNull(),
    /**
     * The year the decision assesses: recognitions decided in January–February are about the previous year
     * (An Giang's 2025 list came on 12/01/2026). A target for year Y reads the decisions assessing Y.
     */
    assessedYear: integer('assessed_year').notNull(),
    decidingBody: text('deciding_body').notNull(),
    documentNo: text('document_no').notNull(),
  },
  (t) => [
    uniqueIndex('commune_status_unit_date_uq').on(t.unitId, t.effectiveDate),
    index('commune_status_unit_assessed_idx').on(t.unitId, t.assessedYear, t.effectiveDate),
    check(
      'commune_status_assessed_ck',
      sql`${t.assessedYear} between extract(year from ${t.effectiveDate})::int - 1 and extract(year from ${t.effectiveDate})::int`,
    ),
    check(
      'commune_status_ck',
      sql`${t.status} in ('khong_ma_tuy', 'co_ma_tuy', 'trong_diem_III', 'trong_diem_II', 'trong_diem_I')`,
    ),
  ],
);

/** The hotspot register (điểm / tụ điểm). Coordinates are police-sensitive. */
export const hotspots = pgTable(
  'hotspots',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    kind: text('kind').notNull(),
    geom: geometry('geom', 'Point').notNull(),
    /** Commune (current units at registration) the hotspot lies in. */
    communeCode: text('commune_code').notNull(),
    detectedOn: date('detected_on').notNull(),
    eliminatedOn: date('eliminated_on'),
    reemergedOn: date('reemerged_on'),
    notes: text('notes').notNull().default(''),
  },
  (t) => [
    index('hotspots_geom_gist').using('gist', t.geom),
    index('hotspots_commune_idx').on(t.communeCode),
    check('hotspots_kind_ck', sql`${t.kind} in ('diem', 'tu_diem')`),
    check('hotspots_dates_ck', sql`${t.eliminatedOn} is null or ${t.eliminatedOn} >= ${t.detectedOn}`),
  ],
);

/** Facts about the loaded dataset (synthetic or imported, seed, generation time) shown in API meta. */
export const datasetMeta = pgTable('dataset_meta', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});
