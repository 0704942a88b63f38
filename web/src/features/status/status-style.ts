import type { CommuneStatus } from '@pcmt/server/contracts/common';

/** Statuses from good to most serious (DOMAIN.md); legends and class indices follow this order. */
export const STATUS_ORDER: readonly CommuneStatus[] = [
  'khong_ma_tuy',
  'co_ma_tuy',
  'trong_diem_III',
  'trong_diem_II',
  'trong_diem_I',
];

/**
 * ColorBrewer RdYlBu, read from blue (drug-free: calm, "good") through pale yellow to dark red (loại I).
 * A diverging scheme whose steps also differ in lightness stays apart for the common colour-vision
 * deficiencies, unlike a red–green pair.
 */
export const STATUS_COLORS: Readonly<Record<CommuneStatus, string>> = {
  khong_ma_tuy: '#2c7bb6',
  co_ma_tuy: '#ffffbf',
  trong_diem_III: '#fdae61',
  trong_diem_II: '#f46d43',
  trong_diem_I: '#a50026',
};

export function statusClass(status: CommuneStatus): number {
  return STATUS_ORDER.indexOf(status);
}

/** Counts per status, in {@link STATUS_ORDER}. */
export function countStatuses(rows: readonly { status: CommuneStatus }[]): Record<CommuneStatus, number> {
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
