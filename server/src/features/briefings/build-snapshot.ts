import { classBreaks, classOf, classRanges } from '@pcmt/domain/class-breaks';
import type { ViewSnapshot } from '@pcmt/domain/contracts/briefings';
import type { CommuneStatus } from '@pcmt/domain/contracts/common';
import { sequentialPalette } from '@pcmt/domain/palette';
import { countStatuses, STATUS_COLORS, STATUS_ORDER, statusClass } from '@pcmt/domain/status-classes';
import type { Queryable } from '../../db/engine';
import type { DatasetInfo } from '../../lib/context';
import { evaluateFormula } from '../indicators/formula';
import type { PeriodRow } from '../periods/periods.repo';
import type { ReferenceData } from '../reference/reference-cache';
import { receivedCount } from '../reporting/received';
import { communeStatuses, type StatusRow } from '../status/status.repo';
import { listUnits, type UnitRow } from '../units/units.repo';
import { combineAreasPerPeriod, type ValuesQuery, valueRows, valuesJson } from '../values/values.repo';
import type { ResolvedView } from './resolve-view';

/**
 * The figures of one view, read the way the dashboard reads them (/api/status, /api/values, /api/series)
 * and classed the way the map classes them, so a briefing shows what the room saw on the map that day.
 */

/** The status map's legend: every status in the map's order and colour, with its count of communes. */
export function statusLegend(counts: Record<CommuneStatus, number>): ViewSnapshot['legend'] {
  return STATUS_ORDER.map((status, i) => ({
    class: i,
    color: STATUS_COLORS[status],
    status,
    range: null,
    count: counts[status],
  }));
}

/** How many periods the trend chart of a view shows, ending at the view's period. */
export const TREND_PERIODS = 8;

type Row = ViewSnapshot['rows'][number];

/**
 * Reads shared by the views of one briefing: views of the same area and date (one province through several
 * indicators, or the same map every quarter) list their communes and their status trend once, not per view.
 */
export interface SnapshotReads {
  db: Queryable;
  units(parent: string | null, at: string): Promise<UnitRow[]>;
  statuses(q: { asOf: string; at: string; parent: string | null }): Promise<StatusRow[]>;
}

export function snapshotReads(db: Queryable): SnapshotReads {
  const memo = <T>(cache: Map<string, Promise<T>>, key: string, read: () => Promise<T>) => {
    let hit = cache.get(key);
    if (!hit) {
      hit = read();
      cache.set(key, hit);
    }
    return hit;
  };
  const units = new Map<string, Promise<UnitRow[]>>();
  const statuses = new Map<string, Promise<StatusRow[]>>();
  return {
    db,
    units: (parent, at) =>
      memo(units, `${parent}|${at}`, () => listUnits(db, { level: 'commune', parent, at })),
    statuses: (q) => memo(statuses, `${q.asOf}|${q.at}|${q.parent}`, () => communeStatuses(db, q)),
  };
}

