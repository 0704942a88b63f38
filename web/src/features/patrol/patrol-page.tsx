import type { PickingInfo } from '@deck.gl/core';
import { inLasso, topByRecentActivity } from '@pcmt/domain/patrol-selection';
import { tileDateFor } from '@pcmt/domain/unit-versions';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { ApiErrorNotice } from '../../components/api-error-notice';
import { DateInput } from '../../components/date-input';
import { AtlasMap, type Bounds } from '../../components/map/atlas-map';
import { TimeInput } from '../../components/time-input';
import { mayOpenProvince, useHomeArea } from '../../entities/auth/home-area';
import { unitsQuery } from '../../entities/units/api/get-units';
import { langOf, useLocation } from '../../lib/navigation';
import { todayIso } from '../../lib/periods';
import { useUnitVersions } from '../../lib/unit-versions';
import { type PatrolKey, patrolText } from './messages';
import {
  activeHotspotsQuery,
  hotspotClustersQuery,
  type PlanRequest,
  planLinks,
  previewPlan,
  savePlan,
} from './patrol-api';
import { cssColor, DRAW_CATCHER_ID, PATROL_COLORS, type PlannerHotspot, patrolLayers } from './patrol-layers';
import './patrol.css';

interface Params {
  name: string;
  radiusM: number;
  shiftStart: string;
  shiftEnd: string;
  topCount: number;
}

const NO_CLASSES = new Map<string, number>();
const CLUSTER_EPS_M = 500;

const formatMetres = (m: number, lang: 'vi' | 'en') =>
  m >= 1000
    ? `${(m / 1000).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 })} km`
    : `${Math.round(m)} m`;

function boundsOf(points: readonly (readonly [number, number])[]): Bounds | null {
  if (points.length === 0) return null;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return [Math.min(...xs) - 0.02, Math.min(...ys) - 0.02, Math.max(...xs) + 0.02, Math.max(...ys) + 0.02];
}

