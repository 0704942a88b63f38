import { EMERGING_CATEGORIES, EMERGING_KIND_VI } from '@pcmt/domain/emerging-hotspots';

/**
 * How each statistic's result becomes map classes and a legend that says what each class means.
 * Pure, so the colouring and its legend cannot disagree.
 */
export type Statistic = 'gi-star' | 'local-moran' | 'emerging-hotspots';

export interface LegendEntry {
  color: string;
  label: string;
}

/**
 * Gi* classes are clusters of high or low values, never "điểm nóng": to the police a điểm nóng is a physical
 * place of the hotspot register, and the two must not be confused on one screen.
 */
export const HIGH_CLUSTER = 'Cụm giá trị cao';
export const LOW_CLUSTER = 'Cụm giá trị thấp';

export const GI_LEGEND: LegendEntry[] = [
  { color: '#4575b4', label: `${LOW_CLUSTER}, tin cậy 99%` },
  { color: '#91bfdb', label: `${LOW_CLUSTER}, tin cậy 95%` },
  { color: '#e0f3f8', label: `${LOW_CLUSTER}, tin cậy 90%` },
  { color: '#f0f0ea', label: 'Không có ý nghĩa thống kê' },
  { color: '#fee090', label: `${HIGH_CLUSTER}, tin cậy 90%` },
  { color: '#fc8d59', label: `${HIGH_CLUSTER}, tin cậy 95%` },
  { color: '#d73027', label: `${HIGH_CLUSTER}, tin cậy 99%` },
];

export const MORAN_LEGEND: LegendEntry[] = [
  { color: '#d7191c', label: 'Cao – Cao (cụm giá trị cao)' },
  { color: '#2c7bb6', label: 'Thấp – Thấp (cụm giá trị thấp)' },
  { color: '#fdae61', label: 'Cao – Thấp (ngoại lai cao giữa vùng thấp)' },
  { color: '#abd9e9', label: 'Thấp – Cao (ngoại lai thấp giữa vùng cao)' },
  { color: '#f0f0ea', label: 'Không có ý nghĩa thống kê' },
];

/** The categories and their words are the domain's (the server classifies into the same list). */
const EMERGING_KINDS = EMERGING_CATEGORIES;
const EMERGING_VI = EMERGING_KIND_VI;
const HOT = ['#67000d', '#a50f15', '#cb181d', '#ef3b2c', '#fb6a4a', '#fc9272', '#fcbba1', '#fee0d2'];
const COLD = ['#08306b', '#08519c', '#2171b5', '#4292c6', '#6baed6', '#9ecae1', '#c6dbef', '#deebf7'];

export const EMERGING_LEGEND: LegendEntry[] = [
  ...EMERGING_KINDS.map((k, i) => ({ color: HOT[i] ?? '#f00', label: `${HIGH_CLUSTER} ${EMERGING_VI[k]}` })),
  ...EMERGING_KINDS.map((k, i) => ({ color: COLD[i] ?? '#00f', label: `${LOW_CLUSTER} ${EMERGING_VI[k]}` })),
  { color: '#f0f0ea', label: 'Không phát hiện xu hướng' },
];

/** The legend class of "nothing significant" for each statistic: communes in it are not listed as results. */
export const NEUTRAL_CLASS: Record<Statistic, number> = {
  'gi-star': 3,
  'local-moran': 4,
  'emerging-hotspots': EMERGING_KINDS.length * 2,
};

export const legendOf = (s: Statistic): LegendEntry[] =>
  s === 'gi-star' ? GI_LEGEND : s === 'local-moran' ? MORAN_LEGEND : EMERGING_LEGEND;

/** Class index (into the legend) of one commune's result. */
export function giClass(bin: number): number {
  return Math.max(-3, Math.min(3, bin)) + 3;
}

export function moranClass(cluster: string | null): number {
  const i = ['HH', 'LL', 'HL', 'LH'].indexOf(cluster ?? '');
  return i < 0 ? 4 : i;
}

export function emergingClass(spot: string | null, kind: string | null): number {
  const i = EMERGING_KINDS.indexOf((kind ?? '') as (typeof EMERGING_KINDS)[number]);
  if (spot === null || i < 0) return EMERGING_KINDS.length * 2;
  return spot === 'hot' ? i : EMERGING_KINDS.length + i;
}
