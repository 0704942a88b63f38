import type { Queryable } from '../../db/engine';

/** First day of every commune and district version, ascending. */
export async function listVersionStarts(db: Queryable): Promise<{ level: string; validFrom: string }[]> {
  return db.query<{ level: string; validFrom: string }>(
    `select distinct level, to_char(valid_from, 'YYYY-MM-DD') as "validFrom" from admin_units
     where level in ('commune', 'district') order by 2`,
  );
}
