/**
 * The emerging hot spot categories (ArcGIS Pro, "How Emerging Hot Spot Analysis works"), for hot spots and
 * their mirror for cold spots, in this order everywhere: the server classifies communes into them
 * (spatial-stats/emerging-hotspots.ts) and the analysis page colours and names them (one legend class each).
 */
export const EMERGING_CATEGORIES = [
  'new',
  'consecutive',
  'intensifying',
  'persistent',
  'diminishing',
  'sporadic',
  'oscillating',
  'historical',
] as const;
export type EmergingKind = (typeof EMERGING_CATEGORIES)[number];

/** Each category in Vietnamese, as it follows "Cụm giá trị cao" / "Cụm giá trị thấp" in a legend. */
export const EMERGING_KIND_VI: Readonly<Record<EmergingKind, string>> = {
  new: 'mới',
  consecutive: 'liên tiếp',
  intensifying: 'gia tăng',
  persistent: 'dai dẳng',
  diminishing: 'suy giảm',
  sporadic: 'rải rác',
  oscillating: 'dao động',
  historical: 'trong quá khứ',
};
