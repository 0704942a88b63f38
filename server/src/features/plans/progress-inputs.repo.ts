import type { UnitLevel } from '@pcmt/domain/contracts/common';
import type { TargetDefinition } from '@pcmt/domain/contracts/plans';
import { dayBefore } from '@pcmt/domain/periods';
import type { Queryable } from '../../db/engine';
import { versionAt } from '../../lib/version-at';
import type { AreaInputs, HotspotRecord, KeptObservation, StatusObservation } from '../progress/inputs';
import { getOrInsert } from '../progress/inputs';
import type { InputNeeds } from '../progress/needs';
import type { ReferenceData } from '../reference/reference-cache';
import { valueRows, valuesJson } from '../values/values.repo';

/**
 * Fetches what the pure progress computation reads, for the child units of a scope (or the scope alone).
 * Units may belong to any unit version: a plan made for a pre-2025 district keeps its meaning after the
 * 2025 reorganisation because each input is carried across the change through `unit_crosswalk`:
 * - indicator values: the values machinery (`valueRows`) re-expresses older quarters on newer units;
 *   quarters reported after an old unit ceased are read on the new communes and attributed to it by the
 *   share of each new commune's area that lies in it (`successorShares`);
 * - statuses: on each snapshot date, the communes in force then, weighted by the share inside the unit;
 * - hotspots: by the commune they were registered in (current units) or by location (older units).
 */

export interface AreaUnit {
  id: number;
  code: string;
  name: string;
  level: UnitLevel;
  validFrom: string;
  validTo: string | null;
  provinceCode: string;
  parentCode: string | null;
  /** The province the unit lies in, by name, in the unit's own version (a district's "Thành phố Hà Nội"). */
  provinceName: string | null;
}

const UNIT_COLUMNS = `u.id, u.code, u.full_name as name, u.level, to_char(u.valid_from, 'YYYY-MM-DD') as "validFrom",
  to_char(u.valid_to, 'YYYY-MM-DD') as "validTo", u.province_code as "provinceCode", u.parent_code as "parentCode",
  (select p.full_name from admin_units p where p.level = 'province' and p.code = u.province_code
     and p.valid_from <= u.valid_from and (p.valid_to is null or p.valid_to > u.valid_from) limit 1) as "provinceName"`;

export async function unitById(db: Queryable, id: number): Promise<AreaUnit | undefined> {
  return (await db.query<AreaUnit>(`select ${UNIT_COLUMNS} from admin_units u where u.id = $1`, [id]))[0];
}

export function unitsById(db: Queryable, ids: readonly number[]): Promise<AreaUnit[]> {
  return db.query<AreaUnit>(`select ${UNIT_COLUMNS} from admin_units u where u.id = any($1::int[])`, [ids]);
}

/** The unit with this code on a date, any level (codes are unique within a version). */
export async function unitOn(db: Queryable, code: string, on: string): Promise<AreaUnit | undefined> {
  const rows = await db.query<AreaUnit>(
    `select ${UNIT_COLUMNS} from admin_units u
     where u.code = $1 and u.valid_from <= $2::date and (u.valid_to is null or u.valid_to > $2::date)
     order by case u.level when 'province' then 0 when 'district' then 1 else 2 end limit 1`,
    [code, on],
  );
  return rows[0];
}

/**
 * The units a scorecard's columns show: the provinces in force on `asOf` for the whole country, otherwise
 * the children of the scope in its own version (districts of a pre-2025 province, communes of a district
 * or of a current province). A commune has no children.
 */
export async function childUnits(db: Queryable, scope: AreaUnit | null, asOf: string): Promise<AreaUnit[]> {
  if (!scope) {
    return db.query<AreaUnit>(
      `select ${UNIT_COLUMNS} from admin_units u where u.level = 'province'
         and u.valid_from <= $1::date and (u.valid_to is null or u.valid_to > $1::date) order by u.code`,
      [asOf],
    );
  }
  if (scope.level === 'commune') return [];
  return db.query<AreaUnit>(
    `select ${UNIT_COLUMNS} from admin_units u
     where u.level = $1 and u.valid_from <= $2::date and (u.valid_to is null or u.valid_to > $2::date)
       and ${scope.level === 'province' ? 'u.province_code = $3' : 'u.parent_code = $3'}
     order by u.code`,
    [
      scope.level === 'province' && scope.validTo === null ? 'commune' : nextLevel(scope.level),
      scope.validFrom,
      scope.code,
    ],
  );
}

