import type { BriefingCreate } from '@pcmt/domain/contracts/briefings';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { apiError } from '../../../lib/api-error';
import { queryKeys } from '../../../lib/query-keys';

/** Briefings: the list, one briefing with its frozen figures, and the two writes. */
export const briefingKeys = queryKeys.briefings;

export const briefingsQuery = () =>
  queryOptions({
    queryKey: briefingKeys.list(),
    queryFn: async ({ signal }) => {
      const res = await api.api.briefings.$get({}, { init: { signal } });
      if (!res.ok) throw await apiError(res, '/api/briefings');
      return res.json();
    },
  });

/** A briefing never changes once made (its figures are frozen): fetch it once per visit. */
export const briefingQuery = (id: string) =>
  queryOptions({
    queryKey: briefingKeys.one(id),
    queryFn: async ({ signal }) => {
      const res = await api.api.briefings[':id'].$get({ param: { id } }, { init: { signal } });
      if (!res.ok) throw await apiError(res, `/api/briefings/${id}`);
      return res.json();
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

/**
 * Saves a briefing as a job on the server (a national briefing of 30 views takes a while): answered at once
 * with the job, whose progress the page shows; the saved briefing is `result.briefingId` once done.
 */
export async function startBriefingJob(body: BriefingCreate) {
  const res = await api.api.jobs.briefing.$post({ json: body });
  if (res.status !== 202) throw await apiError(res, '/api/jobs/briefing');
  return res.json();
}

/** Renders a briefing's PDF pack as a job; the file is at jobFileHref(job.id) once done. */
export async function startBriefingPdfJob(briefingId: string, mat: boolean) {
  const res = await api.api.jobs['briefing-pdf'].$post({ json: { briefingId, mat } });
  if (res.status !== 202) throw await apiError(res, '/api/jobs/briefing-pdf');
  return res.json();
}

export async function deleteBriefing(id: string) {
  const res = await api.api.briefings[':id'].$delete({ param: { id } });
  if (!res.ok) throw await apiError(res, `/api/briefings/${id}`);
}

export const briefingPdfHref = (id: string, mat: boolean) => `/api/briefings/${id}/pdf${mat ? '?mat=1' : ''}`;
export const briefingXlsxHref = (id: string) => `/api/briefings/${id}/xlsx`;
