import type { TargetKind } from '@pcmt/domain/contracts/plans';
import { DateInput } from '../../../components/date-input';
import { UnitListPicker, UnitPicker } from '../../../entities/units/components/unit-picker';
import { periodLabel, STATUS_LABELS } from '../../../lib/i18n';
import { periodsOfKind, todayIso } from '../../../lib/periods';

/** Baseline periods an allocation may weigh by: every year, then every quarter, newest first. */
const BASELINE_PERIODS: readonly string[] = (['year', 'quarter'] as const).flatMap((kind) =>
  periodsOfKind(kind, todayIso())
    .map((p) => p.id)
    .reverse(),
);

/**
 * A target's definition entered field by field in Vietnamese, one set of fields per kind (no JSON). The
 * definition is kept as a plain object; the server's contract validates it and names the field at fault
 * (`targets[0].definition.milestones[1].value`), shown beside that input.
 */

export type Definition = Record<string, unknown>;

const ALL_STATUSES = [
  'khong_ma_tuy',
  'co_ma_tuy',
  'trong_diem_III',
  'trong_diem_II',
  'trong_diem_I',
] as const;

interface Props {
  kind: TargetKind;
  value: Definition;
  onChange: (next: Definition) => void;
  /** Field path prefix for errors and names: `targets[0].definition`. */
  path: string;
  errorAt: (field: string) => string | null;
  /** Indicator codes and names of the catalogue, for the indicator pickers. */
  indicators: ReadonlyArray<{ code: string; nameVi: string }>;
  /** The plan's scope unit: the communes offered are its own (all when null). */
  scopeCode?: string | null;
}

const get = (o: Definition, key: string): unknown => o[key];
const obj = (v: unknown): Definition => (v && typeof v === 'object' ? (v as Definition) : {});
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const COMMUNES = ['commune'] as const;