const nextLevel = (level: UnitLevel): UnitLevel => (level === 'province' ? 'district' : 'commune');

/**
 * Inputs of every area: each of `areas` (all of one level and version, children of `parent` or, when
 * `parent` is null, everything of that level) keyed by code.
 */
export async function fetchAreaInputs(
  db: Queryable,
  ref: ReferenceData,
  areas: readonly AreaUnit[],
  parent: AreaUnit | null,
  needs: InputNeeds,
  asOf: string,
): Promise<Map<string, AreaInputs>> {
  const result = new Map<string, AreaInputs>();
  const first = areas[0];
  if (!first) return result;
  const values = new Map<string, Map<string, Map<string, number>>>();
  const estimated = new Map<string, Set<string>>();
  for (const a of areas) {
    values.set(a.code, new Map());
    estimated.set(a.code, new Set());
  }
  if (needs.storedIndicators.length > 0 && needs.quarterIds.length > 0) {
    await readValues(db, ref, areas, parent, needs, asOf, values, estimated);
  }
  const statuses =
    needs.statusDates.length > 0
      ? await statusSnapshots(db, areas, needs.statusDates, needs.perCommuneStatuses, asOf)
      : [];
  const kept = new Map<string, Array<KeptObservation & { area: string }>>();
  for (const k of needs.keepTargets)
    kept.set(k.code, await keptMembers(db, areas, k.definition, needs.statusDates, asOf));
  const hotspots = needs.hotspots ? await hotspotsIn(db, areas) : [];

  const byArea = <T extends { area: string }>(rows: readonly T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) {
      const list = getOrInsert(m, r.area, () => []);
      list.push(r);
    }
    return m;
  };
  const statusByArea = byArea(statuses);
  const hotspotsByArea = byArea(hotspots);
  const keptByArea = new Map([...kept].map(([code, rows]) => [code, byArea(rows)] as const));
  for (const a of areas) {
    result.set(a.code, {
      code: a.code,
      name: a.name,
      values: values.get(a.code) ?? new Map(),
      estimatedQuarters: estimated.get(a.code) ?? new Set(),
      statuses: (statusByArea.get(a.code) ?? []).map(({ area: _, ...row }) => row),
      kept: new Map(
        [...keptByArea].map(([code, m]) => [code, (m.get(a.code) ?? []).map(({ area: _, ...row }) => row)]),
      ),
      hotspots: (hotspotsByArea.get(a.code) ?? []).map(({ detectedOn, eliminatedOn, reemergedOn }) => ({
        detectedOn,
        eliminatedOn,
        reemergedOn,
      })),
    });
  }
  return result;
}

