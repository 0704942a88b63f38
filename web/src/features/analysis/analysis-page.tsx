import type { DISTANCE_BANDS_M } from '@pcmt/server/contracts/analysis';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { ApiErrorNotice } from '../../components/api-error-notice';
import { AtlasMap, type Bounds } from '../../components/map/atlas-map';
import { api } from '../../lib/api-client';
import { apiError } from '../../lib/api-error';
import { langOf, useLocation } from '../../lib/navigation';
import {
  latestPeriod,
  parsePeriod,
  periodEnd,
  periodsOfKind,
  shiftPeriod,
  tileDateFor,
  todayIso,
} from '../../lib/periods';
import { mayOpenProvince, useHomeArea } from '../auth/home-area';
import { indicatorsQuery } from '../indicators/api/get-indicators';
import { unitsQuery } from '../units/api/get-units';
import { emergingClass, giClass, legendOf, moranClass, type Statistic } from './analysis-classes';
import { type AnalysisKey, analysisText } from './messages';

interface Form {
  statistic: Statistic;
  province: string;
  indicator: string;
  period: string;
  from: string;
  fdr: boolean;
  /** Neighbours: shared boundary, or label points within a band of the server's fixed menu (metres). */
  neighbours: Neighbours;
}

/** The server's menu of distance bands (contracts/analysis.ts): the type check keeps the two equal. */
const BANDS: typeof DISTANCE_BANDS_M = [10_000, 15_000, 20_000, 30_000];
type Neighbours = 'contiguity' | (typeof DISTANCE_BANDS_M)[number];

/** Query parameters of a neighbour choice: only values of the menu are ever sent. */
const weightsQuery = (n: Neighbours) =>
  n === 'contiguity'
    ? { weights: 'contiguity' as const }
    : { weights: 'distance' as const, distance: String(n) };

const STAT_LABELS: Record<Statistic, AnalysisKey> = {
  'gi-star': 'statGi',
  'local-moran': 'statMoran',
  'emerging-hotspots': 'statEmerging',
};

const MEANING: Record<Statistic, AnalysisKey> = {
  'gi-star': 'giMeaning',
  'local-moran': 'moranMeaning',
  'emerging-hotspots': 'emergingMeaning',
};

/** A label above its control, the control as wide as the side panel. */
const FIELD = { display: 'grid', gap: 2, minWidth: 0 } as const;
/** Long indicator names must not widen the side panel. */
const CONTROL = { width: '100%', minWidth: 0 } as const;

/** Legend colour of communes outside the study area or without a value. */
const NO_DATA = '#dddddd';

/** Runs one statistic; `classes` indexes into its legend, `hot`/`cold` count significant communes. */
async function runAnalysis(f: Form, signal: AbortSignal) {
  const scope = { indicator: f.indicator, province: f.province, ...weightsQuery(f.neighbours) };
  const fdr = String(f.fdr) as 'true' | 'false';
  if (f.statistic === 'gi-star') {
    const res = await api.api.analysis['gi-star'].$get(
      { query: { ...scope, fdr, period: f.period } },
      { init: { signal } },
    );
    if (!res.ok) throw await apiError(res, '/api/analysis/gi-star');
    const body = await res.json();
    return {
      meta: body.meta,
      classes: new Map(body.units.map((u) => [u.code, giClass(u.bin)])),
      hot: body.units.filter((u) => u.bin > 0).length,
      cold: body.units.filter((u) => u.bin < 0).length,
    };
  }
  if (f.statistic === 'local-moran') {
    const res = await api.api.analysis['local-moran'].$get(
      { query: { ...scope, period: f.period } },
      { init: { signal } },
    );
    if (!res.ok) throw await apiError(res, '/api/analysis/local-moran');
    const body = await res.json();
    return {
      meta: body.meta,
      classes: new Map(body.units.map((u) => [u.code, moranClass(u.cluster)])),
      hot: body.units.filter((u) => u.cluster === 'HH').length,
      cold: body.units.filter((u) => u.cluster === 'LL').length,
    };
  }
  const res = await api.api.analysis['emerging-hotspots'].$get(
    { query: { ...scope, fdr, from: f.from, to: f.period } },
    { init: { signal } },
  );
  if (!res.ok) throw await apiError(res, '/api/analysis/emerging-hotspots');
  const body = await res.json();
  return {
    meta: body.meta,
    classes: new Map(body.units.map((u) => [u.code, emergingClass(u.spot, u.kind)])),
    hot: body.units.filter((u) => u.spot === 'hot').length,
    cold: body.units.filter((u) => u.spot === 'cold').length,
  };
}

