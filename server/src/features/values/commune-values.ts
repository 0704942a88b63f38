import type { Database, Queryable } from '../../db/engine';
import { generationsOf } from '../../lib/data-generations';
import { type Commune, communesAt, crosswalkedValues, ownValuePairs } from './commune-values.repo';
import type { ValuesQuery } from './values.repo';

/**
 * THE MAP'S HOT PATH (issue 19): one stored indicator, one quarter, every commune of a version (or of a
 * province, a district, a jurisdiction), the answer `[{code, value}]` byte for byte as valuesJson builds it.
 *
 * Measured on the demo (3,321 communes): the general statement spends its time joining the communes of the
 * version (13,355 index entries of every version scanned, 10,034 filtered out), sorting by code and building
 * one JSON object per row; the values themselves are one index-only range scan of the primary key
 * (indicator, period → unit, INCLUDE value), about 0.5 ms. So:
 * - the communes of a version — id, code, province, district, in code order — are read once per `at` and
 *   kept until a units change (data-generations.ts) — "per-version unit lists prepared once";
 * - the database reads only the range of the primary key and answers ONE text row, `unit value` pairs, with
 *   the value already written as valuesJson writes it (`round(value::numeric, 4)::float8`, an integer below
 *   1e15 written directly — the same text); one row, because each row costs more than its bytes on the
 *   embedded engine;
 * - the JSON is assembled here in code order from the kept list: no join, no sort, no JSON function;
 * - ONE VALUE PER UNIT (values.repo.ts) holds: only the communes without a value of their own are looked up
 *   through the crosswalk, by a second statement run only when there are such communes.
 */

/** A few dates are asked for (each period's end, today): keep the last ones. */
const MAX_DATES = 24;

export interface CommuneLists {
  at(date: string): Promise<readonly Commune[]>;
}

const lists = new WeakMap<Database, CommuneLists>();

/** The communes of each date asked, kept per database until this process notices a units change. */
export function communeListsFor(db: Database): CommuneLists {
  const found = lists.get(db);
  if (found) return found;
  const byDate = new Map<string, Promise<readonly Commune[]>>();
  let generation = 0;
  generationsOf(db).onChange((changed) => {
    if (!changed.has('units')) return;
    generation++;
    byDate.clear();
  });
  const created: CommuneLists = {
    at(date) {
      const hit = byDate.get(date);
      if (hit) return hit;
      const started = generation;
      const list = communesAt(db, date);
      byDate.set(date, list);
      if (byDate.size > MAX_DATES) byDate.delete(byDate.keys().next().value as string);
      list.then(
        () => {
          // A list read across a units change may be stale: read again next time.
          if (started !== generation) byDate.delete(date);
        },
        () => byDate.delete(date),
      );
      return list;
    },
  };
  lists.set(db, created);
  return created;
}

/** Whether valuesJson's answer may come from {@link communeValuesJson}. */
export const isHotPath = (q: ValuesQuery): boolean =>
  q.direct &&
  q.level === 'commune' &&
  q.formula === null &&
  q.stored.length === 1 &&
  q.stored[0]?.reportingLevel !== 'province' &&
  q.periodIds.length === 1;

/** The commune rows of the query, from the kept list: inside the parent, in the jurisdiction, the one unit. */
function communesOf(all: readonly Commune[], q: ValuesQuery): readonly Commune[] {
  const j = q.jurisdiction;
  const provinces = j ? new Set(j.provinceCodes) : null;
  const communes = j ? new Set(j.communeIds) : null;
  if (!q.parent && !j && !q.unitCode) return all;
  return all.filter(
    (u) =>
      (q.parentLevel === 'province' ? u.provinceCode === q.parent : true) &&
      (q.parentLevel === 'district' ? u.parentCode === q.parent : true) &&
      (!provinces || provinces.has(u.provinceCode) || communes?.has(u.id)) &&
      (!q.unitCode || u.code === q.unitCode),
  );
}

/**
 * `[{code, value}]` (and `estimated: true` where a partial crosswalk row carried the value) for the hot path
 * ({@link isHotPath}): the same text valuesJson gives for the same query.
 */
export async function communeValuesJson(
  db: Queryable,
  lists: CommuneLists,
  q: ValuesQuery,
): Promise<{ json: string; count: number }> {
  const code = q.stored[0]?.code ?? '';
  const period = q.periodIds[0] ?? '';
  const units = communesOf(await lists.at(q.at), q);
  if (units.length === 0) return { json: '[]', count: 0 };
  // A province or district reads its communes' range only; the country reads the whole range.
  const some = units.length < 1000 ? units.map((u) => u.id) : null;
  const values = await ownValuePairs(db, code, period, some);
  // ONE VALUE PER UNIT: the older units' values, only for communes without a value of their own.
  const missing = units.filter((u) => !values.has(u.id)).map((u) => u.id);
  const estimated = new Set<number>();
  if (missing.length > 0) {
    const aggregation = q.stored[0]?.areaAggregation === 'max' ? 'max' : 'sum';
    const carried = await crosswalkedValues(db, code, period, missing, aggregation);
    for (const c of carried) {
      values.set(c.id, c.value);
      if (c.estimated) estimated.add(c.id);
    }
  }
  const parts: string[] = [];
  for (const u of units) {
    const value = values.get(u.id);
    if (value === undefined) continue;
    parts.push(
      `{"code":${JSON.stringify(u.code)},"value":${value}${estimated.has(u.id) ? ',"estimated":true' : ''}}`,
    );
  }
  return { json: parts.length > 0 ? `[${parts.join(', ')}]` : '[]', count: parts.length };
}
