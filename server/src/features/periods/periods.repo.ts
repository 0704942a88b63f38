import type { Queryable } from '../../db/engine';

export interface PeriodRow {
  id: string;
  kind: 'year' | 'half' | 'quarter' | 'month';
  startDate: string;
  endDate: string;
}

const PERIOD_COLUMNS = `id, kind, to_char(start_date, 'YYYY-MM-DD') as "startDate", to_char(end_date, 'YYYY-MM-DD') as "endDate"`;

export async function findPeriod(db: Queryable, id: string): Promise<PeriodRow | undefined> {
  const rows = await db.query<PeriodRow>(`select ${PERIOD_COLUMNS} from periods where id = $1`, [id]);
  return rows[0];
}

/** Periods of one kind from `from` to `to` inclusive, in time order. */
export async function periodsBetween(
  db: Queryable,
  kind: PeriodRow['kind'],
  fromStart: string,
  toEnd: string,
): Promise<PeriodRow[]> {
  return db.query<PeriodRow>(
    `select ${PERIOD_COLUMNS} from periods where kind = $1 and start_date >= $2::date and end_date <= $3::date order by start_date`,
    [kind, fromStart, toEnd],
  );
}

export async function listPeriods(db: Queryable): Promise<PeriodRow[]> {
  return db.query<PeriodRow>(`select ${PERIOD_COLUMNS} from periods order by start_date, end_date desc`);
}
