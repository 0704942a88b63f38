import type { Queryable } from '../../db/engine';
import { validAt } from '../../lib/sql';
import { type Jurisdiction, jurisdictionParams, unitInJurisdictionSql } from '../auth/jurisdiction';

export type SubmissionState = 'draft' | 'submitted' | 'returned' | 'approved' | 'reopened';

export interface SubmissionRow {
  id: number;
  formCode: string;
  unitId: number;
  unitCode: string;
  unitName: string;
  provinceCode: string;
  periodId: string;
  state: SubmissionState;
  values: Record<string, number | null>;
  warningComment: string | null;
  returnComment: string | null;
  firstSubmittedAt: string | null;
  submittedAt: string | null;
  submittedBy: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  updatedAt: string;
  updatedBy: string;
}

const ts = (col: string) => `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const COLUMNS = `s.id, s.form_code as "formCode", s.unit_id as "unitId", u.code as "unitCode",
  u.full_name as "unitName", u.province_code as "provinceCode", s.period_id as "periodId", s.state, s.values,
  s.warning_comment as "warningComment", s.return_comment as "returnComment",
  ${ts('s.first_submitted_at')} as "firstSubmittedAt", ${ts('s.submitted_at')} as "submittedAt",
  s.submitted_by as "submittedBy", ${ts('s.approved_at')} as "approvedAt", s.approved_by as "approvedBy",
  ${ts('s.updated_at')} as "updatedAt", s.updated_by as "updatedBy"`;

/** A commune valid on a date (the period's last day), by code. */
export async function communeOn(
  db: Queryable,
  code: string,
  date: string,
): Promise<{ id: number; code: string; fullName: string; provinceCode: string } | undefined> {
  const rows = await db.query<{ id: number; code: string; fullName: string; provinceCode: string }>(
    `select u.id, u.code, u.full_name as "fullName", u.province_code as "provinceCode" from admin_units u
     where u.level = 'commune' and u.code = $1 and ${validAt('u', '$2')}`,
    [code, date],
  );
  return rows[0];
}

export async function findSubmission(
  db: Queryable,
  id: number,
  options: { lock?: boolean } = {},
): Promise<SubmissionRow | undefined> {
  const rows = await db.query<SubmissionRow>(
    `select ${COLUMNS} from report_submissions s join admin_units u on u.id = s.unit_id where s.id = $1
     ${options.lock ? 'for update of s' : ''}`,
    [id],
  );
  return rows[0];
}

export async function findSubmissionFor(
  db: Queryable,
  form: string,
  unitId: number,
  period: string,
  options: { lock?: boolean } = {},
): Promise<SubmissionRow | undefined> {
  const rows = await db.query<SubmissionRow>(
    `select ${COLUMNS} from report_submissions s join admin_units u on u.id = s.unit_id
     where s.form_code = $1 and s.unit_id = $2 and s.period_id = $3 ${options.lock ? 'for update of s' : ''}`,
    [form, unitId, period],
  );
  return rows[0];
}

/** A new draft (or nothing when another writer created it first: read it again under a lock). */
export async function insertSubmission(
  tx: Queryable,
  s: { form: string; unitId: number; period: string; values: Record<string, number | null>; actor: string },
): Promise<void> {
  await tx.query(
    `insert into report_submissions (form_code, unit_id, period_id, state, values, updated_by)
     values ($1, $2, $3, 'draft', $4::jsonb, $5)
     on conflict (form_code, period_id, unit_id) do nothing`,
    [s.form, s.unitId, s.period, JSON.stringify(s.values), s.actor],
  );
}

/** What a write changes of a submission; absent fields stay as they are. */
export interface SubmissionPatch {
  state?: SubmissionState;
  values?: Record<string, number | null>;
  warningComment?: string | null;
  returnComment?: string | null;
  submitted?: boolean;
  approved?: boolean;
}

export async function updateSubmission(tx: Queryable, id: number, actor: string, p: SubmissionPatch) {
  await tx.query(
    `update report_submissions set
       state = coalesce($3, state),
       values = coalesce($4::jsonb, values),
       warning_comment = case when $5 then $6 else warning_comment end,
       return_comment = case when $7 then $8 else return_comment end,
       submitted_at = case when $9 then now() else submitted_at end,
       first_submitted_at = case when $9 then coalesce(first_submitted_at, now()) else first_submitted_at end,
       submitted_by = case when $9 then $2 else submitted_by end,
       approved_at = case when $10 then now() else approved_at end,
       approved_by = case when $10 then $2 else approved_by end,
       updated_at = now(), updated_by = $2
     where id = $1`,
    [
      id,
      actor,
      p.state ?? null,
      p.values === undefined ? null : JSON.stringify(p.values),
      p.warningComment !== undefined,
      p.warningComment ?? null,
      p.returnComment !== undefined,
      p.returnComment ?? null,
      p.submitted === true,
      p.approved === true,
    ],
  );
}

/** Submissions of a form and period inside a jurisdiction (and a province), by unit code. */
export async function listSubmissions(
  db: Queryable,
  q: { form: string; period: string; province: string | null; state: SubmissionState | null },
  j: Jurisdiction,
): Promise<SubmissionRow[]> {
  const scope = jurisdictionParams(j);
  return db.query<SubmissionRow>(
    `select ${COLUMNS} from report_submissions s join admin_units u on u.id = s.unit_id
     where s.form_code = $1 and s.period_id = $2 and ($3::text is null or u.province_code = $3)
       and ($4::text is null or s.state = $4)
       and ($5::text[] is null or ${unitInJurisdictionSql('u', 5)})
     order by u.province_code, u.code`,
    [q.form, q.period, q.province, q.state, scope?.provinceCodes ?? null, scope?.communeIds ?? null],
  );
}

/**
 * Stored values of a unit (by code: the unit of that code valid at each period's end) for the given
 * periods: `period → code → value`. The previous period beside each field and the history of the
 * outlier check read it.
 */
export async function storedValuesOf(
  db: Queryable,
  unitCode: string,
  periods: readonly string[],
  indicatorCodes: readonly string[],
): Promise<Map<string, Map<string, number>>> {
  const rows = await db.query<{ periodId: string; indicatorCode: string; value: number }>(
    `select v.period_id as "periodId", v.indicator_code as "indicatorCode", v.value
     from periods p
     join admin_units u on u.level = 'commune' and u.code = $1 and ${validAt('u', 'p.end_date')}
     join indicator_values v on v.unit_id = u.id and v.period_id = p.id and v.indicator_code = any($3::text[])
     where p.id = any($2::text[])`,
    [unitCode, [...periods], [...indicatorCodes]],
  );
  const out = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const m = out.get(r.periodId) ?? new Map<string, number>();
    out.set(r.periodId, m);
    m.set(r.indicatorCode, r.value);
  }
  return out;
}
