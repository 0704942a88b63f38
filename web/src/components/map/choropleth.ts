import { classBreaks, classOf, classRanges } from '@pcmt/domain/class-breaks';
import type { CommuneStatus } from '@pcmt/domain/contracts/common';
import { NO_DATA_COLOR, OUTSIDE_COLOR, sequentialPalette } from '@pcmt/domain/palette';
import { countStatuses, STATUS_COLORS, STATUS_ORDER, statusClass } from '../../lib/status-style';
import type { ClassMethod } from '../../lib/url-state';

/** What the map colours and the legend shows, derived from one response. */
export interface Choropleth {
  /** Class index per commune code (-1: no data). */
  classes: Map<string, number>;
  palette: readonly string[];
  /** Communes in view without a value. */
  noData: number;
}

export interface StatusChoropleth extends Choropleth {
  kind: 'status';
  counts: Record<CommuneStatus, number>;
}

export interface IndicatorChoropleth extends Choropleth {
  kind: 'indicator';
  ranges: [number, number][];
  counts: number[];
  valueByCode: Map<string, number>;
  /** Units whose value a partial crosswalk row carried: estimates ("ước tính"). */
  estimated: Set<string>;
  /** Districts and provinces: how many of their communes reported the total (absent for communes). */
  coverage?: Map<string, Coverage>;
}

/** Communes that reported of those of the area (/api/values `reported`/`expected`). */
export interface Coverage {
  reported: number;
  expected: number;
}

export const STATUS_PALETTE = STATUS_ORDER.map((s) => STATUS_COLORS[s]);

/**
 * Commune statuses as classes. `inView` lists every commune that should have a colour (a province's
 * communes); those without a status become "no data".
 */
export function statusChoropleth(
  rows: readonly { code: string; status: CommuneStatus }[],
  inView: readonly string[] | null,
): StatusChoropleth {
  const classes = new Map<string, number>();
  for (const r of rows) classes.set(r.code, statusClass(r.status));
  let noData = 0;
  for (const code of inView ?? []) {
    if (!classes.has(code)) {
      classes.set(code, -1);
      noData++;
    }
  }
  return { kind: 'status', classes, palette: STATUS_PALETTE, noData, counts: countStatuses(rows) };
}

/** Indicator values classed by a method into k classes (fewer when ties merge them). */
export function indicatorChoropleth(
  rows: readonly { code: string; value: number; estimated?: boolean; reported?: number; expected?: number }[],
  inView: readonly string[] | null,
  method: ClassMethod,
  k: number,
): IndicatorChoropleth {
  const breaks = classBreaks(
    rows.map((r) => r.value),
    method,
    k,
  );
  const ranges = breaks ? classRanges(breaks) : [];
  const palette = sequentialPalette(ranges.length);
  const classes = new Map<string, number>();
  const counts = ranges.map(() => 0);
  const valueByCode = new Map<string, number>();
  const estimated = new Set(rows.filter((r) => r.estimated).map((r) => r.code));
  const coverage = new Map<string, Coverage>();
  for (const r of rows) {
    if (r.reported !== undefined && r.expected !== undefined)
      coverage.set(r.code, { reported: r.reported, expected: r.expected });
  }
  for (const r of rows) {
    if (!breaks) break;
    const c = classOf(r.value, breaks);
    classes.set(r.code, c);
    valueByCode.set(r.code, r.value);
    counts[c] = (counts[c] ?? 0) + 1;
  }
  let noData = 0;
  for (const code of inView ?? []) {
    if (!classes.has(code)) {
      classes.set(code, -1);
      noData++;
    }
  }
  return { kind: 'indicator', classes, palette, noData, ranges, counts, valueByCode, estimated, coverage };
}

export { NO_DATA_COLOR, OUTSIDE_COLOR };
