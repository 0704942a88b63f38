import type { UnitLevel } from '@pcmt/domain/contracts/common';
import { partialShareSql } from '@pcmt/domain/crosswalk-share';
import { combineOverAreas } from '@pcmt/domain/indicator-semantics';
import type { Queryable } from '../../db/engine';
import { validAt } from '../../lib/sql';
import { type FormulaNode, formulaCodes, formulaSql, formulaTree, substitute } from '../indicators/formula';
import type { IndicatorRow } from '../indicators/indicators.repo';

/** A stored indicator to read, with how it combines over areas and over time. */
export interface StoredIndicator {
  code: string;
  areaAggregation: 'sum' | 'max';
  timeAggregation: 'sum' | 'last' | 'max';
  /**
   * The level the indicator is reported at (catalogue `reporting_level`); absent = commune. See PROVINCE-LEVEL
   * INDICATORS below.
   */
  reportingLevel?: 'commune' | 'province';
}

/*
 * PROVINCE-LEVEL INDICATORS (issue 15). Some figures exist only for a whole province: people in the provincial
 * rehabilitation facility, loans by the provincial bank. Their values are stored on the province's own unit
 * (indicator_values.unit_id = the province row of admin_units, imported on a row naming the province's code).
 * - At province level they are read from that unit, never from communes; totals over several provinces or
 *   the country combine the provinces' values by the indicator's area rule (sum | max), and quarters combine
 *   into a year by its kind (last for a stock, sum for a flow), exactly as for commune indicators.
 * - They are never spread over communes or districts (no share by population or area): asked at commune or
 *   district level, an indicator reported at province level has NO DATA AT THIS LEVEL — no rows, and the
 *   routes say so (`meta.noDataAtLevel`, `meta.reportingLevel`: "chỉ số báo cáo cấp tỉnh"), never 0 and
 *   never an error. The map then colours provinces instead.
 * - A computed indicator whose inputs include a province-level one is computed at province level only: its
 *   commune-level inputs are summed over the province's communes, its province-level inputs read from the
 *   province unit, then the formula is applied to these totals.
 * - Values stored on a province of an older version are not re-expressed on newer provinces (the crosswalk
 *   maps communes only).
 */

/** Whether any stored input is reported at province level (so the figure exists only for provinces). */
export const reportedAtProvince = (q: Pick<ValuesQuery, 'stored'>): boolean =>
  q.stored.some((s) => s.reportingLevel === 'province');

/** The codes of the stored inputs reported at province level (`$11` of valuesSql). */
const provinceLevelCodes = (q: Pick<ValuesQuery, 'stored'>): string[] =>
  q.stored.filter((s) => s.reportingLevel === 'province').map((s) => s.code);

/** A province-level figure asked at commune or district level: no data at this level (no statement run). */
const noDataAtLevel = (q: ValuesQuery): boolean => reportedAtProvince(q) && q.level !== 'province';

/**
 * What to compute: one indicator (stored, or computed by a formula over stored ones) for some periods,
 * on the units valid at `at`, grouped at `level`, optionally within `parent` or for one unit.
 */
export interface ValuesQuery {
  /** One stored indicator, or the stored inputs of a computed one. */
  stored: StoredIndicator[];
  /**
   * A computed indicator's formula over `stored` (computed indicators it reads already replaced by their
   * own formulas), applied to the inputs combined over areas and time: a ratio of totals, never a total of
   * ratios. Null for a stored indicator.
   */
  formula: FormulaNode | null;
  /**
   * One quarter read on the units of its own version: no time aggregation, and the crosswalk only for
   * units without a value of their own, so the database answers from the primary key's index (the map's
   * hot path).
   */
  direct: boolean;
  periodIds: string[];
  at: string;
  level: UnitLevel;
  parent: string | null;
  /** Level of `parent`: names the column to filter on, so the units' province index serves the query. */
  parentLevel: UnitLevel | null;
  unitCode: string | null;
  /** Units the caller may read (features/auth/jurisdiction.ts); null = all. */
  jurisdiction: { provinceCodes: string[]; communeIds: number[] } | null;
}

