import type { PieceGeometry } from './geometry';
import type { DemoCrosswalkRow, UnitLevel } from './types';

/**
 * Old → new links with area-share weights, read off the pieces: an old unit is exactly the
 * union of its pieces, so the share of its area lying in each new unit is known and the weights
 * of one old unit sum to 1 by construction.
 *
 * - commune: old commune → current commune;
 * - district: old district → current province (districts no longer exist);
 * - province: old province → current province.
 */
export function buildCrosswalk(
  pieces: readonly PieceGeometry[],
  districtCodes: ReadonlyMap<string, string>,
): DemoCrosswalkRow[] {
  const rows: DemoCrosswalkRow[] = [];
  const emit = (
    level: UnitLevel,
    oldOf: (p: PieceGeometry) => string | null,
    newOf: (p: PieceGeometry) => string,
  ) => {
    const areas = new Map<string, Map<string, number>>();
    for (const piece of pieces) {
      const oldCode = oldOf(piece);
      if (oldCode === null) continue;
      const byNew = areas.get(oldCode) ?? new Map<string, number>();
      byNew.set(newOf(piece), (byNew.get(newOf(piece)) ?? 0) + piece.areaKm2);
      areas.set(oldCode, byNew);
    }
    for (const oldCode of [...areas.keys()].sort()) {
      const byNew = areas.get(oldCode);
      if (!byNew) continue;
      const total = [...byNew.values()].reduce((sum, a) => sum + a, 0);
      const kind = byNew.size === 1 ? 'full' : 'partial';
      for (const newCode of [...byNew.keys()].sort()) {
        const weight = byNew.size === 1 ? 1 : (byNew.get(newCode) ?? 0) / total;
        rows.push({ level, oldCode, newCode, kind, weight });
      }
    }
  };
  emit(
    'commune',
    (p) => p.oldCode,
    (p) => p.newCode,
  );
  emit(
    'district',
    (p) => (p.districtKey ? (districtCodes.get(p.districtKey) ?? null) : null),
    (p) => p.newProvinceCode,
  );
  emit(
    'province',
    (p) => p.oldProvinceCode,
    (p) => p.newProvinceCode,
  );
  return rows;
}
