import { createRoute } from '@hono/zod-openapi';
import {
  BoundariesCommitResponse,
  BoundariesImportForm,
  BoundariesPreview,
  CrosswalkImportForm,
  CrosswalkResult,
  ImportIdParam,
  ImportRejectedResponse,
  ImportsListResponse,
  RollbackResponse,
  TemplateQuery,
  ValuesCommitResponse,
  ValuesImportForm,
  ValuesPreview,
} from '@pcmt/domain/contracts/imports';
import { Job } from '@pcmt/domain/contracts/jobs';
import type { Context } from 'hono';
import type { Queryable } from '../../db/engine';
import { actorOf } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import type { RouteDeps } from '../../lib/context';
import { visibleImportsSql } from '../../lib/data-scope';
import { ApiError, badRequest } from '../../lib/errors';
import type { JobRow } from '../../lib/jobs.repo';
import { msg } from '../../lib/messages';
import { createRouter, errorResponse } from '../../lib/openapi';
import type { Identity } from '../auth/identity';
import { coversProvince, type Jurisdiction } from '../auth/jurisdiction';
import {
  importBoundaries,
  readBoundariesImport,
  rollBackBoundariesImport,
  writeBoundaries,
} from './boundaries-import';
import { importCrosswalk, rollBackCrosswalkImport } from './crosswalk-import';
import {
  prefersAsync,
  startBoundariesImportJob,
  startValuesImportJob,
  VALUES_JOB_MIN_VALUES,
} from './import-jobs';
import { ImportRejected } from './import-problem';
import { recordImportSubmissions } from './import-submissions.repo';
import { listImports } from './imports.repo';
import type { MatchableUnit } from './unit-matcher';
import { MAX_BOUNDARY_BYTES, MAX_TABLE_BYTES, uploadLimit } from './upload-limits';
import {
  previewValuesImport,
  readValuesImport,
  rollBackValuesImport,
  ValuesImportRejected,
  writeValuesImport,
} from './values-import';
import { valuesTemplate } from './values-template.service';

const rejected = {
  description: 'The file cannot be imported: every problem by sheet, row and column; nothing was written',
  content: { 'application/json': { schema: ImportRejectedResponse } },
};
const tooLarge = errorResponse('The upload is over the size limit');
const form = <T>(schema: T) => ({ body: { content: { 'multipart/form-data': { schema } }, required: true } });

const listRoute = createRoute({
  method: 'get',
  path: '/api/imports',
  summary: 'Committed imports, newest first',
  responses: {
    200: { description: 'Imports', content: { 'application/json': { schema: ImportsListResponse } } },
  },
});

const templateRoute = createRoute({
  method: 'get',
  path: '/api/imports/templates/values',
  summary: 'A report template (XLSX or CSV, Vietnamese headers) for a period and a scope',
  request: { query: TemplateQuery },
  responses: {
    200: { description: 'The template file' },
    400: errorResponse('Bad parameter'),
  },
});

const valuesPreviewRoute = createRoute({
  method: 'post',
  path: '/api/imports/values/preview',
  summary: 'Validate a report and show what it would add and change (nothing is written)',
  middleware: [uploadLimit(MAX_TABLE_BYTES)] as const,
  request: form(ValuesImportForm),
  responses: {
    200: { description: 'Preview', content: { 'application/json': { schema: ValuesPreview } } },
    400: errorResponse('Bad parameter'),
    413: tooLarge,
    422: rejected,
  },
});

const valuesCommitRoute = createRoute({
  method: 'post',
  path: '/api/imports/values',
  summary: 'Import a report all-or-nothing; re-importing the same values changes nothing',
  middleware: [uploadLimit(MAX_TABLE_BYTES)] as const,
  request: form(ValuesImportForm),
  responses: {
    200: { description: 'Committed', content: { 'application/json': { schema: ValuesCommitResponse } } },
    202: {
      description: `With \`Prefer: respond-async\`, a report of ${VALUES_JOB_MIN_VALUES} values or more: checked, and being written as a job (its result is the 200 answer)`,
      content: { 'application/json': { schema: Job } },
    },
    400: errorResponse('Bad parameter'),
    403: errorResponse('Approving at once is the province office’s (province data officers, admins)'),
    409: errorResponse('A large report is being written already'),
    413: tooLarge,
    422: rejected,
  },
});