/**
 * Communes whose data the caller may read, at the grouping `$6`: each commune of the jurisdiction, but
 * district and province totals only from whole provinces, so no total includes another area's communes.
 */
const IN_JURISDICTION = `($9::text[] is null or u.province_code = any($9::text[])
    or ($6::text = 'commune' and u.id = any($10::int[])))`;

/** Units inside `$7`: by province or by district (one indexed column, never an OR of both). */
function insideParent(alias: string, parentLevel: UnitLevel | null): string {
  if (parentLevel === 'province') return `${alias}.province_code = $7`;
  if (parentLevel === 'district') return `${alias}.parent_code = $7`;
  return `$7::text is null`;
}

/*
 * ONE VALUE PER UNIT (one period, one version of each unit's value). A quarter can hold values on units of
 * two versions: reports that arrived before a boundary change was imported, or a late report on old units.
 * They are never added together. For each unit of the version in force at `at`, indicator and quarter:
 * - the value stored on that unit wins;
 * - only when it has none are the values of the older units it replaced read through the crosswalk
 *   (old value × weight, summed over the old units).
 * Totals over several units (districts, provinces, the country) combine these chosen values, so each unit
 * counts once. The crosswalk path (valuesSql) and the one-quarter direct path (directValuesSql) both follow
 * it, and every reader of values goes through them (map, table, series, status suggestions, study areas,
 * scorecards, briefings, public pages).
 */
/*
 * AREA COVERAGE (issue 15, "missing is not zero"). A total over an area (a district, a province) is the sum of
 * what its communes reported; when only some of them reported it must not pass as complete. Each row at
 * district or province level carries `reported` (communes of the group with a value of every commune-level
 * input in the period, their own or through the crosswalk) and `expected` (communes of the group valid at
 * `at`, within the caller's jurisdiction). The value stays the sum (or max, or formula) of what was reported;
 * a group where nothing was reported has no row (no data), as before. This is about areas; `partial` is about
 * time (quarters of the period without any value) — the two are independent. Commune rows carry neither (a
 * commune is its own report), nor do figures of an indicator reported at province level only.
 */
/**
 * The whole computation in one statement so the database does the joins and builds the JSON.
 * 1. target communes: communes valid at `at`, tagged with the code of the unit they count toward;
 * 2. each target commune gets one value per indicator and quarter (ONE VALUE PER UNIT above):
 *    the value stored on it, or else the values of the older units it replaced, through the crosswalk,
 *    multiplied by the crosswalk weight;
 * 3. combine over areas per quarter (sum | max), then over the quarters of each period
 *    (sum | last | max), then apply a computed indicator's formula (a 0 denominator or a missing input
 *    gives no value: "no data", never Infinity or 0).
 */
