import type { TargetDefinition, TargetKind } from '@pcmt/domain/contracts/plans';
import { eliminatedWithin, isActiveOn } from '@pcmt/domain/hotspot-states';
import { NO_END, yearEnd, yearOf, yearStart } from '@pcmt/domain/periods';
import {
  countInStatus,
  quarterlySeries,
  quartersIn,
  quartersOfYear,
  snapshots,
  statusLevel,
  trailingYearSeries,
  valueOver,
} from './area-series';
import { COUNT_BOUNDS, type Measured, type Observation, reason, round, SHARE_BOUNDS } from './evaluate';
import type { AreaInputs, HotspotRecord, ProgressContext } from './inputs';

/**
 * One measure per kind: how each kind of target is measured on an area, as a series where higher is better.
 * Kinds that count within a window (count, status_conversion, hotspot_elimination) receive the window;
 * `eachYear` and `eachChild` are handled by the caller, so every kind is written once.
 */

export interface MeasureContext extends ProgressContext {
  /** First day of the plan: the baseline date of level targets. */
  planStart: string;
  /** Code of the target: finds its keep_status members. */
  targetCode: string;
  /** The counting window of flow kinds: [from, to] inclusive. */
  window: { from: string; to: string };
}

type Definition<K extends TargetKind> = Extract<TargetDefinition, { kind: K }>;
type Measure<K extends TargetKind> = (def: Definition<K>, area: AreaInputs, ctx: MeasureContext) => Measured;

const PERCENT = '%';
const COMMUNES = 'xã';

const empty = (partial: Partial<Measured> & Pick<Measured, 'target' | 'unit' | 'projection'>): Measured => ({
  series: [],
  targetMax: null,
  strict: false,
  baseline: null,
  windowStart: '',
  reason: null,
  direction: 'higher',
  measure: 'level',
  bounds: { min: null, max: null },
  locksWhenMet: false,
  locksWhenBroken: false,
  bridgeSince: null,
  trendFrom: null,
  ...partial,
});

const unknownIndicator = (code: string) =>
  reason('unknown_indicator', `unknown indicator ${code}`, { indicator: code });

/** The observation on or just before the plan's start, else the first one: where a level started. */
function baselineOf(series: readonly Observation[], planStart: string) {
  const before = series.filter((p) => p.date <= planStart).at(-1);
  const point = before ?? series[0];
  return point ? { date: point.date, value: point.value } : null;
}

const share: Measure<'share'> = (def, area, ctx) => {
  const indicator = ctx.indicators.get(def.indicator);
  if (!indicator)
    return empty({
      target: def.threshold,
      unit: PERCENT,
      projection: 'linear_trend',
      reason: unknownIndicator(def.indicator),
    });
  const series = quarterlySeries(area, indicator, ctx);
  return empty({
    series,
    target: def.threshold,
    strict: def.op === 'gt',
    baseline: baselineOf(series, ctx.planStart),
    unit: indicator.unitVi,
    bounds: indicator.unitVi === PERCENT ? SHARE_BOUNDS : COUNT_BOUNDS,
    projection: 'linear_trend',
  });
};

/**
 * The trailing run of points on the same unit basis as the latest one (own communes, or communes of another
 * version read through the crosswalk): a trend or a baseline never mixes the two. Null when all agree.
 */
export function latestBasisStart(series: readonly Observation[]): string | null {
  const last = series.at(-1);
  if (!last) return null;
  let i = series.length - 1;
  while (i > 0 && series[i - 1]?.estimated === last.estimated) i--;
  return i === 0 ? null : (series[i]?.date ?? null);
}

const statusShare: Measure<'status_share'> = (def, area, ctx) => {
  const series: Observation[] = [];
  for (const [date, rows] of snapshots(area.statuses)) {
    const { inStatus, decided } = countInStatus(rows, def.statuses);
    if (decided > 0 && date <= ctx.asOf)
      series.push({ date, value: (100 * inStatus) / decided, estimated: rows.some((r) => r.estimated) });
  }
  // Shares on old communes and on new ones are not one series: baseline and trend use the latest basis.
  const since = latestBasisStart(series);
  const comparable = since ? series.filter((p) => p.date >= since) : series;
  return empty({
    series,
    target: def.threshold,
    strict: def.op === 'gt',
    baseline: baselineOf(comparable, ctx.planStart),
    unit: PERCENT,
    bounds: SHARE_BOUNDS,
    projection: 'linear_trend',
    bridgeSince: since,
    trendFrom: since,
  });
};