export function DefinitionFields({ kind, value, onChange, path, errorAt, indicators, scopeCode }: Props) {
  const set = (key: string, v: unknown) => onChange({ ...value, [key]: v });
  const setIn = (key: string, sub: string, v: unknown) => set(key, { ...obj(get(value, key)), [sub]: v });
  const err = (field: string) => {
    const message = errorAt(`${path}.${field}`);
    return message ? (
      <span className="field-error" role="alert">
        {message}
      </span>
    ) : null;
  };
  const invalid = (field: string) => (errorAt(`${path}.${field}`) ? { 'aria-invalid': true as const } : {});

  const numberInput = (label: string, field: string, v: unknown, onValue: (n: number | null) => void) => (
    <label key={field}>
      {label}
      <input
        name={`${path}.${field}`}
        type="number"
        step="any"
        value={typeof v === 'number' ? v : ''}
        onChange={(e) => onValue(e.target.value === '' ? null : Number(e.target.value))}
        {...invalid(field)}
      />
      {err(field)}
    </label>
  );
  const dateInput = (label: string, field: string, v: unknown, onValue: (s: string) => void) => (
    <label key={field} htmlFor={`${path}.${field}`}>
      {label}
      <DateInput
        id={`${path}.${field}`}
        name={`${path}.${field}`}
        value={typeof v === 'string' ? v : ''}
        onChange={onValue}
        {...invalid(field)}
      />
      {err(field)}
    </label>
  );
  /** Communes picked by name (in the plan's scope, as listed on `validOn`); the value stays their codes. */
  const communeList = (
    label: string,
    field: string,
    v: unknown,
    validOn: unknown,
    onValue: (codes: string[]) => void,
  ) => (
    <UnitListPicker
      key={field}
      label={label}
      name={`${path}.${field}`}
      levels={COMMUNES}
      at={typeof validOn === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(validOn) ? validOn : undefined}
      within={scopeCode ? [scopeCode] : null}
      value={list(v)}
      onChange={onValue}
      invalid={errorAt(`${path}.${field}`) !== null}
      error={errorAt(`${path}.${field}`)}
    />
  );
  const indicatorSelect = (label: string, field: string, v: unknown, onValue: (s: string) => void) => (
    <label key={field}>
      {label}
      <select
        name={`${path}.${field}`}
        value={typeof v === 'string' ? v : ''}
        onChange={(e) => onValue(e.target.value)}
        {...invalid(field)}
      >
        <option value="">— chọn chỉ số —</option>
        {indicators.map((i) => (
          <option key={i.code} value={i.code}>
            {i.nameVi} ({i.code})
          </option>
        ))}
      </select>
      {err(field)}
    </label>
  );
  const statusChecks = (label: string, field: string, v: unknown, onValue: (s: string[]) => void) => {
    const chosen = list(v);
    return (
      <fieldset key={field} className="status-checks" data-testid={`${path}.${field}`}>
        <legend>{label}</legend>
        {ALL_STATUSES.map((s) => (
          <label key={s} style={{ display: 'inline-flex', gap: 4, marginRight: 10 }}>
            <input
              type="checkbox"
              checked={chosen.includes(s)}
              onChange={(e) => onValue(e.target.checked ? [...chosen, s] : chosen.filter((x) => x !== s))}
            />
            {STATUS_LABELS.vi[s]}
          </label>
        ))}
        {err(field)}
      </fieldset>
    );
  };
  const opSelect = (field = 'op') => (
    <label key={field}>
      Phép so sánh
      <select
        name={`${path}.${field}`}
        value={String(get(value, field) ?? 'gte')}
        onChange={(e) => set(field, e.target.value)}
      >
        <option value="gte">ít nhất (≥)</option>
        <option value="gt">trên (&gt;)</option>
      </select>
    </label>
  );
  const windowFields = () => {
    const w = obj(get(value, 'window'));
    return [
      dateInput('Tính từ ngày', 'window.from', w.from, (s) => setIn('window', 'from', s)),
      <label key="eachYear" style={{ display: 'flex', gap: 6 }}>
        <input
          type="checkbox"
          checked={w.eachYear === true}
          onChange={(e) => setIn('window', 'eachYear', e.target.checked)}
        />
        Áp dụng riêng cho từng năm
      </label>,
    ];
  };
  /** What a reduction, a yearly change or a roadmap is counted on. */
  const measureFields = (types: ReadonlyArray<readonly [string, string]>) => {
    const m = obj(get(value, 'measure'));
    const type = String(m.type ?? types[0]?.[0]);
    return [
      <label key="measure.type">
        Đo trên
        <select
          name={`${path}.measure.type`}
          value={type}
          onChange={(e) =>
            set(
              'measure',
              e.target.value === 'indicator'
                ? { type: 'indicator', indicator: '' }
                : e.target.value === 'severity' || e.target.value === 'new_hotspots'
                  ? { type: e.target.value }
                  : { type: e.target.value, statuses: ['khong_ma_tuy'] },
            )
          }
        >
          {types.map(([t, label]) => (
            <option key={t} value={t}>
              {label}
            </option>
          ))}
        </select>
      </label>,
      type === 'severity' || type === 'new_hotspots'
        ? null
        : type === 'indicator'
          ? indicatorSelect('Chỉ số', 'measure.indicator', m.indicator, (s) =>
              set('measure', { ...m, indicator: s }),
            )
          : statusChecks('Phân loại xã được đếm', 'measure.statuses', m.statuses, (s) =>
              set('measure', { ...m, statuses: s }),
            ),
    ];
  };

  /**
   * A count for the whole scope allocated to the child units, each judged on its share: entered per unit,
   * or in proportion to an indicator over a baseline period; none: children are shown as contributions.
   */
  const allocationFields = () => {
    const a = obj(get(value, 'allocation'));
    const type = typeof a.type === 'string' ? a.type : '';
    const shares = Array.isArray(a.shares) ? (a.shares as Definition[]) : [];
    const setShares = (next: Definition[]) => set('allocation', { type: 'entered', shares: next });
    return [
      <label key="allocation.type">
        Phân bổ chỉ tiêu cho đơn vị cấp dưới
        <select
          name={`${path}.allocation.type`}
          value={type}
          onChange={(e) =>
            set(
              'allocation',
              e.target.value === 'entered'
                ? { type: 'entered', shares: [{ code: '', value: 0 }] }
                : e.target.value === 'proportional'
                  ? { type: 'proportional', indicator: '', period: '' }
                  : undefined,
            )
          }
        >
          <option value="">không phân bổ (đơn vị cấp dưới là phần đóng góp, không đánh giá riêng)</option>
          <option value="entered">nhập phần của từng đơn vị</option>
          <option value="proportional">theo tỷ lệ một chỉ số ở kỳ gốc</option>
        </select>
        {err('allocation')}
      </label>,
      ...(type === 'proportional'
        ? [
            indicatorSelect('Chỉ số làm căn cứ phân bổ', 'allocation.indicator', a.indicator, (s) =>
              set('allocation', { ...a, indicator: s }),
            ),
            <label key="allocation.period">
              Kỳ gốc (năm hoặc quý)
              <select
                name={`${path}.allocation.period`}
                value={typeof a.period === 'string' ? a.period : ''}
                onChange={(e) => set('allocation', { ...a, period: e.target.value })}
                {...invalid('allocation.period')}
              >
                <option value="">— chọn kỳ —</option>
                {BASELINE_PERIODS.map((id) => (
                  <option key={id} value={id}>
                    {periodLabel(id, 'vi')}
                  </option>
                ))}
              </select>
              {err('allocation.period')}
            </label>,
          ]
        : []),
      ...(type === 'entered'
        ? [
            <fieldset key="allocation.shares" data-testid={`${path}.allocation.shares`}>
              <legend>Phần phân bổ của từng đơn vị (tổng bằng chỉ tiêu chung)</legend>
              {shares.map((s, i) => (
                <div key={i} style={{ display: 'flex', gap: 6 }}>
                  <UnitPicker
                    label="Đơn vị"
                    name={`${path}.allocation.shares[${i}].code`}
                    // The scope's children: a province's communes, the country's provinces.
                    within={scopeCode && scopeCode.length === 2 ? [scopeCode] : null}
                    value={typeof s.code === 'string' && s.code !== '' ? s.code : null}
                    onChange={(code) =>
                      setShares(shares.map((x, j) => (j === i ? { ...x, code: code ?? '' } : x)))
                    }
                    invalid={errorAt(`${path}.allocation.shares[${i}].code`) !== null}
                  />
                  <label>
                    Phần phân bổ
                    <input
                      name={`${path}.allocation.shares[${i}].value`}
                      type="number"
                      min={0}
                      step="any"
                      value={typeof s.value === 'number' ? s.value : ''}
                      onChange={(e) =>
                        setShares(
                          shares.map((x, j) =>
                            j === i
                              ? { ...x, value: e.target.value === '' ? null : Number(e.target.value) }
                              : x,
                          ),
                        )
                      }
                      {...invalid(`allocation.shares[${i}].value`)}
                    />
                  </label>
                  <button type="button" onClick={() => setShares(shares.filter((_, j) => j !== i))}>
                    Xóa
                  </button>
                  {err(`allocation.shares[${i}].code`)}
                  {err(`allocation.shares[${i}].value`)}
                </div>
              ))}
              <button type="button" onClick={() => setShares([...shares, { code: '', value: 0 }])}>
                Thêm đơn vị
              </button>
              {err('allocation.shares')}
            </fieldset>,
          ]
        : []),
    ];
  };

  const fields: React.ReactNode[] = [];
  switch (kind) {
    case 'share':
      fields.push(
        indicatorSelect('Chỉ số tỷ lệ (%)', 'indicator', value.indicator, (s) => set('indicator', s)),
        opSelect(),
        numberInput('Ngưỡng (%)', 'threshold', value.threshold, (n) => set('threshold', n)),
      );
      break;
    case 'status_share':
      fields.push(
        statusChecks('Phân loại xã', 'statuses', value.statuses, (s) => set('statuses', s)),
        opSelect(),
        numberInput('Ngưỡng (% số xã)', 'threshold', value.threshold, (n) => set('threshold', n)),
      );
      break;
    case 'count':
      fields.push(
        indicatorSelect('Chỉ số (lũy tích theo kỳ)', 'indicator', value.indicator, (s) =>
          set('indicator', s),
        ),
        numberInput('Số lượng tối thiểu', 'threshold', value.threshold, (n) => set('threshold', n)),
        ...windowFields(),
        ...allocationFields(),
      );
      break;
    case 'status_conversion':
      fields.push(
        statusChecks('Từ phân loại', 'from', value.from, (s) => set('from', s)),
        statusChecks('Thành phân loại', 'to', value.to, (s) => set('to', s)),
        numberInput('Số xã tối thiểu', 'threshold', value.threshold, (n) => set('threshold', n)),
        ...windowFields(),
      );
      break;
    case 'reduction': {
      const b = obj(value.baseline);
      fields.push(
        ...measureFields([
          ['status_count', 'Số xã theo phân loại'],
          ['severity', 'Mức độ phức tạp của xã trọng điểm'],
          ['indicator', 'Một chỉ số'],
        ]),
        numberInput(
          'Kỳ gốc: từ năm',
          'baseline.from',
          b.from === undefined ? undefined : Number(b.from),
          (n) => setIn('baseline', 'from', n === null ? '' : String(n)),
        ),
        numberInput('Kỳ gốc: đến năm', 'baseline.to', b.to === undefined ? undefined : Number(b.to), (n) =>
          setIn('baseline', 'to', n === null ? '' : String(n)),
        ),
        numberInput('Giảm ít nhất (%)', 'minPct', value.minPct, (n) => set('minPct', n)),
        numberInput('Giảm nhiều nhất (%, để trống nếu không có)', 'maxPct', value.maxPct, (n) =>
          set('maxPct', n ?? undefined),
        ),
      );
      break;
    }
    case 'keep_status': {
      const u = obj(value.units);
      fields.push(
        <label key="units.type">
          Các xã phải giữ vững
          <select
            name={`${path}.units.type`}
            value={String(u.type ?? 'status_on')}
            onChange={(e) =>
              set(
                'units',
                e.target.value === 'codes'
                  ? { type: 'codes', codes: [], validOn: '' }
                  : { type: 'status_on', date: '', statuses: ['khong_ma_tuy'] },
              )
            }
          >
            <option value="status_on">các xã có phân loại vào một ngày</option>
            <option value="codes">danh sách mã xã</option>
          </select>
        </label>,
        ...(u.type === 'codes'
          ? [
              communeList('Các xã', 'units.codes', u.codes, u.validOn, (codes) =>
                set('units', { ...u, codes }),
              ),
              dateInput('Danh mục xã theo ngày', 'units.validOn', u.validOn, (s) =>
                set('units', { ...u, validOn: s }),
              ),
            ]
          : [
              dateInput('Ngày xác định', 'units.date', u.date, (s) => set('units', { ...u, date: s })),
              statusChecks('Phân loại ngày đó', 'units.statuses', u.statuses, (s) =>
                set('units', { ...u, statuses: s }),
              ),
            ]),
        statusChecks('Phải giữ phân loại', 'statuses', value.statuses, (s) => set('statuses', s)),
      );
      break;
    }
    case 'cumulative':
      fields.push(
        indicatorSelect('Chỉ số (lũy tích hoặc tồn)', 'indicator', value.indicator, (s) =>
          set('indicator', s),
        ),
        numberInput('Đạt ít nhất', 'threshold', value.threshold, (n) => set('threshold', n)),
        ...allocationFields(),
      );
      break;
    case 'hotspot_elimination':
      fields.push(
        numberInput('Triệt xóa ít nhất (%)', 'minPct', value.minPct, (n) => set('minPct', n)),
        numberInput('Triệt xóa nhiều nhất (%, để trống nếu không có)', 'maxPct', value.maxPct, (n) =>
          set('maxPct', n ?? undefined),
        ),
        ...windowFields(),
      );
      break;
    case 'yearly_change':
      fields.push(
        ...measureFields([
          ['indicator', 'Một chỉ số'],
          ['status_count', 'Số xã theo phân loại'],
          ['severity', 'Mức độ phức tạp của xã trọng điểm'],
        ]),
        <label key="limit">
          Yêu cầu mỗi năm so với năm trước
          <select
            name={`${path}.limit`}
            value={String(value.limit ?? 'min_reduction')}
            onChange={(e) => set('limit', e.target.value)}
          >
            <option value="min_reduction">giảm (ít nhất X%)</option>
            <option value="max_growth">tăng dưới X%</option>
            <option value="min_increase">tăng tối thiểu X%</option>
          </select>
        </label>,
        numberInput('X (%, để trống = chỉ cần giảm / không tăng)', 'pct', value.pct, (n) => set('pct', n)),
        numberInput('Từ năm', 'fromYear', value.fromYear, (n) => set('fromYear', n)),
      );
      break;
    case 'roadmap': {
      const milestones = Array.isArray(value.milestones) ? (value.milestones as Definition[]) : [];
      const setMilestone = (i: number, key: string, n: number | null) =>
        set(
          'milestones',
          milestones.map((m, k) => (k === i ? { ...m, [key]: n } : m)),
        );
      fields.push(
        ...measureFields([
          ['status_count', 'Số xã theo phân loại'],
          ['status_share', 'Tỷ lệ xã theo phân loại (%)'],
          ['indicator', 'Một chỉ số'],
        ]),
        <fieldset key="milestones" data-testid={`${path}.milestones`}>
          <legend>Mốc từng năm</legend>
          {milestones.map((m, i) => (
            <div key={i} className="milestone-row" style={{ display: 'flex', gap: 8, alignItems: 'end' }}>
              {numberInput('Năm', `milestones[${i}].year`, m.year, (n) => setMilestone(i, 'year', n))}
              {numberInput('Mốc', `milestones[${i}].value`, m.value, (n) => setMilestone(i, 'value', n))}
              <button
                type="button"
                onClick={() =>
                  set(
                    'milestones',
                    milestones.filter((_, k) => k !== i),
                  )
                }
              >
                Bỏ năm này
              </button>
            </div>
          ))}
          <button
            type="button"
            onClick={() => {
              const last = milestones.at(-1);
              set('milestones', [
                ...milestones,
                {
                  year: typeof last?.year === 'number' ? last.year + 1 : new Date().getFullYear(),
                  value: last?.value ?? 0,
                },
              ]);
            }}
          >
            + Thêm năm
          </button>
          {err('milestones')}
        </fieldset>,
      );
      break;
    }
    case 'named_units':
      fields.push(
        communeList('Các xã', 'codes', value.codes, value.validOn, (codes) => set('codes', codes)),
        dateInput('Danh mục xã theo ngày', 'validOn', value.validOn, (s) => set('validOn', s)),
        statusChecks('Đạt phân loại', 'statuses', value.statuses, (s) => set('statuses', s)),
      );
      break;
    case 'at_most':
      fields.push(
        ...measureFields([
          ['new_hotspots', 'Điểm, tụ điểm phát sinh mới (kể cả tái phát)'],
          ['indicator', 'Một chỉ số (phát sinh trong kỳ, hoặc số tồn)'],
          ['status_count', 'Số xã theo phân loại'],
        ]),
        numberInput('Nhiều nhất (0 = không để phát sinh)', 'max', value.max, (n) => set('max', n)),
        ...windowFields(),
      );
      break;
    case 'unit_status':
      fields.push(
        statusChecks(
          'Mọi xã của đơn vị phạm vi (chọn ở trên) đạt phân loại',
          'statuses',
          value.statuses,
          (s) => set('statuses', s),
        ),
      );
      break;
  }
  return (
    <>
      {fields}
      <label style={{ display: 'flex', gap: 6 }}>
        <input
          type="checkbox"
          checked={value.eachChild === true}
          onChange={(e) => set('eachChild', e.target.checked)}
        />
        Áp dụng cho từng đơn vị trực thuộc (mỗi huyện, mỗi xã)
      </label>
    </>
  );
}
