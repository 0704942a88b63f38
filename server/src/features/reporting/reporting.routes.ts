import { createRoute } from '@hono/zod-openapi';
import {
  ApproveBody,
  CommentBody,
  CompletenessQuery,
  CompletenessResponse,
  CreateFormBody,
  EntryQuery,
  EntryResponse,
  FormCodeParam,
  FormsListResponse,
  ReportForm,
  ReportRejected as ReportRejectedBody,
  SaveBody,
  SaveResponse,
  Submission,
  SubmissionIdParam,
  SubmissionsListResponse,
  SubmissionsQuery,
  UpdateFormBody,
} from '@pcmt/domain/contracts/reporting';
import { actorOf } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import type { RouteDeps } from '../../lib/context';
import { ApiError } from '../../lib/errors';
import { createRouter, errorResponse } from '../../lib/openapi';
import { coversUnit } from '../auth/jurisdiction';
import { listIndicators } from '../indicators/indicators.repo';
import { completeness, lateUnits } from './completeness.repo';
import {
  checkFormDefinition,
  itemInfo,
  ReportRejected,
  reportingUnit,
  reportPeriod,
  requireForm,
  saveReport,
  type Transition,
  transition,
} from './cycle';
import { countSubmissions, findForm, insertForm, listForms, updateForm } from './forms.repo';
import { findSubmissionFor, listSubmissions, storedValuesOf } from './submissions.repo';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });
const body = <T>(schema: T) => ({ body: { ...json(schema), required: true } });

const formsRoute = createRoute({
  method: 'get',
  path: '/api/reporting/forms',
  summary: 'Report forms: the indicators each unit reports per period, rules, cut-off and due days',
  responses: { 200: { description: 'Forms', ...json(FormsListResponse) } },
});

const createFormRoute = createRoute({
  method: 'post',
  path: '/api/reporting/forms',
  summary: 'Define a report form (defaults: data to the 14th, due the 18th of the period’s last month)',
  request: body(CreateFormBody),
  responses: {
    201: { description: 'Created', ...json(ReportForm) },
    400: errorResponse('Bad field'),
    409: errorResponse('The code is taken'),
  },
});

const updateFormRoute = createRoute({
  method: 'put',
  path: '/api/reporting/forms/{code}',
  summary: 'Change a report form (its code stays; its period kind too once reports exist)',
  request: { params: FormCodeParam, ...body(UpdateFormBody) },
  responses: {
    200: { description: 'Changed', ...json(ReportForm) },
    400: errorResponse('Bad field'),
    404: errorResponse('No such form'),
    409: errorResponse('Reports exist: the period kind cannot change'),
  },
});

const entryRoute = createRoute({
  method: 'get',
  path: '/api/reporting/entry',
  summary: 'A commune’s report of a period: the form, its saved submission and the previous period’s values',
  request: { query: EntryQuery },
  responses: {
    200: { description: 'The report to fill', ...json(EntryResponse) },
    400: errorResponse('Bad parameter'),
    404: errorResponse('No such form'),
  },
});

