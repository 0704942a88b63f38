import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiErrorNotice } from '../../components/api-error-notice';
import { api } from '../../lib/api-client';
import { apiError } from '../../lib/api-error';
import type { Lang } from '../../lib/i18n';
import { queryKeys } from '../../lib/query-keys';

/**
 * Starts the national contiguity weights build (a job on the server) and follows it: a progress bar with
 * what the server is doing, and a cancel button while it runs. The page stays usable meanwhile.
 */
export function WeightsJobPanel({ lang }: { lang: Lang }) {
  const client = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: async () => {
      const res = await api.api.jobs.weights.$post({ json: {} });
      if (res.status !== 202) throw await apiError(res, 'POST /api/jobs/weights');
      return res.json();
    },
    onSuccess: (job) => {
      setJobId(job.id);
      client.setQueryData(['job', job.id], job);
    },
  });
  const job = useQuery({
    queryKey: queryKeys.job.one(jobId),
    enabled: jobId !== null,
    queryFn: async () => {
      const res = await api.api.jobs[':id'].$get({ param: { id: jobId ?? '' } });
      if (res.status !== 200) throw await apiError(res, 'GET /api/jobs/:id');
      return res.json();
    },
    // Follow a running job every half second; an ended one no more.
    refetchInterval: (q) => (q.state.data?.state === 'running' ? 500 : false),
  });
  const cancel = useMutation({
    mutationFn: async (id: string) => {
      const res = await api.api.jobs[':id'].$delete({ param: { id } });
      if (res.status !== 200) throw await apiError(res, 'DELETE /api/jobs/:id');
      return res.json();
    },
    onSuccess: (j) => client.setQueryData(['job', j.id], j),
  });
  const current = job.data;
  const running = current?.state === 'running';
  return (
    <section data-testid="weights-job">
      <h2>Ma trận trọng số không gian</h2>
      <p className="muted">
        Xây dựng ma trận liền kề của mọi xã trong cả nước (dùng cho phân tích điểm nóng). Việc này chạy nền:
        bạn có thể tiếp tục làm việc.
      </p>
      <button type="button" disabled={running || start.isPending} onClick={() => start.mutate()}>
        Xây dựng ma trận trọng số
      </button>
      {current && (
        <div className="job-progress">
          <progress max={100} value={current.progress} aria-label="Tiến độ" />{' '}
          <span>{current.progress}%</span> <span data-testid="job-stage">{current.stage}</span>
          {running && (
            <button type="button" className="link-button" onClick={() => cancel.mutate(current.id)}>
              Hủy
            </button>
          )}
          {current.state === 'failed' && current.error && <p className="error">{current.error}</p>}
        </div>
      )}
      {start.isError && <ApiErrorNotice error={start.error} lang={lang} />}
      {cancel.isError && <ApiErrorNotice error={cancel.error} lang={lang} />}
    </section>
  );
}
