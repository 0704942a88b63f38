import { createHash } from 'node:crypto';
import { formatNumber, periodLabel } from '@pcmt/domain/format';
import type { Database, Queryable, Transaction } from '../../db/engine';
import { recordAudit } from '../../lib/audit';
import { ApiError, badRequest, notFound } from '../../lib/errors';
import { coversProvince, type Jurisdiction } from '../auth/jurisdiction';
import { insertImport } from '../imports/imports.repo';
import { diffValues, lockValueSets, writeValueChanges } from '../imports/values-import.repo';
import { type IndicatorRow, listIndicators } from '../indicators/indicators.repo';
import { ensurePeriod, listPeriods, type PeriodRow, periodOf } from '../periods/periods.repo';
import { dayOfLastMonth, type FormRow, findForm } from './forms.repo';
import {
  communeOn,
  findSubmission,
  findSubmissionFor,
  insertSubmission,
  type SubmissionPatch,
  type SubmissionRow,
  type SubmissionState,
  storedValuesOf,
  updateSubmission,
} from './submissions.repo';
import { checkOutliers, checkRules, type Problem, type ValidationRule } from './validation';

/** States the reporter may edit and submit from. */
const EDITABLE: readonly SubmissionState[] = ['draft', 'returned', 'reopened'];
/** Earlier periods of the same kind the outlier check compares with. */
const HISTORY_PERIODS = 8;

/** An error the reporter must fix (422), with every problem. */
export class ReportRejected extends ApiError {
  constructor(
    message: string,
    field: string,
    readonly problems: readonly Problem[],
    code = 'invalid_report',
  ) {
    super(422, code, message, field);
  }
}

/** Names and units of catalogue entries and of their breakdown parts (`code__dim_part`). */
export function itemInfo(catalogue: readonly IndicatorRow[]) {
  const info = new Map<string, { nameVi: string; unitVi: string; stored: boolean; usable: boolean }>();
  for (const i of catalogue) {
    const usable = i.retiredAt === null && i.reportingLevel === 'commune';
    info.set(i.code, { nameVi: i.nameVi, unitVi: i.unitVi, stored: i.formula === null, usable });
    for (const d of i.disaggregations)
      for (const p of d.parts)
        info.set(`${i.code}__${d.code}_${p.code}`, {
          nameVi: `${i.nameVi} – ${d.nameVi}: ${p.nameVi}`,
          unitVi: i.unitVi,
          stored: true,
          usable,
        });
  }
  return info;
}

/** The form's rules plus one "parts sum to the total" per breakdown whose total and parts are all on it. */
export function rulesOf(form: Pick<FormRow, 'items' | 'rules'>, catalogue: readonly IndicatorRow[]) {
  const on = new Set(form.items);
  const auto: ValidationRule[] = [];
  for (const i of catalogue) {
    if (!on.has(i.code)) continue;
    for (const d of i.disaggregations) {
      const parts = d.parts.map((p) => `${i.code}__${d.code}_${p.code}`);
      if (parts.length > 0 && parts.every((p) => on.has(p)))
        auto.push({
          kind: 'parts_sum',
          total: i.code,
          parts,
          messageVi: `${i.nameVi}: tổng các phần theo ${d.nameVi.toLowerCase()} phải bằng tổng số`,
        });
    }
  }
  return [...form.rules, ...auto];
}

