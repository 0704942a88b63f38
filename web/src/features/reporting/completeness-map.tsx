import { NO_DATA_COLOR } from '@pcmt/domain/palette';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useMapsDrawn } from '../../components/map/first-draw';
import { sessionQuery } from '../../entities/auth/session';
import { receivedText } from '../../entities/reporting/received-text';
import { formatNumber } from '../../lib/format';
import type { Lang } from '../../lib/i18n';
import {
  completenessLayer,
  REPORT_MAP_COLORS,
  REPORT_MAP_LABELS,
  REPORT_MAP_ORDER,
  type ReportMapState,
} from './completeness-layer';
import { completenessQuery, formsQuery } from './reporting-api';
import './reporting.css';

/** The kind of a period id: `2026`, `2026-H1`, `2026-Q3`, `2026-07`. */
export function periodKindOf(id: string): 'year' | 'half' | 'quarter' | 'month' | null {
  if (/^\d{4}$/.test(id)) return 'year';
  if (/^\d{4}-H[12]$/.test(id)) return 'half';
  if (/^\d{4}-Q[1-4]$/.test(id)) return 'quarter';
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(id)) return 'month';
  return null;
}

/** The report forms a period can be read on (same period kind), for signed-in users (the API is internal). */
function useFormsOf(periodId: string) {
  const signedIn = useQuery(sessionQuery).data?.user != null;
  const forms = useQuery({ ...formsQuery, enabled: signedIn }).data?.rows;
  const kind = periodKindOf(periodId);
  return useMemo(() => (forms ?? []).filter((f) => f.periodKind === kind), [forms, kind]);
}

/**
 * The map layer "Tình hình báo cáo" for the map's period and province: off by default; when on, the
 * colouring (classes, palette and a key naming it) replaces the indicator's, and `panel` is its switch,
 * form choice and legend.
 */
export function useCompletenessMap(p: {
  periodId: string;
  province: string | null;
  inView: readonly string[] | null;
}) {
  const [on, setOn] = useState(false);
  const [chosen, setChosen] = useState('');
  const forms = useFormsOf(p.periodId);
  const form = forms.find((f) => f.code === chosen) ?? forms[0];
  const q = useQuery({
    ...completenessQuery(form?.code ?? '', p.periodId, p.province, true),
    enabled: on && form !== undefined,
  });
  const layer = useMemo(
    () => (on && q.data ? completenessLayer(q.data.rows, p.inView) : null),
    [on, q.data, p.inView],
  );
  const colouring = layer
    ? {
        classes: layer.classes,
        palette: layer.palette,
        key: `completeness|${form?.code}|${p.periodId}|${p.province ?? ''}|${q.dataUpdatedAt}`,
      }
    : null;
  const panel = (
    <CompletenessLayerPanel
      available={forms.length > 0}
      on={on}
      onToggle={setOn}
      forms={forms}
      formCode={form?.code ?? ''}
      onForm={setChosen}
      counts={layer?.counts ?? null}
      noData={layer?.noData ?? 0}
      error={q.error?.message ?? null}
    />
  );
  return { colouring, panel };
}

function CompletenessLayerPanel(p: {
  available: boolean;
  on: boolean;
  onToggle: (on: boolean) => void;
  forms: readonly { code: string; nameVi: string }[];
  formCode: string;
  onForm: (code: string) => void;
  counts: Record<ReportMapState, number> | null;
  noData: number;
  error: string | null;
}) {
  if (!p.available) return null;
  return (
    <div className="completeness-layer" data-testid="completeness-layer">
      <label>
        <input
          type="checkbox"
          data-testid="layer-completeness"
          checked={p.on}
          onChange={(e) => p.onToggle(e.target.checked)}
        />{' '}
        Tình hình báo cáo
      </label>
      {p.on && p.forms.length > 1 && (
        <label className="completeness-layer-form">
          Biểu mẫu{' '}
          <select value={p.formCode} onChange={(e) => p.onForm(e.target.value)}>
            {p.forms.map((f) => (
              <option key={f.code} value={f.code}>
                {f.nameVi}
              </option>
            ))}
          </select>
        </label>
      )}
      {p.on && p.error && (
        <p role="alert" className="error">
          {p.error}
        </p>
      )}
      {p.on && <p className="muted">Bản đồ đang tô màu theo tình hình báo cáo, thay cho chỉ số đã chọn.</p>}
      {p.on && (
        <section className="legend" aria-label="Chú giải tình hình báo cáo" data-testid="completeness-legend">
          <ul>
            {REPORT_MAP_ORDER.map((s) => (
              <li key={s} data-state={s}>
                <span className="swatch" style={{ background: REPORT_MAP_COLORS[s] }} aria-hidden="true" />
                <span className="label">{REPORT_MAP_LABELS[s]}</span>
                <span className="count">{p.counts ? formatNumber(p.counts[s], 'vi', 0) : '…'}</span>
              </li>
            ))}
            {p.noData > 0 && (
              <li data-state="not-expected">
                <span className="swatch" style={{ background: NO_DATA_COLOR }} aria-hidden="true" />
                <span className="label">Không báo cáo biểu mẫu này</span>
                <span className="count">{formatNumber(p.noData, 'vi', 0)}</span>
              </li>
            )}
          </ul>
        </section>
      )}
    </div>
  );
}

/**
 * "Số liệu đã nhận x/y xã" for a period (and province): received and expected reports of the first form
 * read on that period, from the completeness API. Nothing for the public or when no form matches.
 */
export function useReceivedCount(periodId: string, province: string | null) {
  const form = useFormsOf(periodId)[0];
  // Asked once the map has drawn: the count would otherwise hold the server before its tiles and the
  // neighbouring periods it fetches ahead.
  const mapsDrawn = useMapsDrawn();
  const q = useQuery({
    ...completenessQuery(form?.code ?? '', periodId, province),
    enabled: form !== undefined && mapsDrawn,
  });
  return q.data
    ? { received: q.data.total.received, expected: q.data.total.expected, form: form?.nameVi }
    : null;
}

export function ReceivedCount(p: { periodId: string; province: string | null; lang?: Lang }) {
  const c = useReceivedCount(p.periodId, p.province);
  if (!c) return null;
  return (
    <p className="muted received-count" data-testid="received-count" title={c.form}>
      {receivedText(c, p.lang)}
    </p>
  );
}
