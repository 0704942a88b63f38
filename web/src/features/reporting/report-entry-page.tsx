import { formatDate } from '@pcmt/domain/format';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { PageArea } from '../../entities/auth/page-area';
import { sessionQuery } from '../../entities/auth/session';
import { UnitPicker } from '../../entities/units/components/unit-picker';
import { afterDataChange } from '../../lib/data-changes';
import { formatNumber } from '../../lib/format';
import { periodLabel } from '../../lib/i18n';
import { onInAppLinkClick } from '../../lib/navigation';
import { clearDraft, pendingDrafts, readDraft, writeDraft } from './draft-store';
import { parseNumberVi, showNumberVi } from './number-input';
import { recentPeriods } from './periods';
import {
  type DraftReport,
  entryQuery,
  formsQuery,
  type Problem,
  ReportRefused,
  reportingKeys,
  sendReport,
} from './reporting-api';
import './reporting.css';
import { routePath } from '../../lib/routes';
import { FormAndPeriodPickers } from './form-period-pickers';

const STATE_VI: Record<string, string> = {
  draft: 'Bản nháp',
  submitted: 'Đã gửi, chờ tỉnh duyệt',
  returned: 'Bị trả lại',
  approved: 'Đã duyệt (khoá)',
  reopened: 'Được mở lại để sửa',
};

/** The report picker offers communes only. */
const COMMUNES = ['commune'] as const;