const valuesSql = (q: ValuesQuery) => `
with base as (
  select * from unnest($1::text[], $2::text[], $3::text[]) as b(code, area_agg, time_agg)
),
target_periods as (
  -- quarters: how many quarters the period spans (a period with fewer reported is partial, and says so,
  -- e.g. a year whose last quarters are not reported yet).
  select p.id as period_id, q.id as quarter_id, q.end_date as q_end,
    case p.kind when 'year' then 4 when 'half' then 2 else 1 end as quarters
  from periods p
  join periods q on q.kind = 'quarter' and q.start_date >= p.start_date and q.end_date <= p.end_date
  where p.id = any($4::text[])
),
targets as materialized (
  select u.id,
    case $6::text when 'commune' then u.code when 'province' then u.province_code else u.parent_code end as group_code
  from admin_units u
  where u.level = 'commune' and ${validAt('u', '$5')} and ${insideParent('u', q.parentLevel)}
    and ${IN_JURISDICTION}
),
scoped as (
  select id, group_code from targets where $8::text is null or group_code = $8
),
own as (
  select s.id as unit_id, s.group_code, v.indicator_code, v.period_id as quarter_id, v.value,
    false as estimated
  from scoped s
  join indicator_values v on v.unit_id = s.id
  where v.indicator_code = any($1::text[]) and not v.indicator_code = any($11::text[])
    -- Spelled out so the primary key's (indicator, period) prefix is searched, not every period's values.
    and v.period_id = any(array(select quarter_id from target_periods))
  union all
  -- PROVINCE-LEVEL INDICATORS (comment at the top): their values, on the province units, at province level.
  select p.id as unit_id, p.code as group_code, v.indicator_code, v.period_id as quarter_id, v.value,
    false as estimated
  from admin_units p
  join indicator_values v on v.unit_id = p.id
  where $6::text = 'province' and p.level = 'province' and ${validAt('p', '$5')}
    and ${insideParent('p', q.parentLevel)}
    and ($9::text[] is null or p.province_code = any($9::text[]))
    and ($8::text is null or p.code = $8)
    and v.indicator_code = any($11::text[])
    and v.period_id = any(array(select quarter_id from target_periods))
),
-- ONE VALUE PER UNIT (comment above valuesSql): older units' values only where the target unit has
-- none of its own for that indicator and quarter, so a late report on old units is never added on top.
-- A value carried by a partial crosswalk row (a share of an old unit's count, by area) is an estimate.
via_crosswalk as (
  select s.id as unit_id, s.group_code, v.indicator_code, v.period_id as quarter_id, v.value * cw.weight as value,
    ${partialShareSql('cw.weight')} as estimated
  from scoped s
  join unit_crosswalk cw on cw.new_unit_id = s.id
  join indicator_values v on v.unit_id = cw.old_unit_id
  where v.indicator_code = any($1::text[]) and not v.indicator_code = any($11::text[])
    and v.period_id = any(array(select quarter_id from target_periods))
    and not exists (
      select 1 from own o
      where o.unit_id = s.id and o.indicator_code = v.indicator_code and o.quarter_id = v.period_id
    )
),
on_targets as (
  select x.unit_id, x.indicator_code, tp.period_id, tp.q_end, tp.quarters, x.group_code, x.value, x.estimated
  from (select * from own union all select * from via_crosswalk) x
  join target_periods tp on tp.quarter_id = x.quarter_id
),
-- AREA COVERAGE (comment above valuesSql): communes of each group valid at the date asked, and those with a value of
-- every commune-level input in the period (own or through the crosswalk). Not for communes themselves, nor for
-- an indicator reported at province level only.
commune_inputs as (
  select count(distinct c)::int as n from unnest($1::text[]) c where not c = any($11::text[])
),
expected_units as (
  select group_code, count(*)::int as expected from scoped group by group_code
),
reported_units as (
  select r.period_id, r.group_code, count(*)::int as reported
  from (
    select o.period_id, o.group_code, o.unit_id
    from on_targets o
    where not o.indicator_code = any($11::text[])
    group by o.period_id, o.group_code, o.unit_id
    having count(distinct o.indicator_code) = (select n from commune_inputs)
  ) r
  group by r.period_id, r.group_code
),
-- Communes into areas by the area rule, then quarters into the period by the time rule: combineOverAreas
-- and combineOverTime of @pcmt/domain/indicator-semantics.
per_quarter as (
  select o.indicator_code, o.period_id, o.q_end, o.quarters, o.group_code,
    case b.area_agg when 'max' then max(o.value) else sum(o.value) end as value,
    bool_or(o.estimated) as estimated
  from on_targets o join base b on b.code = o.indicator_code
  group by o.indicator_code, o.period_id, o.q_end, o.quarters, o.group_code, b.area_agg
),
per_period as (
  select pq.indicator_code, pq.period_id, pq.group_code,
    case b.time_agg
      when 'sum' then sum(pq.value)
      when 'max' then max(pq.value)
      else (array_agg(pq.value order by pq.q_end desc))[1]
    end as value,
    case b.time_agg
      when 'last' then (array_agg(pq.estimated order by pq.q_end desc))[1]
      else bool_or(pq.estimated)
    end as estimated,
    count(*) < max(pq.quarters) as partial
  from per_quarter pq join base b on b.code = pq.indicator_code
  group by pq.indicator_code, pq.period_id, pq.group_code, b.time_agg
),
combined_groups as (
  select period_id, group_code as code, ${combined(q)} as value, bool_or(estimated) as estimated,
    bool_or(partial) as partial
  from per_period
  group by period_id, group_code
),
result as (${
  // Communes are their own groups: no coverage to count (and none of its cost on the communes' path).
  q.level === 'commune'
    ? `
  select g.*, null::int as reported, null::int as expected from combined_groups g`
    : `
  select g.*,
    case when (select n from commune_inputs) > 0 then coalesce(r.reported, 0) end as reported,
    case when (select n from commune_inputs) > 0 then e.expected end as expected
  from combined_groups g
  left join reported_units r on r.period_id = g.period_id and r.group_code = g.code
  left join expected_units e on e.group_code = g.code`
}
)`;

