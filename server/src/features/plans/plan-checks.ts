import type { PlanInput, TargetInput } from '@pcmt/domain/contracts/plans';
import { formatDate, formatNumber } from '@pcmt/domain/format';
import { yearEnd, yearOf, yearStart } from '@pcmt/domain/periods';
import type { IndicatorRef } from '../progress/inputs';

/**
 * Checks a plan's contract cannot express: dates in order, target codes unique, indicators that exist and
 * suit the kind, ranges the right way round. Each problem names its field the way the form does
 * (`targets[2].definition.threshold`), so the client can put the message beside the input.
 */

export interface Problem {
  field: string;
  message: string;
}

export function planProblem(plan: PlanInput, indicators: ReadonlyMap<string, IndicatorRef>): Problem | null {
  if (plan.periodEnd < plan.periodStart)
    return {
      field: 'periodEnd',
      message: `periodEnd: ngày kết thúc ${formatDate(plan.periodEnd)} trước ngày bắt đầu ${formatDate(plan.periodStart)}`,
    };
  const seen = new Set<string>();
  for (const [i, t] of plan.targets.entries()) {
    if (seen.has(t.code))
      return {
        field: `targets[${i}].code`,
        message: `targets[${i}].code: mã ${t.code} đã dùng cho một chỉ tiêu khác`,
      };
    seen.add(t.code);
    const problem = targetProblem(t, plan.periodStart, indicators, `targets[${i}]`);
    if (problem) return problem;
  }
  return null;
}

