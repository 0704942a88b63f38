import type { ViewSnapshot } from '@pcmt/domain/contracts/briefings';

/** How a briefing names its area and marks demo data, on paper and in spreadsheets alike. */

/** The area a view shows: its province's name, or the whole country. */
export const areaLabelVi = (snapshot: Pick<ViewSnapshot, 'parentName'>): string =>
  snapshot.parentName ?? 'Toàn quốc';

/** Marks figures that are generated demo data wherever they are printed or exported. */
export const SYNTHETIC_NOTICE_VI = 'DỮ LIỆU MÔ PHỎNG (tổng hợp)';
