import type { TargetDefinition, TargetKind } from '../../contracts/plans';
import {
  countInStatus,
  quarterlySeries,
  quartersOfYear,
  snapshots,
  trailingYearSeries,
  valueOver,
} from './area-series';
import type { Measured, Observation } from './evaluate';
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
  ...partial,
});

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
      reason: `unknown indicator ${def.indicator}`,
    });
  const series = quarterlySeries(area, indicator, ctx);
  return empty({
    series,
    target: def.threshold,
    strict: def.op === 'gt',
    baseline: baselineOf(series, ctx.planStart),
    unit: indicator.unitVi,
    projection: 'linear_trend',
  });
};

const statusShare: Measure<'status_share'> = (def, area, ctx) => {
  const series: Observation[] = [];
  for (const [date, rows] of snapshots(area.statuses)) {
    const { inStatus, decided } = countInStatus(rows, def.statuses);
    if (decided > 0 && date <= ctx.asOf)
      series.push({ date, value: (100 * inStatus) / decided, estimated: rows.some((r) => r.estimated) });
  }
  return empty({
    series,
    target: def.threshold,
    strict: def.op === 'gt',
    baseline: baselineOf(series, ctx.planStart),
    unit: PERCENT,
    projection: 'linear_trend',
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
      reason: `unknown indicator ${def.indicator}`,
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
  const base = { target: def.threshold, unit: COMMUNES, projection: 'pace' as const };
  if (start.size === 0)
    return empty({
      ...base,
      reason: `no commune status decided on ${ctx.window.from}, the start of the window`,
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
  const from = Number(def.baseline.from.slice(0, 4));
  const to = Number(def.baseline.to.slice(0, 4));
  const years: number[] = [];
  for (let y = from; y <= to; y++) years.push(y);
  return years;
}

const reduction: Measure<'reduction'> = (def, area, ctx) => {
  const years = baselineYears(def);
  const baselineEnd = `${years.at(-1)}-12-31`;
  const base = {
    target: def.minPct,
    targetMax: def.maxPct ?? null,
    unit: PERCENT,
    projection: 'linear_trend' as const,
  };
  let baselineValues: Array<number | null>;
  let levels: Observation[];
  if (def.measure.type === 'indicator') {
    const indicator = ctx.indicators.get(def.measure.indicator);
    if (!indicator) return empty({ ...base, reason: `unknown indicator ${def.measure.indicator}` });
    baselineValues = years.map((y) => {
      const quarters = quartersOfYear(ctx, y);
      return quarters.length === 4 ? valueOver(area, indicator, quarters, ctx) : null;
    });
    levels = trailingYearSeries(area, indicator, ctx);
  } else {
    const statuses = def.measure.statuses;
    const byDate = snapshots(area.statuses);
    baselineValues = years.map((y) => {
      const rows = byDate.get(`${y}-12-31`);
      return rows ? countInStatus(rows, statuses).inStatus : null;
    });
    levels = [...byDate].map(([date, rows]) => ({
      date,
      value: countInStatus(rows, statuses).inStatus,
      estimated: rows.some((r) => r.estimated),
    }));
  }
  if (baselineValues.some((v) => v === null))
    return empty({
      ...base,
      reason: `no data for every baseline year ${def.baseline.from}–${def.baseline.to}`,
    });
  const baseline = (baselineValues as number[]).reduce((a, b) => a + b, 0) / years.length;
  if (baseline === 0)
    return empty({ ...base, reason: 'the baseline is zero: a reduction in % cannot be measured against it' });
  const series = levels
    .filter((p) => p.date > baselineEnd && p.date <= ctx.asOf)
    .map((p) => ({ ...p, value: (100 * (baseline - p.value)) / baseline }));
  return empty({ ...base, series, baseline: { date: baselineEnd, value: 0 } });
};

/** Members still in one of the statuses on each snapshot (successors weighted after 1/7/2025). */
const keepStatus: Measure<'keep_status'> = (def, area, ctx) => {
  const rows = area.kept.get(ctx.targetCode) ?? [];
  const members = new Set(rows.map((r) => r.member));
  const base = { target: members.size, unit: COMMUNES, projection: 'carry_forward' as const };
  if (members.size === 0)
    return empty({ ...base, target: 0, reason: 'the set of communes to keep is empty here' });
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
      reason: `unknown indicator ${def.indicator}`,
    });
  const series = quarterlySeries(area, indicator, ctx);
  return empty({
    series,
    target: def.threshold,
    baseline: baselineOf(series, ctx.planStart),
    unit,
    projection: 'linear_trend',
  });
};

/** Active on a date: detected, and not eliminated unless it re-emerged since. */
export function activeOn(h: HotspotRecord, date: string): boolean {
  if (h.detectedOn > date) return false;
  if (h.eliminatedOn === null || h.eliminatedOn > date) return true;
  return h.reemergedOn !== null && h.reemergedOn <= date;
}

/** Eliminated within [from, date] and not re-emerged by `date`. */
const eliminatedBy = (h: HotspotRecord, from: string, date: string) =>
  h.eliminatedOn !== null &&
  h.eliminatedOn >= from &&
  h.eliminatedOn <= date &&
  !(h.reemergedOn !== null && h.reemergedOn > h.eliminatedOn && h.reemergedOn <= date);

const hotspotElimination: Measure<'hotspot_elimination'> = (def, area, ctx) => {
  const { from, to } = ctx.window;
  const active = area.hotspots.filter((h) => activeOn(h, from));
  const base = {
    target: def.minPct,
    targetMax: def.maxPct ?? null,
    unit: PERCENT,
    projection: 'pace' as const,
  };
  if (active.length === 0)
    return empty({ ...base, reason: `no hotspot was active on ${from}, the start of the window` });
  const dates = ctx.quarters.map((q) => q.endDate).filter((d) => d >= from && d <= to && d <= ctx.asOf);
  // ISO dates sort as strings: the earlier of the window's end and today.
  const [last = to] = [to, ctx.asOf].sort();
  if (last >= from && !dates.includes(last)) dates.push(last);
  const series = dates.map((date) => ({
    date,
    value: (100 * active.filter((h) => eliminatedBy(h, from, date)).length) / active.length,
    estimated: false,
  }));
  return empty({ ...base, series, baseline: { date: from, value: 0 }, windowStart: from });
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
  }
}
