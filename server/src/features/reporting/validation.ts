/**
 * Checks of a report before it is submitted (issue 17), as data: each rule names the fields it compares
 * and carries its Vietnamese message. Errors block submission; warnings (a value far from the unit's own
 * history) do not, but the reporter must confirm them with a comment. Pure: no database, unit-tested.
 */

/** A rule of a form, stored in `report_forms.rules`. */
export type ValidationRule =
  /** `left ≤ right` (e.g. methadone patients ≤ managed addicts). */
  | { kind: 'lte'; left: string; right: string; messageVi: string }
  /** The parts of a breakdown sum to its total. */
  | { kind: 'parts_sum'; total: string; parts: string[]; messageVi: string }
  /** `numerator / denominator × 100 ≤ max` (a share ≤ 100%). */
  | { kind: 'share_max'; numerator: string; denominator: string; max: number; messageVi: string };

export interface Problem {
  severity: 'error' | 'warning';
  /** The form field (indicator code) it is about: the reporter's cursor goes there. */
  field: string;
  rule: string;
  messageVi: string;
}

export type ReportValues = Readonly<Record<string, number | null>>;

const filled = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** Every blocking error: missing or negative values and broken rules. */
export function checkRules(
  items: readonly string[],
  rules: readonly ValidationRule[],
  values: ReportValues,
  names: ReadonlyMap<string, string> = new Map(),
): Problem[] {
  const name = (code: string) => names.get(code) ?? code;
  const problems: Problem[] = [];
  for (const code of items) {
    const v = values[code];
    if (!filled(v)) {
      problems.push({
        severity: 'error',
        field: code,
        rule: 'required',
        messageVi: `${name(code)}: chưa nhập số liệu (không có thì nhập 0)`,
      });
    } else if (v < 0) {
      problems.push({
        severity: 'error',
        field: code,
        rule: 'non_negative',
        messageVi: `${name(code)}: không được âm`,
      });
    }
  }
  for (const rule of rules) {
    switch (rule.kind) {
      case 'lte': {
        const l = values[rule.left];
        const r = values[rule.right];
        if (filled(l) && filled(r) && l > r)
          problems.push({ severity: 'error', field: rule.left, rule: 'lte', messageVi: rule.messageVi });
        break;
      }
      case 'parts_sum': {
        const total = values[rule.total];
        const parts = rule.parts.map((p) => values[p]);
        if (filled(total) && parts.every(filled)) {
          const sum = parts.reduce<number>((s, p) => s + (p as number), 0);
          if (Math.abs(sum - total) > 1e-9)
            problems.push({
              severity: 'error',
              field: rule.total,
              rule: 'parts_sum',
              messageVi: rule.messageVi,
            });
        }
        break;
      }
      case 'share_max': {
        const n = values[rule.numerator];
        const d = values[rule.denominator];
        if (filled(n) && filled(d) && ((d === 0 && n > 0) || (d > 0 && (n / d) * 100 > rule.max)))
          problems.push({
            severity: 'error',
            field: rule.numerator,
            rule: 'share_max',
            messageVi: rule.messageVi,
          });
        break;
      }
    }
  }
  return problems;
}

/** Above this robust z-score a value is flagged (Iglewicz and Hoaglin's 3.5). */
export const OUTLIER_Z = 3.5;
/**
 * And at least this far from the last period's value, relatively: a count that moves by less than 30% in
 * a period is not worth the reporter's comment, however steady its history.
 */
export const MIN_RELATIVE_CHANGE = 0.3;
/** Fewer earlier periods than this: no outlier check (too little history to judge). */
export const MIN_HISTORY = 4;

/**
 * The modified z-score of `x` against a history: 0.6745 (x − median) / MAD. When more than half the history
 * is one value (MAD = 0) the mean absolute deviation stands in (× 1.2533, its ratio to σ); when every value
 * is the same, any other value is infinitely far. Null with too little history.
 */
export function robustZ(x: number, history: readonly number[]): number | null {
  if (history.length < MIN_HISTORY) return null;
  const sorted = [...history].sort((a, b) => a - b);
  const med = median(sorted);
  const mad = median(sorted.map((h) => Math.abs(h - med)).sort((a, b) => a - b));
  if (mad > 0) return (0.6745 * (x - med)) / mad;
  const meanAd = sorted.reduce((s, h) => s + Math.abs(h - med), 0) / sorted.length;
  if (meanAd > 0) return (x - med) / (1.2533 * meanAd);
  return x === med ? 0 : x > med ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
}

function median(sorted: readonly number[]): number {
  const n = sorted.length;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Warnings: values whose change from the last period is far from the unit's usual changes (robust z-score
 * of the change among the history's period-to-period changes above {@link OUTLIER_Z}, and more than
 * {@link MIN_RELATIVE_CHANGE} of the last value). Changes, not levels: stocks grow steadily, and a z-score
 * of a level would flag every new high of a growing count. `history`: indicator code → earlier values,
 * oldest first.
 */
export function checkOutliers(
  values: ReportValues,
  history: ReadonlyMap<string, readonly number[]>,
  names: ReadonlyMap<string, string> = new Map(),
  format: (n: number) => string = String,
): Problem[] {
  const problems: Problem[] = [];
  for (const [code, past] of history) {
    const v = values[code];
    const last = past[past.length - 1];
    if (!filled(v) || last === undefined) continue;
    const changes = past.slice(1).map((h, i) => h - (past[i] as number));
    const z = robustZ(v - last, changes);
    if (z === null || Math.abs(z) <= OUTLIER_Z) continue;
    if (Math.abs(v - last) <= MIN_RELATIVE_CHANGE * Math.max(Math.abs(last), 1)) continue;
    const sorted = [...past].sort((a, b) => a - b);
    problems.push({
      severity: 'warning',
      field: code,
      rule: 'outlier',
      messageVi: `${names.get(code) ?? code}: ${format(v)} khác xa các kỳ trước của đơn vị (kỳ trước ${format(
        last,
      )}; thường từ ${format(sorted[0] as number)} đến ${format(
        sorted[sorted.length - 1] as number,
      )}); hãy kiểm tra lại hoặc ghi chú xác nhận`,
    });
  }
  return problems;
}
