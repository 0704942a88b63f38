/**
 * ColorBrewer YlGnBu, 3 to 7 classes: sequential, colour-blind safe and neutral, so an indicator's high values
 * are not read as "bad" or "good" before the reader checks what it measures.
 */
const YL_GN_BU: Record<number, readonly string[]> = {
  3: ['#edf8b1', '#7fcdbb', '#2c7fb8'],
  4: ['#ffffcc', '#a1dab4', '#41b6c4', '#225ea8'],
  5: ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'],
  6: ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#2c7fb8', '#253494'],
  7: ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84'],
};

/** Colours for `k` classes (k clamped to 3–7; 1 or 2 classes take the ends of the 3-class scheme). */
export function sequentialPalette(k: number): readonly string[] {
  if (k <= 1) return ['#7fcdbb'];
  if (k === 2) return ['#edf8b1', '#2c7fb8'];
  return YL_GN_BU[Math.min(7, k)] ?? YL_GN_BU[5] ?? [];
}

/** Grey for units without a value, distinct from every palette colour in lightness and hue. */
export const NO_DATA_COLOR = '#c8c8c8';

/** Communes outside the province in view: a light wash that keeps the surroundings readable. */
export const OUTSIDE_COLOR = '#f3f3f0';
