import type { Queryable } from '../../db/engine';

export interface PeriodRow {
  id: string;
  kind: 'year' | 'half' | 'quarter' | 'month';
  startDate: string;
  endDate: string;
}

const PERIOD_COLUMNS = `id, kind, to_char(start_date, 'YYYY-MM-DD') as "startDate", to_char(end_date, 'YYYY-MM-DD') as "endDate"`;

export async function listPeriods(db: Queryable): Promise<PeriodRow[]> {
  return db.query<PeriodRow>(`select ${PERIOD_COLUMNS} from periods order by start_date, end_date desc`);
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) =>
  `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;

/**
 * The calendar period of an id (`2026`, `2026-H1`, `2026-Q3`, `2026-07`), or null when the id is not one.
 * The demo seeds years, halves and quarters; months (a monthly report form's) come from their id.
 */
export function periodOf(id: string): PeriodRow | null {
  const m = /^(\d{4})(?:-(?:H([12])|Q([1-4])|(0[1-9]|1[0-2])))?$/.exec(id);
  if (!m) return null;
  const year = Number(m[1]);
  const [first, last] = m[2]
    ? m[2] === '1'
      ? [1, 6]
      : [7, 12]
    : m[3]
      ? [Number(m[3]) * 3 - 2, Number(m[3]) * 3]
      : m[4]
        ? [Number(m[4]), Number(m[4])]
        : [1, 12];
  const kind = m[2] ? 'half' : m[3] ? 'quarter' : m[4] ? 'month' : 'year';
  return { id, kind, startDate: `${year}-${pad(first)}-01`, endDate: lastDayOf(year, last) };
}

/** Adds a period to the calendar when it is not there yet (a report of a month no one reported before). */
export async function ensurePeriod(db: Queryable, p: PeriodRow): Promise<void> {
  await db.query(
    `insert into periods (id, kind, start_date, end_date) values ($1, $2, $3::date, $4::date)
     on conflict (id) do nothing`,
    [p.id, p.kind, p.startDate, p.endDate],
  );
}
