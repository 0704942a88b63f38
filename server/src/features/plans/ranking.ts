import type { ProgressSummary } from '@pcmt/domain/contracts/plans';

type Ranked = Pick<ProgressSummary, 'status' | 'progressPct' | 'current' | 'direction'> & { code: string };

/**
 * The order of a ranking: units with figures first, best progress first; ties by value (a cap such as
 * "growth < 1 %/year": the lower value first), then by code for a stable order. A unit without a figure
 * (no data, or no progress or value) is ranked after every unit that has one — never as if it were 0.
 */
export function compareRanked(a: Ranked, b: Ranked): number {
  const missing = (r: Ranked) => Number(r.status === 'no_data');
  const byMissing = missing(a) - missing(b);
  if (byMissing !== 0) return byMissing;
  const byProgress = nullsLast(a.progressPct, b.progressPct, (x, y) => y - x);
  if (byProgress !== 0) return byProgress;
  const lowerFirst = a.direction === 'lower';
  const byValue = nullsLast(a.current, b.current, (x, y) => (lowerFirst ? x - y : y - x));
  if (byValue !== 0) return byValue;
  return a.code.localeCompare(b.code);
}

function nullsLast(a: number | null, b: number | null, compare: (a: number, b: number) => number): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compare(a, b);
}