async function readValues(
  db: Queryable,
  ref: ReferenceData,
  areas: readonly AreaUnit[],
  parent: AreaUnit | null,
  needs: InputNeeds,
  asOf: string,
  values: Map<string, Map<string, Map<string, number>>>,
  estimated: Map<string, Set<string>>,
) {
  const first = areas[0];
  if (!first) return;
  const quarters = needs.quarterIds.flatMap((id) => ref.periods.get(id) ?? []);
  // Quarters up to the end of the areas' version are read on them (through the crosswalk when reported on
  // older units); later ones exist only on newer units and are attributed back by area shares.
  const onVersion = quarters.filter((q) => first.validTo === null || q.endDate < first.validTo);
  const after = quarters.filter((q) => first.validTo !== null && q.endDate >= first.validTo);
  const at = first.validTo === null ? asOf : dayBefore(first.validTo);
  const single = areas.length === 1 && parent === null ? first : null;
  const put = (area: string, indicator: string, quarter: string, value: number) => {
    const byIndicator = values.get(area);
    if (!byIndicator) return;
    const byQuarter = getOrInsert(byIndicator, indicator, () => new Map());
    byQuarter.set(quarter, (byQuarter.get(quarter) ?? 0) + value);
  };
  const crosswalked = new Set(onVersion.filter((q) => q.startDate < first.validFrom).map((q) => q.id));
  for (const a of areas) for (const q of crosswalked) estimated.get(a.code)?.add(q);
  const shares = after.length > 0 ? await successorShares(db, areas) : [];
  // Provinces on today's units, with quarters reported on the previous version: when no old province was
  // split, their totals re-express exactly, without the commune-level crosswalk (the costliest read).
  const previousVersion = versionAt(ref.communeVersions, dayBefore(first.validFrom));
  const mergedWhole =
    first.level === 'province' &&
    first.validTo === null &&
    [...crosswalked].every((id) => {
      const q = ref.periods.get(id);
      return q !== undefined && versionAt(ref.communeVersions, q.startDate) === previousVersion;
    })
      ? await provincesMergedWhole(db, dayBefore(first.validFrom), first.validFrom)
      : null;
  const newProvinces = [...new Set(shares.map((s) => s.provinceCode))];
  // One query per indicator (a rate's parts are read separately so areas sum them); a server runs them at once.
  const readIndicator = async (code: string) => {
    const indicator = ref.indicators.get(code);
    if (!indicator || indicator.areaAggregation === 'rate' || indicator.timeAggregation === 'rate') return;
    const stored = [
      { code, areaAggregation: indicator.areaAggregation, timeAggregation: indicator.timeAggregation },
    ];
    const query = {
      stored,
      formula: null,
      at,
      level: first.level,
      parent: single ? single.provinceCode : (parent?.code ?? null),
      parentLevel: single ? ('province' as const) : (parent?.level ?? null),
      unitCode: single ? single.code : null,
      jurisdiction: null,
    };
    // Quarters reported on the areas' own version take the machinery's index-only path one at a time;
    // older ones go through the crosswalk together.
    const direct = onVersion.filter((q) => !crosswalked.has(q.id));
    const viaCrosswalk = onVersion.filter((q) => crosswalked.has(q.id));
    for (const q of direct) {
      const { json } = await valuesJson(db, { ...query, direct: true, periodIds: [q.id] });
      for (const r of JSON.parse(json) as Array<{ code: string; value: number }>)
        put(r.code, code, q.id, r.value);
    }
    if (viaCrosswalk.length > 0 && mergedWhole) {
      // Every old province went whole into one current province: its total is the part of the new one's.
      for (const q of viaCrosswalk) {
        const { json } = await valuesJson(db, {
          ...query,
          at: dayBefore(first.validFrom),
          parent: null,
          parentLevel: null,
          unitCode: null,
          direct: true,
          periodIds: [q.id],
        });
        for (const r of JSON.parse(json) as Array<{ code: string; value: number }>) {
          const into = mergedWhole.get(r.code);
          if (into) put(into, code, q.id, r.value);
        }
      }
    } else if (viaCrosswalk.length > 0) {
      const rows = await valueRows(db, { ...query, direct: false, periodIds: viaCrosswalk.map((q) => q.id) });
      for (const r of rows) put(r.code, code, r.periodId, r.value);
    }
    for (const province of newProvinces) {
      const rows = await valueRows(db, {
        stored,
        formula: null,
        direct: false,
        periodIds: after.map((q) => q.id),
        at: asOf,
        level: 'commune',
        parent: province,
        parentLevel: 'province',
        unitCode: null,
        jurisdiction: null,
      });
      const byCommune = new Map<string, Array<{ periodId: string; value: number }>>();
      for (const r of rows) {
        const list = getOrInsert(byCommune, r.code, () => []);
        list.push(r);
      }
      for (const s of shares) {
        if (s.provinceCode !== province) continue;
        for (const r of byCommune.get(s.commune) ?? []) {
          put(s.area, code, r.periodId, s.share * r.value);
          estimated.get(s.area)?.add(r.periodId);
        }
      }
    }
  };
  await Promise.all(needs.storedIndicators.map(readIndicator));
}

/**
 * Old province code → the current province it went into, when every province valid on `oldOn` went whole
 * into one province valid on `newOn` (the 2025 reorganisation merged provinces without splitting them);
 * null as soon as one was split, so callers fall back to the commune-level crosswalk.
 */
async function provincesMergedWhole(
  db: Queryable,
  oldOn: string,
  newOn: string,
): Promise<Map<string, string> | null> {
  const rows = await db.query<{ oldCode: string; newCode: string | null; links: number; full: boolean }>(
    `select o.code as "oldCode", min(n.code) as "newCode", count(n.id)::int as links,
       bool_and(cw.kind = 'full') as full
     from admin_units o
     left join unit_crosswalk cw on cw.old_unit_id = o.id
     left join admin_units n on n.id = cw.new_unit_id and n.level = 'province'
       and n.valid_from <= $2::date and (n.valid_to is null or n.valid_to > $2::date)
     where o.level = 'province' and o.valid_from <= $1::date and (o.valid_to is null or o.valid_to > $1::date)
     group by o.code`,
    [oldOn, newOn],
  );
  if (rows.length === 0 || rows.some((r) => r.links !== 1 || !r.full || r.newCode === null)) return null;
  return new Map(rows.map((r) => [r.oldCode, r.newCode ?? '']));
}

