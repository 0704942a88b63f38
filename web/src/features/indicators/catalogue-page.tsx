import { INDICATOR_KIND_WORDS, INDICATOR_KINDS, type IndicatorKind } from '@pcmt/domain/indicator-semantics';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiErrorNotice } from '../../components/api-error-notice';
import { unitsQuery } from '../../entities/units/api/get-units';
import { UnitPicker } from '../../entities/units/components/unit-picker';
import { api } from '../../lib/api-client';
import { apiError } from '../../lib/api-error';
import { langOf, useLocation } from '../../lib/navigation';
import { todayIso } from '../../lib/periods';
import { queryKeys } from '../../lib/query-keys';
import './catalogue-page.css';

/**
 * Quản trị › Danh mục chỉ số: the administrators' catalogue (issue 15). Lists every indicator (retired ones
 * on request), adds a stored one (stock or flow) or a computed one with its formula, edits one, retires one.
 * The server checks everything (formula, units, sensitivity, jurisdiction) and names the field at fault,
 * shown beside it.
 */

const KINDS = Object.fromEntries(INDICATOR_KINDS.map((k) => [k, INDICATOR_KIND_WORDS[k].vi])) as Record<
  IndicatorKind,
  string
>;
const SENSITIVITIES = { public: 'Công khai', internal: 'Nội bộ', police: 'Công an' };
type Kind = keyof typeof KINDS;
type Sensitivity = keyof typeof SENSITIVITIES;

interface Form {
  code: string;
  nameVi: string;
  nameEn: string;
  unitVi: string;
  kind: Kind;
  formula: string;
  sensitivity: Sensitivity;
  province: string;
}

const EMPTY: Form = {
  code: '',
  nameVi: '',
  nameEn: '',
  unitVi: 'người',
  kind: 'flow',
  formula: '',
  sensitivity: 'internal',
  province: '',
};

/** The catalogue's own indicators belong to a province: the picker offers provinces only. */
const PROVINCE_ONLY = ['province'] as const;

type Failure = { field: string | null; message: string };

async function failure(res: Response): Promise<Failure> {
  const body = (await res.json().catch(() => null)) as { error?: Failure } | null;
  return body?.error ?? { field: null, message: `HTTP ${res.status}` };
}