/** The value of a group: the stored indicator's, or the formula over its inputs' (codes at `$1`). */
function combined(q: ValuesQuery): string {
  return q.formula
    ? formulaSql(
        q.formula,
        q.stored.map((s) => s.code),
        '$1',
      )
    : 'max(value)';
}

function params(q: ValuesQuery): unknown[] {
  return [
    ...directParams(q),
    // $11: read from the province units (PROVINCE-LEVEL INDICATORS); valuesSql only.
    provinceLevelCodes(q),
  ];
}

function directParams(q: ValuesQuery): unknown[] {
  return [
    q.stored.map((s) => s.code),
    q.stored.map((s) => s.areaAggregation),
    q.stored.map((s) => s.timeAggregation),
    q.periodIds,
    q.at,
    q.level,
    q.parent,
    q.unitCode,
    q.jurisdiction?.provinceCodes ?? null,
    q.jurisdiction?.communeIds ?? null,
  ];
}

/**
 * The direct path: values of one quarter on the units valid at `at` (the version the quarter belongs to),
 * combined over areas only; a unit without a value of its own takes its predecessors' through the crosswalk.
 * One pass over the units, one join per stored indicator (its code a parameter the planner sees, so each
 * is an index-only range scan of the primary key, which carries `value`, joined by hash); the crosswalk is
 * read only for a unit without a value (`coalesce` evaluates its second argument only then). Each commune
 * is its own row on the map, so only totals over districts or provinces form groups; a computed indicator's
 * formula is applied to its inputs' totals. How each input combines over areas (sum | max) is written into
 * the text from the catalogue ($2 and $3 are named only so that every parameter has a type).
 */
