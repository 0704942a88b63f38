import type { CommuneStatus } from '@pcmt/domain/contracts/common';
import type {
  AreaInputs,
  HotspotRecord,
  IndicatorRef,
  KeptObservation,
  ProgressContext,
  QuarterRef,
  StatusObservation,
} from '../inputs';

/** Factories for the pure progress tests: a quarter calendar, a small catalogue, areas built from series. */

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function quarterCalendar(firstYear = 2019, lastQuarter = '2026-Q3'): QuarterRef[] {
  const list: QuarterRef[] = [];
  for (let y = firstYear; ; y++) {
    for (let q = 1; q <= 4; q++) {
      const m = q * 3 - 2;
      const id = `${y}-Q${q}`;
      list.push({ id, startDate: `${y}-${pad(m)}-01`, endDate: `${y}-${pad(m + 2)}-${lastDay(y, m + 2)}` });
      if (id === lastQuarter) return list;
    }
  }
}

export const INDICATORS: ReadonlyMap<string, IndicatorRef> = new Map(
  (
    [
      ['managed_addicts', 'sum', 'last', null],
      ['addicts_reached', 'sum', 'last', null],
      ['rehab_compulsory', 'sum', 'sum', null],
      ['methadone_patients', 'sum', 'last', null],
      ['treatment_reach_pct', 'rate', 'rate', 'addicts_reached / managed_addicts * 100'],
    ] as const
  ).map(([code, areaAggregation, timeAggregation, formula]) => [
    code,
    {
      code,
      unitVi: code.endsWith('pct') ? '%' : 'người',
      areaAggregation,
      timeAggregation,
      formula,
    },
  ]),
);

export function context(asOf: string, quarters = quarterCalendar()): ProgressContext {
  return { asOf, quarters, indicators: INDICATORS };
}

export interface AreaSpec {
  code?: string;
  /** indicator → quarter id → value */
  values?: Record<string, Record<string, number>>;
  estimated?: string[];
  statuses?: StatusObservation[];
  kept?: Record<string, KeptObservation[]>;
  hotspots?: HotspotRecord[];
}

export function area(spec: AreaSpec = {}): AreaInputs {
  return {
    code: spec.code ?? 'A',
    name: spec.code ?? 'A',
    values: new Map(
      Object.entries(spec.values ?? {}).map(([k, v]) => [k, new Map(Object.entries(v))] as const),
    ),
    estimatedQuarters: new Set(spec.estimated ?? []),
    statuses: spec.statuses ?? [],
    kept: new Map(Object.entries(spec.kept ?? {})),
    hotspots: spec.hotspots ?? [],
  };
}

/** Quarter ids from `from` to `to` inclusive ("2023-Q1" … "2024-Q2"). */
export function quarterIds(from: string, to: string): string[] {
  const ids = quarterCalendar(2019, to).map((q) => q.id);
  return ids.slice(ids.indexOf(from));
}

/** indicator values along quarters: value(i) for the i-th quarter from `from`. */
export function along(from: string, to: string, value: (i: number) => number): Record<string, number> {
  return Object.fromEntries(quarterIds(from, to).map((id, i) => [id, value(i)]));
}

/** Status rows of several communes on one date (weight 1). */
export function snapshot(
  date: string,
  statuses: Record<string, CommuneStatus | null>,
  weight = 1,
): StatusObservation[] {
  return Object.entries(statuses).map(([commune, status]) => ({
    date,
    commune,
    weight,
    status,
    estimated: weight < 1,
  }));
}