export function targetProblem(
  t: TargetInput,
  planStart: string,
  indicators: ReadonlyMap<string, IndicatorRef>,
  prefix: string,
): Problem | null {
  const at = (field: string, message: string): Problem => ({
    field: `${prefix}.${field}`,
    message: `${prefix}.${field}: ${message}`,
  });
  const def = t.definition;
  if (t.deadline < planStart)
    return at(
      'deadline',
      `hạn ${formatDate(t.deadline)} trước ngày bắt đầu kế hoạch ${formatDate(planStart)}`,
    );
  const indicator = (field: string, code: string, suits: (i: IndicatorRef) => string | null) => {
    const found = indicators.get(code);
    if (!found) return at(field, `không có chỉ số mã ${code} trong danh mục`);
    if (found.retired) return at(field, `chỉ số ${code} đã ngừng sử dụng`);
    const wrong = suits(found);
    return wrong ? at(field, `${code} ${wrong}`) : null;
  };
  if ((def.kind === 'count' || def.kind === 'cumulative') && def.allocation) {
    const a = def.allocation;
    if (def.eachChild)
      return at(
        'definition.allocation',
        'phân bổ dành cho chỉ tiêu chung của cả địa bàn; chỉ tiêu áp dụng cho từng đơn vị không phân bổ',
      );
    if (a.type === 'entered') {
      const codes = a.shares.map((s) => s.code);
      const repeated = codes.findIndex((c, i) => codes.indexOf(c) !== i);
      if (repeated >= 0)
        return at(`definition.allocation.shares[${repeated}].code`, `đơn vị ${codes[repeated]} lặp lại`);
      const sum = a.shares.reduce((s, x) => s + x.value, 0);
      if (Math.abs(sum - def.threshold) > 1e-9)
        return at(
          'definition.allocation.shares',
          `tổng phần phân bổ ${formatNumber(sum)} khác chỉ tiêu chung ${formatNumber(def.threshold)}`,
        );
    } else {
      const problem = indicator('definition.allocation.indicator', a.indicator, (i) =>
        i.areaAggregation === 'rate' ? 'là tỷ lệ, không dùng làm trọng số phân bổ' : null,
      );
      if (problem) return problem;
    }
  }
  switch (def.kind) {
    case 'share':
      return indicator('definition.indicator', def.indicator, (i) =>
        i.areaAggregation === 'rate' && i.unitVi === '%'
          ? null
          : 'không phải tỷ lệ tính bằng % (chỉ tiêu tỷ lệ cần một chỉ số tỷ lệ)',
      );
    case 'count':
      return (
        indicator('definition.indicator', def.indicator, (i) =>
          i.timeAggregation === 'sum'
            ? null
            : 'không lũy tích được theo kỳ (chỉ tiêu số lượng cần một chỉ số phát sinh trong kỳ)',
        ) ?? windowProblem(def.window.from, t.deadline, at)
      );
    case 'cumulative':
      return indicator('definition.indicator', def.indicator, (i) =>
        i.timeAggregation === 'last' || i.timeAggregation === 'max'
          ? null
          : 'không phải số tồn hoặc số lũy tích (các kỳ của nó cộng lại)',
      );
    case 'reduction': {
      if (!/^\d{4}$/.test(def.baseline.from))
        return at('definition.baseline.from', 'phải là một năm, ví dụ 2019');
      if (!/^\d{4}$/.test(def.baseline.to))
        return at('definition.baseline.to', 'phải là một năm, ví dụ 2019');
      if (def.baseline.to < def.baseline.from)
        return at('definition.baseline.to', `năm ${def.baseline.to} trước năm ${def.baseline.from}`);
      if (yearEnd(yearOf(def.baseline.to)) >= t.deadline)
        return at('definition.baseline.to', 'kỳ gốc phải kết thúc trước hạn');
      if (def.maxPct !== undefined && def.maxPct < def.minPct)
        return at('definition.maxPct', `${def.maxPct} nhỏ hơn mức tối thiểu ${def.minPct}`);
      return def.measure.type === 'indicator'
        ? indicator('definition.measure.indicator', def.measure.indicator, () => null)
        : null;
    }
    case 'hotspot_elimination':
      if (def.maxPct !== undefined && def.maxPct < def.minPct)
        return at('definition.maxPct', `${def.maxPct} nhỏ hơn mức tối thiểu ${def.minPct}`);
      return windowProblem(def.window.from, t.deadline, at);
    case 'status_conversion':
      if (def.from.some((s) => def.to.includes(s)))
        return at('definition.to', 'không được lặp lại phân loại đã chọn ở "từ phân loại"');
      return windowProblem(def.window.from, t.deadline, at);
    case 'keep_status':
      if (def.units.type === 'codes' && def.units.validOn > t.deadline)
        return at('definition.units.validOn', 'không được sau hạn');
      return null;
    case 'status_share':
      return null;
    case 'roadmap': {
      const years = def.milestones.map((m) => m.year);
      const repeated = years.findIndex((y, i) => years.indexOf(y) !== i);
      if (repeated >= 0)
        return at(`definition.milestones[${repeated}].year`, `năm ${years[repeated]} lặp lại`);
      const late = def.milestones.findIndex((m) => yearStart(m.year) > t.deadline);
      if (late >= 0) return at(`definition.milestones[${late}].year`, 'không được sau năm của hạn');
      if (def.measure.type === 'status_share') {
        const over = def.milestones.findIndex((m) => m.value > 100);
        if (over >= 0) return at(`definition.milestones[${over}].value`, 'phải ≤ 100 (tỷ lệ %)');
      }
      return def.measure.type === 'indicator'
        ? indicator('definition.measure.indicator', def.measure.indicator, () => null)
        : null;
    }
    case 'named_units':
      if (def.validOn > t.deadline) return at('definition.validOn', 'không được sau hạn');
      return null;
    case 'at_most':
      return (
        windowProblem(def.window.from, t.deadline, at) ??
        (def.measure.type === 'indicator'
          ? indicator('definition.measure.indicator', def.measure.indicator, () => null)
          : null)
      );
    case 'unit_status':
      return null;
    case 'yearly_change':
      if (yearEnd(def.fromYear) > t.deadline)
        return at('definition.fromYear', `năm ${def.fromYear} kết thúc sau hạn ${formatDate(t.deadline)}`);
      return def.measure.type === 'indicator'
        ? indicator('definition.measure.indicator', def.measure.indicator, () => null)
        : null;
  }
}

function windowProblem(
  from: string,
  deadline: string,
  at: (f: string, m: string) => Problem,
): Problem | null {
  return from > deadline
    ? at('definition.window.from', `ngày ${formatDate(from)} sau hạn ${formatDate(deadline)}`)
    : null;
}
