import type { Job } from '@pcmt/domain/contracts/jobs';
import type { InferResponseType } from 'hono/client';
import { api } from '../../../lib/api-client';
import { apiError } from '../../../lib/api-error';
import { readUpload, type UploadOutcome } from './rejection';

export type ValuesPreview = InferResponseType<typeof api.api.imports.values.preview.$post, 200>;
export type ValuesCommit = InferResponseType<typeof api.api.imports.values.$post, 200>;
export type BoundariesReport = InferResponseType<typeof api.api.imports.boundaries.preview.$post, 200>;

export interface ValuesUpload {
  file: File;
  period: string;
  scope: string | null;
  choices: Record<string, string>;
  /** The province office's data, approved at once (province data officers and admins). */
  approve?: boolean;
  /** How to read a file whose cells do not tell its decimal mark (the user's choice in the preview). */
  decimalMark?: 'comma' | 'dot';
}

const valuesForm = (u: ValuesUpload) => ({
  file: u.file,
  period: u.period,
  ...(u.scope ? { scope: u.scope } : {}),
  ...(Object.keys(u.choices).length > 0 ? { choices: JSON.stringify(u.choices) } : {}),
  ...(u.approve ? { approve: 'true' as const } : {}),
  ...(u.decimalMark ? { decimalMark: u.decimalMark } : {}),
});

/** Checks a report without writing: what it would add and change, or its problems. */
export async function previewValues(u: ValuesUpload): Promise<UploadOutcome<ValuesPreview>> {
  return readUpload(await api.api.imports.values.preview.$post({ form: valuesForm(u) }), 'Kiểm tra báo cáo');
}

/** Asks the server to write a large import as a job (202) rather than hold the request (RFC 7240). */
const asJob = { headers: { prefer: 'respond-async' } };

/**
 * Follows a job every half second, telling each state (for the progress bar), until it ends: its result
 * when done, an Error saying why otherwise (a cancelled import wrote nothing).
 */
async function followJob<T>(started: Job, onJob: (job: Job) => void): Promise<T> {
  let job = started;
  onJob(job);
  while (job.state === 'running') {
    await new Promise((r) => setTimeout(r, 500));
    const res = await api.api.jobs[':id'].$get({ param: { id: job.id } });
    if (res.status !== 200) throw await apiError(res, 'GET /api/jobs/:id');
    job = await res.json();
    onJob(job);
  }
  if (job.state === 'done') return job.result as T;
  if (job.state === 'cancelled') throw new Error('Đã hủy: không có gì được ghi.');
  throw new Error(job.error ?? 'Công việc thất bại.');
}

/** An import's answer: written at once (200), or as a job followed to its end (202). */
async function readCommit<T>(res: Response, route: string, onJob: (job: Job) => void) {
  if (res.status !== 202) return readUpload<T>(res, route);
  return { ok: true as const, data: await followJob<T>((await res.json()) as Job, onJob) };
}

/** Writes a report (all or nothing); a large one as a job whose progress `onJob` is told. */
export async function commitValues(
  u: ValuesUpload,
  onJob: (job: Job) => void = () => undefined,
): Promise<UploadOutcome<ValuesCommit>> {
  return readCommit(await api.api.imports.values.$post({ form: valuesForm(u) }, asJob), 'Ghi báo cáo', onJob);
}

export interface BoundariesUpload {
  file: File;
  validFrom: string;
  level: 'commune' | 'province';
  crs: string | null;
  /** update: the file holds the units a decree changed, the others carry over; replace: the whole set. */
  scope: 'update' | 'replace';
  decree: string;
  decreeDate: string;
}

const boundariesForm = (u: BoundariesUpload) => ({
  file: u.file,
  validFrom: u.validFrom,
  level: u.level,
  crosswalk: 'area' as const,
  scope: u.scope,
  ...(u.crs ? { crs: u.crs } : {}),
  ...(u.decree.trim() ? { decree: u.decree.trim() } : {}),
  ...(u.decreeDate ? { decreeDate: u.decreeDate } : {}),
});

export async function previewBoundaries(u: BoundariesUpload): Promise<UploadOutcome<BoundariesReport>> {
  return readUpload(
    await api.api.imports.boundaries.preview.$post({ form: boundariesForm(u) }),
    'Kiểm tra ranh giới',
  );
}

/** Writes a boundary version as a job whose progress `onJob` is told. */
export async function commitBoundaries(
  u: BoundariesUpload,
  onJob: (job: Job) => void = () => undefined,
): Promise<UploadOutcome<BoundariesReport & { importId: number }>> {
  return readCommit(
    await api.api.imports.boundaries.$post({ form: boundariesForm(u) }, asJob),
    'Ghi ranh giới',
    onJob,
  );
}

/** Undoes an import of any kind (each kind has its own route and audience). */
export async function rollBackImport(kind: 'values' | 'boundaries' | 'crosswalk', id: number): Promise<void> {
  const param = { param: { id: String(id) } };
  const res =
    kind === 'values'
      ? await api.api.imports.values[':id'].rollback.$post(param)
      : kind === 'boundaries'
        ? await api.api.imports.boundaries[':id'].rollback.$post(param)
        : await api.api.imports.crosswalk[':id'].rollback.$post(param);
  await readUpload(res, 'Hoàn tác');
}