/** /bao-cao: a commune officer fills this period's report, saves a draft, submits; works offline. */
export default function ReportEntryPage() {
  const client = useQueryClient();
  const session = useQuery(sessionQuery).data?.user ?? null;
  const forms = useQuery(formsQuery).data?.rows ?? [];
  const [formCode, setFormCode] = useState('');
  const form = forms.find((f) => f.code === formCode) ?? forms[0];
  const periods = useMemo(() => recentPeriods(form?.periodKind ?? 'quarter', 8), [form?.periodKind]);
  const [period, setPeriod] = useState('');
  const periodId = period || periods[0] || '';
  const ownCommune = session?.jurisdiction.find((c) => /^\d{5}$/.test(c)) ?? '';
  const [communeInput, setCommuneInput] = useState('');
  const commune = communeInput || ownCommune;
  const entry = useQuery(entryQuery(form?.code ?? '', commune, periodId));
  const data = entry.data;

  const [texts, setTexts] = useState<Record<string, string>>({});
  const [comment, setComment] = useState('');
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error' | 'offline'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  // Fill the fields: a draft kept in this browser wins over the server's copy (it is newer or unsent).
  // The notice and problems belong to one report: a refetch of the same report (after sending it, or on
  // reconnecting) keeps "Đã gửi báo cáo lên tỉnh." on screen instead of wiping it.
  const shownReport = useRef('');
  useEffect(() => {
    if (!data) return;
    const local = readDraft(data.form.code, data.unit.code, data.period.id);
    const values = local?.report.values ?? data.submission?.values ?? {};
    setTexts(Object.fromEntries(data.items.map((i) => [i.code, showNumberVi(values[i.code] ?? null)])));
    setComment(local?.report.warningComment ?? data.submission?.warningComment ?? '');
    const report = `${data.form.code}|${data.unit.code}|${data.period.id}`;
    if (report === shownReport.current) return;
    shownReport.current = report;
    setProblems([]);
    setNotice(
      local?.pending ? { kind: 'offline', text: 'Có bản nháp chưa gửi được; sẽ gửi khi có mạng.' } : null,
    );
  }, [data]);

  const parsed = useMemo(
    () => Object.fromEntries(Object.entries(texts).map(([k, t]) => [k, parseNumberVi(t)])),
    [texts],
  );
  const badNumbers = Object.entries(parsed)
    .filter(([, v]) => v !== null && Number.isNaN(v))
    .map(([k]) => k);

  const reportOf = useCallback(
    (submit: boolean): DraftReport | null =>
      data
        ? {
            form: data.form.code,
            commune: data.unit.code,
            period: data.period.id,
            values: parsed,
            submit,
            ...(comment.trim() ? { warningComment: comment.trim() } : {}),
          }
        : null,
    [data, parsed, comment],
  );

  // Every keystroke is kept in the browser.
  useEffect(() => {
    const r = reportOf(false);
    if (!r || Object.keys(texts).length === 0) return;
    const before = readDraft(r.form, r.commune, r.period);
    writeDraft(before?.pending ? { ...r, submit: before.report.submit } : r, before?.pending ?? false);
  }, [texts, reportOf]);

  // A report being sent is not sent again by the retry below until its answer is back.
  const sending = useRef(new Set<string>());
  const send = useCallback(
    async (report: DraftReport) => {
      const key = `${report.form}|${report.commune}|${report.period}`;
      if (sending.current.has(key)) return;
      writeDraft(report, true);
      if (!navigator.onLine) {
        setNotice({
          kind: 'offline',
          text: 'Đang mất kết nối: báo cáo được lưu trên máy và sẽ gửi khi có mạng.',
        });
        return;
      }
      setBusy(true);
      sending.current.add(key);
      try {
        const saved = await sendReport(report);
        setProblems(saved.problems);
        if (report.submit) clearDraft(report.form, report.commune, report.period);
        else writeDraft(report, false);
        setNotice({ kind: 'ok', text: report.submit ? 'Đã gửi báo cáo lên tỉnh.' : 'Đã lưu bản nháp.' });
        await client.invalidateQueries({ queryKey: reportingKeys.all });
        await afterDataChange(client, 'values');
      } catch (e) {
        if (e instanceof ReportRefused) {
          writeDraft({ ...report, submit: false }, false);
          setProblems(e.problems);
          setNotice({ kind: 'error', text: e.serverMessage ?? e.message });
        } else {
          setNotice({
            kind: 'offline',
            text: 'Không gửi được (mất kết nối): báo cáo được lưu trên máy và sẽ gửi khi có mạng.',
          });
        }
      } finally {
        sending.current.delete(key);
        setBusy(false);
      }
    },
    [client],
  );

  // Back online: send every report that waits. A send can also fail while the browser says it is online
  // (the connection comes back a moment after the event, a flaky network): retry every few seconds.
  useEffect(() => {
    const flush = () => {
      for (const d of pendingDrafts()) void send(d.report);
    };
    window.addEventListener('online', flush);
    if (navigator.onLine) flush();
    const retry = window.setInterval(() => {
      if (navigator.onLine) flush();
    }, RETRY_MS);
    return () => {
      window.removeEventListener('online', flush);
      window.clearInterval(retry);
    };
  }, [send]);

  const byField = new Map<string, Problem[]>();
  for (const p of problems) byField.set(p.field, [...(byField.get(p.field) ?? []), p]);
  const warnings = problems.filter((p) => p.severity === 'warning');
  const editable = data?.editable ?? false;

  return (
    <main className="reporting-page" data-testid="report-entry">
      <h2>
        Báo cáo kỳ này
        <PageArea lang="vi" />
      </h2>
      {!ownCommune && (
        <p className="reporting-links">
          <a
            href={routePath({ page: 'reporting-review' })}
            onClick={onInAppLinkClick}
            data-testid="to-review"
          >
            Duyệt báo cáo của xã
          </a>{' '}
          ·{' '}
          <a href={routePath({ page: 'reporting-completeness' })} onClick={onInAppLinkClick}>
            Tiến độ báo cáo
          </a>
        </p>
      )}
      <div className="reporting-pickers">
        <FormAndPeriodPickers
          forms={forms}
          formCode={form?.code ?? ''}
          onForm={setFormCode}
          periods={periods}
          periodId={periodId}
          onPeriod={setPeriod}
          testIdPrefix="report"
          formTestId
        />
        {!ownCommune && (
          // The commune by name, among the communes of the officer's area (a code is never typed).
          <UnitPicker
            label="Xã, phường"
            levels={COMMUNES}
            within={session && !session.jurisdiction.includes('VN') ? session.jurisdiction : null}
            value={communeInput || null}
            onChange={(code) => setCommuneInput(code ?? '')}
            testId="report-commune"
          />
        )}
      </div>
      {entry.error && (
        <p role="alert" className="error">
          {entry.error.message}
        </p>
      )}
      {data && (
        <form
          className="report-form"
          onSubmit={(e) => {
            e.preventDefault();
            const r = reportOf(true);
            if (r) void send(r);
          }}
        >
          <p className="report-meta">
            <strong>{data.unit.fullName}</strong> · {periodLabel(data.period.id, 'vi')} · số liệu đến{' '}
            {formatDate(data.period.cutoffDate)} · hạn gửi {formatDate(data.period.dueDate)} ·{' '}
            <span data-testid="report-state">
              {data.submission ? STATE_VI[data.submission.state] : 'Chưa nhập'}
            </span>
          </p>
          {data.submission?.returnComment && data.submission.state !== 'submitted' && (
            <p className="report-return" data-testid="return-comment">
              Ý kiến của tỉnh: {data.submission.returnComment}
            </p>
          )}
          <div className="report-fields">
            {data.items.map((item) => {
              const here = byField.get(item.code) ?? [];
              const bad = badNumbers.includes(item.code);
              return (
                <div
                  key={item.code}
                  className={`report-field ${here.some((p) => p.severity === 'error') || bad ? 'has-error' : here.length ? 'has-warning' : ''}`}
                >
                  <label htmlFor={`f-${item.code}`}>
                    {item.nameVi} <span className="report-unit">({item.unitVi})</span>
                  </label>
                  <input
                    id={`f-${item.code}`}
                    data-testid={`field-${item.code}`}
                    inputMode="decimal"
                    autoComplete="off"
                    disabled={!editable}
                    value={texts[item.code] ?? ''}
                    onChange={(e) => setTexts((t) => ({ ...t, [item.code]: e.target.value }))}
                  />
                  <span className="report-previous" data-testid={`previous-${item.code}`}>
                    {data.period.previous ? `${periodLabel(data.period.previous, 'vi')}: ` : 'Kỳ trước: '}
                    {item.previous === null ? '–' : formatNumber(item.previous, 'vi')}
                  </span>
                  {bad && <span className="report-problem error">Không phải số (viết như 1.234,5)</span>}
                  {here.map((p) => (
                    <span
                      key={p.rule}
                      className={`report-problem ${p.severity}`}
                      data-testid={`${p.severity}-${p.field}`}
                    >
                      {p.severity === 'error' ? 'Lỗi: ' : 'Cảnh báo: '}
                      {p.messageVi}
                    </span>
                  ))}
                </div>
              );
            })}
          </div>
          {(warnings.length > 0 || comment) && (
            <label className="report-comment">
              Ghi chú xác nhận số liệu khác thường
              <textarea
                value={comment}
                disabled={!editable}
                onChange={(e) => setComment(e.target.value)}
                data-testid="warning-comment"
                rows={2}
              />
            </label>
          )}
          {notice && (
            <p
              role={notice.kind === 'ok' ? 'status' : 'alert'}
              className={`report-notice ${notice.kind}`}
              data-testid="report-notice"
            >
              {notice.text}
            </p>
          )}
          <div className="report-actions">
            <button
              type="button"
              disabled={!editable || busy || badNumbers.length > 0}
              data-testid="save-draft"
              onClick={() => {
                const r = reportOf(false);
                if (r) void send(r);
              }}
            >
              Lưu nháp
            </button>
            <button
              type="submit"
              disabled={!editable || busy || badNumbers.length > 0}
              data-testid="submit-report"
            >
              Gửi báo cáo
            </button>
          </div>
        </form>
      )}
    </main>
  );
}

/** How often reports kept in the browser are sent again while the browser is online. */
const RETRY_MS = 5_000;