/**
 * `own`: the communes of each area in the area's own version. Areas of one call share a level, so the join
 * names one indexed column (a CASE over the level would defeat the units' indexes).
 */
const ownCommunes = (level: UnitLevel) => `
children as (
  select c.id, c.code, c.level, c.valid_from, c.valid_to from admin_units c where c.id = any($1::int[])
),
own as materialized (
  select ch.id as child_id, ch.code as area, u.id as commune_id, u.area_km2
  from children ch
  join admin_units u on u.level = 'commune'
    and u.valid_from <= ch.valid_from and (u.valid_to is null or u.valid_to > ch.valid_from)
    and ${level === 'province' ? 'u.province_code = ch.code' : level === 'district' ? 'u.parent_code = ch.code' : 'u.id = ch.id'}
)`;

const levelOf = (areas: readonly AreaUnit[]): UnitLevel => areas[0]?.level ?? 'commune';

/**
 * For areas whose version has ended: each newer commune that took part of them, with the share of that
 * commune's area lying in the area (crosswalk weights are area shares of the old communes).
 */
async function successorShares(db: Queryable, areas: readonly AreaUnit[]) {
  return db.query<{ area: string; commune: string; provinceCode: string; share: number }>(
    `with ${ownCommunes(levelOf(areas))}
     select o.area, n.code as commune, n.province_code as "provinceCode",
       least(1, sum(cw.weight * o.area_km2) / nullif(max(n.area_km2), 0))::float8 as share
     from own o
     join unit_crosswalk cw on cw.old_unit_id = o.commune_id
     join admin_units n on n.id = cw.new_unit_id and n.level = 'commune'
     group by o.area, n.code, n.province_code`,
    [areas.map((a) => a.id)],
  );
}

/**
 * The decision standing for a commune on date `day`, as the committees read it and as known on `asOf`: the
 * latest assessment of a year up to `day`'s year. A recognition assesses a year (decisions of January–
 * February assess the previous one), so the status at the end of 2023 is the decision about 2023 even when
 * it was issued in January 2024, and the start of 2023 reads the one about 2022 issued in January 2023.
 * Within a year, a decision about that year counts from its date; at the year's end it counts whenever it came.
 */
const assessedStatus = (unit: string, day: string, asOf: string) => `(
  select x.status from commune_status_decisions x
  where x.unit_id = ${unit} and x.effective_date <= ${asOf}
    and (x.assessed_year < extract(year from ${day})::int
      or (x.assessed_year = extract(year from ${day})::int
        and (x.effective_date <= ${day} or to_char(${day}, 'MM-DD') = '12-31')))
  order by x.assessed_year desc, x.effective_date desc limit 1
)`;

/**
 * The decided status of every commune covering each area on each date: the area's own communes while its
 * version is in force; otherwise the communes in force then, weighted by the share of them inside it.
 */
async function statusSnapshots(
  db: Queryable,
  areas: readonly AreaUnit[],
  dates: readonly string[],
  perCommune: boolean,
  asOf: string,
): Promise<Array<StatusObservation & { area: string }>> {
  // Summed per status unless a target follows single communes: a national snapshot is 17,000 communes.
  const commune = perCommune ? 'c.commune_id::text' : `'*'`;
  return db.query(
    `with ${ownCommunes(levelOf(areas))},
     dates as (select unnest($2::date[]) as d),
     covered as (
       select d.d, o.area, o.commune_id, 1.0::float8 as weight, false as estimated
       from dates d join children ch on ch.valid_from <= d.d and (ch.valid_to is null or ch.valid_to > d.d)
       join own o on o.child_id = ch.id
       union all
       select d.d, o.area, cw.new_unit_id, least(1, sum(cw.weight * o.area_km2) / nullif(max(n.area_km2), 0))::float8, true
       from dates d join children ch on ch.valid_to <= d.d
       join own o on o.child_id = ch.id
       join unit_crosswalk cw on cw.old_unit_id = o.commune_id
       join admin_units n on n.id = cw.new_unit_id and n.level = 'commune'
         and n.valid_from <= d.d and (n.valid_to is null or n.valid_to > d.d)
       group by d.d, o.area, cw.new_unit_id
       union all
       select d.d, o.area, cw.old_unit_id, sum(cw.weight)::float8, true
       from dates d join children ch on ch.valid_from > d.d
       join own o on o.child_id = ch.id
       join unit_crosswalk cw on cw.new_unit_id = o.commune_id
       join admin_units p on p.id = cw.old_unit_id and p.level = 'commune'
         and p.valid_from <= d.d and (p.valid_to is null or p.valid_to > d.d)
       group by d.d, o.area, cw.old_unit_id
     )
     select to_char(c.d, 'YYYY-MM-DD') as date, c.area, ${commune} as commune, sum(c.weight)::float8 as weight,
       s.status, c.estimated
     from covered c
     left join lateral ${assessedStatus('c.commune_id', 'c.d', '$3::date')} s on true
     group by 1, 2, 3, 5, 6`,
    [areas.map((a) => a.id), dates, asOf],
  );
}

