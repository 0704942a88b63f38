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

/**
 * The status in force at `asOf` of every commune valid at `at`: its own latest decision, or — for a commune
 * with none yet, such as one formed on 1/7/2025 — the most serious latest status of its predecessors,
 * because a merged commune that contains a drug area is not drug-free.
 */
export async function communeStatuses(
  db: Queryable,
  q: { asOf: string; at: string; parent: string | null },
): Promise<StatusRow[]> {
  return db.query<StatusRow>(
    `with targets as (
       select u.id, u.code from admin_units u
       where u.level = 'commune' and ${validAt('u', '$2')}
         and ($3::text is null or u.parent_code = $3 or u.province_code = $3)
     ),
     sources as (
       select t.code, t.id as source_id, true as direct from targets t
       union all
       select t.code, cw.old_unit_id, false from targets t join unit_crosswalk cw on cw.new_unit_id = t.id
     ),
     latest as (
       select distinct on (s.code, s.source_id) s.code, s.direct, d.status, d.effective_date, d.document_no, d.deciding_body
       from sources s join commune_status_decisions d on d.unit_id = s.source_id and d.effective_date <= $1::date
       order by s.code, s.source_id, d.effective_date desc
     )
     select distinct on (code) code, status, to_char(effective_date, 'YYYY-MM-DD') as "effectiveDate",
       document_no as document, deciding_body as "decidingBody", not direct as derived
     from latest
     order by code, direct desc,
       array_position(array['khong_ma_tuy','co_ma_tuy','trong_diem_III','trong_diem_II','trong_diem_I'], status) desc,
       effective_date desc`,
    [q.asOf, q.at, q.parent],
  );
}