/** Checks a form's definition against the catalogue, naming the field of the first problem. */
export function checkFormDefinition(
  items: readonly string[],
  rules: readonly ValidationRule[],
  catalogue: readonly IndicatorRow[],
) {
  const info = itemInfo(catalogue);
  items.forEach((code, k) => {
    const i = info.get(code);
    if (!i) throw badRequest(`items.${k}`, `items.${k}: không có chỉ số ${code} trong danh mục`);
    if (!i.stored)
      throw badRequest(`items.${k}`, `items.${k}: ${code} là chỉ số tính toán, không nhập trực tiếp`);
    if (!i.usable)
      throw badRequest(`items.${k}`, `items.${k}: ${code} đã ngừng sử dụng hoặc không báo cáo ở cấp xã`);
  });
  if (new Set(items).size !== items.length) throw badRequest('items', 'items: một chỉ số xuất hiện hai lần');
  const on = new Set(items);
  rules.forEach((r, k) => {
    const fields =
      r.kind === 'lte'
        ? { left: r.left, right: r.right }
        : r.kind === 'share_max'
          ? { numerator: r.numerator, denominator: r.denominator }
          : { total: r.total };
    const codes = Object.entries(fields);
    if (r.kind === 'parts_sum') {
      for (const [n, p] of r.parts.entries()) codes.push([`parts.${n}`, p]);
    }
    for (const [name, code] of codes)
      if (!on.has(code))
        throw badRequest(`rules.${k}.${name}`, `rules.${k}.${name}: ${code} không có trong biểu mẫu`);
  });
}

export interface ReportPeriod extends PeriodRow {
  cutoffDate: string;
  dueDate: string;
  /** The end of the due day in Vietnam (UTC+7), as an instant. */
  dueAt: string;
  previous: string | null;
  /** Earlier periods of the same kind, newest first (the outlier check's history). */
  earlier: string[];
}

export async function reportPeriod(db: Queryable, form: FormRow, periodId: string): Promise<ReportPeriod> {
  const periods = await listPeriods(db);
  // A month no one has reported yet is not in the calendar: it comes from its id (saving adds it).
  const period = periods.find((p) => p.id === periodId) ?? periodOf(periodId);
  if (!period) throw badRequest('period', `period: không có kỳ ${periodId}`);
  if (period.kind !== form.periodKind)
    throw badRequest(
      'period',
      `period: biểu mẫu ${form.code} báo cáo theo ${KIND_VI[form.periodKind]}, ${periodLabel(periodId)} không phải`,
    );
  const earlier = periods
    .filter((p) => p.kind === period.kind && p.endDate < period.startDate)
    .sort((a, b) => (a.endDate < b.endDate ? 1 : -1))
    .map((p) => p.id);
  const dueDate = dayOfLastMonth(period.endDate, form.dueDay);
  return {
    ...period,
    cutoffDate: dayOfLastMonth(period.endDate, form.cutoffDay),
    dueDate,
    dueAt: new Date(`${dueDate}T23:59:59.999+07:00`).toISOString(),
    previous: earlier[0] ?? null,
    earlier: earlier.slice(0, HISTORY_PERIODS),
  };
}

const KIND_VI = { month: 'tháng', quarter: 'quý', half: '6 tháng', year: 'năm' } as const;

export async function requireForm(db: Queryable, code: string): Promise<FormRow> {
  const form = await findForm(db, code);
  if (!form) throw notFound('form', `form: không có biểu mẫu ${code}`);
  return form;
}

/** The commune of the period (valid on its last day) a form is reported for. */
export async function reportingUnit(db: Queryable, form: FormRow, code: string, period: ReportPeriod) {
  const unit = await communeOn(db, code, period.endDate);
  if (!unit || (form.provinceCode !== null && unit.provinceCode !== form.provinceCode))
    throw badRequest(
      'commune',
      `commune: xã ${code} không báo cáo biểu mẫu ${form.code} kỳ ${periodLabel(period.id)}`,
    );
  return unit;
}

/** Every problem of a report: rule errors, then warnings against the unit's own earlier periods. */
export async function problemsOf(
  db: Queryable,
  form: FormRow,
  period: ReportPeriod,
  unitCode: string,
  values: Record<string, number | null>,
  catalogue: readonly IndicatorRow[],
): Promise<Problem[]> {
  const info = itemInfo(catalogue);
  const names = new Map([...info].map(([k, v]) => [k, v.nameVi]));
  const stored = await storedValuesOf(db, unitCode, period.earlier, form.items);
  const history = new Map<string, number[]>();
  for (const code of form.items) {
    const past = [...period.earlier]
      .reverse()
      .map((p) => stored.get(p)?.get(code))
      .filter((v): v is number => v !== undefined);
    history.set(code, past);
  }
  return [
    ...checkRules(form.items, rulesOf(form, catalogue), values, names),
    ...checkOutliers(values, history, names, (n) => formatNumber(n)),
  ];
}

