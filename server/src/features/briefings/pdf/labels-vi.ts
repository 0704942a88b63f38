import type { CommuneStatus } from '@pcmt/domain/contracts/common';
import {
  formatNumber,
  formatPercent,
  periodLabel,
  periodShortLabel,
  VIETNAM_OFFSET_MS,
} from '@pcmt/domain/format';
import { STATUS_LABELS } from '@pcmt/domain/status-classes';

/**
 * How the printed briefing pack says periods, statuses, numbers and dates: in Vietnamese, the way official
 * documents write them ("Quý III/2025", "6 tháng đầu năm 2025", dd/mm/yyyy, 12.345,6).
 */

/** The dashboard's status labels, so paper and screen say the same. */
export const STATUS_LABELS_VI: Readonly<Record<CommuneStatus, string>> = STATUS_LABELS.vi;

/** A period id as an official document says it: `Năm 2024`, `6 tháng đầu năm 2025`, `Quý III/2025`, `Tháng 7/2025`. */
export const periodLabelVi = (id: string): string => periodLabel(id, 'vi');

/** Two short lines under a bar of a trend chart, where the full label does not fit: `Q.III` / `2025`. */
export const periodShortLabelVi = (id: string): [string, string] => periodShortLabel(id, 'vi');

/** 12.345,6: Vietnamese digit grouping and decimal comma. */
export const formatNumberVi = (v: number, maxDecimals = 1): string => formatNumber(v, 'vi', maxDecimals);

/** A share in per cent with one decimal: `12,5%`. */
export function formatShareVi(part: number, whole: number): string {
  return whole > 0 ? formatPercent((100 * part) / whole, 'vi', 1) : '–';
}

/** Calendar parts of an instant in Vietnam (UTC+7 all year: the domain's offset, as `todayInVietnam`). */
function vietnamParts(instant: Date) {
  const d = new Date(instant.getTime() + VIETNAM_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  };
}

/** dd/mm/yyyy of an instant (ISO timestamp or Date) or of a calendar date `YYYY-MM-DD`, in Vietnam. */
export function formatDateVi(value: string | Date): string {
  if (typeof value === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (m) return `${m[3]}/${m[2]}/${m[1]}`;
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? value : vietnamParts(d).date;
  }
  return vietnamParts(value).date;
}

/** `HH:mm dd/mm/yyyy` in Vietnam, as a printed document dates itself. */
export function formatDateTimeVi(instant: Date): string {
  const { date, time } = vietnamParts(instant);
  return `${time} ngày ${date}`;
}