const count: Measure<'count'> = (def, area, ctx) => {
  const indicator = ctx.indicators.get(def.indicator);
  const unit = indicator?.unitVi ?? '';
  if (!indicator)
    return empty({
      target: def.threshold,
      unit,
      projection: 'pace',
      reason: unknownIndicator(def.indicator),
    });
  const quarters = quarterlySeries(area, indicator, ctx, ctx.window.from, ctx.window.to);
  const series: Observation[] = [];
  let total = 0;
  for (const q of quarters) {
    total += q.value;
    series.push({ ...q, value: total });
  }
  return empty({
    series,
    target: def.threshold,
    baseline: { date: ctx.window.from, value: 0 },
    windowStart: ctx.window.from,
    unit,
    bounds: COUNT_BOUNDS,
    // A running total of a flow never falls: once reached, it is achieved.
    locksWhenMet: true,
    projection: 'pace',
  });
};

/**
 * Communes whose status was in `from` when the window opened and is in `to` on each later snapshot. A
 * commune that did not exist when the window opened (a commune created on 1/7/2025) starts from its first
 * decided status in the window.
 */
const statusConversion: Measure<'status_conversion'> = (def, area, ctx) => {
  const byDate = snapshots(area.statuses);
  const start = new Map<string, (typeof area.statuses)[number]['status']>();
  for (const r of byDate.get(ctx.window.from) ?? []) start.set(r.commune, r.status);
  const base = { target: def.threshold, unit: COMMUNES, projection: 'pace' as const, bounds: COUNT_BOUNDS };
  if (start.size === 0)
    return empty({
      ...base,
      reason: reason(
        'no_status_at_window_start',
        `no commune status decided on ${ctx.window.from}, the start of the window`,
        { date: ctx.window.from },
      ),
    });
  const series: Observation[] = [];
  for (const [date, rows] of byDate) {
    if (date <= ctx.window.from || date > ctx.window.to || date > ctx.asOf) continue;
    let converted = 0;
    for (const r of rows) {
      if (!start.has(r.commune)) start.set(r.commune, r.status);
      const before = start.get(r.commune);
      if (before && def.from.includes(before) && r.status && def.to.includes(r.status)) converted += r.weight;
    }
    series.push({ date, value: converted, estimated: rows.some((r) => r.estimated) });
  }
  return empty({
    ...base,
    series,
    baseline: { date: ctx.window.from, value: 0 },
    windowStart: ctx.window.from,
  });
};

/** Year ids of the baseline span, from its first to its last year ("2012"–"2015"). */
function baselineYears(def: Definition<'reduction'>): number[] {
  const from = yearOf(def.baseline.from);
  const to = yearOf(def.baseline.to);
  const years: number[] = [];
  for (let y = from; y <= to; y++) years.push(y);
  return years;
}

/**
 * A reduction in % against the mean of the baseline years. A negative minimum ("grow by less than 6 %")
 * is a growth cap: measured and labelled as growth, lower being better.
 */
