import type { Queryable } from '../../db/engine';
import type { ValidationRule } from './validation';

export interface FormRow {
  code: string;
  nameVi: string;
  periodKind: 'month' | 'quarter' | 'half' | 'year';
  reportingLevel: 'commune';
  items: string[];
  rules: ValidationRule[];
  cutoffDay: number;
  dueDay: number;
  filledBy: string;
  provinceCode: string | null;
}

const COLUMNS = `code, name_vi as "nameVi", period_kind as "periodKind", reporting_level as "reportingLevel",
  items, rules, cutoff_day as "cutoffDay", due_day as "dueDay", filled_by as "filledBy",
  province_code as "provinceCode"`;

export async function listForms(db: Queryable): Promise<FormRow[]> {
  return db.query<FormRow>(`select ${COLUMNS} from report_forms order by code`);
}

export async function findForm(db: Queryable, code: string): Promise<FormRow | undefined> {
  return (await db.query<FormRow>(`select ${COLUMNS} from report_forms where code = $1`, [code]))[0];
}

/** Adds a form; false when its code is taken. */
export async function insertForm(tx: Queryable, f: FormRow & { createdBy: string }): Promise<boolean> {
  const rows = await tx.query(
    `insert into report_forms (code, name_vi, period_kind, reporting_level, items, rules, cutoff_day, due_day,
       filled_by, province_code, created_by)
     values ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9, $10, $11)
     on conflict (code) do nothing returning 1`,
    [
      f.code,
      f.nameVi,
      f.periodKind,
      f.reportingLevel,
      JSON.stringify(f.items),
      JSON.stringify(f.rules),
      f.cutoffDay,
      f.dueDay,
      f.filledBy,
      f.provinceCode,
      f.createdBy,
    ],
  );
  return rows.length > 0;
}

/** A day of the period's last month (`YYYY-MM-DD`), as the cut-off and due days are set. */
export function dayOfLastMonth(periodEndDate: string, day: number): string {
  return `${periodEndDate.slice(0, 8)}${String(day).padStart(2, '0')}`;
}

/** Replaces a form's definition (not its code); false when there is no such form. */
export async function updateForm(tx: Queryable, f: FormRow): Promise<boolean> {
  const rows = await tx.query(
    `update report_forms set name_vi = $2, period_kind = $3, items = $4::jsonb, rules = $5::jsonb,
       cutoff_day = $6, due_day = $7, filled_by = $8, province_code = $9
     where code = $1 returning 1`,
    [
      f.code,
      f.nameVi,
      f.periodKind,
      JSON.stringify(f.items),
      JSON.stringify(f.rules),
      f.cutoffDay,
      f.dueDay,
      f.filledBy,
      f.provinceCode,
    ],
  );
  return rows.length > 0;
}

/** How many reports (any state) a form has: its period kind is fixed once there is one. */
export async function countSubmissions(db: Queryable, code: string): Promise<number> {
  const [r] = await db.query<{ n: number }>(
    `select count(*)::int as n from report_submissions where form_code = $1`,
    [code],
  );
  return r?.n ?? 0;
}
