import { formatDate } from '@pcmt/domain/format';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { sessionQuery } from '../../entities/auth/session';
import { TableExport } from '../../entities/table/components/table-export';
import { formatPercent } from '../../lib/format';
import { periodLabel } from '../../lib/i18n';
import { recentPeriods } from './periods';
import { completenessQuery, formsQuery } from './reporting-api';
import './reporting.css';
import { FormAndPeriodPickers } from './form-period-pickers';

const share = (n: number, of: number) => formatPercent(of > 0 ? (n / of) * 100 : null, 'vi');

/** /bao-cao/tien-do: expected, received, on time, approved; the late units with whom to call; exports. */
export default function CompletenessPage() {
  const session = useQuery(sessionQuery).data?.user ?? null;
  const forms = useQuery(formsQuery).data?.rows ?? [];
  const [formCode, setFormCode] = useState('');
  const form = forms.find((f) => f.code === formCode) ?? forms[0];
  const periods = useMemo(() => recentPeriods(form?.periodKind ?? 'quarter', 8), [form?.periodKind]);
  const [period, setPeriod] = useState('');
  const periodId = period || periods[0] || '';
  const ownProvince = session?.jurisdiction.find((c) => /^\d{2}$/.test(c)) ?? null;
  const [parent, setParent] = useState<string | null>(null);
  const scope = parent ?? ownProvince;
  const q = useQuery(completenessQuery(form?.code ?? '', periodId, scope));
  const d = q.data;
  const caption = d
    ? `Tiến độ báo cáo ${form?.nameVi ?? ''} – ${periodLabel(d.period, 'vi')} (đơn vị ngày ${formatDate(d.unitsOn)}, hạn ${formatDate(d.dueDate)})`
    : '';

  return (
    <main className="reporting-page" data-testid="report-completeness">
      <h2>Tiến độ báo cáo</h2>
      <div className="reporting-pickers">
        <FormAndPeriodPickers
          forms={forms}
          formCode={form?.code ?? ''}
          onForm={setFormCode}
          periods={periods}
          periodId={periodId}
          onPeriod={setPeriod}
          testIdPrefix="completeness"
        />
        {parent && (
          <button type="button" onClick={() => setParent(null)}>
            ← Toàn quốc
          </button>
        )}
      </div>
      {q.error && (
        <p role="alert" className="error">
          {q.error.message}
        </p>
      )}
      {d && (
        <>
          <p className="completeness-summary" data-testid="completeness-summary">
            Số liệu đã nhận {d.total.received}/{d.total.expected} xã (
            {share(d.total.received, d.total.expected)}) · đúng hạn {d.total.onTime} · đã duyệt{' '}
            {d.total.approved}
          </p>
          <TableExport
            fileBase={`tien-do-${d.form}-${d.period}${scope ? `-${scope}` : ''}`}
            sheet="Tiến độ"
            caption={caption}
            lang="vi"
            data={() => ({
              columns: ['Mã', 'Đơn vị', 'Phải báo cáo', 'Đã nhận', 'Đúng hạn', 'Đã duyệt'],
              rows: d.rows.map((r) => [r.code, r.name, r.expected, r.received, r.onTime, r.approved]),
            })}
          />
          <table className="reporting-table" data-testid="completeness-table">
            <thead>
              <tr>
                <th>Đơn vị</th>
                <th>Phải báo cáo</th>
                <th>Đã nhận</th>
                <th>Đúng hạn</th>
                <th>Đã duyệt</th>
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={r.code} className={r.received === 0 ? 'not-reported' : ''}>
                  <td>
                    {scope ? (
                      r.name
                    ) : (
                      <button type="button" className="link" onClick={() => setParent(r.code)}>
                        {r.name}
                      </button>
                    )}
                  </td>
                  <td>{r.expected}</td>
                  <td>
                    {r.received} ({share(r.received, r.expected)})
                  </td>
                  <td>{r.onTime}</td>
                  <td>{r.approved}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Chưa báo cáo đúng hạn ({d.late.length})</h3>
          <TableExport
            fileBase={`cham-bao-cao-${d.form}-${d.period}${scope ? `-${scope}` : ''}`}
            sheet="Chậm báo cáo"
            caption={caption}
            lang="vi"
            data={() => ({
              columns: ['Mã xã', 'Xã', 'Tỉnh', 'Trạng thái', 'Gửi lúc', 'Liên hệ'],
              rows: d.late.map((l) => [
                l.code,
                l.name,
                l.provinceCode,
                l.state ?? 'chưa báo cáo',
                l.submittedAt ? formatDate(l.submittedAt) : '',
                l.contacts.map((c) => `${c.displayName} (${c.username})`).join('; '),
              ]),
            })}
          />
          <table className="reporting-table" data-testid="late-table">
            <thead>
              <tr>
                <th>Xã</th>
                <th>Tình trạng</th>
                <th>Liên hệ</th>
              </tr>
            </thead>
            <tbody>
              {d.late.slice(0, 500).map((l) => (
                <tr key={l.code}>
                  <td>{l.name}</td>
                  <td>
                    {l.state === null
                      ? 'Chưa báo cáo'
                      : l.submittedAt
                        ? `Gửi muộn ${formatDate(l.submittedAt)}`
                        : 'Chưa gửi'}
                  </td>
                  <td>{l.contacts.map((c) => c.displayName).join('; ') || '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {d.late.length > 500 && <p>… và {d.late.length - 500} xã khác (xem tệp xuất).</p>}
        </>
      )}
    </main>
  );
}