const reduction: Measure<'reduction'> = (def, area, ctx) => {
  const years = baselineYears(def);
  const last = years.at(-1);
  // No baseline year (a span ending before it starts): nothing lies after its end.
  const baselineEnd = last === undefined ? NO_END : yearEnd(last);
  const growth = def.minPct < 0;
  const base = growth
    ? {
        target: -def.minPct,
        targetMax: null,
        unit: PERCENT,
        projection: 'linear_trend' as const,
        direction: 'lower' as const,
        measure: 'growth' as const,
        bounds: { min: -100, max: null },
      }
    : {
        target: def.minPct,
        targetMax: def.maxPct ?? null,
        unit: PERCENT,
        projection: 'linear_trend' as const,
        measure: 'reduction' as const,
        bounds: { min: null, max: 100 },
      };
  let baselineValues: Array<number | null>;
  let levels: Observation[];
  if (def.measure.type === 'indicator') {
    const indicator = ctx.indicators.get(def.measure.indicator);
    if (!indicator) return empty({ ...base, reason: unknownIndicator(def.measure.indicator) });
    baselineValues = years.map((y) => {
      const quarters = quartersOfYear(ctx, y);
      return quarters.length === 4 ? valueOver(area, indicator, quarters, ctx) : null;
    });
    levels = trailingYearSeries(area, indicator, ctx);
  } else {
    const measure = def.measure;
    const byDate = snapshots(area.statuses);
    baselineValues = years.map((y) => {
      const rows = byDate.get(yearEnd(y));
      const counted = rows ? statusLevel(rows, measure) : null;
      // No decision in force at the end of a baseline year is missing data, not a count of zero.
      return counted && counted.decided > 0 ? counted.value : null;
    });
    levels = [...byDate].map(([date, rows]) => ({
      date,
      value: statusLevel(rows, measure).value,
      estimated: rows.some((r) => r.estimated),
    }));
  }
  const missing = years.filter((_, i) => baselineValues[i] === null);
  if (missing.length > 0)
    return empty({
      ...base,
      reason: reason(
        'baseline_missing',
        `no data for baseline year(s) ${missing.join(', ')} of ${def.baseline.from}–${def.baseline.to}`,
        {
          years: missing.join(', '),
          from: def.baseline.from,
          to: def.baseline.to,
          what: def.measure.type === 'indicator' ? def.measure.indicator : 'status',
        },
      ),
    });
  const baseline = (baselineValues as number[]).reduce((a, b) => a + b, 0) / years.length;
  if (baseline === 0)
    return empty({
      ...base,
      reason: reason(
        'baseline_zero',
        `the baseline ${def.baseline.from}–${def.baseline.to} was reported as zero: a change in % cannot be measured against it`,
        { from: def.baseline.from, to: def.baseline.to },
      ),
    });
  const sign = growth ? -1 : 1;
  const series = levels
    .filter((p) => p.date > baselineEnd && p.date <= ctx.asOf)
    .map((p) => ({ ...p, value: (sign * (100 * (baseline - p.value))) / baseline }));
  return empty({ ...base, series, baseline: { date: baselineEnd, value: 0 } });
};

/** Members still in one of the statuses on each snapshot (successors weighted after 1/7/2025). */
const keepStatus: Measure<'keep_status'> = (def, area, ctx) => {
  const rows = area.kept.get(ctx.targetCode) ?? [];
  const members = new Set(rows.map((r) => r.member));
  const base = {
    target: members.size,
    unit: COMMUNES,
    projection: 'carry_forward' as const,
    bounds: COUNT_BOUNDS,
  };
  if (members.size === 0)
    return empty({
      ...base,
      target: 0,
      reason: reason('empty_keep_set', 'the set of communes to keep is empty here'),
    });
  const setDate = def.units.type === 'codes' ? def.units.validOn : def.units.date;
  const byDate = new Map<string, { kept: number; estimated: boolean }>();
  for (const r of rows) {
    if (r.date < setDate || r.date > ctx.asOf) continue;
    const at = byDate.get(r.date) ?? { kept: 0, estimated: false };
    if (r.status && def.statuses.includes(r.status)) at.kept += r.weight;
    at.estimated ||= r.estimated;
    byDate.set(r.date, at);
  }
  const series = [...byDate]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, v]) => ({ date, value: v.kept, estimated: v.estimated }));
  return empty({ ...base, series, baseline: { date: setDate, value: members.size } });
};

const cumulative: Measure<'cumulative'> = (def, area, ctx) => {
  const indicator = ctx.indicators.get(def.indicator);
  const unit = indicator?.unitVi ?? '';
  if (!indicator)
    return empty({
      target: def.threshold,
      unit,
      projection: 'linear_trend',
      reason: unknownIndicator(def.indicator),
    });
  const series = quarterlySeries(area, indicator, ctx);
  return empty({
    series,
    target: def.threshold,
    baseline: baselineOf(series, ctx.planStart),
    unit,
    bounds: COUNT_BOUNDS,
    projection: 'linear_trend',
  });
};

const hotspotElimination: Measure<'hotspot_elimination'> = (def, area, ctx) => {
  const { from, to } = ctx.window;
  const active = area.hotspots.filter((h) => isActiveOn(h, from));
  const base = {
    target: def.minPct,
    targetMax: def.maxPct ?? null,
    unit: PERCENT,
    projection: 'pace' as const,
    bounds: SHARE_BOUNDS,
  };
  if (active.length === 0)
    return empty({
      ...base,
      reason: reason('no_active_hotspot', `no hotspot was active on ${from}, the start of the window`, {
        date: from,
      }),
    });
  const dates = ctx.quarters.map((q) => q.endDate).filter((d) => d >= from && d <= to && d <= ctx.asOf);
  // ISO dates sort as strings: the earlier of the window's end and today.
  const [last = to] = [to, ctx.asOf].sort();
  if (last >= from && !dates.includes(last)) dates.push(last);
  const series = dates.map((date) => ({
    date,
    value: (100 * active.filter((h) => eliminatedWithin(h, from, date)).length) / active.length,
    estimated: false,
  }));
  return empty({ ...base, series, baseline: { date: from, value: 0 }, windowStart: from });
};

