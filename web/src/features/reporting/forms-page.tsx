import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { indicatorsQuery } from '../../entities/indicators/api/get-indicators';
import { type FormDefinition, formsQuery, reportingKeys, saveForm } from './reporting-api';
import './reporting.css';

/** Defaults after Thông tư 13/2022/TT-BCA: data up to the 14th, due to the province before the 18th. */
const DEFAULT_CUTOFF = 14;
const DEFAULT_DUE = 18;

const KINDS = [
  ['month', 'Tháng'],
  ['quarter', 'Quý'],
  ['half', '6 tháng'],
  ['year', 'Năm'],
] as const;

const EMPTY: FormDefinition = {
  code: '',
  nameVi: '',
  periodKind: 'quarter',
  items: [],
  cutoffDay: DEFAULT_CUTOFF,
  dueDay: DEFAULT_DUE,
  filledBy: 'data_officer',
};

/**
 * /bao-cao/bieu-mau (administrators): define a report form — its name, the catalogue indicators and
 * breakdown parts it asks for, its period type, who fills it in the commune, and its cut-off and due days
 * (TT 13/2022 defaults) — or change an existing one. The server checks every choice and names the field.
 */
export default function FormsPage() {
  const queryClient = useQueryClient();
  const forms = useQuery(formsQuery).data?.rows ?? [];
  const catalogue = useQuery(indicatorsQuery).data?.rows ?? [];
  const [editing, setEditing] = useState<string | null>(null);
  const [f, setF] = useState<FormDefinition>(EMPTY);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  // Stored commune indicators, each followed by its breakdown parts (`code__dim_part`).
  const choices = useMemo(
    () =>
      catalogue
        .filter((i) => i.formula === null && i.retiredAt === null && i.reportingLevel === 'commune')
        .flatMap((i) => [
          { code: i.code, label: i.nameVi, part: false },
          ...i.disaggregations.flatMap((d) =>
            d.parts.map((p) => ({
              code: `${i.code}__${d.code}_${p.code}`,
              label: `${d.nameVi}: ${p.nameVi}`,
              part: true,
            })),
          ),
        ]),
    [catalogue],
  );
  const open = (code: string | null) => {
    setNotice(null);
    setEditing(code);
    const form = forms.find((x) => x.code === code);
    setF(
      form
        ? {
            code: form.code,
            nameVi: form.nameVi,
            periodKind: form.periodKind,
            items: form.items,
            cutoffDay: form.cutoffDay,
            dueDay: form.dueDay,
            filledBy: form.filledBy === 'police' ? 'police' : 'data_officer',
            ...(form.provinceCode ? { province: form.provinceCode } : {}),
          }
        : EMPTY,
    );
  };
  const toggle = (code: string, on: boolean) =>
    setF({ ...f, items: on ? [...f.items, code] : f.items.filter((c) => c !== code) });
  const submit = async () => {
    setBusy(true);
    setNotice(null);
    try {
      await saveForm(f, editing !== null);
      await queryClient.invalidateQueries({ queryKey: reportingKeys.all });
      setNotice({ ok: true, text: `Đã lưu biểu mẫu ${f.code}.` });
      setEditing(f.code);
    } catch (err) {
      setNotice({ ok: false, text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="reporting-page" data-testid="report-forms">
      <h2>Biểu mẫu báo cáo</h2>
      <div className="reporting-pickers">
        <label>
          Biểu mẫu{' '}
          <select
            data-testid="forms-pick"
            value={editing ?? ''}
            onChange={(e) => open(e.target.value || null)}
          >
            <option value="">+ Biểu mẫu mới</option>
            {forms.map((x) => (
              <option key={x.code} value={x.code}>
                {x.nameVi}
              </option>
            ))}
          </select>
        </label>
      </div>
      <form
        className="form-definition"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="form-definition-fields">
          <label>
            Mã biểu mẫu
            <input
              data-testid="form-code"
              value={f.code}
              disabled={editing !== null}
              required
              pattern="[a-z][a-z0-9_\-]{1,63}"
              placeholder="bc-quy-xa"
              onChange={(e) => setF({ ...f, code: e.target.value.trim() })}
            />
          </label>
          <label>
            Tên biểu mẫu
            <input
              data-testid="form-name"
              value={f.nameVi}
              required
              minLength={3}
              onChange={(e) => setF({ ...f, nameVi: e.target.value })}
            />
          </label>
          <label>
            Loại kỳ
            <select
              data-testid="form-kind"
              value={f.periodKind}
              onChange={(e) => setF({ ...f, periodKind: e.target.value as FormDefinition['periodKind'] })}
            >
              {KINDS.map(([k, label]) => (
                <option key={k} value={k}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Đơn vị báo cáo
            <select value="commune" disabled>
              <option value="commune">Cấp xã</option>
            </select>
          </label>
          <label>
            Người nhập
            <select
              data-testid="form-filled-by"
              value={f.filledBy}
              onChange={(e) => setF({ ...f, filledBy: e.target.value as FormDefinition['filledBy'] })}
            >
              <option value="data_officer">Cán bộ thống kê xã</option>
              <option value="police">Công an xã</option>
            </select>
          </label>
          <label>
            Tỉnh (để trống: mọi tỉnh)
            <input
              value={f.province ?? ''}
              size={4}
              inputMode="numeric"
              onChange={(e) => {
                const { province: _, ...rest } = f;
                setF(e.target.value.trim() ? { ...rest, province: e.target.value.trim() } : rest);
              }}
            />
          </label>
          <label>
            Số liệu tính đến ngày (tháng cuối kỳ)
            <input
              data-testid="form-cutoff"
              type="number"
              min={1}
              max={28}
              value={f.cutoffDay}
              onChange={(e) => setF({ ...f, cutoffDay: Number(e.target.value) })}
            />
          </label>
          <label>
            Hạn gửi tỉnh: trước hết ngày
            <input
              data-testid="form-due"
              type="number"
              min={1}
              max={28}
              value={f.dueDay}
              onChange={(e) => setF({ ...f, dueDay: Number(e.target.value) })}
            />
          </label>
        </div>
        <p className="muted">
          Mặc định theo Thông tư 13/2022/TT-BCA: số liệu đến ngày {DEFAULT_CUTOFF}, gửi tỉnh trước ngày{' '}
          {DEFAULT_DUE} của tháng cuối kỳ.
        </p>
        <fieldset className="form-items" data-testid="form-items">
          <legend>Chỉ số và phần phân tổ ({f.items.length} đã chọn)</legend>
          {choices.map((c) => (
            <label key={c.code} className={c.part ? 'form-item-part' : 'form-item'}>
              <input
                type="checkbox"
                value={c.code}
                checked={f.items.includes(c.code)}
                onChange={(e) => toggle(c.code, e.target.checked)}
              />{' '}
              {c.label}
            </label>
          ))}
        </fieldset>
        {notice && (
          <p
            role={notice.ok ? 'status' : 'alert'}
            className={notice.ok ? 'notice' : 'error'}
            data-testid="form-notice"
          >
            {notice.text}
          </p>
        )}
        <button type="submit" data-testid="form-save" disabled={busy || f.items.length === 0}>
          {editing ? 'Lưu thay đổi' : 'Tạo biểu mẫu'}
        </button>
      </form>
    </main>
  );
}
