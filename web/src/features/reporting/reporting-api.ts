import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { ApiError, apiError } from '../../lib/api-error';
import { queryKeys } from '../../lib/query-keys';

/** Query keys of the reporting pages, general to specific: every write refreshes `all`. */
export const reportingKeys = queryKeys.reporting;

export const formsQuery = queryOptions({
  queryKey: reportingKeys.forms(),
  queryFn: async ({ signal }) => {
    const res = await api.api.reporting.forms.$get(undefined, { init: { signal } });
    if (!res.ok) throw await apiError(res, '/api/reporting/forms');
    return res.json();
  },
});

export const entryQuery = (form: string, commune: string, period: string) =>
  queryOptions({
    queryKey: reportingKeys.entry(form, commune, period),
    queryFn: async ({ signal }) => {
      const res = await api.api.reporting.entry.$get(
        { query: { form, commune, period } },
        { init: { signal } },
      );
      if (!res.ok) throw await apiError(res, '/api/reporting/entry');
      return res.json();
    },
    enabled: form !== '' && commune !== '',
  });

export const submissionsQuery = (form: string, period: string, parent: string | null) =>
  queryOptions({
    queryKey: reportingKeys.submissions(form, period, parent),
    queryFn: async ({ signal }) => {
      const res = await api.api.reporting.submissions.$get(
        { query: { form, period, ...(parent ? { parent } : {}) } },
        { init: { signal } },
      );
      if (!res.ok) throw await apiError(res, '/api/reporting/submissions');
      return res.json();
    },
    enabled: form !== '',
  });

/** `perCommune`: one row per commune even for the whole country (the map layer). */
export const completenessQuery = (form: string, period: string, parent: string | null, perCommune = false) =>
  queryOptions({
    queryKey: reportingKeys.completeness(form, period, parent, perCommune),
    queryFn: async ({ signal }) => {
      const res = await api.api.reporting.completeness.$get(
        {
          query: {
            form,
            period,
            ...(parent ? { parent } : {}),
            ...(perCommune && !parent ? { per: 'commune' as const } : {}),
          },
        },
        { init: { signal } },
      );
      if (!res.ok) throw await apiError(res, '/api/reporting/completeness');
      return res.json();
    },
    enabled: form !== '',
  });

export interface Problem {
  severity: 'error' | 'warning';
  field: string;
  rule: string;
  messageVi: string;
}

export interface DraftReport {
  form: string;
  commune: string;
  period: string;
  values: Record<string, number | null>;
  submit: boolean;
  warningComment?: string;
}

/** A refused submission: the server's message and field, and every problem it found. */
export class ReportRefused extends ApiError {
  constructor(
    base: ApiError,
    readonly problems: readonly Problem[],
  ) {
    super(base.route, base.status, base.serverMessage, base.code, base.field);
  }
}

/** Saves or submits; a network failure throws a TypeError (the caller keeps the draft and retries). */
export async function sendReport(report: DraftReport) {
  const res = await api.api.reporting.submissions.$post({ json: report });
  if (res.ok) return res.json();
  const problems =
    res.status === 422 ? (((await res.clone().json()) as { problems?: Problem[] }).problems ?? []) : [];
  throw new ReportRefused(await apiError(res, '/api/reporting/submissions'), problems);
}

export async function reviewStep(id: number, step: 'approve' | 'return' | 'reopen', comment: string) {
  const param = { id: String(id) };
  const res =
    step === 'approve'
      ? await api.api.reporting.submissions[':id'].approve.$post({ param, json: comment ? { comment } : {} })
      : step === 'return'
        ? await api.api.reporting.submissions[':id'].return.$post({ param, json: { comment } })
        : await api.api.reporting.submissions[':id'].reopen.$post({ param, json: { comment } });
  if (!res.ok) throw await apiError(res, `/api/reporting/submissions/${id}/${step}`);
  return res.json();
}

export interface FormDefinition {
  code: string;
  nameVi: string;
  periodKind: 'month' | 'quarter' | 'half' | 'year';
  items: string[];
  cutoffDay: number;
  dueDay: number;
  filledBy: 'data_officer' | 'police';
  province?: string;
}

/** Creates a form (`existing` false) or changes one; the server checks every item against the catalogue. */
export async function saveForm(f: FormDefinition, existing: boolean) {
  const { code, ...rest } = f;
  const res = existing
    ? await api.api.reporting.forms[':code'].$put({ param: { code }, json: rest })
    : await api.api.reporting.forms.$post({ json: f });
  if (!res.ok) throw await apiError(res, '/api/reporting/forms');
  return res.json();
}
