import { quartersOfYear, valueOver } from './area-series';
import type { AreaInputs, ProgressContext } from './inputs';

/**
 * A whole-scope count ("33 người cai nghiện bắt buộc" for Bắc Từ Liêm) allocated to the scope's children,
 * so each child is judged against its own share: entered per child, or proportional to a catalogue
 * indicator over the plan's baseline period. Shares are whole numbers that add up to the whole (largest
 * remainder); a child whose indicator value is missing gets no share ("chưa đủ số liệu"), never 0.
 */

export type AllocationSpec =
  | { type: 'entered'; shares: ReadonlyArray<{ code: string; value: number }> }
  | { type: 'proportional'; indicator: string; period: string };

/**
 * `total` split in whole parts proportional to `weights` (largest remainder, Hamilton): each part is the
 * floor of its quota, and the units left go to the largest remainders (ties: the larger weight, then the
 * code). The parts add up to `total` rounded to a whole number. A null weight gets a null part; when no
 * weight is positive there is no basis to split on and every part is null.
 */
export function largestRemainder(
  total: number,
  weights: ReadonlyArray<{ code: string; weight: number | null }>,
): Map<string, number | null> {
  const whole = Math.round(total);
  const known = weights.filter(
    (w): w is { code: string; weight: number } => w.weight !== null && w.weight >= 0,
  );
  const sum = known.reduce((a, w) => a + w.weight, 0);
  const out = new Map<string, number | null>(weights.map((w) => [w.code, null]));
  if (sum <= 0) return out;
  const parts = known.map((w) => {
    const quota = (whole * w.weight) / sum;
    return { ...w, part: Math.floor(quota), remainder: quota - Math.floor(quota) };
  });
  let left = whole - parts.reduce((a, p) => a + p.part, 0);
  const order = [...parts].sort(
    (a, b) => b.remainder - a.remainder || b.weight - a.weight || a.code.localeCompare(b.code),
  );
  for (const p of order) {
    if (left <= 0) break;
    p.part += 1;
    left -= 1;
  }
  for (const p of parts) out.set(p.code, p.part);
  return out;
}

/** The quarters of a period id: a year (`2019`) or a quarter (`2019-Q4`). */
function quartersOfPeriod(ctx: ProgressContext, period: string) {
  if (/^\d{4}$/.test(period)) return quartersOfYear(ctx, Number(period));
  return ctx.quarters.filter((q) => q.id === period);
}

/** A child's weight: the indicator over the baseline period; null when it is not reported there. */
export function allocationWeight(
  spec: Extract<AllocationSpec, { type: 'proportional' }>,
  child: AreaInputs,
  ctx: ProgressContext,
): number | null {
  const indicator = ctx.indicators.get(spec.indicator);
  if (!indicator) return null;
  const quarters = quartersOfPeriod(ctx, spec.period);
  if (quarters.length === 0) return null;
  return valueOver(child, indicator, quarters, ctx);
}

/**
 * Each child's share of `total`: as entered (a child not listed has none), or proportional to the
 * indicator (children without a value have none; the whole is split among those with one).
 */
export function allocate(
  total: number,
  spec: AllocationSpec,
  children: readonly AreaInputs[],
  ctx: ProgressContext,
): Map<string, number | null> {
  if (spec.type === 'entered') {
    const entered = new Map(spec.shares.map((s) => [s.code, s.value]));
    return new Map(children.map((c) => [c.code, entered.get(c.code) ?? null]));
  }
  return largestRemainder(
    total,
    children.map((c) => ({ code: c.code, weight: allocationWeight(spec, c, ctx) })),
  );
}
