import type { Queryable } from '../../db/engine';
import { validAt } from '../../lib/sql';
import { type Jurisdiction, jurisdictionParams, unitInJurisdictionSql } from '../auth/jurisdiction';
import type { SubmissionState } from './submissions.repo';

export interface Counts {
  expected: number;
  received: number;
  onTime: number;
  approved: number;
}

export interface CompletenessRow extends Counts {
  code: string;
  name: string;
  /** Per commune: its submission's state (null = nothing saved); per province: null. */
  state: SubmissionState | null;
}

export interface LateUnit {
  code: string;
  name: string;
  provinceCode: string;
  state: SubmissionState | null;
  submittedAt: string | null;
  contacts: { username: string; displayName: string }[];
}

export interface CompletenessQuery {
  form: string;
  period: string;
  /** The period's last day: the units expected are those valid on it (a merger mid-period counts once). */
  unitsOn: string;
  /** The end of the due day in Vietnam, as an instant: submitted at or before it = on time. */
  dueAt: string;
  /** The form's own province (null = every province) and the requested one. */
  formProvince: string | null;
  province: string | null;
  /** One row per commune even without a province (the map layer of the whole country). */
  perCommune?: boolean;
}

/**
 * The units expected to report (communes valid on the period's last day, inside the jurisdiction), each
 * with its submission: parameters $1 … $7. Received = submitted at least once; on time = first submitted
 * by the due instant; approved = approved now.
 */
function expectedSql(q: CompletenessQuery, j: Jurisdiction) {
  const scope = jurisdictionParams(j);
  return {
    sql: `select u.id, u.code, u.full_name as name, u.province_code, s.state, s.first_submitted_at,
            (s.first_submitted_at is not null)::int as received,
            (s.first_submitted_at <= $4::timestamptz)::int as on_time,
            (s.state = 'approved')::int as approved
          from admin_units u
          left join report_submissions s on s.unit_id = u.id and s.form_code = $1 and s.period_id = $2
          where u.level = 'commune' and ${validAt('u', '$3')}
            and ($5::text is null or u.province_code = $5)
            and ($6::text[] is null or ${unitInJurisdictionSql('u', 6)})`,
    params: [
      q.form,
      q.period,
      q.unitsOn,
      q.dueAt,
      q.province ?? q.formProvince,
      scope?.provinceCodes ?? null,
      scope?.communeIds ?? null,
    ],
    // A form of one province asked about another: nothing is expected.
    none: q.formProvince !== null && q.province !== null && q.formProvince !== q.province,
  };
}

/** Counts per province (no province asked) or per commune of the province, and their total. */
export async function completeness(
  db: Queryable,
  q: CompletenessQuery,
  j: Jurisdiction,
): Promise<{ total: Counts; rows: CompletenessRow[] }> {
  const e = expectedSql(q, j);
  if (e.none) return { total: { expected: 0, received: 0, onTime: 0, approved: 0 }, rows: [] };
  const perCommune = q.province !== null || q.perCommune === true;
  const rows = await db.query<CompletenessRow>(
    perCommune
      ? `select e.code, e.name, e.state, 1 as expected, e.received, coalesce(e.on_time, 0) as "onTime",
           coalesce(e.approved, 0) as approved
         from (${e.sql}) e order by e.code`
      : `select e.province_code as code, coalesce(p.full_name, e.province_code) as name, null as state,
           count(*)::int as expected, sum(e.received)::int as received,
           coalesce(sum(e.on_time), 0)::int as "onTime", coalesce(sum(e.approved), 0)::int as approved
         from (${e.sql}) e
         left join admin_units p on p.level = 'province' and p.code = e.province_code and ${validAt('p', '$3')}
         group by e.province_code, p.full_name order by e.province_code`,
    e.params,
  );
  const total: Counts = { expected: 0, received: 0, onTime: 0, approved: 0 };
  for (const r of rows) {
    total.expected += r.expected;
    total.received += r.received;
    total.onTime += r.onTime;
    total.approved += r.approved;
  }
  return { total, rows };
}

/**
 * Units that have not reported on time (not submitted at all, or first submitted after the due day), with
 * the data officers to call: those granted the commune, then those granted its province.
 */
export async function lateUnits(db: Queryable, q: CompletenessQuery, j: Jurisdiction): Promise<LateUnit[]> {
  const e = expectedSql(q, j);
  if (e.none) return [];
  // Officers grouped once per granted code (not once per late unit): the national list stays one pass.
  return db.query<LateUnit>(
    `with late as (select * from (${e.sql}) e where e.on_time is distinct from 1),
     officers as (
       select g.unit_code, jsonb_agg(jsonb_build_object('username', us.username, 'displayName', us.display_name)
                                     order by us.username) as people
       from users us join user_jurisdictions g on g.user_id = us.id
       where us.active and us.role = 'data_officer'
       group by g.unit_code)
     select l.code, l.name, l.province_code as "provinceCode", l.state,
       to_char(l.first_submitted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "submittedAt",
       coalesce(oc.people, '[]'::jsonb) || coalesce(op.people, '[]'::jsonb) as contacts
     from late l
     left join officers oc on oc.unit_code = l.code
     left join officers op on op.unit_code = l.province_code
     order by l.province_code, l.code`,
    e.params,
  );
}