const valuesRollbackRoute = createRoute({
  method: 'post',
  path: '/api/imports/values/{id}/rollback',
  summary: 'Put back the values a report import replaced',
  request: { params: ImportIdParam },
  responses: {
    200: { description: 'Rolled back', content: { 'application/json': { schema: RollbackResponse } } },
    404: errorResponse('No such values import'),
    409: errorResponse('Already rolled back, or its values changed since'),
  },
});

const boundariesPreviewRoute = createRoute({
  method: 'post',
  path: '/api/imports/boundaries/preview',
  summary: 'Read a boundary file and show the new unit version against the current one (nothing is written)',
  middleware: [uploadLimit(MAX_BOUNDARY_BYTES)] as const,
  request: form(BoundariesImportForm),
  responses: {
    200: { description: 'Preview', content: { 'application/json': { schema: BoundariesPreview } } },
    400: errorResponse('Bad parameter'),
    413: tooLarge,
    422: rejected,
  },
});

const boundariesCommitRoute = createRoute({
  method: 'post',
  path: '/api/imports/boundaries',
  summary: 'Import GeoJSON, TopoJSON, KML or a zipped Shapefile as a new unit version',
  middleware: [uploadLimit(MAX_BOUNDARY_BYTES)] as const,
  request: form(BoundariesImportForm),
  responses: {
    200: { description: 'Committed', content: { 'application/json': { schema: BoundariesCommitResponse } } },
    202: {
      description:
        'With `Prefer: respond-async`: the file checked, its version being built as a job (its result is the 200 answer)',
      content: { 'application/json': { schema: Job } },
    },
    400: errorResponse('Bad parameter'),
    409: errorResponse('A boundary import is running already'),
    413: tooLarge,
    422: rejected,
  },
});

const crosswalkRoute = createRoute({
  method: 'post',
  path: '/api/imports/crosswalk',
  summary:
    'Replace the crosswalk of a unit change from a CSV (old code, new code, weight) or by area overlap',
  middleware: [uploadLimit(MAX_TABLE_BYTES)] as const,
  request: form(CrosswalkImportForm),
  responses: {
    200: { description: 'Committed', content: { 'application/json': { schema: CrosswalkResult } } },
    400: errorResponse('Bad parameter'),
    413: tooLarge,
    422: rejected,
  },
});

const rollbackResponses = {
  200: { description: 'Rolled back', content: { 'application/json': { schema: RollbackResponse } } },
  404: errorResponse('No such import'),
  409: errorResponse('Already rolled back, or something depends on it'),
};

// Literal paths: a computed path would be typed `string` and blur every route in the web client's types.
const boundariesRollbackRoute = createRoute({
  method: 'post',
  path: '/api/imports/boundaries/{id}/rollback',
  summary: 'Undo a boundary import while nothing depends on its units',
  request: { params: ImportIdParam },
  responses: rollbackResponses,
});

const crosswalkRollbackRoute = createRoute({
  method: 'post',
  path: '/api/imports/crosswalk/{id}/rollback',
  summary: 'Put back the crosswalk rows a crosswalk import replaced',
  request: { params: ImportIdParam },
  responses: rollbackResponses,
});

/** The 422 body of a rejected file: the error shape every route uses, plus the problems themselves. */
export function rejectedBody(err: ImportRejected) {
  return {
    error: { code: 'invalid_file' as const, message: err.message, field: 'file' },
    problems: [...err.problems],
    ambiguous: err instanceof ValuesImportRejected ? [...err.ambiguous] : [],
  };
}

