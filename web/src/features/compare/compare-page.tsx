import { formatDate } from '@pcmt/domain/format';
import { reorganisationPairs } from '@pcmt/domain/unit-versions';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo } from 'react';
import type { MapClick } from '../../components/map/atlas-map';
import { boundsOfPoints } from '../../components/map/bounds';
import { Breadcrumb } from '../../components/map/breadcrumb';
import { VIETNAM_BOUNDS } from '../../components/map/map-style';
import { mayOpenProvince, useHomeArea } from '../../entities/auth/home-area';
import { viewDates } from '../../entities/choropleth-data/view-dates';
import { configQuery } from '../../entities/config/api/get-config';
import { indicatorsQuery } from '../../entities/indicators/api/get-indicators';
import { unitsQuery } from '../../entities/units/api/get-units';
import { periodLabel } from '../../lib/i18n';
import { navigate, onInAppLinkClick, useLocation } from '../../lib/navigation';
import { lastReportedQuarter, todayIso } from '../../lib/periods';
import { useUnitVersions } from '../../lib/unit-versions';
import {
  type CompareState,
  DEFAULT_VIEW,
  type MapPosition,
  parseCompareState,
  serializeCompareState,
  serializeViewState,
} from '../../lib/url-state';
import { lastYearPair, type PeriodPair, resolveComparePeriods } from './compare-periods';
import { CompareSide } from './components/compare-side';
import { compareText } from './messages';
import './compare.css';

/**
 * Two maps side by side (stacked on narrow screens): each its own period and indicator, both sharing one
 * province and one camera, so moving either moves both. Everything is in the URL (`/so-sanh?left=…&right=…`).
 */
