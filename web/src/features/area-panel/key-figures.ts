/** A key figure of one unit: the period's value and the same indicator earlier, for the change columns. */
export interface KeyFigure {
  current: number | null;
  previous: number | null;
  lastYear: number | null;
}

/** Reads the current, previous and same-period-last-year values out of a series. */
export function keyFigure(
  rows: readonly { period: string; value: number | null }[],
  period: string,
  previous: string,
  lastYear: string,
): KeyFigure {
  const byPeriod = new Map(rows.map((r) => [r.period, r.value]));
  return {
    current: byPeriod.get(period) ?? null,
    previous: byPeriod.get(previous) ?? null,
    lastYear: byPeriod.get(lastYear) ?? null,
  };
}
