import type { Queryable } from '../../db/engine';

/**
 * A values import goes through the reporting cycle's states: for every report form of the period's kind
 * that covers an imported commune and shares an indicator with the import, the commune's submission of the
 * period records the values now stored for the form's items — approved at once when the province office
 * marked the import so (locked, as an approved report), otherwise submitted (waiting for the province, even
 * when it had been approved: its values changed). Completeness then counts imported communes as received.
 * Returns how many submissions were recorded and for which forms.
 */
export async function recordImportSubmissions(
  tx: Queryable,
  input: { importId: number; period: string; approved: boolean; actor: string },
): Promise<{ forms: string[]; submissions: number }> {
  const rows = await tx.query<{ formCode: string }>(
    `with changed as (select distinct unit_id, indicator_code from import_value_changes where import_id = $1),
     forms as (
       select f.code, f.items, f.province_code from report_forms f join periods p on p.id = $2
       where p.kind = f.period_kind
         and exists (select 1 from jsonb_array_elements_text(f.items) i(code)
                     where i.code in (select indicator_code from changed))),
     rows as (
       select f.code as form_code, u.id as unit_id,
         (select jsonb_object_agg(i.code, v.value) from jsonb_array_elements_text(f.items) i(code)
            left join indicator_values v on v.unit_id = u.id and v.period_id = $2 and v.indicator_code = i.code)
           as values
       from forms f
       -- Forms are communes' reports: a province's own row (province-level indicators) records none.
       join admin_units u on u.id in (select unit_id from changed) and u.level = 'commune'
       where f.province_code is null or f.province_code = u.province_code)
     insert into report_submissions as s (form_code, unit_id, period_id, state, values, first_submitted_at,
       submitted_at, submitted_by, approved_at, approved_by, updated_at, updated_by)
     select r.form_code, r.unit_id, $2, $3, r.values, now(), now(), $4,
       case when $3 = 'approved' then now() end, case when $3 = 'approved' then $4 end, now(), $4
     from rows r
     on conflict (form_code, period_id, unit_id) do update set
       state = excluded.state, values = excluded.values,
       first_submitted_at = coalesce(s.first_submitted_at, excluded.first_submitted_at),
       submitted_at = excluded.submitted_at, submitted_by = excluded.submitted_by,
       approved_at = coalesce(excluded.approved_at, s.approved_at),
       approved_by = coalesce(excluded.approved_by, s.approved_by),
       return_comment = null, updated_at = excluded.updated_at, updated_by = excluded.updated_by
     returning s.form_code as "formCode"`,
    [input.importId, input.period, input.approved ? 'approved' : 'submitted', input.actor],
  );
  return { forms: [...new Set(rows.map((r) => r.formCode))].sort(), submissions: rows.length };
}
