import type { DISTANCE_BANDS_M } from '@pcmt/domain/contracts/analysis';
import { tileDateFor } from '@pcmt/domain/unit-versions';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { ApiErrorNotice } from '../../components/api-error-notice';
import { AtlasMap, type Bounds } from '../../components/map/atlas-map';
import { mayOpenProvince, useHomeArea } from '../../entities/auth/home-area';
import { indicatorsQuery } from '../../entities/indicators/api/get-indicators';
import { TableExport } from '../../entities/table/components/table-export';
import { readTable } from '../../entities/table/lib/read-table';
import { unitsQuery } from '../../entities/units/api/get-units';
import { api } from '../../lib/api-client';
import { apiError } from '../../lib/api-error';
import { type Lang, periodLabel } from '../../lib/i18n';
import { langOf, useLocation } from '../../lib/navigation';
import {
  latestPeriod,
  parsePeriod,
  periodEnd,
  periodsOfKind,
  shiftPeriod,
  todayIso,
} from '../../lib/periods';
import { queryKeys } from '../../lib/query-keys';
import { useUnitVersions } from '../../lib/unit-versions';
import {
  emergingClass,
  giClass,
  legendOf,
  moranClass,
  NEUTRAL_CLASS,
  type Statistic,
} from './analysis-classes';
import { type AnalysisKey, analysisText } from './messages';
import './analysis.css';

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

/** One commune's result: its legend class, the analysed value (null for trends) and the statistic's score. */
interface ResultRow {
  code: string;
  cls: number;
  value: number | null;
  /** Gi*: z; local Moran: I; emerging: the trend's z. */
  score: number;
}

/**
 * Runs one statistic; `classes` indexes into its legend, `hot`/`cold` count significant communes, `rows`
 * holds every commune's result for the table and the map's picked commune.
 */
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
    const rows: ResultRow[] = body.units.map((u) => ({
      code: u.code,
      cls: giClass(u.bin),
      value: u.value,
      score: u.z,
    }));
    return {
      meta: body.meta,
      rows,
      classes: new Map(rows.map((r) => [r.code, r.cls])),
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
    const rows: ResultRow[] = body.units.map((u) => ({
      code: u.code,
      cls: moranClass(u.cluster),
      value: u.value,
      score: u.i,
    }));
    return {
      meta: body.meta,
      rows,
      classes: new Map(rows.map((r) => [r.code, r.cls])),
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
  const rows: ResultRow[] = body.units.map((u) => ({
    code: u.code,
    cls: emergingClass(u.spot, u.kind),
    value: null,
    score: u.trendZ,
  }));
  return {
    meta: body.meta,
    rows,
    classes: new Map(rows.map((r) => [r.code, r.cls])),
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
  lang: Lang;
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
            {periodLabel(q.id, props.lang)}
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
  const versions = useUnitVersions();
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
  const [picked, setPicked] = useState<string | null>(null);
  const resultsTable = useRef<HTMLTableElement>(null);
  const result = useQuery({
    queryKey: queryKeys.analysis.of(form),
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
  const nameOf = useMemo(
    () => new Map((communes.data?.rows ?? []).map((u) => [u.code, u.name])),
    [communes.data],
  );
  const number = (v: number | null, digits: number) =>
    v === null ? '–' : v.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits });
  // Significant communes by name, strongest class first: what a committee acts on.
  const significant = useMemo(
    () =>
      (result.data?.rows ?? [])
        .filter((r) => r.cls !== NEUTRAL_CLASS[shown.statistic])
        .sort((a, b) => Math.abs(b.score) - Math.abs(a.score)),
    [result.data, shown.statistic],
  );
  const pickedRow = picked ? (result.data?.rows.find((r) => r.code === picked) ?? null) : null;
  const neighbourLabel =
    shown.neighbours === 'contiguity'
      ? t('contiguity')
      : `${t('within')} ${(shown.neighbours / 1000).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')} km`;

  return (
    <main className="analysis-page">
      <aside className="analysis-panel">
        <h2>{t('title')}</h2>
        <form
          style={{ display: 'grid', gap: 8 }}
          onSubmit={(e) => {
            e.preventDefault();
            setForm(draft);
            setPicked(null);
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
              lang={lang}
              value={draft.from}
              onChange={(v) => set('from', v)}
            />
          )}
          <QuarterSelect
            label={draft.statistic === 'emerging-hotspots' ? t('lastPeriod') : t('period')}
            testId="period"
            quarters={quarters}
            lang={lang}
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
            {t('cold')} · {t('neighbourhood')}: {neighbourLabel.toLowerCase()}
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
            <details style={{ fontSize: 12 }}>
              <summary>{t('technical')}</summary>
              <p data-testid="analysis-definition">
                {t('definition')}: {result.data.meta.definition}
              </p>
            </details>
          )}
        </section>
        {result.data && (
          <section aria-label={t('resultsTitle')} data-testid="analysis-results">
            <h3>
              {t('resultsTitle')} ({significant.length})
            </h3>
            <p style={{ fontSize: 13 }} data-testid="analysis-picked">
              {pickedRow
                ? `${t('picked')}: ${nameOf.get(pickedRow.code) ?? pickedRow.code} — ${legend[pickedRow.cls]?.label ?? ''} (${t('value')} ${number(pickedRow.value, 2)}; ${t('score')} ${number(pickedRow.score, 2)})`
                : picked
                  ? `${t('picked')}: ${nameOf.get(picked) ?? picked} — ${t('notAnalysed')}`
                  : t('pickHint')}
            </p>
            {significant.length === 0 ? (
              <p>{t('resultsNone')}</p>
            ) : (
              <>
                <TableExport
                  fileBase={`phan-tich-${shown.statistic}-${shown.province}-${shown.period}`}
                  sheet={t('resultsTitle')}
                  caption={`${t(STAT_LABELS[shown.statistic])} — ${shown.indicator} — ${shown.period}`}
                  lang={lang}
                  data={() => (resultsTable.current ? readTable(resultsTable.current, lang) : null)}
                />
                <div style={{ maxHeight: 320, overflow: 'auto' }}>
                  <table ref={resultsTable} className="page-table" data-testid="analysis-table">
                    <thead>
                      <tr>
                        <th>{t('commune')}</th>
                        <th>{t('class')}</th>
                        <th className="num">{t('value')}</th>
                        <th className="num">{t('score')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {significant.map((r) => (
                        <tr
                          key={r.code}
                          data-code={r.code}
                          aria-selected={r.code === picked}
                          style={r.code === picked ? { background: '#fff3c4' } : undefined}
                        >
                          <td>
                            <button type="button" className="link-button" onClick={() => setPicked(r.code)}>
                              {nameOf.get(r.code) ?? r.code}
                            </button>
                          </td>
                          <td>{legend[r.cls]?.label}</td>
                          <td className="num">{number(r.value, 2)}</td>
                          <td className="num">{number(r.score, 2)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )}
          </section>
        )}
      </aside>
      <AtlasMap
        tileAt={tileDateFor(versions, at)}
        classes={classes}
        classesKey={key}
        fill={{ palette: legend.map((l) => l.color), noDataColor: NO_DATA, outsideColor: NO_DATA }}
        showDistricts={false}
        focusProvince={shown.province}
        selectedCommune={picked}
        position={null}
        frame={bounds ? { key: `${shown.province}:${at}`, bounds } : null}
        deckLayers={[]}
        onMove={() => undefined}
        onClick={(click) => setPicked(click.communeCode ?? null)}
        onPick={() => undefined}
        ariaLabel={t('mapLabel')}
        basemapStyleUrl={null}
      />
    </main>
  );
}
