/**
 * Where unit names go on a map: one placement rule for the live map (deck.gl), the compare maps and the
 * briefing PDF's maps. Each name is drawn at its unit's label anchor (the pole of inaccessibility, computed by
 * the database once per unit version: admin_units.label_anchor) and kept only when
 * - its letters' box fits inside its own unit at the current scale (admin_units.label_room), so a name never
 *   lies over a neighbour's outline, and
 * - its box overlaps no name placed before it; names are placed by priority (the unit's area, the centrally
 *   run cities first), so where two compete the larger unit keeps its name.
 * Pure: the projection and the text width are given by the caller.
 */

export interface MapLabel {
  code: string;
  name: string;
  /** The anchor [lon, lat]: inside the unit. */
  position: [number, number];
  /** Labels with a higher priority are placed first (units: their area); absent = 0. */
  priority?: number;
  /**
   * Room around the anchor (admin_units.label_room): for each aspect of {@link LABEL_ROOM_ASPECTS}, the
   * largest half-height of a box of that aspect centred on the anchor that lies inside the unit, in degrees of
   * longitude. Absent or null: not checked (the archipelagos, a shape the database could not read).
   */
  room?: readonly number[] | null;
}

/** Width ÷ height of the boxes measured by admin_units.label_room (migration 0020), in order. */
export const LABEL_ROOM_ASPECTS: readonly number[] = [1, 2, 3, 4, 6, 8, 12, 16];

/** The white halo drawn around each letter, in pixels, and a little air between two labels. */
export const LABEL_HALO_PX = 3;
const GAP_PX = 2;

/** A placed label's box on screen (halo included), and its anchor, in the map's pixels. */
export interface LabelBox {
  code: string;
  name: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Where the anchor is on screen (the box is centred on it unless moved in from the edge by `dx`). */
  x: number;
  y: number;
}

export interface PlacedLabel {
  label: MapLabel;
  box: LabelBox;
  /** Horizontal shift of a label moved in from the screen's edge. */
  dx: number;
}

/**
 * Whether a box of half-width `halfW` and half-height `halfH` pixels centred on the anchor lies inside the
 * unit, `pixelsPerDegree` being the scale at the anchor (pixels per degree of longitude). A box of aspect
 * a = halfW / halfH lies inside the measured box of aspect k and half-height h when it is no taller and no
 * wider: halfH ≤ h and a·halfH ≤ k·h.
 */
export function boxFitsRoom(
  room: readonly number[],
  halfW: number,
  halfH: number,
  pixelsPerDegree: number,
): boolean {
  const aspect = halfW / Math.max(halfH, 1e-9);
  return LABEL_ROOM_ASPECTS.some((k, i) => {
    const h = (room[i] ?? 0) * pixelsPerDegree;
    return halfH <= h && aspect * halfH <= k * h;
  });
}

const overlaps = (a: LabelBox, b: LabelBox) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * Greedy placement: labels by priority (largest unit first), each kept only when its letters fit inside its
 * unit, its box overlaps no label kept before it and its anchor is on screen. `size` is the font size in
 * pixels; `project` maps [lon, lat] to pixels (y down).
 */
export function placeLabels(
  labels: readonly MapLabel[],
  project: (position: [number, number]) => [number, number],
  textWidth: (text: string) => number,
  size: number,
  screen: { width: number; height: number },
): PlacedLabel[] {
  const ordered = [...labels].sort(
    (a, b) => (b.priority ?? 0) - (a.priority ?? 0) || a.code.localeCompare(b.code),
  );
  const kept: PlacedLabel[] = [];
  for (const label of ordered) {
    const [x, y] = project(label.position);
    if (x < 0 || y < 0 || x > screen.width || y > screen.height) continue;
    const width = textWidth(label.name);
    const halfW = width / 2 + LABEL_HALO_PX + GAP_PX;
    const halfH = (size * 1.2) / 2 + LABEL_HALO_PX;
    // A label near the edge is moved in whole rather than cut (its place is still on screen).
    const dx = Math.max(0, halfW - x) - Math.max(0, x + halfW - screen.width);
    if (label.room) {
      // The letters (not their halo) must lie inside the unit; a shift from the edge widens what must fit.
      const [east] = project([label.position[0] + 0.01, label.position[1]]);
      const pixelsPerDegree = Math.abs(east - x) / 0.01;
      if (!boxFitsRoom(label.room, width / 2 + Math.abs(dx), size / 2, pixelsPerDegree)) continue;
    }
    const box = {
      code: label.code,
      name: label.name,
      x0: x + dx - halfW,
      y0: y - halfH,
      x1: x + dx + halfW,
      y1: y + halfH,
      x,
      y,
    };
    if (kept.some((k) => overlaps(k.box, box))) continue;
    kept.push({ label, box, dx });
  }
  return kept;
}

/**
 * Hoàng Sa and Trường Sa, named on every national map (the live map, the public map, slides and the PDF pack)
 * whatever the boundary data holds; their points are the archipelagos' middle. Never checked for room, placed
 * before any unit, they never give way.
 */
export const ARCHIPELAGO_LABELS: readonly (MapLabel & { priority: number })[] = [
  {
    code: 'hoang-sa',
    name: 'Quần đảo Hoàng Sa',
    position: [112.0, 16.4],
    priority: Number.POSITIVE_INFINITY,
  },
  {
    code: 'truong-sa',
    name: 'Quần đảo Trường Sa',
    position: [114.0, 10.0],
    priority: Number.POSITIVE_INFINITY,
  },
];

/** Centrally run cities (Hà Nội, Hải Phòng, Huế, Đà Nẵng, TP Hồ Chí Minh, Cần Thơ): named before larger provinces. */
const CITY_CODES = new Set(['01', '31', '46', '48', '79', '92']);

/** A unit label's priority: its area, the centrally run cities first. */
export const unitLabelPriority = (code: string, areaKm2: number | null): number =>
  (CITY_CODES.has(code) ? 1e7 : 0) + (areaKm2 ?? 0);
