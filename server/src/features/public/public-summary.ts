import type { CommuneStatus } from '@pcmt/domain/contracts/common';
import type { PublicSummaryResponse } from '@pcmt/domain/contracts/public';
import type { Queryable } from '../../db/engine';
import { evaluateFormula } from '../indicators/formula';
import type { IndicatorRow } from '../indicators/indicators.repo';
import type { PeriodRow } from '../periods/periods.repo';
import type { ReferenceData } from '../reference/reference-cache';
import { receivedCount } from '../reporting/received';
import { communeStatuses } from '../status/status.repo';
import {
  combineAreasPerPeriod,
  type StoredIndicator,
  storedInputs,
  type ValuesQuery,
  valueRows,
} from '../values/values.repo';
import { isClosedBy } from './closed-period';
import { communeCount } from './public.repo';
import { publishCount, publishRate } from './suppression';

type Summary = Omit<PublicSummaryResponse, 'meta' | 'area' | 'targets'>;
type DrugFreePoint = PublicSummaryResponse['drugFree']['current'];

/** The area a public page is about: a province in force on the closed period's end, or the country. */
export interface PublicArea {
  province: string | null;
}

/**
 * Everything a public page shows except targets, as of the closed quarter `closed`, on the units in force
 * at its end (older figures and statuses reach them through the crosswalk, so a trend keeps one area).
 */
export async function publicSummary(
  db: Queryable,
  ref: ReferenceData,
  area: PublicArea,
  closed: PeriodRow,
  minCount: number,
): Promise<Summary> {
  const at = closed.endDate;
  const [statuses, communes, reports] = await Promise.all([
    communeStatuses(db, { asOf: at, at, parent: area.province }),
    communeCount(db, { at, province: area.province }),
    receivedCount(db, closed, area.province),
  ]);
  const counts = countStatuses(statuses);
  const current = drugFreePoint(closed.id, at, counts);
  const years = closedYears(ref, closed);
  // One status query per year end, side by side: a server database runs them on several connections.
  const byYear = await Promise.all(
    years.map((year) => communeStatuses(db, { asOf: year.endDate, at, parent: area.province })),
  );
  const trend: DrugFreePoint[] = years.flatMap((year, i) => {
    const rows = byYear[i] ?? [];
    return rows.length > 0 ? [drugFreePoint(year.id, year.endDate, countStatuses(rows))] : [];
  });
  if (trend.at(-1)?.date !== current.date) trend.push(current);
  const indicators: Summary['indicators'] = [];
  for (const indicator of publicIndicators(ref)) {
    const points = await indicatorTrend(db, ref, indicator, years, at, area.province, minCount, communes);
    if (points) indicators.push({ ...pickNames(indicator), points });
  }
  return {
    status: { counts, communes, withStatus: statuses.length },
    drugFree: { current, trend },
    indicators,
    reports,
  };
}

/**
 * Indicators the catalogue marks public: the only ones a public page may show. The catalogue decides,
 * never the page or the request.
 */
export function publicIndicators(ref: ReferenceData): IndicatorRow[] {
  return [...ref.indicators.values()].filter((i) => i.sensitivity === 'public');
}

/** Years that are wholly closed, oldest first. */
function closedYears(ref: ReferenceData, closed: PeriodRow): PeriodRow[] {
  return [...ref.periods.values()]
    .filter((p) => p.kind === 'year' && isClosedBy(p, closed))
    .sort((a, b) => a.startDate.localeCompare(b.startDate));
}

function countStatuses(rows: readonly { status: CommuneStatus }[]): Record<CommuneStatus, number> {
  const counts: Record<CommuneStatus, number> = {
    khong_ma_tuy: 0,
    co_ma_tuy: 0,
    trong_diem_III: 0,
    trong_diem_II: 0,
    trong_diem_I: 0,
  };
  for (const r of rows) counts[r.status]++;
  return counts;
}

function drugFreePoint(period: string, date: string, counts: Record<CommuneStatus, number>): DrugFreePoint {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const drugFree = counts.khong_ma_tuy;
  return {
    period,
    date,
    drugFree,
    total,
    sharePct: total > 0 ? Math.round((1000 * drugFree) / total) / 10 : null,
  };
}

const pickNames = (i: IndicatorRow) => ({
  code: i.code,
  nameVi: i.nameVi,
  nameEn: i.nameEn,
  unitVi: i.unitVi,
  unitEn: i.unitEn,
});