export default function CataloguePage() {
  const lang = langOf(useLocation().search);
  const client = useQueryClient();
  // A province's own indicator names its province ('Tỉnh Sơn La'), never its code.
  const provinces = useQuery(unitsQuery({ level: 'province', parent: null, at: todayIso() }));
  const provinceName = (code: string) => provinces.data?.rows.find((u) => u.code === code)?.fullName ?? '…';
  const [showRetired, setShowRetired] = useState(false);
  const [form, setForm] = useState<Form>(EMPTY);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useQuery({
    queryKey: queryKeys.indicators.catalogue(showRetired),
    queryFn: async () => {
      const res = await api.api.indicators.$get({ query: showRetired ? { retired: '1' } : {} });
      if (!res.ok) throw await apiError(res, '/api/indicators');
      return res.json();
    },
  });
  const refresh = () => client.invalidateQueries({ queryKey: queryKeys.indicators.all });
  const retire = useMutation({
    mutationFn: async (code: string) => {
      const res = await api.api.indicators[':code'].retire.$post({ param: { code } });
      if (!res.ok) throw await failure(res);
    },
    onSuccess: (_, code) => {
      setError(null);
      setNotice(`Đã ngừng sử dụng ${code}.`);
      return refresh();
    },
    onError: (e: Failure) => setError(e),
  });

  const set = (k: keyof Form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [k]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setNotice(null);
    const common = {
      nameVi: form.nameVi,
      nameEn: form.nameEn,
      unitVi: form.unitVi,
      kind: form.kind,
      formula: form.kind === 'computed' ? form.formula : null,
      sensitivity: form.sensitivity,
    };
    const res = editing
      ? await api.api.indicators[':code'].$patch({ param: { code: editing }, json: common })
      : await api.api.indicators.$post({
          json: { ...common, code: form.code, province: form.province.trim() || null },
        });
    if (!res.ok) {
      setError(await failure(res));
      return;
    }
    setNotice(editing ? `Đã lưu ${editing}.` : `Đã thêm ${form.code}.`);
    setEditing(null);
    setForm(EMPTY);
    await refresh();
  };

  const fieldError = (field: string) =>
    error?.field?.startsWith(field) ? (
      <span className="field-error" role="alert">
        {error.message}
      </span>
    ) : null;

  return (
    <main className="page" data-testid="indicator-catalogue">
      <h2>Danh mục chỉ số</h2>
      <p className="muted">
        Chỉ số quốc gia do quản trị viên cấp quốc gia quản lý; tỉnh có thể thêm chỉ số riêng. Chỉ số tính toán
        dùng công thức trên các chỉ số khác, ví dụ <code>addicts_reached / managed_addicts * 100</code>.
      </p>
      <label className="checkbox">
        <input type="checkbox" checked={showRetired} onChange={(e) => setShowRetired(e.target.checked)} />{' '}
        Hiện cả chỉ số đã ngừng sử dụng
      </label>
      <div className="table-scroll">
        <table className="page-table catalogue-table" lang={lang}>
          <thead>
            <tr>
              <th>Mã</th>
              <th>Tên</th>
              <th>Đơn vị tính</th>
              <th>Loại</th>
              <th>Công thức</th>
              <th>Mức độ</th>
              <th>Tỉnh</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.data?.rows.map((i) => (
              <tr key={i.code} className={i.retiredAt ? 'muted' : undefined}>
                <td>
                  <code>{i.code}</code>
                </td>
                <td>{i.nameVi}</td>
                <td>{i.unitVi}</td>
                <td>{KINDS[i.kind]}</td>
                <td>{i.formula ? <code>{i.formula}</code> : '—'}</td>
                <td>{SENSITIVITIES[i.sensitivity]}</td>
                <td>{i.provinceCode ? provinceName(i.provinceCode) : 'Quốc gia'}</td>
                <td>
                  {i.retiredAt ? (
                    'Đã ngừng'
                  ) : (
                    <>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => {
                          setEditing(i.code);
                          setError(null);
                          setForm({
                            code: i.code,
                            nameVi: i.nameVi,
                            nameEn: i.nameEn,
                            unitVi: i.unitVi,
                            kind: i.kind,
                            formula: i.formula ?? '',
                            sensitivity: i.sensitivity,
                            province: i.provinceCode ?? '',
                          });
                        }}
                      >
                        Sửa
                      </button>{' '}
                      <button type="button" className="link-button" onClick={() => retire.mutate(i.code)}>
                        Ngừng sử dụng
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.isError && <ApiErrorNotice error={list.error} lang={lang} />}
      {notice && <p role="status">{notice}</p>}
      {error?.field === 'code' && <p className="field-error">{error.message}</p>}
      <form className="form" onSubmit={submit} aria-label="Chỉ số" data-testid="indicator-form">
        <h3>{editing ? `Sửa chỉ số ${editing}` : 'Thêm chỉ số'}</h3>
        {!editing && (
          <label>
            Mã (chữ thường, số, dấu gạch dưới)
            <input value={form.code} onChange={set('code')} required pattern="[a-z][a-z0-9_]{1,63}" />
          </label>
        )}
        <label>
          Tên tiếng Việt
          <input value={form.nameVi} onChange={set('nameVi')} required />
          {fieldError('nameVi')}
        </label>
        <label>
          Tên tiếng Anh
          <input value={form.nameEn} onChange={set('nameEn')} />
        </label>
        <label>
          Đơn vị tính (người, lượt, xã, điểm, hộ, m², cây, đồng, %…)
          <input value={form.unitVi} onChange={set('unitVi')} required />
          {fieldError('unitVi')}
        </label>
        <label>
          Loại
          <select value={form.kind} onChange={set('kind')}>
            {Object.entries(KINDS).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
          {fieldError('kind')}
        </label>
        {form.kind === 'computed' && (
          <label>
            Công thức
            <input value={form.formula} onChange={set('formula')} required />
            {fieldError('formula')}
          </label>
        )}
        <label>
          Mức độ
          <select value={form.sensitivity} onChange={set('sensitivity')}>
            {Object.entries(SENSITIVITIES).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
          {fieldError('sensitivity')}
        </label>
        {!editing && (
          // A province's own indicator: the province picked by name ("son la"), never typed as a code.
          <UnitPicker
            label="Tỉnh (để trống: danh mục quốc gia)"
            name="province"
            testId="indicator-province"
            levels={PROVINCE_ONLY}
            emptyLabel="Danh mục quốc gia"
            value={form.province || null}
            onChange={(code) => setForm({ ...form, province: code ?? '' })}
            invalid={error?.field?.startsWith('province') ?? false}
            error={error?.field?.startsWith('province') ? error.message : null}
          />
        )}
        <button type="submit" className="button">
          {editing ? 'Lưu' : 'Thêm'}
        </button>
        {editing && (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setEditing(null);
              setForm(EMPTY);
              setError(null);
            }}
          >
            Hủy
          </button>
        )}
        {error &&
          !['nameVi', 'unitVi', 'kind', 'formula', 'sensitivity', 'province', 'code'].some((f) =>
            error.field?.startsWith(f),
          ) && <p className="field-error">{error.message}</p>}
      </form>
    </main>
  );
}
