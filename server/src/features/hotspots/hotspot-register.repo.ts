import type { Queryable } from '../../db/engine';
import { bump } from '../../lib/data-generations';
import { validAt } from '../../lib/sql';
import { hotspotStateSql } from './hotspots.repo';

/** A register row as the API shows it. */
export interface HotspotRecord {
  id: number;
  code: string;
  kind: 'diem' | 'tu_diem';
  lon: number;
  lat: number;
  communeCode: string;
  communeName: string | null;
  /** Province of the commune today: decides whose jurisdiction the hotspot is in. */
  provinceCode: string | null;
  detectedOn: string;
  eliminatedOn: string | null;
  reemergedOn: string | null;
  status: 'active' | 'eliminated';
  notes: string;
}

/** The fields a history row and the audit log keep as `before` / `after`. */
export const snapshot = (h: HotspotRecord) => ({
  code: h.code,
  kind: h.kind,
  lon: h.lon,
  lat: h.lat,
  communeCode: h.communeCode,
  detectedOn: h.detectedOn,
  eliminatedOn: h.eliminatedOn,
  reemergedOn: h.reemergedOn,
  notes: h.notes,
});

/** One hotspot with its state today; `forUpdate` locks the row for the rest of the transaction. */
export async function findHotspot(
  db: Queryable,
  code: string,
  today: string,
  forUpdate = false,
): Promise<HotspotRecord | null> {
  const rows = await db.query<HotspotRecord>(
    `select h.id, h.code, h.kind, ST_X(h.geom) as lon, ST_Y(h.geom) as lat, h.commune_code as "communeCode",
       u.name as "communeName", u.province_code as "provinceCode",
       to_char(h.detected_on, 'YYYY-MM-DD') as "detectedOn", to_char(h.eliminated_on, 'YYYY-MM-DD') as "eliminatedOn",
       to_char(h.reemerged_on, 'YYYY-MM-DD') as "reemergedOn", ${hotspotStateSql('h', '$2')} as status, h.notes
     from hotspots h
     left join admin_units u on u.level = 'commune' and u.code = h.commune_code and u.valid_to is null
     where h.code = $1 ${forUpdate ? 'for update of h' : ''}`,
    [code, today],
  );
  return rows[0] ?? null;
}

export interface HotspotEventRow {
  action: 'create' | 'update' | 'eliminate' | 'reopen';
  occurredOn: string;
  recordedAt: string;
  actor: string;
  note: string;
  before: unknown;
  after: unknown;
}

/** The register history of one hotspot, oldest first. */
export function hotspotEvents(db: Queryable, hotspotId: number): Promise<HotspotEventRow[]> {
  return db.query<HotspotEventRow>(
    `select action, to_char(occurred_on, 'YYYY-MM-DD') as "occurredOn",
       to_char(recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "recordedAt", actor, note, before, after
     from hotspot_events where hotspot_id = $1 order by occurred_on, recorded_at, id`,
    [hotspotId],
  );
}

/** The current commune containing a point, or null outside every commune. */
export async function communeAt(
  db: Queryable,
  lon: number,
  lat: number,
  today: string,
): Promise<string | null> {
  const rows = await db.query<{ code: string }>(
    `select u.code from admin_units u
     where u.level = 'commune' and ${validAt('u', '$3')} and ST_Covers(u.geom, ST_SetSRID(ST_MakePoint($1, $2), 4326))
     order by u.code limit 1`,
    [lon, lat, today],
  );
  return rows[0]?.code ?? null;
}

/**
 * Next free code HS-<commune>-NNN. Only codes of that exact shape count, and the number is read as numeric:
 * a code written another way (an old client-chosen `HS-00004-99999999999`) can neither overflow nor stop
 * the numbering; a taken code is skipped.
 */
/**
 * The commune's recognised status in force on `date` when it is "không ma túy": its own latest decision, or —
 * for a commune with none yet (formed on 1/7/2025) — its predecessors' when every one of them was drug-free
 * (as communeStatuses derives it: the most serious predecessor status). Null when the commune is not
 * recognised drug-free.
 */
export async function drugFreeDecision(
  db: Queryable,
  communeCode: string,
  date: string,
): Promise<{ communeName: string; effectiveDate: string; documentNo: string } | null> {
  const latest = (id: string) => `(
    select d.status, d.effective_date, d.document_no from commune_status_decisions d
    where d.unit_id = ${id} and d.effective_date <= $2::date order by d.effective_date desc limit 1)`;
  const rows = await db.query<{
    communeName: string;
    effectiveDate: string;
    documentNo: string;
    status: string;
  }>(
    `select u.full_name as "communeName", x.status, to_char(x.effective_date, 'YYYY-MM-DD') as "effectiveDate",
       x.document_no as "documentNo"
     from admin_units u
     cross join lateral (
       (select own.* from ${latest('u.id')} own)
       union all
       (select old.* from unit_crosswalk cw cross join lateral ${latest('cw.old_unit_id')} old
        where cw.new_unit_id = u.id
        order by array_position(array['khong_ma_tuy','co_ma_tuy','trong_diem_III','trong_diem_II','trong_diem_I'],
          old.status) desc
        limit 1)
       limit 1
     ) x
     where u.level = 'commune' and u.code = $1 and ${validAt('u', '$2')}`,
    [communeCode, date],
  );
  const row = rows[0];
  return row && row.status === 'khong_ma_tuy'
    ? { communeName: row.communeName, effectiveDate: row.effectiveDate, documentNo: row.documentNo }
    : null;
}

