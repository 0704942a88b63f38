import type { Database } from '../../db/engine';
import { listPeriods } from '../periods/periods.repo';
import { insertForm } from './forms.repo';

/** The demo's quarterly commune form: twelve catalogue indicators and two rules of the examples. */
export const DEMO_FORM = {
  code: 'bc-quy-xa',
  nameVi: 'Báo cáo quý về phòng, chống ma túy của xã (minh họa)',
  periodKind: 'quarter' as const,
  reportingLevel: 'commune' as const,
  items: [
    'managed_addicts',
    'illegal_users',
    'rehab_compulsory',
    'rehab_voluntary_facility',
    'rehab_community',
    'methadone_patients',
    'post_rehab_managed',
    'vocational_support',
    'addicts_reached',
    'drug_arrests',
    'drug_use_places',
    'drug_crops_destroyed_m2',
  ],
  rules: [
    {
      kind: 'lte' as const,
      left: 'methadone_patients',
      right: 'managed_addicts',
      messageVi: 'Số người điều trị methadone không được vượt quá số người nghiện có hồ sơ quản lý',
    },
    {
      kind: 'share_max' as const,
      numerator: 'addicts_reached',
      denominator: 'managed_addicts',
      max: 100,
      messageVi: 'Số người nghiện được tư vấn, điều trị không được vượt quá 100% số người nghiện có hồ sơ',
    },
  ],
  cutoffDay: 14,
  dueDay: 18,
  filledBy: 'data_officer',
  provinceCode: null,
};

/** Marks every demo submission: synthetic, never an officer's report. */
export const DEMO_ACTOR = 'demo (minh họa)';

/**
 * On synthetic demo data only: the demo form, and for the latest quarter two in five Hà Nội communes'
 * reports submitted (their previous quarter's values, within the rules) and one in five a draft, so the
 * review and completeness pages have something to show. Idempotent: nothing when the form exists.
 */
export async function ensureDemoReporting(db: Database): Promise<number> {
  const periods = (await listPeriods(db)).filter((p) => p.kind === 'quarter');
  const last = periods[periods.length - 1];
  const previous = periods[periods.length - 2];
  if (!last || !previous) return 0;
  return db.transaction(async (tx) => {
    if (!(await insertForm(tx, { ...DEMO_FORM, createdBy: DEMO_ACTOR }))) return 0;
    const rows = await tx.query(
      `with communes as (
         select u.id, u.code, row_number() over (order by u.code) as n from admin_units u
         where u.level = 'commune' and u.province_code = '01'
           and u.valid_from <= $2::date and (u.valid_to is null or u.valid_to > $2::date)
       ),
       prev as (
         select c.id, jsonb_object_agg(v.indicator_code, v.value) as vals
         from communes c
         join admin_units o on o.level = 'commune' and o.code = c.code
           and o.valid_from <= $4::date and (o.valid_to is null or o.valid_to > $4::date)
         join indicator_values v on v.unit_id = o.id and v.period_id = $3 and v.indicator_code = any($5::text[])
         group by c.id
       )
       insert into report_submissions (form_code, unit_id, period_id, state, values, first_submitted_at,
         submitted_at, submitted_by, updated_by)
       select $6, c.id, $1, case when c.n % 5 = 0 then 'draft' else 'submitted' end,
         p.vals || jsonb_build_object(
           'methadone_patients', least((p.vals->>'methadone_patients')::float8, (p.vals->>'managed_addicts')::float8),
           'addicts_reached', least((p.vals->>'addicts_reached')::float8, (p.vals->>'managed_addicts')::float8)),
         case when c.n % 5 = 0 then null else ($7::date - (c.n % 7)::int)::timestamptz end,
         case when c.n % 5 = 0 then null else ($7::date - (c.n % 7)::int)::timestamptz end,
         case when c.n % 5 = 0 then null else $8 end, $8
       from communes c join prev p on p.id = c.id
       where c.n % 5 in (0, 1, 2)
       returning 1`,
      [
        last.id,
        last.endDate,
        previous.id,
        previous.endDate,
        DEMO_FORM.items,
        DEMO_FORM.code,
        `${last.endDate.slice(0, 8)}${DEMO_FORM.dueDay}`,
        DEMO_ACTOR,
      ],
    );
    return rows.length;
  });
}
