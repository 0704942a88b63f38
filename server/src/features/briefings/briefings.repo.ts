import { randomBytes } from 'node:crypto';
import type { Briefing, BriefingSummary as BriefingSummarySchema } from '@pcmt/domain/contracts/briefings';
import type { z } from 'zod';
import type { Queryable } from '../../db/engine';

export type BriefingSummary = z.infer<typeof BriefingSummarySchema>;

/** Lower-case letters and digits without the look-alikes 0/o and 1/l: a link read aloud or retyped survives. */
const ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
export const BRIEFING_ID_LENGTH = 10;
export const BRIEFING_ID_PATTERN = /^[a-km-np-z2-9]{10}$/;

/** 50 random bits as 10 base-32 characters: a shared link cannot be guessed from another one. */
export function newBriefingId(): string {
  // 256 is a multiple of 32, so taking 5 bits of each byte keeps every character equally likely.
  return [...randomBytes(BRIEFING_ID_LENGTH)].map((b) => ID_ALPHABET[b & 31]).join('');
}

const SUMMARY_COLUMNS = `id, title, confidential, created_by as "createdBy",
  to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt",
  jsonb_array_length(views)::int as "viewCount", provinces`;

export async function insertBriefing(
  tx: Queryable,
  b: Omit<Briefing, 'createdAt' | 'viewCount'>,
): Promise<Briefing> {
  const [row] = await tx.query<BriefingSummary>(
    `insert into briefings (id, title, confidential, created_by, provinces, views)
     values ($1, $2, $3, $4, $5::text[], $6::jsonb) returning ${SUMMARY_COLUMNS}`,
    [b.id, b.title, b.confidential, b.createdBy, b.provinces, JSON.stringify(b.views)],
  );
  if (!row) throw new Error('insert into briefings returned no row');
  return { ...row, views: b.views };
}

/** Every briefing without its views, newest first (callers filter by jurisdiction). */
export async function listBriefings(db: Queryable): Promise<BriefingSummary[]> {
  return db.query<BriefingSummary>(`select ${SUMMARY_COLUMNS} from briefings order by created_at desc, id`);
}

export async function findBriefingSummary(db: Queryable, id: string): Promise<BriefingSummary | undefined> {
  const [row] = await db.query<BriefingSummary>(`select ${SUMMARY_COLUMNS} from briefings where id = $1`, [
    id,
  ]);
  return row;
}

export async function findBriefing(db: Queryable, id: string): Promise<Briefing | undefined> {
  const [row] = await db.query<Briefing>(`select ${SUMMARY_COLUMNS}, views from briefings where id = $1`, [
    id,
  ]);
  return row;
}

export async function deleteBriefing(tx: Queryable, id: string): Promise<void> {
  await tx.query(`delete from briefings where id = $1`, [id]);
}

/** The display name of an account, for the creator line of exports; the username when it is gone. */
export async function creatorName(db: Queryable, username: string): Promise<string> {
  const [row] = await db.query<{ displayName: string }>(
    `select display_name as "displayName" from users where username = $1`,
    [username],
  );
  return row?.displayName ?? username;
}

/** The rest of the transaction reads one state of the data (first statement of the transaction). */
export async function readOneSnapshot(tx: Queryable): Promise<void> {
  await tx.query('set transaction isolation level repeatable read');
}
