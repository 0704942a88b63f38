import type { Job } from '@pcmt/domain/contracts/jobs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiErrorNotice } from '../../components/api-error-notice';
import { api } from '../../lib/api-client';
import { apiError } from '../../lib/api-error';
import type { Lang } from '../../lib/i18n';
import { queryKeys } from '../../lib/query-keys';

/** A job as GET /api/jobs/{id} answers it. */
export type JobAnswer = Job;

export const jobKey = queryKeys.job.one;

/** Follows a job every half second while it runs; an ended one no more. */
export function useJob(jobId: string | null) {
  return useQuery({
    queryKey: jobKey(jobId),
    enabled: jobId !== null,
    queryFn: async () => {
      const res = await api.api.jobs[':id'].$get({ param: { id: jobId ?? '' } });
      if (res.status !== 200) throw await apiError(res, 'GET /api/jobs/:id');
      return (await res.json()) as JobAnswer;
    },
    refetchInterval: (q) => (q.state.data?.state === 'running' ? 500 : false),
  });
}

/** The file a finished job made (a PDF pack). */
export const jobFileHref = (id: string) => `/api/jobs/${id}/file`;

const TEXT = {
  vi: { progress: 'Tiến độ', cancel: 'Hủy', cancelled: 'Đã hủy' },
  en: { progress: 'Progress', cancel: 'Cancel', cancelled: 'Cancelled' },
} as const;

/**
 * A job's progress bar: percent and what the server is doing (in Vietnamese), a cancel button while it runs,
 * and why it failed when it did. The page stays usable meanwhile.
 */
export function JobProgress({ job, lang, testId }: { job: JobAnswer; lang: Lang; testId?: string }) {
  const client = useQueryClient();
  const text = TEXT[lang === 'en' ? 'en' : 'vi'];
  const cancel = useMutation({
    mutationFn: async (id: string) => {
      const res = await api.api.jobs[':id'].$delete({ param: { id } });
      if (res.status !== 200) throw await apiError(res, 'DELETE /api/jobs/:id');
      return (await res.json()) as JobAnswer;
    },
    onSuccess: (j) => client.setQueryData(jobKey(j.id), j),
  });
  return (
    <div className="job-progress" data-testid={testId ?? 'job-progress'} data-state={job.state}>
      <progress max={100} value={job.progress} aria-label={text.progress} /> <span>{job.progress}%</span>{' '}
      <span data-testid="job-stage">{job.stage}</span>
      {job.state === 'running' && (
        <button type="button" className="link-button" onClick={() => cancel.mutate(job.id)}>
          {text.cancel}
        </button>
      )}
      {job.state === 'failed' && job.error && <p className="error">{job.error}</p>}
      {cancel.isError && <ApiErrorNotice error={cancel.error} lang={lang} />}
    </div>
  );
}
