import { formatNumber } from '../../lib/format';
import { defineMessages, type Lang } from '../../lib/i18n';

/**
 * How the web says that a number is an estimate or missing. A count carried to today's units by a partial
 * crosswalk row (a share of an old unit's count, by area) is an estimate: shown whole and marked "ước tính";
 * a period or unit without a value is "chưa có số liệu", never 0.
 */
export const estimateText = defineMessages(
  {
    estimated: 'ước tính',
    estimatedTitle: 'Ước tính: số liệu của đơn vị cũ chia theo tỷ lệ diện tích qua bảng chuyển đổi',
    estimatedUnits: 'Ước tính (quy đổi một phần qua bảng chuyển đổi)',
    noData: 'chưa có số liệu',
  },
  {
    estimated: 'estimate',
    estimatedTitle: "Estimate: an old unit's figure shared by area through the crosswalk",
    estimatedUnits: 'Estimates (partly carried through the crosswalk)',
    noData: 'no data yet',
  },
);

/**
 * A value as a reader sees it: missing → "chưa có số liệu"; an estimated count → whole (never "50,1495
 * người"); otherwise the one formatter's way. `count`: the indicator counts things (not a share or a rate).
 */
export function formatValue(
  value: number | null | undefined,
  lang: Lang,
  o: { estimated?: boolean; count?: boolean } = {},
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return estimateText(lang, 'noData');
  return o.estimated && o.count ? formatNumber(Math.round(value), lang, 0) : formatNumber(value, lang);
}

/** Whether a unit of measure counts things (people, communes, m², đồng), not a share or a rate per N. */
export function isCountUnit(unitVi: string): boolean {
  const u = unitVi.trim();
  return u !== '%' && u !== '‰' && !u.includes('/');
}
