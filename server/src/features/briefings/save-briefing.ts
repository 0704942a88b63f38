import type { Briefing, BriefingCreate } from '@pcmt/domain/contracts/briefings';
import type { Queryable } from '../../db/engine';
import { recordAudit } from '../../lib/audit';
import { insertBriefing, newBriefingId } from './briefings.repo';

/** A briefing's provinces: empty when any view shows the whole country, since reading it then needs a national grant. */
function briefingProvinces(views: ReadonlyArray<{ province: string | null }>): string[] {
  if (views.some((v) => v.province === null)) return [];
  return [...new Set(views.map((v) => v.province as string))].sort();
}

/**
 * Stores a briefing with its frozen views and its audit entry, in the caller's transaction: one path for the
 * request that saves at once and for the job that freezes a national briefing view by view.
 */
export async function saveBriefing(
  tx: Queryable,
  input: BriefingCreate,
  actor: string,
  views: Parameters<typeof insertBriefing>[1]['views'],
): Promise<Briefing> {
  const saved = await insertBriefing(tx, {
    id: newBriefingId(),
    title: input.title,
    confidential: input.confidential,
    createdBy: actor,
    provinces: briefingProvinces(input.views),
    views,
  });
  // The snapshots are in the row; the audit keeps what was asked for.
  await recordAudit(tx, {
    actor,
    action: 'create',
    entity: 'briefing',
    entityId: saved.id,
    after: { title: input.title, confidential: input.confidential, views: input.views },
  });
  return saved;
}