export default function ComparePage() {
  const location = useLocation();
  const state = useMemo(() => parseCompareState(location.search.toString()), [location.search]);
  const { lang, province } = state;
  const t = (k: Parameters<typeof compareText>[1]) => compareText(lang, k);
  const today = useMemo(() => todayIso(), []);
  const { left, right } = resolveComparePeriods(state.left.period, state.right.period, today);

  const update = useCallback((patch: Partial<CompareState>, opts: { replace?: boolean } = {}) => {
    const current = parseCompareState(window.location.search);
    navigate(serializeCompareState({ ...current, ...patch }), { ...opts, onlyFrom: 'compare' });
  }, []);
  // A bare or partial link gets its chosen periods written down, so the URL always names both sides.
  useEffect(() => {
    if (state.left.period === left.id && state.right.period === right.id) return;
    update(
      { left: { ...state.left, period: left.id }, right: { ...state.right, period: right.id } },
      { replace: true },
    );
  }, [state.left, state.right, left.id, right.id, update]);

  // A user of one jurisdiction starts on their own province, as on the map (the country is not theirs).
  const area = useHomeArea();
  useEffect(() => {
    if (area.home && province === null && state.map === null)
      update({ province: area.home }, { replace: true });
  }, [area.home, province, state.map, update]);

  const config = useQuery(configQuery);
  const indicators = useQuery(indicatorsQuery);
  // Names and the frame come from the later side's units (today's, usually), else the earlier side's.
  const versions = useUnitVersions();
  // "Before / after" each reorganisation the versions name (newest first), whatever its date.
  const reorganised = reorganisationPairs(versions).filter((p) => p.right <= lastReportedQuarter(today).id);
  const tileAts = [left, right]
    .map((p) => viewDates(p, state.todayUnits, today, versions).tileAt)
    .sort((a, b) => b.localeCompare(a));
  const later = useQuery(unitsQuery({ level: 'province', parent: null, at: tileAts[0] ?? '' }));
  const earlier = useQuery(unitsQuery({ level: 'province', parent: null, at: tileAts[1] ?? '' }));
  const provinceUnit = province
    ? (later.data?.rows.find((u) => u.code === province) ??
      earlier.data?.rows.find((u) => u.code === province) ??
      null)
    : null;
  const frameAt = later.data
    ? ((later.data.rows.some((u) => u.code === province) ? tileAts[0] : tileAts[1]) ?? null)
    : null;
  const communes = useQuery({
    ...unitsQuery({ level: 'commune', parent: province, at: frameAt ?? '' }),
    enabled: province !== null && frameAt !== null,
  });
  // One frame for both maps, so the two open on the same ground.
  const frame = useMemo(() => {
    if (!province) return { key: 'country', bounds: VIETNAM_BOUNDS };
    const b = boundsOfPoints(communes.data?.rows.map((u) => u.labelPoint) ?? []);
    return b ? { key: province, bounds: b } : null;
  }, [province, communes.data]);

  // Until the province's frame is known a map only sits where it was created (a layout resize moves it
  // too): writing that camera down would keep the maps on the whole country once the frame arrives.
  const framed = frame !== null || state.map !== null;
  const onMove = useCallback(
    (map: MapPosition) => {
      if (framed) update({ map }, { replace: true });
    },
    [framed, update],
  );
  const onClick = useCallback(
    (c: MapClick) => {
      if (c.provinceCode && c.provinceCode !== province) update({ province: c.provinceCode, map: null });
    },
    [province, update],
  );
  const applyPair = (pair: PeriodPair, todayUnits: boolean) =>
    update({
      left: { ...state.left, period: pair.left },
      right: { ...state.right, period: pair.right },
      todayUnits,
    });
  const lastYear = lastYearPair(right);
  const dashboardHref = serializeViewState({
    ...DEFAULT_VIEW,
    province,
    period: left.id,
    indicator: state.left.indicator,
    method: state.method,
    classes: state.classes,
    todayUnits: state.todayUnits,
    map: state.map,
    lang,
  });
  // Only the provinces of the user's jurisdiction (all of them for national staff).
  const provinceOptions = (later.data?.rows ?? []).filter((u) => mayOpenProvince(area, u.code));

  const side = (which: 'left' | 'right') => {
    const s = state[which];
    return (
      <CompareSide
        side={which}
        period={which === 'left' ? left : right}
        indicator={s.indicator}
        province={province}
        method={state.method}
        classes={state.classes}
        todayUnits={state.todayUnits}
        today={today}
        lang={lang}
        indicators={indicators.data?.rows ?? []}
        position={state.map}
        frame={frame}
        basemapStyleUrl={config.data?.basemapStyleUrl ?? null}
        onMove={onMove}
        onClick={onClick}
        onPeriod={(id) => update({ [which]: { ...s, period: id } })}
        onIndicator={(code) => update({ [which]: { ...s, indicator: code } })}
      />
    );
  };

  return (
    <div className="compare-page" data-testid="compare-page">
      <div className="compare-toolbar">
        <h2 className="compare-title">{t('title')}</h2>
        <Breadcrumb
          provinceName={province ? (provinceUnit?.fullName ?? province) : null}
          unitName={null}
          lang={lang}
          onCountry={() => update({ province: null, map: null })}
          onProvince={() => {}}
        />
        <label>
          {t('province')}{' '}
          <select
            data-testid="compare-province"
            value={province ?? ''}
            onChange={(e) => update({ province: e.target.value || null, map: null })}
          >
            {area.national && <option value="">{t('wholeCountry')}</option>}
            {province && !provinceOptions.some((u) => u.code === province) && (
              <option value={province}>{provinceUnit?.fullName ?? province}</option>
            )}
            {provinceOptions.map((u) => (
              <option key={u.code} value={u.code}>
                {u.fullName}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="compare-presets">
          <legend>{t('presets')}</legend>
          {reorganised.map((pair, k) => (
            <button
              key={pair.date}
              type="button"
              data-testid={k === reorganised.length - 1 ? 'preset-reform' : `preset-reform-${pair.date}`}
              aria-pressed={left.id === pair.left && right.id === pair.right && !state.todayUnits}
              title={[pair.title, pair.decree].filter(Boolean).join(' · ')}
              onClick={() => applyPair(pair, false)}
            >
              {`${t('presetReform')} ${formatDate(pair.date)}`}
            </button>
          ))}
          <button
            type="button"
            data-testid="preset-last-year"
            disabled={lastYear === null}
            aria-pressed={lastYear !== null && left.id === lastYear.left}
            title={
              lastYear ? `${periodLabel(lastYear.left, lang)} ↔ ${periodLabel(lastYear.right, lang)}` : ''
            }
            onClick={() => lastYear && applyPair(lastYear, state.todayUnits)}
          >
            {t('presetLastYear')}
          </button>
        </fieldset>
        <label>
          <input
            type="checkbox"
            data-testid="compare-today-units"
            checked={state.todayUnits}
            onChange={(e) => update({ todayUnits: e.target.checked })}
          />{' '}
          {t('todayUnits')}
        </label>
        <span className="spacer" />
        <span className="muted">{t('syncNote')}</span>
        <a href={dashboardHref} onClick={onInAppLinkClick} data-testid="compare-back">
          {t('backToMap')}
        </a>
      </div>
      {/* The maps' style depends on the optional basemap: create them once the setting is known. */}
      {!config.isPending && (
        <div className="compare-sides">
          {side('left')}
          {side('right')}
        </div>
      )}
    </div>
  );
}
