import type { Briefing, BriefingCreate } from '@pcmt/domain/contracts/briefings';
import type { Database, Queryable } from '../../db/engine';
import type { DatasetInfo } from '../../lib/context';
import { selectGenerations } from '../../lib/data-generations.repo';
import type { JobContext } from '../../lib/job-runner';
import { readOneState } from '../../lib/jobs.repo';
import type { Jurisdiction } from '../auth/jurisdiction';
import { buildSnapshot, snapshotReads } from '../briefings/build-snapshot';
import { type ResolvedView, resolveView } from '../briefings/resolve-view';
import { saveBriefing } from '../briefings/save-briefing';
import type { ReferenceData } from '../reference/reference-cache';

/**
 * A briefing's views checked before its job starts: a bad view is answered at once (400/403/404 naming
 * `views[i].…`) rather than as a failed job.
 */
export async function resolveBriefingViews(
  db: Queryable,
  ref: ReferenceData,
  input: BriefingCreate,
  jurisdiction: Jurisdiction,
  day: string,
): Promise<ResolvedView[]> {
  const resolved: ResolvedView[] = [];
  for (const [i, spec] of input.views.entries()) {
    resolved.push(await resolveView(db, ref, spec, i, jurisdiction, day));
  }
  return resolved;
}

/** Kinds of data a briefing's figures are read from: a write of any of them bumps its generation. */
const FROZEN_KINDS: ReadonlySet<string> = new Set(['units', 'crosswalk', 'values', 'statuses', 'catalogue']);

/** The generations of the data a freeze reads, as one comparable stamp. */
async function dataStamp(q: Queryable): Promise<string> {
  const rows = await selectGenerations(q);
  return rows
    .filter((r) => FROZEN_KINDS.has(r.kind))
    .map((r) => `${r.kind}:${r.generation}`)
    .sort()
    .join(',');
}

/** Freezes read view by view, outside a transaction, at most this often before the last try holds one. */
export const FREEZE_TRIES = 3;

/**
 * Freezes a briefing's figures view by view, reporting each (5–95%), then saves it with its audit entry.
 * Every view reads one state of the data:
 * - PostgreSQL: every view read in one repeatable-read transaction on a connection of its own (others are
 *   served by the rest of the pool).
 * - Embedded engine: it has one connection, which a transaction would hold for the whole freeze; each
 *   view's reads are statements of their own instead, so other requests are answered between them. A
 *   write committed between two views would mix two states, so the generations of the data read (every
 *   write bumps its kind's in its own transaction) are taken before the first view and compared again in
 *   the saving transaction: when they moved, nothing is saved and the views are frozen again. After
 *   {@link FREEZE_TRIES} tries under constant writes, the last freeze reads inside the saving transaction.
 */
export async function freezeBriefing(
  db: Database,
  ctx: JobContext,
  job: {
    input: BriefingCreate;
    resolved: readonly ResolvedView[];
    ref: ReferenceData;
    dataset: DatasetInfo;
    actor: string;
  },
): Promise<{ briefingId: string; views: number; tries: number }> {
  const { input, resolved, ref, dataset, actor } = job;
  const n = resolved.length;
  const build = async (q: Queryable, again: boolean) => {
    const reads = snapshotReads(q);
    const views = [];
    for (const [i, view] of resolved.entries()) {
      const stage = again ? 'Số liệu vừa thay đổi, đang chốt lại trang' : 'Đang chốt số liệu trang';
      await ctx.progress(5 + Math.floor((90 * i) / n), `${stage} ${i + 1}/${n}`);
      views.push({ spec: view.spec, snapshot: await buildSnapshot(reads, ref, view, dataset) });
    }
    await ctx.progress(95, 'Đang lưu bản trình chiếu');
    return views;
  };
  const save = (tx: Queryable, views: Awaited<ReturnType<typeof build>>) =>
    saveBriefing(tx, input, actor, views);
  if (db.kind === 'postgres') {
    const saved = await db.transaction(async (tx) => {
      await readOneState(tx);
      return save(tx, await build(tx, false));
    });
    return { briefingId: saved.id, views: n, tries: 1 };
  }
  for (let tries = 1; tries < FREEZE_TRIES; tries++) {
    const before = await dataStamp(db);
    const views = await build(db, tries > 1);
    const saved: Briefing | null = await db.transaction(async (tx) =>
      (await dataStamp(tx)) === before ? save(tx, views) : null,
    );
    if (saved) return { briefingId: saved.id, views: n, tries };
  }
  const saved = await db.transaction(async (tx) => save(tx, await build(tx, true)));
  return { briefingId: saved.id, views: n, tries: FREEZE_TRIES };
}

/** A file a job made: kept in its result (base64), fetched by GET /api/jobs/{id}/file. */
export interface JobFile {
  fileName: string;
  contentType: string;
  size: number;
  fileBase64: string;
}

/** Renders a briefing's PDF pack: outlines read (10–40%), pages drawn (40–95%). */
export async function renderBriefingPack(
  db: Queryable,
  ctx: JobContext,
  briefing: Briefing,
  confidential: boolean,
): Promise<JobFile & { briefingId: string }> {
  // Loaded on first use: the PDF library and its fonts are not needed to serve the map.
  const [{ renderBriefingPdfOffThread }, { loadBriefingGeometry }, { attachment }] = await Promise.all([
    import('../briefings/pdf/render-off-thread'),
    import('../briefings/pdf/briefing-geometry'),
    import('../exports/table-xlsx'),
  ]);
  await ctx.progress(10, `Đang đọc ranh giới của ${briefing.views.length} trang`);
  const geometry = await loadBriefingGeometry(db, briefing);
  await ctx.progress(40, `Đang vẽ ${briefing.views.length + 1} trang PDF`);
  // Drawn in a worker thread: the event loop answers other requests meanwhile.
  const bytes = await renderBriefingPdfOffThread(briefing, geometry, {
    confidential: briefing.confidential || confidential,
    generatedAt: new Date(),
  });
  await ctx.progress(95, 'Đang lưu tệp PDF');
  const disposition = attachment(`${briefing.title}-${briefing.id}`, 'pdf');
  const fileName = /filename="([^"]*)"/.exec(disposition)?.[1] ?? `${briefing.id}.pdf`;
  return {
    briefingId: briefing.id,
    fileName,
    contentType: 'application/pdf',
    size: bytes.length,
    fileBase64: Buffer.from(bytes).toString('base64'),
  };
}
