import type { PlanInput } from '@pcmt/domain/contracts/plans';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { apiError } from '../../../lib/api-error';
import { queryKeys } from '../../../lib/query-keys';

/**
 * Plans, scorecards, cell details and rankings: one queryOptions per read, keys from general to specific
 * so a write invalidates every view of its plan with `planKeys.plan(code)`.
 */
export const planKeys = queryKeys.plans;

export const plansQuery = () =>
  queryOptions({
    queryKey: planKeys.list(),
    queryFn: async ({ signal }) => {
      const res = await api.api.plans.$get({}, { init: { signal } });
      if (!res.ok) throw await apiError(res, '/api/plans');
      return res.json();
    },
  });

export const planQuery = (code: string) =>
  queryOptions({
    queryKey: planKeys.progress(code),
    queryFn: async ({ signal }) => {
      const res = await api.api.plans[':code'].$get({ param: { code }, query: {} }, { init: { signal } });
      if (!res.ok) throw await apiError(res, `/api/plans/${code}`);
      return res.json();
    },
  });

export interface ScorecardParams {
  code: string;
  unit: string | null;
  columns: 'children' | 'periods';
}

export const scorecardQuery = (p: ScorecardParams) =>
  queryOptions({
    queryKey: planKeys.scorecard(p.code, p.unit, p.columns),
    queryFn: async ({ signal }) => {
      const res = await api.api.plans[':code'].scorecard.$get(
        { param: { code: p.code }, query: { columns: p.columns, ...(p.unit ? { unit: p.unit } : {}) } },
        { init: { signal } },
      );
      if (!res.ok) throw await apiError(res, `/api/plans/${p.code}/scorecard`);
      return res.json();
    },
  });

export const targetDetailQuery = (code: string, target: string, unit: string | null) =>
  queryOptions({
    queryKey: planKeys.detail(code, target, unit),
    queryFn: async ({ signal }) => {
      const res = await api.api.plans[':code'].targets[':target'].detail.$get(
        { param: { code, target }, query: unit ? { unit } : {} },
        { init: { signal } },
      );
      if (!res.ok) throw await apiError(res, `/api/plans/${code}/targets/${target}/detail`);
      return res.json();
    },
  });

export const rankingQuery = (code: string, target: string) =>
  queryOptions({
    queryKey: planKeys.ranking(code, target),
    queryFn: async ({ signal }) => {
      const res = await api.api.plans[':code'].targets[':target'].ranking.$get(
        { param: { code, target }, query: {} },
        { init: { signal } },
      );
      if (!res.ok) throw await apiError(res, `/api/plans/${code}/targets/${target}/ranking`);
      return res.json();
    },
  });

/** A refused write: the server's message and the field it names (`targets[2].definition.threshold`). */
export class FieldError extends Error {
  constructor(
    message: string,
    readonly field: string | null,
  ) {
    super(message);
  }
}

async function fieldError(res: Response): Promise<FieldError> {
  try {
    const body = (await res.json()) as { error?: { message?: string; field?: string | null } };
    return new FieldError(body.error?.message ?? `answered ${res.status}`, body.error?.field ?? null);
  } catch {
    return new FieldError(`answered ${res.status}`, null);
  }
}

/** Creates a plan (no `original`) or replaces the plan `original`. */
export async function savePlan(input: PlanInput, original: string | null) {
  const res = original
    ? await api.api.plans[':code'].$put({ param: { code: original }, json: input })
    : await api.api.plans.$post({ json: input });
  if (!res.ok) throw await fieldError(res);
  return res.json();
}
