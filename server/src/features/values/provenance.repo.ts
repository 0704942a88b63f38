import { partialShareSql } from '@pcmt/domain/crosswalk-share';
import type { Queryable } from '../../db/engine';

/**
 * Where a unit's value of a period came from: the stored values behind it (the unit's own, or else its
 * predecessors' through the crosswalk, as ONE VALUE PER UNIT in values.repo.ts reads them), grouped by
 * their source — an import (its id, file, the file rows, who and when), a report form entered in the app
 * (reporting cycle: its submission), the demo generator, or another writer — with whether the crosswalk
 * carried them and whether by a share (an estimate).
 */
export interface ValueSource {
  /**
   * `import`: a values import (a file); `form`: a report entered in the app and approved (reporting cycle);
   * `demo`: the synthetic demo generator; `other`: another writer (its tag).
   */
  kind: 'import' | 'form' | 'demo' | 'other';
  /** The stored `source` tag, e.g. `import:12:bao-cao-quy.csv` or `demo`. */
  tag: string;
  importId: number | null;
  fileName: string | null;
  actor: string | null;
  /** When the import was committed (ISO timestamp), or null. */
  importedAt: string | null;
  /** Rows of the imported file the values were read from (ascending, at most 20); empty when not a file. */
  rows: number[];
  /** The report submission whose approval wrote them (kind `form`), or null. */
  submissionId: number | null;
  /** Read from older units through the crosswalk. */
  crosswalk: boolean;
  /** Some of them by a partial crosswalk row (a share by area): an estimate. */
  estimated: boolean;
  /** How many stored values (indicator × quarter × unit) of this source are behind the figure. */
  values: number;
}

interface Row {
  periodId: string;
  tag: string;
  importId: number | null;
  fileName: string | null;
  actor: string | null;
  importedAt: string | null;
  rows: number[] | null;
  submissionId: number | null;
  crosswalk: boolean;
  estimated: boolean;
  values: number;
}

/** Sources of a commune's values per period, for the stored inputs `codes`. */
export async function communeSources(
  db: Queryable,
  q: { unitId: number; codes: readonly string[]; periodIds: readonly string[] },
): Promise<Map<string, ValueSource[]>> {
  const rows = await db.query<Row>(
    `with target_periods as (
       select p.id as period_id, qq.id as quarter_id
       from periods p
       join periods qq on qq.kind = 'quarter' and qq.start_date >= p.start_date and qq.end_date <= p.end_date
       where p.id = any($3::text[])
     ),
     own as (
       select v.indicator_code, v.period_id as quarter_id, v.source, v.source_row, false as crosswalk,
         false as estimated
       from indicator_values v
       where v.unit_id = $1 and v.indicator_code = any($2::text[])
         and v.period_id = any(array(select quarter_id from target_periods))
     ),
     via as (
       select v.indicator_code, v.period_id as quarter_id, v.source, v.source_row, true as crosswalk,
         ${partialShareSql('cw.weight')} as estimated
       from unit_crosswalk cw
       join indicator_values v on v.unit_id = cw.old_unit_id
       where cw.new_unit_id = $1 and v.indicator_code = any($2::text[])
         and v.period_id = any(array(select quarter_id from target_periods))
         and not exists (
           select 1 from own o where o.indicator_code = v.indicator_code and o.quarter_id = v.period_id
         )
     ),
     tagged as (
       select tp.period_id, x.source, x.source_row, x.crosswalk, x.estimated,
         case when x.source ~ '^import:[0-9]+:' then split_part(x.source, ':', 2)::int end as import_id
       from (select * from own union all select * from via) x
       join target_periods tp on tp.quarter_id = x.quarter_id
     )
     select t.period_id as "periodId", t.source as tag, t.import_id as "importId", i.file_name as "fileName",
       i.actor, to_char(i.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "importedAt",
       (array_agg(distinct t.source_row order by t.source_row) filter (where t.source_row is not null))[1:20]
         as rows,
       (i.summary ->> 'submission')::int as "submissionId",
       bool_or(t.crosswalk) as crosswalk, bool_or(t.estimated) as estimated, count(*)::int as values
     from tagged t
     left join imports i on i.id = t.import_id
     group by t.period_id, t.source, t.import_id, i.file_name, i.actor, i.created_at, i.summary
     order by t.period_id, count(*) desc, t.source`,
    [q.unitId, q.codes, q.periodIds],
  );
  const byPeriod = new Map<string, ValueSource[]>();
  for (const r of rows) {
    const list = byPeriod.get(r.periodId) ?? [];
    byPeriod.set(r.periodId, list);
    list.push({
      kind:
        r.importId === null
          ? r.tag === 'demo'
            ? 'demo'
            : 'other'
          : r.submissionId !== null
            ? 'form'
            : 'import',
      tag: r.tag,
      importId: r.importId,
      fileName: r.fileName,
      actor: r.actor,
      importedAt: r.importedAt,
      // A form's values carry the order of its fields, not rows of a file.
      rows: r.submissionId !== null ? [] : (r.rows ?? []),
      submissionId: r.submissionId,
      crosswalk: r.crosswalk,
      estimated: r.estimated,
      values: r.values,
    });
  }
  return byPeriod;
}