const saveRoute = createRoute({
  method: 'post',
  path: '/api/reporting/submissions',
  summary: 'Save a commune’s report as a draft, or submit it (errors block; warnings need a comment)',
  request: body(SaveBody),
  responses: {
    200: { description: 'Saved', ...json(SaveResponse) },
    400: errorResponse('Bad field'),
    404: errorResponse('No such form'),
    409: errorResponse('Approved (locked) or waiting for the province'),
    422: { description: 'Blocking errors, or warnings not confirmed', ...json(ReportRejectedBody) },
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/api/reporting/submissions',
  summary: 'Submissions of a form and period in the caller’s jurisdiction (a province’s review list)',
  request: { query: SubmissionsQuery },
  responses: {
    200: { description: 'Submissions', ...json(SubmissionsListResponse) },
    400: errorResponse('Bad parameter'),
  },
});

const transitionResponses = {
  200: { description: 'Done', ...json(Submission) },
  400: errorResponse('Bad field'),
  403: errorResponse('Not the province’s data officer'),
  404: errorResponse('No such submission in your jurisdiction'),
  409: errorResponse('Not in a state this step starts from'),
};

const approveRoute = createRoute({
  method: 'post',
  path: '/api/reporting/submissions/{id}/approve',
  summary: 'Approve a submitted report: its values reach the map and it is locked',
  request: { params: SubmissionIdParam, ...body(ApproveBody) },
  responses: transitionResponses,
});

const returnRoute = createRoute({
  method: 'post',
  path: '/api/reporting/submissions/{id}/return',
  summary: 'Return a submitted report to the commune with a comment',
  request: { params: SubmissionIdParam, ...body(CommentBody) },
  responses: transitionResponses,
});

const reopenRoute = createRoute({
  method: 'post',
  path: '/api/reporting/submissions/{id}/reopen',
  summary: 'Reopen an approved report for a correction, with the reason',
  request: { params: SubmissionIdParam, ...body(CommentBody) },
  responses: transitionResponses,
});

const completenessRoute = createRoute({
  method: 'get',
  path: '/api/reporting/completeness',
  summary: 'Expected, received, on time and approved reports per province or commune, and the late units',
  request: { query: CompletenessQuery },
  responses: {
    200: { description: 'Completeness', ...json(CompletenessResponse) },
    400: errorResponse('Bad parameter'),
    404: errorResponse('No such form'),
  },
});

export const reportingRoutes = ({ db }: RouteDeps) => {
  const step =
    (t: Transition) =>
    async (
      id: number,
      actor: string,
      jurisdiction: Parameters<typeof transition>[3]['jurisdiction'],
      comment?: string,
    ) =>
      transition(db, id, t, { actor, jurisdiction, comment });
  return createRouter()
    .openapi(formsRoute, async (c) => c.json({ rows: await listForms(db) }, 200))
    .openapi(createFormRoute, async (c) => {
      const b = c.req.valid('json');
      checkFormDefinition(b.items, b.rules, await listIndicators(db));
      const form = {
        code: b.code,
        nameVi: b.nameVi,
        periodKind: b.periodKind,
        reportingLevel: 'commune' as const,
        items: b.items,
        rules: b.rules,
        cutoffDay: b.cutoffDay,
        dueDay: b.dueDay,
        filledBy: b.filledBy,
        provinceCode: b.province ?? null,
      };
      const created = await db.transaction(async (tx) => {
        if (!(await insertForm(tx, { ...form, createdBy: actorOf(c) }))) return false;
        await recordAudit(tx, {
          actor: actorOf(c),
          action: 'report_form.create',
          entity: 'report_forms',
          entityId: b.code,
          after: form,
        });
        return true;
      });
      if (!created) throw new ApiError(409, 'duplicate', `code: đã có biểu mẫu ${b.code}`, 'code');
      return c.json(form, 201);
    })
    .openapi(updateFormRoute, async (c) => {
      const { code } = c.req.valid('param');
      const b = c.req.valid('json');
      checkFormDefinition(b.items, b.rules, await listIndicators(db));
      const form = {
        code,
        nameVi: b.nameVi,
        periodKind: b.periodKind,
        reportingLevel: 'commune' as const,
        items: b.items,
        rules: b.rules,
        cutoffDay: b.cutoffDay,
        dueDay: b.dueDay,
        filledBy: b.filledBy,
        provinceCode: b.province ?? null,
      };
      await db.transaction(async (tx) => {
        const before = await findForm(tx, code);
        if (!before) throw new ApiError(404, 'not_found', `code: không có biểu mẫu ${code}`, 'code');
        if (before.periodKind !== form.periodKind && (await countSubmissions(tx, code)) > 0)
          throw new ApiError(
            409,
            'has_reports',
            `periodKind: biểu mẫu ${code} đã có báo cáo, không đổi được loại kỳ`,
            'periodKind',
          );
        await updateForm(tx, form);
        await recordAudit(tx, {
          actor: actorOf(c),
          action: 'report_form.update',
          entity: 'report_forms',
          entityId: code,
          before,
          after: form,
        });
      });
      return c.json(form, 200);
    })
    .openapi(entryRoute, async (c) => {
      const q = c.req.valid('query');
      const form = await requireForm(db, q.form);
      const period = await reportPeriod(db, form, q.period);
      const unit = await reportingUnit(db, form, q.commune, period);
      const [catalogue, submission, previous] = await Promise.all([
        listIndicators(db),
        findSubmissionFor(db, form.code, unit.id, period.id),
        period.previous ? storedValuesOf(db, unit.code, [period.previous], form.items) : new Map(),
      ]);
      const info = itemInfo(catalogue);
      const before = period.previous ? previous.get(period.previous) : undefined;
      const j = c.get('identity').jurisdiction;
      return c.json(
        {
          form,
          unit: { code: unit.code, fullName: unit.fullName, provinceCode: unit.provinceCode },
          period: {
            id: period.id,
            startDate: period.startDate,
            endDate: period.endDate,
            cutoffDate: period.cutoffDate,
            dueDate: period.dueDate,
            previous: period.previous,
          },
          items: form.items.map((code) => ({
            code,
            nameVi: info.get(code)?.nameVi ?? code,
            unitVi: info.get(code)?.unitVi ?? '',
            previous: (before?.get(code) as number | undefined) ?? null,
          })),
          submission: submission ?? null,
          editable:
            coversUnit(j, { id: unit.id, provinceCode: unit.provinceCode }) &&
            (!submission || ['draft', 'returned', 'reopened'].includes(submission.state)),
        },
        200,
      );
    })
    .openapi(saveRoute, async (c) => {
      const b = c.req.valid('json');
      try {
        return c.json(await saveReport(db, { ...b, actor: actorOf(c) }), 200);
      } catch (err) {
        if (err instanceof ReportRejected)
          return c.json(
            {
              error: { code: err.code, message: err.message, field: err.field },
              problems: [...err.problems],
            },
            422,
          );
        throw err;
      }
    })
    .openapi(listRoute, async (c) => {
      const q = c.req.valid('query');
      const rows = await listSubmissions(
        db,
        { form: q.form, period: q.period, province: q.parent ?? null, state: q.state ?? null },
        c.get('identity').jurisdiction,
      );
      return c.json({ rows }, 200);
    })
    .openapi(approveRoute, async (c) =>
      c.json(
        await step('approve')(
          c.req.valid('param').id,
          actorOf(c),
          c.get('identity').jurisdiction,
          c.req.valid('json').comment,
        ),
        200,
      ),
    )
    .openapi(returnRoute, async (c) =>
      c.json(
        await step('return')(
          c.req.valid('param').id,
          actorOf(c),
          c.get('identity').jurisdiction,
          c.req.valid('json').comment,
        ),
        200,
      ),
    )
    .openapi(reopenRoute, async (c) =>
      c.json(
        await step('reopen')(
          c.req.valid('param').id,
          actorOf(c),
          c.get('identity').jurisdiction,
          c.req.valid('json').comment,
        ),
        200,
      ),
    )
    .openapi(completenessRoute, async (c) => {
      const q = c.req.valid('query');
      const form = await requireForm(db, q.form);
      const period = await reportPeriod(db, form, q.period);
      const j = c.get('identity').jurisdiction;
      const query = {
        form: form.code,
        period: period.id,
        unitsOn: period.endDate,
        dueAt: period.dueAt,
        formProvince: form.provinceCode,
        province: q.parent ?? null,
        perCommune: q.per === 'commune',
      };
      const [counts, late] = await Promise.all([completeness(db, query, j), lateUnits(db, query, j)]);
      return c.json(
        {
          form: form.code,
          period: period.id,
          unitsOn: period.endDate,
          dueDate: period.dueDate,
          ...counts,
          late,
        },
        200,
      );
    });
};
