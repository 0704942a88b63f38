import type { Briefing, BriefingCreate } from '@pcmt/domain/contracts/briefings';
import type { Database, Queryable } from '../../db/engine';
import type { DatasetInfo } from '../../lib/context';
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

/**
 * Freezes a briefing's figures view by view, reporting each (5–95%), then saves it with its audit entry.
 * PostgreSQL: every view read in one repeatable-read transaction on a connection of its own (others are
 * served by the rest of the pool). Embedded engine: it has one connection, which a transaction would hold
 * for the whole freeze; each view's reads are statements of their own instead, so other requests are
 * answered between them, and only the save is a transaction.
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
): Promise<{ briefingId: string; views: number }> {
  const { input, resolved, ref, dataset, actor } = job;
  const n = resolved.length;
  const build = async (q: Queryable) => {
    const reads = snapshotReads(q);
    const views = [];
    for (const [i, view] of resolved.entries()) {
      await ctx.progress(5 + Math.floor((90 * i) / n), `Đang chốt số liệu trang ${i + 1}/${n}`);
      views.push({ spec: view.spec, snapshot: await buildSnapshot(reads, ref, view, dataset) });
    }
    await ctx.progress(95, 'Đang lưu bản trình chiếu');
    return views;
  };
  const save = (tx: Queryable, views: Awaited<ReturnType<typeof build>>) =>
    saveBriefing(tx, input, actor, views);
  const saved: Briefing =
    db.kind === 'postgres'
      ? await db.transaction(async (tx) => {
          await readOneState(tx);
          return save(tx, await build(tx));
        })
      : await (async () => {
          const views = await build(db);
          return db.transaction((tx) => save(tx, views));
        })();
  return { briefingId: saved.id, views: n };
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