/** The job's owner: the signed-in user. */
function ownerOf(c: Context) {
  const { user } = c.get('identity');
  return { id: user?.id ?? null, name: user?.username ?? 'anonymous' };
}

/** A job as GET /api/jobs/{id} answers it. */
const jobBody = ({ ownerUserId: _owner, ...job }: JobRow) => job;

export const fileBytes = async (file: File) => new Uint8Array(await file.arrayBuffer());

function parseChoices(raw: string | undefined): Record<string, string> | undefined {
  if (raw === undefined || raw === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      Object.values(parsed).every((v) => typeof v === 'string' && /^\d{5}$/.test(v))
    ) {
      return parsed as Record<string, string>;
    }
  } catch {
    // Reported below.
  }
  throw badRequest('choices', msg('import.choices_shape', { field: 'choices' }));
}

/** A data officer writes the values of their own province or communes only. */
const writableBy = (j: Jurisdiction) => (u: MatchableUnit) =>
  j.national || j.provinceCodes.has(u.provinceCode) || j.communeIds.has(u.id);

type ValuesForm = {
  file: File;
  period: string;
  scope?: string | undefined;
  choices?: string | undefined;
  approve?: 'true' | 'false' | undefined;
  decimalMark?: 'comma' | 'dot' | undefined;
};

/**
 * Data marked approved at once comes from the province office: an admin, or a data officer whose grant
 * covers the whole province of the file (the whole country for a file without a province).
 */
function requireProvinceOffice(identity: Identity, scope: string | null) {
  const { user, jurisdiction: j } = identity;
  const office =
    user?.role === 'admin' ||
    (user?.role === 'data_officer' && (scope === null ? j.national : coversProvince(j, scope)));
  if (!office)
    throw new ApiError(
      403,
      'forbidden',
      'approve: chỉ cán bộ số liệu cấp tỉnh (của tỉnh trong tệp) hoặc quản trị được nhập số liệu đã duyệt ngay',
      'approve',
    );
}

async function valuesInput(c: Context, f: ValuesForm) {
  return {
    fileName: f.file.name || 'upload',
    bytes: await fileBytes(f.file),
    period: f.period,
    scope: f.scope ?? null,
    choices: parseChoices(f.choices),
    ...(f.decimalMark ? { decimalMark: f.decimalMark } : {}),
    actor: actorOf(c),
    mayWrite: writableBy(c.get('identity').jurisdiction),
  };
}

type BoundariesForm = {
  file: File;
  validFrom: string;
  level: 'commune' | 'province';
  crs?: string | undefined;
  crosswalk: 'area' | 'none';
  scope: 'update' | 'replace';
  decree?: string | undefined;
  decreeDate?: string | undefined;
};

async function boundariesInput(c: Context, f: BoundariesForm) {
  return {
    fileName: f.file.name || 'upload',
    bytes: await fileBytes(f.file),
    validFrom: f.validFrom,
    level: f.level,
    crs: f.crs ?? null,
    crosswalk: f.crosswalk === 'area',
    scope: f.scope,
    decree: f.decree ?? null,
    decreeDate: f.decreeDate ?? null,
    actor: actorOf(c),
  };
}

