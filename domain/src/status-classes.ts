/** The statuses of a commune (QĐ 28/2025), in this order everywhere; the API's contract enumerates these. */
export const COMMUNE_STATUSES = [
  'khong_ma_tuy',
  'co_ma_tuy',
  'trong_diem_III',
  'trong_diem_II',
  'trong_diem_I',
] as const;
export type CommuneStatus = (typeof COMMUNE_STATUSES)[number];

/**
 * Commune statuses as choropleth classes, for everything the server draws or writes (briefing snapshots,
 * the PDF pack, spreadsheets). The web app imports the same order, colours and words.
 */

/**
 * From drug-free to the most serious (QĐ 28/2025/QĐ-TTg: không ma túy, có ma túy, trọng điểm phức tạp về
 * ma túy loại III, II, I): class index = position here.
 */
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
 * deficiencies, unlike a red–green pair. The one definition: the web map, the link preview, the PDF.
 */
export const STATUS_COLORS: Readonly<Record<CommuneStatus, string>> = {
  khong_ma_tuy: '#2c7bb6',
  co_ma_tuy: '#ffffbf',
  trong_diem_III: '#fdae61',
  trong_diem_II: '#f46d43',
  trong_diem_I: '#a50026',
};

/** What the reports call each status, as the dashboard says it. */
export const STATUS_LABELS: Readonly<Record<'vi' | 'en', Readonly<Record<CommuneStatus, string>>>> = {
  vi: {
    khong_ma_tuy: 'Không có ma túy',
    co_ma_tuy: 'Có ma túy',
    trong_diem_III: 'Trọng điểm loại III',
    trong_diem_II: 'Trọng điểm loại II',
    trong_diem_I: 'Trọng điểm loại I',
  },
  en: {
    khong_ma_tuy: 'Drug-free',
    co_ma_tuy: 'Drugs present',
    trong_diem_III: 'Hotspot area, class III',
    trong_diem_II: 'Hotspot area, class II',
    trong_diem_I: 'Hotspot area, class I',
  },
};

export const statusClass = (status: CommuneStatus): number => STATUS_ORDER.indexOf(status);

/** Counts per status, every status present (0 when none). */
export function countStatuses(rows: readonly { status: CommuneStatus }[]): Record<CommuneStatus, number> {
  const counts = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<CommuneStatus, number>;
  for (const r of rows) counts[r.status]++;
  return counts;
}