export async function nextHotspotCode(db: Queryable, communeCode: string): Promise<string> {
  const rows = await db.query<{ n: string }>(
    `select (coalesce(max(substring(code from '([0-9]+)$')::numeric), 0) + 1)::text as n
       from hotspots where code ~ $1`,
    [`^HS-${communeCode}-[0-9]{1,9}$`],
  );
  let n = Number(rows[0]?.n ?? 1);
  for (;;) {
    const code = `HS-${communeCode}-${String(n).padStart(3, '0')}`;
    const taken = await db.query(`select 1 from hotspots where code = $1`, [code]);
    if (taken.length === 0) return code;
    n++;
  }
}

/** Province of a commune in force on a date (the commune a point lies in decides whose hotspot it is). */
export async function provinceOfCommune(
  db: Queryable,
  communeCode: string,
  on: string,
): Promise<string | null> {
  const rows = await db.query<{ provinceCode: string }>(
    `select u.province_code as "provinceCode" from admin_units u
      where u.level = 'commune' and u.code = $1 and ${validAt('u', '$2')} limit 1`,
    [communeCode, on],
  );
  return rows[0]?.provinceCode ?? null;
}

export async function insertHotspot(
  db: Queryable,
  h: {
    code: string;
    kind: string;
    lon: number;
    lat: number;
    communeCode: string;
    detectedOn: string;
    notes: string;
  },
): Promise<void> {
  await db.query(
    `insert into hotspots (code, kind, geom, commune_code, detected_on, notes)
     values ($1, $2, ST_SetSRID(ST_MakePoint($3, $4), 4326), $5, $6::date, $7)`,
    [h.code, h.kind, h.lon, h.lat, h.communeCode, h.detectedOn, h.notes],
  );
  await bump(db, 'hotspots');
}

/** Writes every register field of a hotspot (the caller has locked and validated it). */
export async function saveHotspot(db: Queryable, h: HotspotRecord): Promise<void> {
  await db.query(
    `update hotspots set kind = $2, geom = ST_SetSRID(ST_MakePoint($3, $4), 4326), commune_code = $5,
       detected_on = $6::date, eliminated_on = $7::date, reemerged_on = $8::date, notes = $9
     where id = $1`,
    [h.id, h.kind, h.lon, h.lat, h.communeCode, h.detectedOn, h.eliminatedOn, h.reemergedOn, h.notes],
  );
  await bump(db, 'hotspots');
}

export async function insertHotspotEvent(
  db: Queryable,
  e: {
    hotspotId: number;
    action: HotspotEventRow['action'];
    occurredOn: string;
    actor: string;
    note: string;
    before: unknown;
    after: unknown;
  },
): Promise<void> {
  await db.query(
    `insert into hotspot_events (hotspot_id, action, occurred_on, actor, note, before, after)
     values ($1, $2, $3::date, $4, $5, $6::jsonb, $7::jsonb)`,
    [
      e.hotspotId,
      e.action,
      e.occurredOn,
      e.actor,
      e.note,
      e.before === null ? null : JSON.stringify(e.before),
      e.after === null ? null : JSON.stringify(e.after),
    ],
  );
}

/**
 * The yearly elimination figures, read from the register's history alone: hotspots active on 1 January
 * (last event before it was a create or a reopen), and those eliminated, re-opened and newly detected
 * during the year. "Eliminate 5–10 % of hotspots each year" is eliminated / activeAtStart.
 */
export async function eliminationSummary(db: Queryable, year: number, province: string | null) {
  const rows = await db.query<{
    activeAtStart: number;
    eliminated: number;
    reopened: number;
    detected: number;
  }>(
    `with scope as (
       select h.id from hotspots h
       where $2::text is null or exists (
         select 1 from admin_units u where u.level = 'commune' and u.code = h.commune_code
           and u.valid_to is null and u.province_code = $2)
     ),
     last_before as (
       select distinct on (e.hotspot_id) e.hotspot_id, e.action
       from hotspot_events e join scope s on s.id = e.hotspot_id
       where e.action <> 'update' and e.occurred_on < make_date($1, 1, 1)
       order by e.hotspot_id, e.occurred_on desc, e.recorded_at desc, e.id desc
     ),
     during as (
       select e.action, count(distinct e.hotspot_id)::int as n
       from hotspot_events e join scope s on s.id = e.hotspot_id
       where e.occurred_on >= make_date($1, 1, 1) and e.occurred_on < make_date($1 + 1, 1, 1)
       group by e.action
     )
     select
       (select count(*)::int from last_before where action in ('create', 'reopen')) as "activeAtStart",
       coalesce((select n from during where action = 'eliminate'), 0) as eliminated,
       coalesce((select n from during where action = 'reopen'), 0) as reopened,
       coalesce((select n from during where action = 'create'), 0) as detected`,
    [year, province],
  );
  return rows[0] ?? { activeAtStart: 0, eliminated: 0, reopened: 0, detected: 0 };
}