interface YearLevel {
  date: string;
  value: number;
  estimated: boolean;
}

/**
 * The level of a measure in one calendar year: an indicator over the year (a flow's total, a stock's last
 * quarter), or the communes in the statuses at the year's end. An unfinished year reads what is known: a
 * stock's latest quarter, a flow's last four quarters, the latest status snapshot. Null when not reported.
 */
function yearLevel(
  measure: Definition<'yearly_change'>['measure'],
  area: AreaInputs,
  ctx: MeasureContext,
  year: number,
): YearLevel | null {
  const end = yearEnd(year);
  if (measure.type !== 'indicator') {
    let found: YearLevel | null = null;
    for (const [date, rows] of snapshots(area.statuses)) {
      if (date < yearStart(year) || date > end || date > ctx.asOf) continue;
      const { value, decided } = statusLevel(rows, measure);
      if (decided > 0) found = { date, value, estimated: rows.some((r) => r.estimated) };
    }
    return found;
  }
  const indicator = ctx.indicators.get(measure.indicator);
  if (!indicator) return null;
  const known = quartersOfYear(ctx, year).filter((q) => q.endDate <= ctx.asOf);
  const last = known.at(-1);
  if (!last) return null;
  const flow = indicator.timeAggregation === 'sum';
  const quarters = flow && known.length < 4 ? quartersIn(ctx, undefined, last.endDate).slice(-4) : known;
  if (flow && quarters.length < 4) return null;
  const value = valueOver(area, indicator, quarters, ctx);
  return value === null
    ? null
    : { date: last.endDate, value, estimated: quarters.some((q) => area.estimatedQuarters.has(q.id)) };
}

/**
 * One calendar year (the window) against the year before: a reduction in % (min_reduction, higher is better)
 * or a growth in % (max_growth, lower is better). Each year is judged on its own by the caller.
 */
const yearlyChange: Measure<'yearly_change'> = (def, area, ctx) => {
  const year = yearOf(ctx.window.to);
  const growth = def.limit !== 'min_reduction';
  // No number ("giảm hằng năm", "không tăng") is a direction, not missing data: the threshold is a change of
  // 0 %, strict for a fall or a rise, inclusive for "không tăng".
  const threshold = def.pct === null ? 0 : def.pct;
  const base =
    def.limit === 'min_increase'
      ? {
          target: threshold,
          // "tăng tối thiểu 15%" reaches 15; "tăng hằng năm" (no number) needs a rise.
          strict: def.pct === null,
          measure: 'growth' as const,
          bounds: { min: -100, max: null },
          unit: PERCENT,
          projection: 'carry_forward' as const,
        }
      : growth
        ? {
            target: threshold,
            // "dưới 1 %/năm" is strict; "không tăng" (no number) allows zero growth.
            strict: def.pct !== null,
            direction: 'lower' as const,
            measure: 'growth' as const,
            bounds: { min: -100, max: null },
            unit: PERCENT,
            projection: 'carry_forward' as const,
          }
        : {
            target: threshold,
            // "giảm hằng năm" (no number) needs a fall; "giảm ≥ X %" reaches X.
            strict: def.pct === null,
            measure: 'reduction' as const,
            bounds: { min: null, max: 100 },
            unit: PERCENT,
            projection: 'carry_forward' as const,
          };
  if (def.measure.type === 'indicator' && !ctx.indicators.has(def.measure.indicator))
    return empty({ ...base, reason: unknownIndicator(def.measure.indicator) });
  const what = def.measure.type === 'indicator' ? def.measure.indicator : 'status';
  const previous = yearLevel(def.measure, area, ctx, year - 1);
  if (!previous || (def.measure.type !== 'indicator' && previous.date !== yearEnd(year - 1)))
    return empty({
      ...base,
      reason: reason('previous_year_missing', `no data for ${year - 1}, the year compared with`, {
        year: year - 1,
        what,
      }),
    });
  if (previous.value === 0)
    return empty({
      ...base,
      reason: reason(
        'baseline_zero',
        `${year - 1} was reported as zero: a change in % cannot be measured against it`,
        { from: String(year - 1), to: String(year - 1) },
      ),
    });
  const now = yearLevel(def.measure, area, ctx, year);
  const change = now ? (100 * (now.value - previous.value)) / previous.value : null;
  return empty({
    ...base,
    series: now && change !== null ? [{ ...now, value: growth ? change : -change }] : [],
    baseline: { date: yearEnd(year - 1), value: 0 },
  });
};

