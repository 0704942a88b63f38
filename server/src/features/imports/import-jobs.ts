import type { Context } from 'hono';
import type { Database, Queryable } from '../../db/engine';
import { type JobContext, startJob } from '../../lib/job-runner';
import type { JobRow } from '../../lib/jobs.repo';
import type { BoundariesImportInput, ReadBoundaries } from './boundaries-import';
import { writeBoundaries } from './boundaries-import';
import {
  type ReadValuesImport,
  type ValuesImportInput,
  type WriteStep,
  writeValuesImport,
} from './values-import';

/**
 * The commit of a boundary file, and of a large report, runs as a job: the file is read and checked in the
 * request (a bad file is answered at once, 422 with its problems), then the writing transaction runs on
 * while its progress is followed by GET /api/jobs/{id}. One import of a kind at a time; a cancel stops it
 * at its next step and the transaction rolls back, so it leaves nothing changed.
 *
 * The caller asks for it with `Prefer: respond-async` (RFC 7240), as the import page does; a client that
 * does not (the tests of the synchronous answer, scripts) gets the 200 answer as before.
 */

/** A report of at least this many values is written as a job (a province's quarter is a few thousand). */
export const VALUES_JOB_MIN_VALUES = 5_000;

export const prefersAsync = (c: Context): boolean => /\brespond-async\b/i.test(c.req.header('prefer') ?? '');

/**
 * A step inside the writing transaction. PostgreSQL: recorded as the job's progress (through another
 * connection of the pool), which also learns of a cancel made by another process. The embedded engine's one
 * connection belongs to the transaction until it ends, so there only this process's cancel is checked; the
 * progress reported before and after the transaction is recorded.
 */
export const transactionStep =
  (db: Database, ctx: JobContext): WriteStep =>
  async (percent, stage) => {
    if (db.kind === 'postgres') await ctx.progress(percent, stage);
    else ctx.checkpoint();
  };

type Owner = { id: number | null; name: string };

export function startValuesImportJob<T>(
  db: Database,
  owner: Owner,
  input: ValuesImportInput,
  read: ReadValuesImport,
  also: (tx: Queryable, importId: number) => Promise<T>,
  respond: (committed: Awaited<ReturnType<typeof writeValuesImport<T>>>) => unknown,
): Promise<JobRow> {
  return startJob(db, {
    kind: 'import-values',
    owner,
    params: {
      fileName: input.fileName,
      period: input.period,
      scope: input.scope,
      values: read.values.length,
    },
    stage: `Đang chuẩn bị ghi ${read.values.length} số liệu`,
    run: async (ctx) => {
      await ctx.progress(5, `Đang ghi ${read.values.length} số liệu của ${input.fileName}`);
      return respond(await writeValuesImport(db, input, read, also, transactionStep(db, ctx)));
    },
  });
}

export function startBoundariesImportJob(
  db: Database,
  owner: Owner,
  input: BoundariesImportInput,
  read: ReadBoundaries,
): Promise<JobRow> {
  return startJob(db, {
    kind: 'import-boundaries',
    owner,
    params: {
      fileName: input.fileName,
      level: input.level,
      validFrom: input.validFrom,
      units: read.units.length,
    },
    stage: `Đang chuẩn bị ghi ${read.units.length} đơn vị`,
    run: async (ctx) => {
      await ctx.progress(3, `Đang ghi ${read.units.length} đơn vị của ${input.fileName}`);
      const result = await writeBoundaries(db, input, read, 'commit', transactionStep(db, ctx));
      return { ...result, importId: result.importId ?? 0 };
    },
  });
}
