import type { Queryable } from '../../db/engine';
import { validAt } from '../../lib/sql';

export interface StatusRow {
  code: string;
  status: 'khong_ma_tuy' | 'co_ma_tuy' | 'trong_diem_III' | 'trong_diem_II' | 'trong_diem_I';
  effectiveDate: string;
  document: string;
  decidingBody: string;
  derived: boolean;
}

/** Seriousness of a status, least first: a derived status takes the most serious of its predecessors'. */
const SEVERITY = `array['khong_ma_tuy','co_ma_tuy','trong_diem_III','trong_diem_II','trong_diem_I']`;

/** The latest decision on unit `id` in force at `$1` (the unique (unit, date) index, read backwards). */
const latestDecision = (id: string) => `(
  select d.status, d.effective_date, d.document_no, d.deciding_body
  from commune_status_decisions d
  where d.unit_id = ${id} and d.effective_date <= $1::date
  order by d.effective_date desc
  limit 1
)`;

/**
 * The status in force at `asOf` of every commune valid at `at`: its own latest decision, or — for a commune
 * with none yet, such as one formed on 1/7/2025 — the most serious latest status of its predecessors,
 * because a merged commune that contains a drug area is not drug-free.
 * Per commune, its own latest decision is one step down the (unit, date) index; the predecessors are read
 * only when it has none (`limit 1` over the two branches stops at the first row), so no decision of another
 * commune or another date is read.
 * `parentLevel` names the one indexed column `$3` is compared with; absent, a code is matched as either.
 */
const statusesSql = (parentLevel?: 'province' | 'district' | null) => `
  select t.code, x.status, to_char(x.effective_date, 'YYYY-MM-DD') as "effectiveDate",
    x.document_no as document, x.deciding_body as "decidingBody", x.derived
  from admin_units t
  cross join lateral (
    (select own.*, false as derived from ${latestDecision('t.id')} own)
    union all
    (select old.*, true as derived
     from unit_crosswalk cw
     cross join lateral ${latestDecision('cw.old_unit_id')} old
     where cw.new_unit_id = t.id
     order by array_position(${SEVERITY}, old.status) desc, old.effective_date desc
     limit 1)
    limit 1
  ) x
  where t.level = 'commune' and ${validAt('t', '$2')}
    and ${
      parentLevel === 'province'
        ? 't.province_code = $3'
        : parentLevel === 'district'
          ? 't.parent_code = $3'
          : '($3::text is null or t.parent_code = $3 or t.province_code = $3)'
    }`;

export async function communeStatuses(
  db: Queryable,
  q: { asOf: string; at: string; parent: string | null },
): Promise<StatusRow[]> {
  return db.query<StatusRow>(`${statusesSql()} order by t.code`, [q.asOf, q.at, q.parent]);
}

/**
 * The same rows as {@link communeStatuses}, as the JSON text of the `rows` array built by the database (one
 * text row: the embedded engine pays per row and per field, and nothing parses and re-serialises them), with
 * their count. `parentLevel` is the level of `parent` (null: the whole country).
 */
export async function communeStatusesJson(
  db: Queryable,
  q: { asOf: string; at: string; parent: string | null; parentLevel: 'province' | 'district' | null },
): Promise<{ json: string; count: number }> {
  const [row] = await db.query<{ json: string; count: number }>(
    `select coalesce(json_agg(json_build_object('code', s.code, 'status', s.status,
         'effectiveDate', s."effectiveDate", 'document', s.document, 'decidingBody', s."decidingBody",
         'derived', s.derived) order by s.code), '[]')::text as json,
       count(*)::int as count
     from (${statusesSql(q.parent ? q.parentLevel : null)}) s`,
    [q.asOf, q.at, q.parent],
  );
  return row ?? { json: '[]', count: 0 };
}
