import type { InferResponseType } from 'hono/client';
import { api } from '../../../lib/api-client';
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
}

const valuesForm = (u: ValuesUpload) => ({
  file: u.file,
  period: u.period,
  ...(u.scope ? { scope: u.scope } : {}),
  ...(Object.keys(u.choices).length > 0 ? { choices: JSON.stringify(u.choices) } : {}),
  ...(u.approve ? { approve: 'true' as const } : {}),
});

/** Checks a report without writing: what it would add and change, or its problems. */
export async function previewValues(u: ValuesUpload): Promise<UploadOutcome<ValuesPreview>> {
  return readUpload(await api.api.imports.values.preview.$post({ form: valuesForm(u) }), 'Kiểm tra báo cáo');
}

/** Writes a report (all or nothing). */
export async function commitValues(u: ValuesUpload): Promise<UploadOutcome<ValuesCommit>> {
  return readUpload(await api.api.imports.values.$post({ form: valuesForm(u) }), 'Ghi báo cáo');
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

export async function commitBoundaries(
  u: BoundariesUpload,
): Promise<UploadOutcome<BoundariesReport & { importId: number }>> {
  return readUpload(await api.api.imports.boundaries.$post({ form: boundariesForm(u) }), 'Ghi ranh giới');
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
