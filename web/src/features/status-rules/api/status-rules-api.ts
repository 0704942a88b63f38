import type { RuleProposalInput } from '@pcmt/domain/contracts/rule-proposals';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { apiError } from '../../../lib/api-error';
import { queryKeys } from '../../../lib/query-keys';

/** Suggested and decided status of every commune of a province in a period (colours the map, lists differences). */
export const differencesQuery = (period: string, parent: string) =>
  queryOptions({
    queryKey: queryKeys.statusRules.differences(period, parent),
    queryFn: async ({ signal }) => {
      const res = await api.api['status-rules'].differences.$get(
        { query: { period, parent } },
        { init: { signal } },
      );
      if (!res.ok) throw await apiError(res, '/api/status-rules/differences');
      return res.json();
    },
  });

/** One commune's criteria, measured values and thresholds, suggested vs decided status. */
export const explainQuery = (commune: string, period: string) =>
  queryOptions({
    queryKey: queryKeys.statusRules.explain(commune, period),
    queryFn: async ({ signal }) => {
      const res = await api.api['status-rules'].explain.$get(
        { query: { commune, period } },
        { init: { signal } },
      );
      if (!res.ok) throw await apiError(res, '/api/status-rules/explain');
      return res.json();
    },
  });

/** The latest version of a rule set (its criteria and thresholds), as the proposal form starts from. */
export const ruleSetQuery = (code: string) =>
  queryOptions({
    queryKey: queryKeys.statusRules.ruleSet(code),
    queryFn: async ({ signal }) => {
      const res = await api.api['status-rules'][':code'].$get({ param: { code } }, { init: { signal } });
      if (!res.ok) throw await apiError(res, `/api/status-rules/${code}`);
      return res.json();
    },
  });

/** Proposals to change a national rule set the caller may see (a province its own; national: all). */
export const proposalsQuery = () =>
  queryOptions({
    queryKey: queryKeys.statusRules.proposals(),
    queryFn: async ({ signal }) => {
      const res = await api.api['status-rule-proposals'].$get({ query: {} }, { init: { signal } });
      if (!res.ok) throw await apiError(res, '/api/status-rule-proposals');
      return res.json();
    },
  });

export type Proposal = Awaited<
  ReturnType<NonNullable<ReturnType<typeof proposalsQuery>['queryFn']>>
>['rows'][number];

export async function submitProposal(input: RuleProposalInput) {
  const res = await api.api['status-rule-proposals'].$post({ json: input });
  if (!res.ok) throw await apiError(res, '/api/status-rule-proposals');
  return (await res.json()).proposal;
}

export async function acceptProposal(id: number) {
  const res = await api.api['status-rule-proposals'][':id'].accept.$post({ param: { id: String(id) } });
  if (!res.ok) throw await apiError(res, `/api/status-rule-proposals/${id}/accept`);
  return (await res.json()).proposal;
}

export async function rejectProposal(id: number, reason: string) {
  const res = await api.api['status-rule-proposals'][':id'].reject.$post({
    param: { id: String(id) },
    json: { reason },
  });
  if (!res.ok) throw await apiError(res, `/api/status-rule-proposals/${id}/reject`);
  return (await res.json()).proposal;
}