export async function buildSnapshot(
  reads: SnapshotReads,
  ref: ReferenceData,
  view: ResolvedView,
  dataset: DatasetInfo,
): Promise<ViewSnapshot> {
  const { db } = reads;
  const { period, at, province, indicator } = view;
  const parent = province?.code ?? null;
  const units = await reads.units(parent, at);
  const trendPeriods = periodsUpTo(ref, period);
  // Frozen with the figures: how many of the area's communes had reported the period that day.
  const received = await receivedCount(db, period, parent);
  const common = {
    period: period.id,
    periodStart: period.startDate,
    periodEnd: period.endDate,
    at,
    parent,
    parentName: province?.fullName ?? null,
    synthetic: dataset.synthetic,
    source: dataset.source,
    reports: received && {
      form: received.form,
      formName: received.formName,
      received: received.received,
      expected: received.expected,
    },
  };

  if (!indicator) {
    const statuses = await reads.statuses({ asOf: period.endDate, at, parent });
    const byCode = new Map(statuses.map((s) => [s.code, s.status]));
    const rows: Row[] = units.map((u) => {
      const status = byCode.get(u.code) ?? null;
      const cls = status ? statusClass(status) : -1;
      return {
        code: u.code,
        name: u.fullName,
        provinceCode: u.provinceCode,
        class: cls,
        status,
        value: null,
      };
    });
    const counts = countStatuses(rows.flatMap((r) => (r.status ? [{ status: r.status }] : [])));
    const trend: ViewSnapshot['trend'] = [];
    for (const p of trendPeriods) {
      // Every period on the view's units, so the counts of a trend add up to the same communes.
      const past = await reads.statuses({ asOf: p.endDate, at, parent });
      trend.push({ period: p.id, counts: countStatuses(past), value: null });
    }
    return {
      kind: 'status',
      ...common,
      indicator: null,
      rows,
      legend: statusLegend(counts),
      noData: rows.filter((r) => r.class === -1).length,
      trend,
    };
  }

  const query: ValuesQuery = {
    stored: indicator.stored,
    formula: indicator.formula,
    // The same path /api/values takes, so the figures are the map's to the last decimal.
    direct: view.method === 'direct' && period.kind === 'quarter',
    periodIds: [period.id],
    at,
    level: 'commune',
    parent,
    parentLevel: parent ? 'province' : null,
    unitCode: null,
    // The creator reads the whole area (checked in resolveView): no narrower filter applies.
    jurisdiction: null,
  };
  const values = JSON.parse((await valuesJson(db, query)).json) as Array<{
    code: string;
    value: number;
    estimated?: true;
  }>;
  const valueByCode = new Map(values.map((v) => [v.code, v.value]));
  // Frozen with the value: a count a partial crosswalk row carried is an estimate, as /api/values says.
  const estimatedCodes = new Set(values.filter((v) => v.estimated).map((v) => v.code));
  const breaks = classBreaks(
    values.map((v) => v.value),
    view.spec.method,
    view.spec.classes,
  );
  const ranges = breaks ? classRanges(breaks) : [];
  const palette = sequentialPalette(ranges.length);
  const counts = ranges.map(() => 0);
  const rows: Row[] = units.map((u) => {
    const value = valueByCode.get(u.code) ?? null;
    const cls = value === null || !breaks ? -1 : classOf(value, breaks);
    if (cls >= 0) counts[cls] = (counts[cls] ?? 0) + 1;
    return {
      code: u.code,
      name: u.fullName,
      provinceCode: u.provinceCode,
      class: cls,
      status: null,
      value,
      ...(value !== null && estimatedCodes.has(u.code) ? { estimated: true } : {}),
    };
  });
  const { row } = indicator;
  return {
    kind: 'indicator',
    ...common,
    indicator: {
      code: row.code,
      nameVi: row.nameVi,
      nameEn: row.nameEn,
      unitVi: row.unitVi,
      unitEn: row.unitEn,
    },
    rows,
    legend: ranges.map((range, i) => ({
      class: i,
      color: palette[i] ?? palette[palette.length - 1] ?? '#7fcdbb',
      status: null,
      range,
      count: counts[i] ?? 0,
    })),
    noData: rows.filter((r) => r.class === -1).length,
    trend: await indicatorTrend(db, query, trendPeriods, parent),
  };
}

/** Up to {@link TREND_PERIODS} periods of the same kind as `period`, ending with it, oldest first. */
function periodsUpTo(ref: ReferenceData, period: PeriodRow): PeriodRow[] {
  return [...ref.periods.values()]
    .filter((p) => p.kind === period.kind && p.startDate <= period.startDate)
    .sort((a, b) => a.startDate.localeCompare(b.startDate))
    .slice(-TREND_PERIODS);
}

/**
 * The area's figure per period. A province: its aggregate as /api/series gives it. The whole country has no
 * unit to ask for, so its figure is the provinces' combined as the catalogue says (sum | max; a computed
 * indicator is its formula over the combined inputs), as the public pages combine national figures.
 */
async function indicatorTrend(
  db: Queryable,
  query: ValuesQuery,
  periods: readonly PeriodRow[],
  province: string | null,
): Promise<ViewSnapshot['trend']> {
  const periodIds = periods.map((p) => p.id);
  const base = { ...query, direct: false, periodIds, level: 'province' as const };
  let byPeriod: Map<string, number>;
  if (province) {
    const rows = await valueRows(db, {
      ...base,
      parent: province,
      parentLevel: 'province',
      unitCode: province,
    });
    byPeriod = new Map(rows.map((r) => [r.periodId, r.value]));
  } else {
    const totals = new Map<string, Map<string, number>>();
    for (const stored of query.stored) {
      const rows = await valueRows(db, { ...base, stored: [stored], formula: null });
      totals.set(stored.code, combineAreasPerPeriod(rows, stored.areaAggregation));
    }
    byPeriod = new Map();
    for (const id of periodIds) {
      const value = query.formula
        ? evaluateFormula(query.formula, (code) => totals.get(code)?.get(id) ?? null)
        : totals.get(query.stored[0]?.code ?? '')?.get(id);
      if (value !== undefined && value !== null) byPeriod.set(id, round4(value));
    }
  }
  return periods.map((p) => ({ period: p.id, counts: null, value: byPeriod.get(p.id) ?? null }));
}

const round4 = (v: number) => Math.round(v * 1e4) / 1e4;