/** Police patrol planner: choose a province's active hotspots, build zones, route and visit times, export. */
export default function PatrolPage() {
  const location = useLocation();
  const lang = langOf(location.search);
  const t = (k: PatrolKey) => patrolText(lang, k);
  const area = useHomeArea();
  const versions = useUnitVersions();
  const ownProvince = area.home ?? '01';
  const [provinceChoice, setProvince] = useState<string | null>(null);
  const province = provinceChoice ?? ownProvince;
  const [date, setDate] = useState(todayIso());
  const [commune, setCommune] = useState('');
  const [topN, setTopN] = useState(5);
  const [selected, setSelected] = useState<string[]>([]);
  const [drawing, setDrawing] = useState<[number, number][] | null>(null);
  const [params, setParams] = useState<Params>({
    name: t('defaultName'),
    radiusM: 300,
    shiftStart: '18:00',
    shiftEnd: '02:00',
    topCount: 2,
  });

  const provinces = useQuery(unitsQuery({ level: 'province', parent: null, at: date }));
  const communes = useQuery(unitsQuery({ level: 'commune', parent: province, at: date }));
  const all = useQuery(activeHotspotsQuery(date));
  const clusters = useQuery(hotspotClustersQuery(province, date, CLUSTER_EPS_M));

  const communeName = useMemo(
    () => new Map((communes.data?.rows ?? []).map((u) => [u.code, u.name])),
    [communes.data],
  );
  // The province's active hotspots: those in its communes on the date.
  const hotspots: PlannerHotspot[] = useMemo(
    () =>
      (all.data?.features ?? [])
        .filter((f) => communeName.has(f.properties.communeCode))
        .map((f) => ({
          code: f.properties.code,
          kind: f.properties.kind,
          communeCode: f.properties.communeCode,
          position: f.geometry.coordinates,
          status: f.properties.status,
          detectedOn: f.properties.detectedOn,
          reemergedOn: f.properties.reemergedOn,
        })),
    [all.data, communeName],
  );
  const byCode = useMemo(() => new Map(hotspots.map((h) => [h.code, h])), [hotspots]);
  const bounds = useMemo(
    () => boundsOf((communes.data?.rows ?? []).map((u) => u.labelPoint)),
    [communes.data],
  );

  const request: PlanRequest = { ...params, date, seed: 1, hotspotCodes: selected };
  const requestKey = JSON.stringify(request);
  const preview = useMutation({ mutationFn: (r: PlanRequest) => previewPlan(r) });
  const save = useMutation({ mutationFn: (r: PlanRequest) => savePlan(r) });
  // A plan shown or saved for other choices than the current ones is stale: hide it.
  const [planKey, setPlanKey] = useState('');
  const current = planKey === requestKey;
  const saved =
    current && save.data && save.variables && JSON.stringify(save.variables) === requestKey
      ? save.data
      : null;
  const plan = current ? (saved?.plan ?? preview.data ?? null) : null;

  const choose = (codes: string[]) => setSelected(codes.slice(0, 60));
  const toggle = (code: string) =>
    setSelected((s) => (s.includes(code) ? s.filter((c) => c !== code) : [...s, code].slice(0, 60)));
  const setParam = <K extends keyof Params>(k: K, v: Params[K]) => setParams((p) => ({ ...p, [k]: v }));

  const drawFrame = bounds ?? ([102, 8, 110, 24] as Bounds);
  const layers = useMemo(
    () =>
      patrolLayers(hotspots, new Set(selected), plan, drawing ? { bounds: drawFrame, ring: drawing } : null),
    [hotspots, selected, plan, drawing, drawFrame],
  );
  const onPick = (info: PickingInfo | null, kind: 'hover' | 'click') => {
    if (kind !== 'click' || !info) return;
    // While drawing, every click (on a point or not) adds a corner of the area.
    if (drawing) {
      const c = info.coordinate;
      if (c && c.length >= 2) setDrawing([...drawing, [c[0] as number, c[1] as number]]);
      return;
    }
    const h = info.object as PlannerHotspot | undefined;
    if (info.layer?.id !== DRAW_CATCHER_ID && h?.code) toggle(h.code);
  };
  // Inside the drawn area, most recently active first (the route starts at the first chosen place).
  const selectDrawn = (ring: [number, number][]) =>
    choose(topByRecentActivity(inLasso(hotspots, ring), 60, date).map((h) => h.code));
  const kindLabel = (k: 'diem' | 'tu_diem') => (k === 'diem' ? t('kindDiem') : t('kindTuDiem'));
  const planBounds = useMemo(
    () => (plan ? boundsOf(plan.zones.coordinates.flat(2).map((p) => [p[0], p[1]] as const)) : null),
    [plan],
  );
  const frame = planBounds
    ? { key: `plan:${planKey}`, bounds: planBounds }
    : bounds
      ? { key: `${province}:${date}`, bounds }
      : null;
  const links = saved ? planLinks(saved.id) : null;
  const visits = plan ? [...plan.visits].sort((a, b) => a.start.localeCompare(b.start)) : [];
  const stopOf = new Map((plan?.stops ?? []).map((s) => [s.code, s]));
  const error = preview.error ?? save.error;
  const provinceOptions = (provinces.data?.rows ?? []).filter((p) => mayOpenProvince(area, p.code));
  /** "Tụ điểm … tại quán karaoke" when the register describes the place, its kind otherwise. */
  const placeName = (s: { description?: string; kind: 'diem' | 'tu_diem' }) =>
    s.description || kindLabel(s.kind);

  // On a phone the map comes first and this panel is a sheet under it, its actions always at thumb's reach.
  return (
    <main className="patrol-page">
      <aside className="patrol-panel" aria-label={t('panelLabel')}>
        <h2 style={{ margin: 0 }}>
          {t('title')}{' '}
          <span style={{ color: '#b00', border: '2px solid #b00', padding: '0 4px', fontSize: 14 }}>
            {t('secret')}
          </span>
        </h2>
        <label>
          {t('province')}{' '}
          <select
            style={{ maxWidth: '100%' }}
            data-testid="patrol-province"
            value={province}
            onChange={(e) => {
              setProvince(e.target.value);
              setCommune('');
              setSelected([]);
            }}
          >
            {(provinceOptions.length > 0 ? provinceOptions : [{ code: province, name: '…' }]).map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor="patrol-date">
          {t('date')}{' '}
          <DateInput
            id="patrol-date"
            data-testid="patrol-date"
            required
            value={date}
            onChange={(d) => d && setDate(d)}
          />
        </label>
        <p style={{ margin: 0 }} data-testid="patrol-active-count">
          {hotspots.length} {t('activeCount')}
        </p>

        <fieldset>
          <legend>{t('selectTitle')}</legend>
          <p style={{ margin: '0 0 6px', fontSize: 13 }}>{t('clickHint')}</p>
          <label>
            {t('commune')}{' '}
            <select
              style={{ maxWidth: '100%' }}
              data-testid="patrol-commune"
              value={commune}
              onChange={(e) => setCommune(e.target.value)}
            >
              <option value="">{t('allCommunes')}</option>
              {(communes.data?.rows ?? []).map((u) => (
                <option key={u.code} value={u.code}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>{' '}
          <label>
            {t('topN')}{' '}
            <input
              type="number"
              data-testid="patrol-top-n"
              min={1}
              max={60}
              value={topN}
              style={{ width: 56 }}
              onChange={(e) => setTopN(Math.max(1, Math.min(60, Number(e.target.value) || 1)))}
            />
          </label>
          <button
            type="button"
            data-testid="patrol-select-top"
            disabled={hotspots.length === 0}
            onClick={() =>
              choose(topByRecentActivity(hotspots, topN, date, commune || null).map((h) => h.code))
            }
          >
            {t('selectTop')}
          </button>
          <p style={{ margin: '4px 0', fontSize: 12, color: '#555' }}>{t('topHint')}</p>
          <div style={{ display: 'flex', gap: 6, flexWrap: 'wrap', margin: '4px 0' }}>
            {drawing === null ? (
              <button type="button" data-testid="patrol-draw" onClick={() => setDrawing([])}>
                {t('draw')}
              </button>
            ) : (
              <>
                <button
                  type="button"
                  data-testid="patrol-draw-done"
                  disabled={drawing.length < 3}
                  onClick={() => {
                    selectDrawn(drawing);
                    setDrawing(null);
                  }}
                >
                  {t('drawDone')} ({drawing.length})
                </button>
                <button type="button" onClick={() => setDrawing(null)}>
                  {t('drawCancel')}
                </button>
              </>
            )}
          </div>
          {drawing !== null && <p style={{ margin: 0, fontSize: 12 }}>{t('drawHint')}</p>}
          <label>
            {t('cluster')}{' '}
            <select
              style={{ maxWidth: '100%' }}
              data-testid="patrol-cluster"
              value=""
              onChange={(e) => {
                const f = clusters.data?.features.find(
                  (c) => String(c.properties.cluster) === e.target.value,
                );
                if (f) choose(f.properties.codes.filter((c) => byCode.has(c)));
              }}
            >
              <option value="">{t('chooseCluster')}</option>
              {(clusters.data?.features ?? []).map((f) => (
                <option key={f.properties.cluster} value={f.properties.cluster}>
                  {t('clusterOption')
                    .replace('{n}', String(f.properties.cluster))
                    .replace('{count}', String(f.properties.count))}
                </option>
              ))}
            </select>
          </label>
        </fieldset>

        <section>
          <h3 style={{ margin: '0 0 4px' }}>
            {t('selected')}: <span data-testid="patrol-selected-count">{selected.length}</span>
          </h3>
          {selected.length > 0 && (
            <>
              <ol
                data-testid="patrol-selected"
                style={{ margin: 0, paddingLeft: 22, maxHeight: 140, overflow: 'auto', fontSize: 13 }}
              >
                {selected.map((code) => {
                  const h = byCode.get(code);
                  return (
                    <li key={code} data-code={code}>
                      {h ? kindLabel(h.kind) : ''} · {h ? communeName.get(h.communeCode) : ''}{' '}
                      <span className="patrol-code">{code}</span>{' '}
                      <button
                        type="button"
                        onClick={() => toggle(code)}
                        aria-label={`${t('remove')} ${code}`}
                      >
                        ×
                      </button>
                    </li>
                  );
                })}
              </ol>
              <button type="button" onClick={() => setSelected([])}>
                {t('clear')}
              </button>
            </>
          )}
        </section>

        <form
          id="patrol-form"
          className="patrol-form"
          onSubmit={(e) => {
            e.preventDefault();
            setPlanKey(requestKey);
            save.reset();
            preview.mutate(request);
          }}
        >
          <h3 style={{ margin: 0 }}>{t('planTitle')}</h3>
          <label>
            {t('name')} <input value={params.name} onChange={(e) => setParam('name', e.target.value)} />
          </label>
          <label>
            {t('radius')}{' '}
            <input
              type="number"
              data-testid="patrol-radius"
              min={50}
              max={5000}
              step={50}
              value={params.radiusM}
              style={{ width: 80 }}
              onChange={(e) => setParam('radiusM', Number(e.target.value))}
            />
          </label>
          <label htmlFor="patrol-shift-start">
            {t('shiftStart')}{' '}
            <TimeInput
              id="patrol-shift-start"
              data-testid="patrol-shift-start"
              value={params.shiftStart}
              onChange={(time) => setParam('shiftStart', time)}
            />
          </label>
          <label htmlFor="patrol-shift-end">
            {t('shiftEnd')}{' '}
            <TimeInput
              id="patrol-shift-end"
              data-testid="patrol-shift-end"
              value={params.shiftEnd}
              onChange={(time) => setParam('shiftEnd', time)}
            />
          </label>
          <label>
            {t('topCount')}{' '}
            <input
              type="number"
              min={0}
              max={20}
              value={params.topCount}
              style={{ width: 56 }}
              onChange={(e) => setParam('topCount', Number(e.target.value))}
            />
          </label>
        </form>
        {error && current && <ApiErrorNotice error={error} lang={lang} />}

        {plan && (
          <section data-testid="patrol-plan">
            <p style={{ margin: '0 0 6px' }}>
              {t('routeLength')}:{' '}
              <strong data-testid="patrol-route-length">{formatMetres(plan.routeLengthM, lang)}</strong> (
              {t('inputLength')}: {formatMetres(plan.inputLengthM, lang)}) · {plan.zones.coordinates.length}{' '}
              {t('zones').toLowerCase()}
            </p>
            <h3 style={{ margin: '6px 0 2px' }}>{t('routeTitle')}</h3>
            <ol data-testid="patrol-route" className="patrol-route">
              {[...plan.stops]
                .sort((a, b) => a.order - b.order)
                .map((s) => (
                  <li key={s.code} data-code={s.code}>
                    <strong>{placeName(s)}</strong> · {s.communeName}
                    {s.top ? ` · ${t('top')}` : ''} <span className="patrol-code">{s.code}</span>
                  </li>
                ))}
            </ol>
            <h3 style={{ margin: '6px 0 2px' }}>{t('dosageTitle')}</h3>
            <table data-testid="patrol-dosage" className="patrol-dosage">
              <thead>
                <tr>
                  <th align="left">{t('time')}</th>
                  <th align="left">{t('order')}</th>
                  <th align="left">{t('place')}</th>
                  <th align="right">{t('minutes')}</th>
                </tr>
              </thead>
              <tbody>
                {visits.map((v) => (
                  <tr
                    key={`${v.code}-${v.start}`}
                    data-start={v.start}
                    data-code={v.code}
                    data-order={v.order}
                    data-nth={v.nth}
                  >
                    <td>
                      {v.start.slice(11, 16)}
                      {v.start.slice(0, 10) !== plan.date ? ` (${t('nextDay')})` : ''}
                    </td>
                    <td>{v.order}</td>
                    <td>
                      {(() => {
                        const s = stopOf.get(v.code);
                        return s ? `${placeName(s)} · ${s.communeName}` : v.code;
                      })()}
                      {stopOf.get(v.code)?.top ? ` (${t('top')})` : ''}
                      {v.nth > 1 ? ` — ${t('revisit').replace('{n}', String(v.nth))}` : ''}
                    </td>
                    <td align="right">{v.minutes}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {plan.warnings.length > 0 && (
              <p data-testid="patrol-warnings" style={{ fontSize: 13, color: '#8a4b00' }}>
                {t('warnings')}: {plan.warnings.join(' ')}
              </p>
            )}
          </section>
        )}
        {saved && links && (
          <section data-testid="patrol-saved">
            <p style={{ margin: '0 0 4px' }}>
              {t('saved')} <strong data-testid="patrol-saved-id">{saved.id}</strong>
            </p>
            <p style={{ margin: 0, display: 'flex', gap: 10, flexWrap: 'wrap' }}>
              {t('downloads')}:
              <a href={links.gpx} download data-testid="patrol-download-gpx">
                GPX
              </a>
              <a href={links.kml} download data-testid="patrol-download-kml">
                KML
              </a>
              <a href={links.geojson} download data-testid="patrol-download-geojson">
                GeoJSON
              </a>
              <a href={links.sheet} target="_blank" rel="noopener" data-testid="patrol-sheet">
                {t('sheet')}
              </a>
            </p>
          </section>
        )}
        <section aria-label="legend" style={{ fontSize: 13 }}>
          {(
            [
              ['legendHotspot', PATROL_COLORS.hotspot],
              ['legendSelected', PATROL_COLORS.selected],
              ['legendZone', PATROL_COLORS.zone],
              ['legendRoute', PATROL_COLORS.route],
            ] as const
          ).map(([k, c]) => (
            <div key={k}>
              <span
                style={{
                  display: 'inline-block',
                  width: 14,
                  height: 14,
                  marginRight: 6,
                  background: cssColor(c),
                  border: '1px solid #999',
                  verticalAlign: 'middle',
                }}
              />
              {t(k)}
            </div>
          ))}
        </section>
        <div className="patrol-actions">
          <button
            type="submit"
            form="patrol-form"
            data-testid="patrol-build"
            disabled={selected.length === 0 || preview.isPending}
          >
            {preview.isPending ? t('building') : t('build')}
          </button>
          <button
            type="button"
            data-testid="patrol-save"
            disabled={selected.length === 0 || save.isPending}
            onClick={() => {
              setPlanKey(requestKey);
              save.mutate(request);
            }}
          >
            {save.isPending ? t('saving') : t('save')}
          </button>
        </div>
      </aside>
      <div className="patrol-map">
        <AtlasMap
          tileAt={tileDateFor(versions, date)}
          classes={NO_CLASSES}
          classesKey={`patrol:${province}`}
          fill={{ palette: [], noDataColor: '#f4f4ef', outsideColor: '#f4f4ef' }}
          showDistricts={false}
          focusProvince={province}
          selectedCommune={commune || null}
          position={null}
          frame={frame}
          deckLayers={layers}
          onMove={() => undefined}
          onClick={() => undefined}
          onPick={onPick}
          ariaLabel={t('mapLabel')}
          basemapStyleUrl={null}
        />
      </div>
    </main>
  );
}
