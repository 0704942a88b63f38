import type { UnitLevel } from '@pcmt/domain/contracts/common';
import type { Queryable } from '../../db/engine';
import { validAt } from '../../lib/sql';
import type { LonLatBox } from './tile-math';

/** The box around every unit of a level valid on a date, or null when there is none. */
export async function unitsExtent(db: Queryable, level: UnitLevel, at: string): Promise<LonLatBox | null> {
  const rows = await db.query<{ w: number | null; s: number; e: number; n: number }>(
    `select ST_XMin(b) as w, ST_YMin(b) as s, ST_XMax(b) as e, ST_YMax(b) as n
     from (select ST_Extent(u.geom_low) as b from admin_units u where u.level = $1 and ${validAt('u', '$2')}) x`,
    [level, at],
  );
  const r = rows[0];
  return r && r.w !== null ? [r.w, r.s, r.e, r.n] : null;
}

/** The label point of every unit of a level valid on a date: where a map of that unit is centred. */
export async function unitLabelPoints(
  db: Queryable,
  level: UnitLevel,
  at: string,
): Promise<[number, number][]> {
  const rows = await db.query<{ lon: number; lat: number }>(
    `select ST_X(u.label_point) as lon, ST_Y(u.label_point) as lat
     from admin_units u where u.level = $1 and ${validAt('u', '$2')} order by u.code`,
    [level, at],
  );
  return rows.map((r) => [r.lon, r.lat]);
}