/** Frame around label points, padded so border communes are not cut. */
function boundsOf(points: readonly (readonly [number, number])[]): Bounds | null {
  if (points.length === 0) return null;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return [Math.min(...xs) - 0.05, Math.min(...ys) - 0.05, Math.max(...xs) + 0.05, Math.max(...ys) + 0.05];
}

/** Statistics layers on commune indicators: each coloured by its classes with a legend saying what they mean. */
/** A choice of quarter, newest first (the first and last quarters of a run use the same control). */
function QuarterSelect(props: {
  label: string;
  testId: string;
  quarters: readonly { id: string }[];
  value: string;
  onChange: (id: string) => void;
}) {
  return (
    <label style={FIELD}>
      {props.label}{' '}
      <select
        style={CONTROL}
        data-testid={props.testId}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.quarters.map((q) => (
          <option key={q.id} value={q.id}>
            {q.id}
          </option>
        ))}
      </select>
    </label>
  );
}

export default function AnalysisPage() {
  const location = useLocation();
  const lang = langOf(location.search);
  const t = (k: AnalysisKey) => analysisText(lang, k);
  const today = todayIso();
  const quarters = useMemo(() => periodsOfKind('quarter', today).reverse(), [today]);
  const latest = latestPeriod('quarter', today);
  // Opens on the user's own province and offers only those the user may analyse.
  const area = useHomeArea();
  const [draft, setDraft] = useState<Form>({
    statistic: 'gi-star',
    province: area.home ?? '01',
    indicator: 'addicts_per_1000',
    period: latest.id,
    from: shiftPeriod(latest, -7).id,
    fdr: false,
    neighbours: 'contiguity',
  });
  const [form, setForm] = useState<Form | null>(null);
  const result = useQuery({
    queryKey: ['analysis', form],
    queryFn: ({ signal }) => (form ? runAnalysis(form, signal) : Promise.resolve(null)),
    enabled: form !== null,
  });
  const indicators = useQuery(indicatorsQuery);
  // Units valid at the end of the analysed quarter: the ones the server analysed.
  const shown = form ?? draft;
  const parsed = parsePeriod(shown.period);
  const at = parsed ? periodEnd(parsed) : today;
  const provinces = useQuery(unitsQuery({ level: 'province', parent: null, at }));
  const communes = useQuery(unitsQuery({ level: 'commune', parent: shown.province, at }));
  const bounds = useMemo(
    () => boundsOf((communes.data?.rows ?? []).map((u) => u.labelPoint)),
    [communes.data],
  );
  const legend = legendOf(shown.statistic);
  const classes = result.data?.classes ?? new Map<string, number>();
  const key = result.data && form ? `${JSON.stringify(form)}:${result.data.classes.size}` : 'none';
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setDraft((d) => ({ ...d, [k]: v }));

  return (
    <main
      className="analysis-page"
      style={{ display: 'grid', gridTemplateColumns: '340px 1fr', height: 'calc(100vh - 64px)' }}
    >
      <aside style={{ padding: 12, overflow: 'auto' }}>
        <h2>{t('title')}</h2>
        <form
          style={{ display: 'grid', gap: 8 }}
          onSubmit={(e) => {
            e.preventDefault();
            setForm(draft);
          }}
        >
          <label style={FIELD}>
            {t('statistic')}{' '}
            <select
              style={CONTROL}
              data-testid="statistic"
              value={draft.statistic}
              onChange={(e) => set('statistic', e.target.value as Statistic)}
            >
              {(Object.keys(STAT_LABELS) as Statistic[]).map((s) => (
                <option key={s} value={s}>
                  {t(STAT_LABELS[s])}
                </option>
              ))}
            </select>
          </label>
          <label style={FIELD}>
            {t('province')}{' '}
            <select
              style={CONTROL}
              data-testid="province"
              value={draft.province}
              onChange={(e) => set('province', e.target.value)}
            >
              {(
                provinces.data?.rows.filter((p) => mayOpenProvince(area, p.code)) ?? [
                  { code: draft.province, name: '…' },
                ]
              ).map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <label style={FIELD}>
            {t('indicator')}{' '}
            <select
              style={CONTROL}
              data-testid="indicator"
              value={draft.indicator}
              onChange={(e) => set('indicator', e.target.value)}
            >
              {(
                indicators.data?.rows ?? [
                  { code: draft.indicator, nameVi: draft.indicator, nameEn: draft.indicator },
                ]
              ).map((i) => (
                <option key={i.code} value={i.code}>
                  {lang === 'en' ? i.nameEn : i.nameVi}
                </option>
              ))}
            </select>
          </label>
          {draft.statistic === 'emerging-hotspots' && (
            <QuarterSelect
              label={t('fromPeriod')}
              testId="from-period"
              quarters={quarters}
              value={draft.from}
              onChange={(v) => set('from', v)}
            />
          )}
          <QuarterSelect
            label={draft.statistic === 'emerging-hotspots' ? t('lastPeriod') : t('period')}
            testId="period"
            quarters={quarters}
            value={draft.period}
            onChange={(v) => set('period', v)}
          />
          <label style={FIELD}>
            {t('neighbourhood')}{' '}
            <select
              style={CONTROL}
              data-testid="neighbours"
              value={String(draft.neighbours)}
              onChange={(e) =>
                set(
                  'neighbours',
                  e.target.value === 'contiguity'
                    ? 'contiguity'
                    : (BANDS.find((b) => String(b) === e.target.value) ?? 'contiguity'),
                )
              }
            >
              <option value="contiguity">{t('contiguity')}</option>
              {BANDS.map((b) => (
                <option key={b} value={b}>
                  {t('within')} {b / 1000} km
                </option>
              ))}
            </select>
          </label>
          {draft.statistic !== 'local-moran' && (
            <label>
              <input type="checkbox" checked={draft.fdr} onChange={(e) => set('fdr', e.target.checked)} />{' '}
              {t('fdr')}
            </label>
          )}
          <button type="submit" data-testid="run-analysis" disabled={result.isFetching}>
            {t('run')}
          </button>
        </form>
        {result.isFetching && <p>{t('running')}</p>}
        {result.isError && <ApiErrorNotice error={result.error} lang={lang} />}
        {result.data && (
          <p data-testid="analysis-summary">
            {result.data.meta.n} {t('communes')} · {result.data.hot} {t('hot')} · {result.data.cold}{' '}
            {t('cold')} · {t('neighbours')}: {result.data.meta.weights.method}
            {result.data.meta.weights.islands.length > 0 &&
              ` · ${result.data.meta.weights.islands.length} ${t('islands')}: ${result.data.meta.weights.islands.join(', ')}`}
            {result.data.meta.missing.length > 0 && ` · ${result.data.meta.missing.length} ${t('missing')}`}
          </p>
        )}
        <section aria-label={t('legend')} data-testid="analysis-legend">
          <h3>
            {t('legend')}: {t(STAT_LABELS[shown.statistic])}
          </h3>
          <p style={{ fontSize: 13 }}>{t(MEANING[shown.statistic])}</p>
          <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {[...legend, { color: NO_DATA, label: t('noData') }].map((l) => (
              <li key={l.label}>
                <span
                  style={{
                    display: 'inline-block',
                    width: 14,
                    height: 14,
                    background: l.color,
                    marginRight: 6,
                    border: '1px solid #999',
                    verticalAlign: 'middle',
                  }}
                />
                {l.label}
              </li>
            ))}
          </ul>
          {result.data && (
            <p style={{ fontSize: 12 }} data-testid="analysis-definition">
              {t('definition')}: {result.data.meta.definition}
            </p>
          )}
        </section>
      </aside>
      <AtlasMap
        tileAt={tileDateFor(at)}
        classes={classes}
        classesKey={key}
        fill={{ palette: legend.map((l) => l.color), noDataColor: NO_DATA, outsideColor: NO_DATA }}
        showDistricts={false}
        focusProvince={shown.province}
        selectedCommune={null}
        position={null}
        frame={bounds ? { key: `${shown.province}:${at}`, bounds } : null}
        deckLayers={[]}
        onMove={() => undefined}
        onClick={() => undefined}
        onPick={() => undefined}
        ariaLabel={t('mapLabel')}
        basemapStyleUrl={null}
      />
    </main>
  );
}
