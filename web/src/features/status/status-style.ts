import type { CommuneStatus } from '@pcmt/server/contracts/common';

/** Order, colours and class index of statuses: one definition, shared with the server's PDF and images. */
export { STATUS_COLORS, STATUS_ORDER, statusClass } from '@pcmt/server/features/choropleth/status-classes';

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
