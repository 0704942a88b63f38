import type { UnitLevel } from '@pcmt/domain/contracts/common';
import type { Queryable } from '../../db/engine';
import { validAt } from '../../lib/sql';

export interface UnitRow {
  code: string;
  name: string;
  fullName: string;
  kind: string;
  level: UnitLevel;
  parentCode: string | null;
  provinceCode: string;
  validFrom: string;
  validTo: string | null;
  population: number | null;
  areaKm2: number | null;
  labelPoint: [number, number];
  labelRoom: number[] | null;
}

const UNIT_COLUMNS = `u.code, u.name, u.full_name as "fullName", u.kind, u.level,
  u.parent_code as "parentCode", u.province_code as "provinceCode",
  to_char(u.valid_from, 'YYYY-MM-DD') as "validFrom", to_char(u.valid_to, 'YYYY-MM-DD') as "validTo",
  u.population, u.area_km2 as "areaKm2",
  json_build_array(round(ST_X(coalesce(u.label_anchor, u.label_point))::numeric, 6)::float8,
    round(ST_Y(coalesce(u.label_anchor, u.label_point))::numeric, 6)::float8) as "labelPoint",
  to_json(u.label_room) as "labelRoom"`;

/** Units of a level valid on a date, optionally the children of a parent (or all units of a province). */
export async function listUnits(
  db: Queryable,
  q: { level: UnitLevel; parent: string | null; at: string },
): Promise<UnitRow[]> {
  return db.query<UnitRow>(
    `select ${UNIT_COLUMNS} from admin_units u
     where u.level = $1 and ${validAt('u', '$2')}
       and ($3::text is null or u.parent_code = $3 or u.province_code = $3)
     order by u.code`,
    [q.level, q.at, q.parent],
  );
}

/** The unit with this code valid on a date (codes are unique across levels within a version). */
/** A unit looked up by code, with its row id (for jurisdiction checks and joins; never sent to clients). */
export type FoundUnit = UnitRow & { id: number };

export async function findUnit(db: Queryable, code: string, at: string): Promise<FoundUnit | undefined> {
  const rows = await db.query<FoundUnit>(
    `select u.id, ${UNIT_COLUMNS} from admin_units u where u.code = $1 and ${validAt('u', '$2')} limit 1`,
    [code, at],
  );
  return rows[0];
}