/**
 * A named list of communes to bring into a status: how many of those listed in this area are in it on each
 * snapshot; the target is all of them. Statuses change only by decision, so the count is carried forward.
 */
const namedUnits: Measure<'named_units'> = (def, area, ctx) =>
  keepStatus(
    {
      kind: 'keep_status',
      units: { type: 'codes', codes: def.codes, validOn: def.validOn },
      statuses: def.statuses,
      eachChild: def.eachChild,
    },
    area,
    ctx,
  );

/**
 * One year of a roadmap (the window is that calendar year): the measure on each snapshot or quarter of the
 * year against that year's milestone (the latest milestone up to it when the year has none of its own).
 */
const roadmap: Measure<'roadmap'> = (def, area, ctx) => {
  const year = yearOf(ctx.window.to);
  const sorted = [...def.milestones].sort((a, b) => a.year - b.year);
  const milestone = sorted.filter((m) => m.year <= year).at(-1);
  const m = def.measure;
  const share = m.type === 'status_share';
  const indicator = m.type === 'indicator' ? ctx.indicators.get(m.indicator) : undefined;
  const base = {
    unit: share ? PERCENT : m.type === 'status_count' ? COMMUNES : (indicator?.unitVi ?? ''),
    bounds: share ? SHARE_BOUNDS : COUNT_BOUNDS,
    projection: m.type === 'indicator' ? ('linear_trend' as const) : ('carry_forward' as const),
  };
  // A year before the first milestone has nothing to be judged against: not a milestone of zero.
  if (!milestone)
    return empty({
      ...base,
      // The schema asks for at least one milestone: the first one lies after this year.
      target: sorted[0] ? sorted[0].value : 0,
      reason: reason('no_milestone', `the roadmap sets no milestone for ${year} or before`, {
        year,
        first: sorted[0] ? String(sorted[0].year) : '',
      }),
    });
  if (m.type === 'indicator' && !indicator)
    return empty({ ...base, target: milestone.value, reason: unknownIndicator(m.indicator) });
  const inYear = (date: string) => date >= yearStart(year) && date <= ctx.window.to && date <= ctx.asOf;
  let series: Observation[] = [];
  if (m.type === 'indicator' && indicator) {
    series = (indicator.timeAggregation === 'sum' ? trailingYearSeries : quarterlySeries)(
      area,
      indicator,
      ctx,
    ).filter((p) => inYear(p.date));
  } else if (m.type !== 'indicator') {
    for (const [date, rows] of snapshots(area.statuses)) {
      if (!inYear(date)) continue;
      const { inStatus, decided } = countInStatus(rows, m.statuses);
      if (decided > 0)
        series.push({
          date,
          value: share ? (100 * inStatus) / decided : inStatus,
          estimated: rows.some((r) => r.estimated),
        });
    }
  }
  return empty({ ...base, target: milestone.value, series });
};

/** Hotspots newly detected, or re-emerging after an elimination, within [from, date]. */
const newHotspotsBy = (hotspots: readonly HotspotRecord[], from: string, date: string) =>
  hotspots.filter(
    (h) =>
      (h.detectedOn >= from && h.detectedOn <= date) ||
      (h.reemergedOn !== null && h.reemergedOn >= from && h.reemergedOn <= date),
  ).length;

/**
 * At most N (zero allowed), lower being better. New events (hotspots appearing, a flow summed over the
 * window) are a running count: over the cap it cannot come down again. A stock or a status count is a level.
 */