export const importsRoutes = ({ db }: RouteDeps) =>
  createRouter()
    .openapi(listRoute, async (c) =>
      c.json({ rows: await listImports(db, visibleImportsSql(c.get('identity').jurisdiction)) }, 200),
    )
    .openapi(templateRoute, async (c) => {
      const q = c.req.valid('query');
      const file = await valuesTemplate(db, q);
      return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.fileName}"`,
      });
    })
    .openapi(valuesPreviewRoute, async (c) => {
      try {
        const input = await valuesInput(c, c.req.valid('form'));
        return c.json(await previewValuesImport(db, input), 200);
      } catch (err) {
        if (err instanceof ImportRejected) return c.json(rejectedBody(err), 422);
        throw err;
      }
    })
    .openapi(valuesCommitRoute, async (c) => {
      try {
        const f = c.req.valid('form');
        const approved = f.approve === 'true';
        if (approved) requireProvinceOffice(c.get('identity'), f.scope ?? null);
        const input = await valuesInput(c, f);
        // The imported communes' reports of the period, approved at once or waiting for the province,
        // are written in the import's own transaction: all of it is stored, or none.
        const also = async (tx: Queryable, importId: number) => {
          const r = await recordImportSubmissions(tx, {
            importId,
            period: input.period,
            approved,
            actor: input.actor,
          });
          const after = { state: approved ? ('approved' as const) : ('submitted' as const), ...r };
          if (r.submissions > 0)
            await recordAudit(tx, {
              actor: input.actor,
              action: approved ? 'report.import_approved' : 'report.import_submitted',
              entity: 'imports',
              entityId: importId,
              after: { period: input.period, ...after },
            });
          return after;
        };
        const respond = ({
          also: reports,
          ...committed
        }: Awaited<ReturnType<typeof writeValuesImport<Awaited<ReturnType<typeof also>>>>>) => ({
          ...committed,
          reports: reports ?? null,
        });
        const read = await readValuesImport(db, input);
        if (prefersAsync(c) && read.values.length >= VALUES_JOB_MIN_VALUES) {
          const job = await startValuesImportJob(db, ownerOf(c), input, read, also, respond);
          return c.json(jobBody(job), 202);
        }
        return c.json(respond(await writeValuesImport(db, input, read, also)), 200);
      } catch (err) {
        if (err instanceof ImportRejected) return c.json(rejectedBody(err), 422);
        throw err;
      }
    })
    .openapi(valuesRollbackRoute, async (c) => {
      const { id } = c.req.valid('param');
      const detail = await rollBackValuesImport(db, id, actorOf(c));
      return c.json({ id, status: 'rolled_back' as const, detail }, 200);
    })
    .openapi(boundariesPreviewRoute, async (c) => {
      try {
        return c.json(
          await importBoundaries(db, await boundariesInput(c, c.req.valid('form')), 'preview'),
          200,
        );
      } catch (err) {
        if (err instanceof ImportRejected) return c.json(rejectedBody(err), 422);
        throw err;
      }
    })
    .openapi(boundariesCommitRoute, async (c) => {
      try {
        const input = await boundariesInput(c, c.req.valid('form'));
        const read = await readBoundariesImport(db, input);
        if (prefersAsync(c)) {
          const job = await startBoundariesImportJob(db, ownerOf(c), input, read);
          return c.json(jobBody(job), 202);
        }
        const result = await writeBoundaries(db, input, read, 'commit');
        return c.json({ ...result, importId: result.importId ?? 0 }, 200);
      } catch (err) {
        if (err instanceof ImportRejected) return c.json(rejectedBody(err), 422);
        throw err;
      }
    })
    .openapi(crosswalkRoute, async (c) => {
      const f = c.req.valid('form');
      if (f.method === 'file' && !f.file)
        throw badRequest('file', msg('import.crosswalk_file', { field: 'file' }));
      try {
        const result = await importCrosswalk(db, {
          file:
            f.method === 'file' && f.file
              ? { name: f.file.name || 'crosswalk.csv', bytes: await fileBytes(f.file) }
              : null,
          at: f.at,
          level: f.level,
          actor: actorOf(c),
        });
        return c.json(result, 200);
      } catch (err) {
        if (err instanceof ImportRejected) return c.json(rejectedBody(err), 422);
        throw err;
      }
    })
    .openapi(boundariesRollbackRoute, async (c) => {
      const { id } = c.req.valid('param');
      const detail = await rollBackBoundariesImport(db, id, actorOf(c));
      return c.json({ id, status: 'rolled_back' as const, detail }, 200);
    })
    .openapi(crosswalkRollbackRoute, async (c) => {
      const { id } = c.req.valid('param');
      const detail = await rollBackCrosswalkImport(db, id, actorOf(c));
      return c.json({ id, status: 'rolled_back' as const, detail }, 200);
    });
