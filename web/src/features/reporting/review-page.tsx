import { formatDateTime } from '@pcmt/domain/format';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { sessionQuery } from '../../entities/auth/session';
import { afterDataChange } from '../../lib/data-changes';
import { formatNumber } from '../../lib/format';
import { recentPeriods } from './periods';
import { formsQuery, reportingKeys, reviewStep, submissionsQuery } from './reporting-api';
import './reporting.css';
import { FormAndPeriodPickers } from './form-period-pickers';

const STATE_VI: Record<string, string> = {
  draft: 'Bản nháp',
  submitted: 'Chờ duyệt',
  returned: 'Đã trả lại',
  approved: 'Đã duyệt',
  reopened: 'Đã mở lại',
};

/** /bao-cao/duyet: the province's data officer returns, approves and reopens its communes' reports. */
export default function ReviewPage() {
  const client = useQueryClient();
  const session = useQuery(sessionQuery).data?.user ?? null;
  const forms = useQuery(formsQuery).data?.rows ?? [];
  const [formCode, setFormCode] = useState('');
  const form = forms.find((f) => f.code === formCode) ?? forms[0];
  const periods = useMemo(() => recentPeriods(form?.periodKind ?? 'quarter', 8), [form?.periodKind]);
  const [period, setPeriod] = useState('');
  const periodId = period || periods[0] || '';
  const province = session?.jurisdiction.find((c) => /^\d{2}$/.test(c)) ?? null;
  const list = useQuery(submissionsQuery(form?.code ?? '', periodId, province));
  const [comments, setComments] = useState<Record<number, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<number | null>(null);

  const act = async (id: number, step: 'approve' | 'return' | 'reopen') => {
    setError(null);
    try {
      await reviewStep(id, step, comments[id]?.trim() ?? '');
      await client.invalidateQueries({ queryKey: reportingKeys.all });
      if (step === 'approve') await afterDataChange(client, 'values', 'imports');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <main className="reporting-page" data-testid="report-review">
      <h2>Duyệt báo cáo của xã</h2>
      <div className="reporting-pickers">
        <FormAndPeriodPickers
          forms={forms}
          formCode={form?.code ?? ''}
          onForm={setFormCode}
          periods={periods}
          periodId={periodId}
          onPeriod={setPeriod}
          testIdPrefix="review"
        />
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {list.error && (
        <p role="alert" className="error">
          {list.error.message}
        </p>
      )}
      <table className="reporting-table">
        <thead>
          <tr>
            <th>Xã</th>
            <th>Trạng thái</th>
            <th>Gửi lúc</th>
            <th>Thao tác</th>
          </tr>
        </thead>
        <tbody>
          {(list.data?.rows ?? []).map((s) => (
            <tr key={s.id} data-testid={`review-row-${s.unitCode}`}>
              <td>
                <button type="button" className="link" onClick={() => setOpen(open === s.id ? null : s.id)}>
                  {s.unitName}
                </button>
                {open === s.id && (
                  <dl className="review-values">
                    {Object.entries(s.values).map(([k, v]) => (
                      <div key={k}>
                        <dt>{k}</dt>
                        <dd>{v === null ? '–' : formatNumber(v, 'vi')}</dd>
                      </div>
                    ))}
                    {s.warningComment && (
                      <div>
                        <dt>Ghi chú của xã</dt>
                        <dd>{s.warningComment}</dd>
                      </div>
                    )}
                  </dl>
                )}
              </td>
              <td data-testid="review-state">{STATE_VI[s.state]}</td>
              <td>{s.submittedAt ? formatDateTime(s.submittedAt) : '–'}</td>
              <td className="review-actions">
                {(s.state === 'submitted' || s.state === 'approved') && (
                  <input
                    placeholder={s.state === 'approved' ? 'Lý do mở lại' : 'Ý kiến khi trả lại'}
                    value={comments[s.id] ?? ''}
                    onChange={(e) => setComments((c) => ({ ...c, [s.id]: e.target.value }))}
                    data-testid="review-comment"
                  />
                )}
                {s.state === 'submitted' && (
                  <>
                    <button type="button" onClick={() => void act(s.id, 'approve')} data-testid="approve">
                      Duyệt
                    </button>
                    <button type="button" onClick={() => void act(s.id, 'return')} data-testid="return">
                      Trả lại
                    </button>
                  </>
                )}
                {s.state === 'approved' && (
                  <button type="button" onClick={() => void act(s.id, 'reopen')} data-testid="reopen">
                    Mở lại
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.data && list.data.rows.length === 0 && <p>Chưa có báo cáo nào của kỳ này.</p>}
    </main>
  );
}