const atMost: Measure<'at_most'> = (def, area, ctx) => {
  const { from, to } = ctx.window;
  const m = def.measure;
  const base = {
    target: def.max,
    direction: 'lower' as const,
    bounds: COUNT_BOUNDS,
  };
  const inWindow = (date: string) => date >= from && date <= to && date <= ctx.asOf;
  if (m.type === 'new_hotspots') {
    const dates = ctx.quarters.map((q) => q.endDate).filter(inWindow);
    const [last = to] = [to, ctx.asOf].sort();
    if (last >= from && !dates.includes(last)) dates.push(last);
    return empty({
      ...base,
      unit: 'điểm',
      projection: 'pace',
      locksWhenBroken: true,
      windowStart: from,
      baseline: { date: from, value: 0 },
      series: dates.map((date) => ({
        date,
        value: newHotspotsBy(area.hotspots, from, date),
        estimated: false,
      })),
    });
  }
  if (m.type === 'status_count') {
    const series: Observation[] = [];
    for (const [date, rows] of snapshots(area.statuses)) {
      if (!inWindow(date)) continue;
      const { inStatus, decided } = countInStatus(rows, m.statuses);
      if (decided > 0) series.push({ date, value: inStatus, estimated: rows.some((r) => r.estimated) });
    }
    return empty({ ...base, unit: COMMUNES, projection: 'carry_forward', series });
  }
  const indicator = ctx.indicators.get(m.indicator);
  if (!indicator)
    return empty({ ...base, unit: '', projection: 'pace', reason: unknownIndicator(m.indicator) });
  if (indicator.timeAggregation === 'sum') {
    let total = 0;
    const series = quarterlySeries(area, indicator, ctx, from, to).map((q) => {
      total += q.value;
      return { ...q, value: total };
    });
    return empty({
      ...base,
      unit: indicator.unitVi,
      projection: 'pace',
      locksWhenBroken: true,
      windowStart: from,
      baseline: { date: from, value: 0 },
      series,
    });
  }
  return empty({
    ...base,
    unit: indicator.unitVi,
    projection: 'linear_trend',
    series: quarterlySeries(area, indicator, ctx).filter((p) => inWindow(p.date)),
  });
};

/**
 * One unit's status ("tỉnh không ma túy"): the communes of the area not yet in the statuses, on each
 * snapshot; the unit has the status when none is left. Communes without any decision are named as missing
 * data rather than counted either way.
 */
const unitStatus: Measure<'unit_status'> = (def, area, ctx) => {
  const series: Observation[] = [];
  let undecided = 0;
  for (const [date, rows] of snapshots(area.statuses)) {
    if (date > ctx.asOf || date < ctx.planStart) continue;
    const { inStatus, decided } = countInStatus(rows, def.statuses);
    if (decided === 0) continue;
    const all = rows.reduce((sum, r) => sum + r.weight, 0);
    undecided = all - decided;
    series.push({ date, value: decided - inStatus, estimated: rows.some((r) => r.estimated) });
  }
  const base = {
    target: 0,
    direction: 'lower' as const,
    unit: COMMUNES,
    projection: 'carry_forward' as const,
    bounds: COUNT_BOUNDS,
  };
  const last = series.at(-1);
  // Every decided commune in the status but some without a decision: the unit cannot be judged yet.
  if (last && last.value < 0.5 && undecided >= 0.5)
    return empty({
      ...base,
      reason: reason('communes_undecided', `${round(undecided)} commune(s) have no status decision`, {
        count: round(undecided),
      }),
    });
  return empty({ ...base, series });
};

/** Dispatch on the kind; the switch is exhaustive, so a new kind cannot be forgotten here. */
export function measureTarget(def: TargetDefinition, area: AreaInputs, ctx: MeasureContext): Measured {
  switch (def.kind) {
    case 'share':
      return share(def, area, ctx);
    case 'status_share':
      return statusShare(def, area, ctx);
    case 'count':
      return count(def, area, ctx);
    case 'status_conversion':
      return statusConversion(def, area, ctx);
    case 'reduction':
      return reduction(def, area, ctx);
    case 'keep_status':
      return keepStatus(def, area, ctx);
    case 'cumulative':
      return cumulative(def, area, ctx);
    case 'hotspot_elimination':
      return hotspotElimination(def, area, ctx);
    case 'yearly_change':
      return yearlyChange(def, area, ctx);
    case 'roadmap':
      return roadmap(def, area, ctx);
    case 'named_units':
      return namedUnits(def, area, ctx);
    case 'at_most':
      return atMost(def, area, ctx);
    case 'unit_status':
      return unitStatus(def, area, ctx);
  }
}
