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