const directValuesSql = (q: ValuesQuery) => {
  const areaAgg = (i: number) => (q.stored[i]?.areaAggregation === 'max' ? 'max' : 'sum');
  const inputs = q.stored.map((_, i) => i);
  const code = (i: number) => `($1::text[])[${i + 1}]`;
  const joins = inputs.map(
    (i) => `left join indicator_values own${i}
    on own${i}.indicator_code = ${code(i)} and own${i}.period_id = ($4::text[])[1] and own${i}.unit_id = u.id`,
  );
  // ONE VALUE PER UNIT (comment above valuesSql): the older units' values only when this unit has none.
  const value = (i: number) => `coalesce(own${i}.value, (
      select ${areaAgg(i)}(v.value * cw.weight)
      from unit_crosswalk cw
      join indicator_values v
        on v.indicator_code = ${code(i)} and v.period_id = ($4::text[])[1] and v.unit_id = cw.old_unit_id
      where cw.new_unit_id = u.id
    )) as v${i}`;
  // Estimated like on the crosswalk path: no value of its own, and a partial crosswalk row (a share by area)
  // carried one of the older units' values. Looked up only for a unit without a value of its own.
  const estimated = (i: number) => `case when own${i}.value is null then exists (
      select 1
      from unit_crosswalk cw
      join indicator_values v
        on v.indicator_code = ${code(i)} and v.period_id = ($4::text[])[1] and v.unit_id = cw.old_unit_id
      where cw.new_unit_id = u.id and ${partialShareSql('cw.weight')}
    ) else false end as e${i}`;
  // `offset 0` keeps the values computed once per unit (the crosswalk's subquery is not copied into every
  // expression that reads them).
  const perUnit = `per_unit as (
  select case $6::text when 'commune' then u.code when 'province' then u.province_code else u.parent_code end
      collate "C" as group_code,
    ${inputs.map(value).join(',\n    ')},
    ${inputs.map(estimated).join(',\n    ')}
  from admin_units u
  ${joins.join('\n  ')}
  where u.level = 'commune' and ${validAt('u', '$5')} and ${insideParent('u', q.parentLevel)}
    and ${IN_JURISDICTION}
    and $2::text[] is not null and $3::text[] is not null
  offset 0
)`;
  if (q.level === 'commune' && q.stored.length === 1 && !q.formula) {
    return `${perUnit},
result as (
  select group_code as code, v0 as value, e0 as estimated, null::int as reported, null::int as expected
  from per_unit where $8::text is null or group_code = $8
)`;
  }
  // Totals per group (a commune is its own group), then a computed indicator's formula over them, read as
  // rows (indicator_code, value) as combined() expects.
  return `${perUnit},
per_group as (
  select group_code, ${inputs.map((i) => `${areaAgg(i)}(v${i}) as v${i}`).join(', ')},
    bool_or(${inputs.map((i) => `(e${i} and v${i} is not null)`).join(' or ')}) as estimated,
    -- AREA COVERAGE (comment above valuesSql): communes with every input, of all communes of the group.
    count(*) filter (where ${inputs.map((i) => `v${i} is not null`).join(' and ')})::int as reported,
    count(*)::int as expected
  from per_unit
  where $8::text is null or group_code = $8
  group by group_code
),
result as (
  select g.group_code as code, ${combined(q)} as value, bool_or(g.estimated) as estimated,
    case when $6::text <> 'commune' then max(g.reported) end as reported,
    case when $6::text <> 'commune' then max(g.expected) end as expected
  from per_group g
  cross join lateral (values ${inputs.map((i) => `(${code(i)}, g.v${i})`).join(', ')}) as x(indicator_code, value)
  group by g.group_code
)`;
};

/** One row's JSON: `{code, value}`, with `estimated: true` when a partial crosswalk carried it. */
const rowJson = (q: ValuesQuery) => {
  const row = `'code', code, 'value', round(value::numeric, 4)::float8`;
  // Flags only when true: `estimated` (a partial crosswalk row carried it), `partial` (quarters missing; the
  // direct path reads exactly one quarter, never partial). The direct path flags its crosswalk fallback (a
  // late report on the older units) the same way.
  // AREA COVERAGE (comment above valuesSql): `reported`/`expected` on district and province rows only (null,
  // so absent, on commune rows: their bytes are unchanged).
  const coverage = `'reported', reported, 'expected', expected`;
  if (q.direct)
    return `json_strip_nulls(json_build_object(${row}, 'estimated', case when estimated then true end,
    ${coverage}))`;
  return `json_strip_nulls(json_build_object(${row}, 'estimated', case when estimated then true end,
    'partial', case when partial then true end, ${coverage}))`;
};