export interface SaveInput {
  form: string;
  commune: string;
  period: string;
  values: Record<string, number | null>;
  submit: boolean;
  warningComment?: string | undefined;
  actor: string;
}

/**
 * Saves a draft, or submits: errors block a submission (422, every problem named); warnings need a
 * confirmation comment. An approved report is locked until the province reopens it (409).
 */
export async function saveReport(db: Database, input: SaveInput) {
  const form = await requireForm(db, input.form);
  const period = await reportPeriod(db, form, input.period);
  const unit = await reportingUnit(db, form, input.commune, period);
  const on = new Set(form.items);
  for (const code of Object.keys(input.values))
    if (!on.has(code))
      throw badRequest(`values.${code}`, `values.${code}: không có trong biểu mẫu ${form.code}`);
  const catalogue = await listIndicators(db);
  return db.transaction(async (tx) => {
    await ensurePeriod(tx, period);
    await insertSubmission(tx, {
      form: form.code,
      unitId: unit.id,
      period: period.id,
      values: {},
      actor: input.actor,
    });
    const before = await findSubmissionFor(tx, form.code, unit.id, period.id, { lock: true });
    if (!before) throw new Error('submission vanished under its lock');
    if (!EDITABLE.includes(before.state)) throw locked(before);
    const values = Object.fromEntries(form.items.map((c) => [c, input.values[c] ?? null]));
    const problems = await problemsOf(tx, form, period, unit.code, values, catalogue);
    const comment = input.warningComment?.trim() || null;
    if (input.submit) {
      const errors = problems.filter((p) => p.severity === 'error');
      if (errors.length > 0)
        throw new ReportRejected(
          `values.${errors[0]?.field}: ${errors[0]?.messageVi}`,
          `values.${errors[0]?.field}`,
          problems,
        );
      if (problems.length > 0 && !comment)
        throw new ReportRejected(
          `warningComment: có ${problems.length} số liệu khác thường; hãy ghi chú xác nhận trước khi gửi`,
          'warningComment',
          problems,
          'warnings_unconfirmed',
        );
    }
    const patch: SubmissionPatch = input.submit
      ? { values, state: 'submitted', submitted: true, warningComment: comment }
      : { values, warningComment: comment };
    await updateSubmission(tx, before.id, input.actor, patch);
    const after = (await findSubmission(tx, before.id)) as SubmissionRow;
    await recordAudit(tx, {
      actor: input.actor,
      action: input.submit ? 'report.submit' : 'report.save',
      entity: 'report_submissions',
      entityId: before.id,
      before: { state: before.state, values: before.values },
      after: {
        state: after.state,
        values: after.values,
        form: form.code,
        unit: unit.code,
        period: period.id,
      },
    });
    return { submission: after, problems };
  });
}

const STATE_VI: Record<SubmissionState, string> = {
  draft: 'bản nháp',
  submitted: 'đã gửi, chờ tỉnh duyệt',
  returned: 'bị trả lại',
  approved: 'đã duyệt (khoá)',
  reopened: 'được mở lại',
};
export const stateVi = (s: SubmissionState) => STATE_VI[s];

const locked = (s: SubmissionRow) =>
  new ApiError(
    409,
    s.state === 'approved' ? 'locked' : 'wrong_state',
    s.state === 'approved'
      ? `Báo cáo ${s.unitName} kỳ ${periodLabel(s.periodId)} đã được duyệt và khoá; cần tỉnh mở lại để sửa`
      : `Báo cáo ${s.unitName} kỳ ${periodLabel(s.periodId)} đang ở trạng thái ${STATE_VI[s.state]}`,
    'id',
  );

