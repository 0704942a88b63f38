import { type PeriodDates, periodDates } from '@pcmt/domain/periods';
import type { Queryable } from '../../db/engine';

/** A row of the periods table: an id with its first and last day (YYYY-MM-DD). */
export type PeriodRow = PeriodDates;

const PERIOD_COLUMNS = `id, kind, to_char(start_date, 'YYYY-MM-DD') as "startDate", to_char(end_date, 'YYYY-MM-DD') as "endDate"`;

export async function listPeriods(db: Queryable): Promise<PeriodRow[]> {
  return db.query<PeriodRow>(`select ${PERIOD_COLUMNS} from periods order by start_date, end_date desc`);
}

/**
 * The calendar period of an id (`2026`, `2026-H1`, `2026-Q3`, `2026-07`), or null when the id is not one.
 * The demo seeds years, halves and quarters; months (a monthly report form's) come from their id. The dates
 * follow the one rule of @pcmt/domain/periods, as the web's period picker does.
 */
export function periodOf(id: string): PeriodRow | null {
  return periodDates(id);
}

/** Adds a period to the calendar when it is not there yet (a report of a month no one reported before). */
export async function ensurePeriod(db: Queryable, p: PeriodRow): Promise<void> {
  await db.query(
    `insert into periods (id, kind, start_date, end_date) values ($1, $2, $3::date, $4::date)
     on conflict (id) do nothing`,
    [p.id, p.kind, p.startDate, p.endDate],
  );
}
