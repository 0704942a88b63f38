import { z } from 'zod';
import { IndicatorCode, PeriodId, SerialId, UnitCode } from './common';

/** Contracts of the reporting cycle (issue 17): forms, submissions, approval and completeness. */

export const FormCode = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{1,63}$/, 'must be a form code such as bc-quy-xa (lower case, digits, - or _)');

export const PeriodKind = z.enum(['month', 'quarter', 'half', 'year']);

const Message = z.string().min(1).max(300);
export const ValidationRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('lte'), left: IndicatorCode, right: IndicatorCode, messageVi: Message }),
  z.object({
    kind: z.literal('parts_sum'),
    total: IndicatorCode,
    parts: z.array(IndicatorCode).min(1).max(50),
    messageVi: Message,
  }),
  z.object({
    kind: z.literal('share_max'),
    numerator: IndicatorCode,
    denominator: IndicatorCode,
    max: z.number().positive(),
    messageVi: Message,
  }),
]);

export const ReportForm = z.object({
  code: z.string(),
  nameVi: z.string(),
  periodKind: PeriodKind,
  reportingLevel: z.literal('commune'),
  items: z.array(z.string()),
  rules: z.array(ValidationRule),
  cutoffDay: z.number(),
  dueDay: z.number(),
  filledBy: z.string(),
  provinceCode: z.string().nullable(),
});

export const FormsListResponse = z.object({ rows: z.array(ReportForm) });

export const CreateFormBody = z.object({
  code: FormCode,
  nameVi: z.string().trim().min(3).max(200),
  periodKind: PeriodKind,
  items: z.array(IndicatorCode).min(1).max(100),
  rules: z.array(ValidationRule).max(100).default([]),
  cutoffDay: z
    .number()
    .int()
    .min(1)
    .max(28)
    .default(14)
    .describe('data up to this day of the period’s last month'),
  dueDay: z
    .number()
    .int()
    .min(1)
    .max(28)
    .default(18)
    .describe('due to the province before the end of this day'),
  province: UnitCode.optional().describe('a province’s own form; absent = every province'),
  filledBy: z
    .enum(['data_officer', 'police'])
    .default('data_officer')
    .describe('who fills it in the commune: the data officer (thống kê) or the police officer'),
});

/** A form's new definition: everything but its code (a period kind is kept once reports exist). */
export const UpdateFormBody = CreateFormBody.omit({ code: true });
export const FormCodeParam = z.object({ code: FormCode });

export const SubmissionState = z.enum(['draft', 'submitted', 'returned', 'approved', 'reopened']);

export const Submission = z.object({
  id: z.number(),
  formCode: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  provinceCode: z.string(),
  periodId: z.string(),
  state: SubmissionState,
  values: z.record(z.string(), z.number().nullable()),
  warningComment: z.string().nullable(),
  returnComment: z.string().nullable(),
  firstSubmittedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});

export const Problem = z.object({
  severity: z.enum(['error', 'warning']),
  field: z.string(),
  rule: z.string(),
  messageVi: z.string(),
});

export const EntryQuery = z.object({
  form: FormCode,
  commune: UnitCode,
  period: PeriodId,
});

export const EntryResponse = z.object({
  form: ReportForm,
  unit: z.object({ code: z.string(), fullName: z.string(), provinceCode: z.string() }),
  period: z.object({
    id: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    cutoffDate: z.string(),
    dueDate: z.string(),
    previous: z.string().nullable(),
  }),
  items: z.array(
    z.object({
      code: z.string(),
      nameVi: z.string(),
      unitVi: z.string(),
      previous: z.number().nullable().describe('the value of the previous period, as stored'),
    }),
  ),
  submission: Submission.nullable(),
  /** Whether the caller may edit now (not approved, inside the jurisdiction). */
  editable: z.boolean(),
});

export const SaveBody = z.object({
  form: FormCode,
  commune: UnitCode,
  period: PeriodId,
  values: z.record(IndicatorCode, z.number().finite().nullable()),
  submit: z.boolean().default(false),
  warningComment: z.string().trim().max(1000).optional().describe('confirms the outlier warnings'),
});

export const SaveResponse = z.object({ submission: Submission, problems: z.array(Problem) });

export const ReportRejected = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().nullable() }),
  problems: z.array(Problem),
});

export const SubmissionsQuery = z.object({
  form: FormCode,
  period: PeriodId,
  parent: UnitCode.optional().describe('a province: its communes’ submissions'),
  state: SubmissionState.optional(),
});
export const SubmissionsListResponse = z.object({ rows: z.array(Submission) });

export const SubmissionIdParam = z.object({ id: SerialId });
export const CommentBody = z.object({ comment: z.string().trim().min(3).max(1000) });
export const ApproveBody = z.object({ comment: z.string().trim().max(1000).optional() });

export const CompletenessQuery = z.object({
  form: FormCode,
  period: PeriodId,
  parent: UnitCode.optional().describe('a province: one row per commune; absent: one row per province'),
  per: z
    .enum(['province', 'commune'])
    .optional()
    .describe('commune: one row per commune even for the nation (the map’s completeness layer)'),
});

const Counts = z.object({
  expected: z.number(),
  received: z.number(),
  onTime: z.number(),
  approved: z.number(),
});

export const CompletenessResponse = z.object({
  form: z.string(),
  period: z.string(),
  unitsOn: z.string().describe('the units expected are those valid on this day (the period’s last)'),
  dueDate: z.string(),
  total: Counts,
  rows: z.array(Counts.extend({ code: z.string(), name: z.string(), state: SubmissionState.nullable() })),
  late: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      provinceCode: z.string(),
      state: SubmissionState.nullable(),
      submittedAt: z.string().nullable(),
      contacts: z.array(z.object({ username: z.string(), displayName: z.string() })),
    }),
  ),
});