/** `[{code, value}]` for one period as a JSON text built by the database (the hot path of the map). */
export async function valuesJson(db: Queryable, q: ValuesQuery): Promise<{ json: string; count: number }> {
  if (q.direct && q.periodIds.length !== 1) throw new Error('the direct path reads exactly one quarter');
  if (noDataAtLevel(q)) return { json: '[]', count: 0 };
  // A province-level figure has a few dozen rows: the general statement reads them (the direct path is the
  // communes' hot path).
  const direct = q.direct && !reportedAtProvince(q);
  const rows = await db.query<{ json: string; count: number }>(
    `${direct ? `with ${directValuesSql(q)}` : valuesSql(q)}
     select coalesce(json_agg(${rowJson({ ...q, direct })} order by code collate "C"), '[]')::text as json,
       count(*)::int as count
     from result where value is not null`,
    direct ? directParams(q) : params(q),
  );
  return rows[0] ?? { json: '[]', count: 0 };
}

/**
 * Several areas' rows combined into one value per period, by the indicator's area rule: a count sums, a peak
 * takes the largest. (A rate is never combined itself: combine its numerator and denominator, then divide.)
 * It applies `combineOverAreas` of @pcmt/domain/indicator-semantics (the one area rule) to each period's values.
 */
export function combineAreasPerPeriod(
  rows: ReadonlyArray<{ periodId: string; value: number }>,
  areaAggregation: StoredIndicator['areaAggregation'],
): Map<string, number> {
  const perPeriod = new Map<string, number[]>();
  for (const r of rows) {
    const values = perPeriod.get(r.periodId) ?? [];
    perPeriod.set(r.periodId, values);
    values.push(r.value);
  }
  const combined = new Map<string, number>();
  for (const [periodId, values] of perPeriod) {
    const value = combineOverAreas(areaAggregation, values);
    if (value !== null) combined.set(periodId, value);
  }
  return combined;
}

/** Values of each (period, unit) as rows: for series and for callers that compute on them. */
export async function valueRows(
  db: Queryable,
  q: ValuesQuery,
): Promise<
  Array<{
    periodId: string;
    code: string;
    value: number;
    estimated: boolean;
    partial: boolean;
    /** AREA COVERAGE (comment above valuesSql): null for communes and province-level figures. */
    reported: number | null;
    expected: number | null;
  }>
> {
  if (noDataAtLevel(q)) return [];
  return db.query(
    `${valuesSql(q)}
     select period_id as "periodId", code, round(value::numeric, 4)::float8 as value,
       coalesce(estimated, false) as estimated, coalesce(partial, false) as partial, reported, expected
     from result where value is not null order by code, period_id`,
    params(q),
  );
}

/**
 * The stored indicators an indicator is computed from, with its formula expanded down to them (a computed
 * indicator read by another is replaced by its own formula), or null when the catalogue is inconsistent.
 */
export function storedInputs(
  indicator: IndicatorRow,
  catalogue: ReadonlyMap<string, IndicatorRow>,
): Pick<ValuesQuery, 'stored' | 'formula'> | null {
  const asStored = (row: IndicatorRow | undefined): StoredIndicator | null =>
    row && row.areaAggregation !== 'rate' && row.timeAggregation !== 'rate'
      ? {
          code: row.code,
          areaAggregation: row.areaAggregation,
          timeAggregation: row.timeAggregation,
          ...(row.reportingLevel === 'province' ? { reportingLevel: 'province' as const } : {}),
        }
      : null;
  if (!indicator.formula) {
    const stored = asStored(indicator);
    return stored ? { stored: [stored], formula: null } : null;
  }
  let broken = false;
  const expand = (code: string, depth: number): FormulaNode => {
    const row = catalogue.get(code);
    if (row?.formula && depth < 20) return substitute(formulaTree(row.formula), (c) => expand(c, depth + 1));
    if (!asStored(row)) broken = true;
    return { op: 'ref', code };
  };
  const formula = substitute(formulaTree(indicator.formula), (c) => expand(c, 0));
  const stored = formulaCodes(formula).map((c) => asStored(catalogue.get(c)));
  if (broken || stored.some((s) => s === null)) return null;
  return { stored: stored as StoredIndicator[], formula };
}