/**
 * One public indicator per closed year on the area: each stored input read by the values machinery per
 * province, combined over provinces as the catalogue says (sum | max), then computed by their formula and
 * suppressed when the count behind the figure is small.
 */
async function indicatorTrend(
  db: Queryable,
  ref: ReferenceData,
  indicator: IndicatorRow,
  years: readonly PeriodRow[],
  at: string,
  province: string | null,
  minCount: number,
  communes: number,
): Promise<Summary['indicators'][number]['points'] | null> {
  const inputs = storedInputs(indicator, ref.indicators);
  if (!inputs) return null;
  const totals = new Map<string, Map<string, number>>();
  let single: Map<string, number> | null = null;
  for (const stored of inputs.stored) {
    const read = await areaTotals(db, stored, years, at, province);
    totals.set(stored.code, read.totals);
    single = read.reported;
  }
  // One stored input: its own rows already count the communes that reported it. A formula needs the communes
  // with every input, which one more statement over all of them gives.
  const reported =
    !inputs.formula && inputs.stored.length === 1
      ? single
      : await areaCoverage(db, inputs, years, at, province);
  // AREA COVERAGE: counts of communes only (public reference data), beside a year that has a figure.
  const coverage = (period: string) => {
    const n = reported?.get(period);
    return n === undefined ? {} : { reported: n, expected: communes };
  };
  return years.map((year) => {
    if (!inputs.formula) {
      const value = totals.get(inputs.stored[0]?.code ?? '')?.get(year.id);
      return value === undefined
        ? { period: year.id, value: null }
        : { period: year.id, value: publishCount(value, minCount), ...coverage(year.id) };
    }
    const valueOfInput = (code: string) => totals.get(code)?.get(year.id) ?? null;
    const value = evaluateFormula(inputs.formula, valueOfInput);
    if (value === null) return { period: year.id, value: null };
    // The count behind a computed figure: its smallest input (a small numerator is what could identify people).
    const counts = inputs.stored.map((s) => valueOfInput(s.code) ?? 0);
    return {
      period: year.id,
      value: publishRate(Math.round(value * 1e4) / 1e4, Math.min(...counts), minCount),
      ...coverage(year.id),
    };
  });
}

/**
 * How many communes of the area reported every commune-level input, per period (AREA COVERAGE of values.repo.ts,
 * summed over the area's provinces); null for an indicator reported by whole provinces.
 */
async function areaCoverage(
  db: Queryable,
  inputs: Pick<ValuesQuery, 'stored' | 'formula'>,
  periods: readonly PeriodRow[],
  at: string,
  province: string | null,
): Promise<Map<string, number> | null> {
  if (inputs.stored.some((s) => s.reportingLevel === 'province')) return null;
  return reportedPerPeriod(await provinceRows(db, inputs, periods, at, province));
}

/** Communes that reported, per period, summed over the rows' provinces. */
function reportedPerPeriod(
  rows: ReadonlyArray<{ periodId: string; reported: number | null }>,
): Map<string, number> {
  const reported = new Map<string, number>();
  for (const r of rows) reported.set(r.periodId, (reported.get(r.periodId) ?? 0) + (r.reported ?? 0));
  return reported;
}

/** The values machinery's rows of the area's provinces (or the one province) for these periods. */
function provinceRows(
  db: Queryable,
  inputs: Pick<ValuesQuery, 'stored' | 'formula'>,
  periods: readonly PeriodRow[],
  at: string,
  province: string | null,
) {
  return valueRows(db, {
    ...inputs,
    direct: false,
    periodIds: periods.map((p) => p.id),
    at,
    level: 'province',
    parent: province,
    parentLevel: province ? 'province' : null,
    unitCode: province,
    // Public figures are totals over whole provinces or the country: no caller's jurisdiction applies.
    jurisdiction: null,
  });
}

/**
 * A stored indicator's value per period on the area (the province's, or the provinces' combined) and the
 * communes that reported it (null for one reported by whole provinces).
 */
async function areaTotals(
  db: Queryable,
  stored: StoredIndicator,
  periods: readonly PeriodRow[],
  at: string,
  province: string | null,
): Promise<{ totals: Map<string, number>; reported: Map<string, number> | null }> {
  const rows = await provinceRows(db, { stored: [stored], formula: null }, periods, at, province);
  return {
    totals: combineAreasPerPeriod(rows, stored.areaAggregation),
    reported: stored.reportingLevel === 'province' ? null : reportedPerPeriod(rows),
  };
}