/**
 * Members of a keep_status set, placed in the area containing them, and their status on each date: the
 * member itself while it exists, then its successors weighted by the crosswalk (the member's share in each).
 */
async function keptMembers(
  db: Queryable,
  areas: readonly AreaUnit[],
  def: Extract<TargetDefinition, { kind: 'keep_status' }>,
  dates: readonly string[],
  asOf: string,
): Promise<Array<KeptObservation & { area: string }>> {
  const setDate = def.units.type === 'codes' ? def.units.validOn : def.units.date;
  return db.query(
    `with areas as (select a.id, a.code, a.geom from admin_units a where a.id = any($1::int[])),
     candidates as (
       select u.id, u.code, u.label_point, u.valid_to from admin_units u
       where u.level = 'commune' and u.valid_from <= $2::date and (u.valid_to is null or u.valid_to > $2::date)
         and ($3::text[] is null or u.code = any($3::text[]))
     ),
     members as (
       select c.id, c.code, c.valid_to, a.code as area
       from candidates c join areas a on ST_Intersects(a.geom, c.label_point)
       where $4::text[] is null or ${assessedStatus('c.id', '$2::date', '$6::date')} = any($4::text[])
     ),
     dates as (select unnest($5::date[]) as d),
     covered as (
       select d.d, m.area, m.code as member, m.id as commune_id, 1.0::float8 as weight, false as estimated
       from members m join dates d on d.d >= $2::date and (m.valid_to is null or m.valid_to > d.d)
       union all
       select d.d, m.area, m.code, cw.new_unit_id, cw.weight, true
       from members m join dates d on m.valid_to <= d.d
       join unit_crosswalk cw on cw.old_unit_id = m.id
       join admin_units n on n.id = cw.new_unit_id and n.level = 'commune'
         and n.valid_from <= d.d and (n.valid_to is null or n.valid_to > d.d)
     )
     select to_char(c.d, 'YYYY-MM-DD') as date, c.area, c.member, c.weight, s.status, c.estimated
     from covered c
     left join lateral ${assessedStatus('c.commune_id', 'c.d', '$6::date')} s on true`,
    [
      areas.map((a) => a.id),
      setDate,
      def.units.type === 'codes' ? def.units.codes : null,
      def.units.type === 'status_on' ? def.units.statuses : null,
      dates,
      asOf,
    ],
  );
}

/**
 * Hotspots of each area: for areas of the current version by the commune they were registered in, for
 * older areas by location (the register records current communes only).
 */
async function hotspotsIn(
  db: Queryable,
  areas: readonly AreaUnit[],
): Promise<Array<HotspotRecord & { area: string }>> {
  const dated = `to_char(h.detected_on, 'YYYY-MM-DD') as "detectedOn", to_char(h.eliminated_on, 'YYYY-MM-DD') as "eliminatedOn",
    to_char(h.reemerged_on, 'YYYY-MM-DD') as "reemergedOn"`;
  const current = areas.filter((a) => a.validTo === null);
  const older = areas.filter((a) => a.validTo !== null);
  const rows: Array<HotspotRecord & { area: string }> = [];
  if (current.length > 0) {
    rows.push(
      ...(await db.query<HotspotRecord & { area: string }>(
        `select a.code as area, ${dated}
         from admin_units a
         join admin_units c on c.level = 'commune' and c.valid_to is null
           and case a.level when 'province' then c.province_code = a.code else c.code = a.code end
         join hotspots h on h.commune_code = c.code
         where a.id = any($1::int[])`,
        [current.map((a) => a.id)],
      )),
    );
  }
  if (older.length > 0) {
    rows.push(
      ...(await db.query<HotspotRecord & { area: string }>(
        `select a.code as area, ${dated}
         from admin_units a join hotspots h on ST_Intersects(a.geom, h.geom)
         where a.id = any($1::int[])`,
        [older.map((a) => a.id)],
      )),
    );
  }
  return rows;
}
