import type { AddressBook } from './address-package';
import type { Point } from './geo/shape';
import type { CommunePoint } from './inputs';
import type { PieceSpec } from './pieces';

/**
 * Which pieces each current commune is cut into: one per old commune mapped to it, or one for
 * the island district it replaced. Each piece is pulled towards the mean position of its old
 * district, so the communes of one district end up next to each other.
 */
export function planPieces(book: AddressBook, points: readonly CommunePoint[]): Map<string, PieceSpec[]> {
  const pointByCode = new Map(points.map((p) => [p.code, p.point]));
  const oldByCode = new Map(book.oldCommunes.map((c) => [c.code, c]));

  // Anchor of an old district: mean point of the current communes its communes went to.
  const anchorSums = new Map<string, { x: number; y: number; n: number }>();
  for (const pair of book.pairs) {
    const old = oldByCode.get(pair.oldCode);
    const p = pointByCode.get(pair.newCode);
    if (!old || !p) continue;
    const sum = anchorSums.get(old.districtKey) ?? { x: 0, y: 0, n: 0 };
    sum.x += p[0];
    sum.y += p[1];
    sum.n += 1;
    anchorSums.set(old.districtKey, sum);
  }
  const anchorOf = (districtKey: string, fallback: Point): Point => {
    const sum = anchorSums.get(districtKey);
    return sum ? [sum.x / sum.n, sum.y / sum.n] : fallback;
  };

  const specsByNew = new Map<string, PieceSpec[]>();
  for (const pair of book.pairs) {
    const old = oldByCode.get(pair.oldCode);
    if (!old) throw new Error(`Mapping to unknown old commune ${pair.oldCode}`);
    const list = specsByNew.get(pair.newCode) ?? [];
    list.push({
      oldCode: old.code,
      districtKey: old.districtKey,
      oldProvinceCode: old.provinceCode,
      anchor: anchorOf(old.districtKey, pointByCode.get(pair.newCode) ?? [0, 0]),
    });
    specsByNew.set(pair.newCode, list);
  }
  for (const district of book.oldDistricts) {
    if (!district.islandCommuneCode) continue;
    specsByNew.set(district.islandCommuneCode, [
      {
        oldCode: null,
        districtKey: district.key,
        oldProvinceCode: district.provinceCode,
        anchor: pointByCode.get(district.islandCommuneCode) ?? [0, 0],
      },
    ]);
  }
  for (const list of specsByNew.values())
    list.sort((a, b) => (a.oldCode ?? '').localeCompare(b.oldCode ?? ''));
  return specsByNew;
}
