/**
 * Choosing hotspots for a patrol: inside a drawn area, or the most active ones. The web selects on the map and
 * the server ranks the plan's stops with the same rules.
 */

/** A position as [longitude, latitude] in degrees (WGS 84). */
export type LonLat = readonly [number, number];

/** What selection needs to know of a hotspot. */
export interface SelectableHotspot {
  code: string;
  kind: 'diem' | 'tu_diem';
  communeCode: string;
  position: LonLat;
  status: 'active' | 'eliminated';
  detectedOn: string;
  reemergedOn: string | null;
}

/** Ray casting on one ring of [lon, lat] (closed or not); points on an edge may fall either side. */
export function pointInRing(p: LonLat, ring: readonly LonLat[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i];
    const b = ring[j];
    if (!a || !b) continue;
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) {
      inside = !inside;
    }
  }
  return inside;
}

/** Hotspots inside a drawn area (a lasso ring). */
export const inLasso = <T extends SelectableHotspot>(hotspots: readonly T[], ring: readonly LonLat[]): T[] =>
  ring.length < 3 ? [] : hotspots.filter((h) => pointInRing(h.position, ring));

const DAY_MS = 86_400_000;

/**
 * Recent activity of an active hotspot on `at`: tụ điểm (a gathering place) weighs 2, điểm 1, times a
 * decay of one e-fold per year since it was last detected or re-emerged, so a place that came back last
 * month outranks one found years ago. Eliminated places score 0.
 */
export function recentActivity(h: SelectableHotspot, at: string): number {
  if (h.status !== 'active') return 0;
  const last = h.reemergedOn && h.reemergedOn > h.detectedOn ? h.reemergedOn : h.detectedOn;
  const days = Math.max(0, (Date.parse(at) - Date.parse(last)) / DAY_MS);
  return (h.kind === 'tu_diem' ? 2 : 1) * Math.exp(-days / 365);
}

/** The `n` most active hotspots, optionally only those of one commune; ties broken by code. */
export function topByRecentActivity<T extends SelectableHotspot>(
  hotspots: readonly T[],
  n: number,
  at: string,
  communeCode: string | null = null,
): T[] {
  return hotspots
    .filter((h) => h.status === 'active' && (communeCode === null || h.communeCode === communeCode))
    .map((h) => ({ h, score: recentActivity(h, at) }))
    .sort((a, b) => b.score - a.score || a.h.code.localeCompare(b.h.code))
    .slice(0, n)
    .map((x) => x.h);
}