/** Approval, return and reopening are the province's: a grant covering the whole province (or national). */
function requireProvince(j: Jurisdiction, s: SubmissionRow) {
  if (!coversProvince(j, s.provinceCode))
    throw new ApiError(
      403,
      'forbidden',
      'id: chỉ cán bộ số liệu cấp tỉnh (hoặc quản trị) được duyệt, trả lại hoặc mở lại báo cáo',
      'id',
    );
}

export type Transition = 'approve' | 'return' | 'reopen';
const FROM: Record<Transition, SubmissionState> = {
  approve: 'submitted',
  return: 'submitted',
  reopen: 'approved',
};
const TO: Record<Transition, SubmissionState> = {
  approve: 'approved',
  return: 'returned',
  reopen: 'reopened',
};

/**
 * The province's transitions, each audited with the state and values before and after. Approving writes
 * the values into the values store through the values import path (one import per approval, so the map
 * reads them, the data generation is bumped and the import can be traced); reopening keeps them there until
 * the corrected report is approved again (its import then records what it replaces).
 */
export async function transition(
  db: Database,
  id: number,
  t: Transition,
  input: { actor: string; jurisdiction: Jurisdiction; comment?: string | undefined },
) {
  return db.transaction(async (tx) => {
    const before = await findSubmission(tx, id, { lock: true });
    if (!before) throw notFound('id', `id: không có báo cáo ${id}`);
    requireProvince(input.jurisdiction, before);
    if (before.state !== FROM[t]) throw locked(before);
    let importId: number | null = null;
    if (t === 'approve') importId = await writeApprovedValues(tx, before, input.actor);
    await updateSubmission(tx, id, input.actor, {
      state: TO[t],
      approved: t === 'approve',
      ...(t === 'approve' ? {} : { returnComment: input.comment ?? null }),
    });
    const after = (await findSubmission(tx, id)) as SubmissionRow;
    await recordAudit(tx, {
      actor: input.actor,
      action: `report.${t}`,
      entity: 'report_submissions',
      entityId: id,
      before: { state: before.state, values: before.values },
      after: { state: after.state, values: after.values, comment: input.comment ?? null, importId },
    });
    return after;
  });
}

/**
 * An approved report's values go to the values store on the report's own period, whatever its kind: a
 * quarterly form's on its quarter (the map reads it), a monthly, 6-month or yearly form's on that month,
 * half or year (`2026-07`, `2026-H1`, `2026`), never moved to another period.
 */
async function writeApprovedValues(tx: Transaction, s: SubmissionRow, actor: string) {
  const values = Object.entries(s.values)
    .filter((e): e is [string, number] => typeof e[1] === 'number')
    .map(([indicatorCode, value], k) => ({
      sheet: null,
      row: k + 1,
      column: indicatorCode,
      unitId: s.unitId,
      unitCode: s.unitCode,
      indicatorCode,
      value,
    }));
  await lockValueSets(
    tx,
    s.periodId,
    values.map((v) => v.indicatorCode),
  );
  const diff = await diffValues(tx, s.periodId, values, { lock: true });
  if (diff.changes.length === 0) return null;
  const fileName = `bao-cao-${s.formCode}-${s.unitCode}-${s.periodId}`;
  const importId = await insertImport(tx, {
    kind: 'values',
    fileName,
    fileSha256: createHash('sha256').update(JSON.stringify(s.values)).digest('hex'),
    target: s.periodId,
    actor,
    summary: {
      values: values.length,
      added: diff.changes.filter((c) => c.oldValue === null).length,
      changed: diff.changes.filter((c) => c.oldValue !== null).length,
      unchanged: diff.unchanged,
      scope: s.provinceCode,
      submission: s.id,
    },
  });
  await writeValueChanges(tx, { importId, period: s.periodId, fileName, changes: diff.changes });
  return importId;
}
