import type { AddressBook } from './address-package';
import { layoutCommunes } from './commune-cells';
import { dissolve } from './geo/dissolve';
import { insertJunctions } from './geo/junctions';
import { areaKm2 } from './geo/measure';
import type { Point, Shape } from './geo/shape';
import type { CommunePoint } from './inputs';
import { planPieces } from './piece-plan';
import { splitCommune } from './pieces';
import { keyedRng } from './random';

/**
 * All synthetic boundaries: current communes (Voronoi layout), the pieces old communes made of
 * them, and every coarser unit as an exact union of those pieces.
 */

/** A current commune: synthetic boundary, label point and area. */
export interface CommuneGeometry {
  code: string;
  provinceCode: string;
  shape: Shape;
  label: Point;
  areaKm2: number;
  offshore: boolean;
  capped: boolean;
}

/** The finest layer: the part of one old unit lying in one current commune. */
export interface PieceGeometry {
  newCode: string;
  newProvinceCode: string;
  /** Null for an island district that had no communes, and for a commune without predecessor. */
  oldCode: string | null;
  /** Null only for a current commune the package gives no predecessor (Xã Ia Mơ). */
  districtKey: string | null;
  oldProvinceCode: string | null;
  /** Old province whose figures model this piece: its own, or the nearest piece's for orphans. */
  modelProvinceCode: string;
  shape: Shape;
  label: Point;
  areaKm2: number;
}

/** A shape with its area. */
export interface AreaGeometry {
  shape: Shape;
  areaKm2: number;
}

/** Every geometry layer of the demo, finest (pieces) to coarsest (provinces). */
export interface GeometryLayers {
  communes: Map<string, CommuneGeometry>;
  pieces: PieceGeometry[];
  /** Old communes made of several pieces (partial mappings); single pieces are used as they are. */
  oldCommuneUnions: Map<string, AreaGeometry>;
  districts: Map<string, AreaGeometry>;
  oldProvinces: Map<string, AreaGeometry>;
  newProvinces: Map<string, AreaGeometry>;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function union(shapes: readonly Shape[]): AreaGeometry {
  const shape = shapes.length === 1 && shapes[0] ? shapes[0] : dissolve(shapes);
  return { shape, areaKm2: areaKm2(shape) };
}

/** Builds every layer; only the piece split depends on the seed. */
export function buildGeometry(
  book: AddressBook,
  points: readonly CommunePoint[],
  land: Shape,
  seed: number,
  progress: (message: string) => void,
): GeometryLayers {
  const layout = layoutCommunes(points, land);
  progress(`Laid out ${layout.cells.size} commune cells`);

  const specsByNew = planPieces(book, points);

  const pieces: PieceGeometry[] = [];
  for (const commune of book.newCommunes) {
    const cell = layout.cells.get(commune.code);
    if (!cell) throw new Error(`No reference point for commune ${commune.code}`);
    const specs = specsByNew.get(commune.code) ?? [];
    if (specs.length === 0) {
      // No old unit maps here: one orphan piece, so the commune still has population and values.
      specs.push({ oldCode: null, districtKey: null, oldProvinceCode: null, anchor: cell.label });
    }
    const rng = keyedRng(seed, `pieces:${commune.code}`);
    for (const piece of splitCommune(cell, specs, rng)) {
      pieces.push({
        newCode: commune.code,
        newProvinceCode: commune.provinceCode,
        oldCode: piece.spec.oldCode,
        districtKey: piece.spec.districtKey,
        oldProvinceCode: piece.spec.oldProvinceCode,
        modelProvinceCode: piece.spec.oldProvinceCode ?? '',
        shape: piece.shape,
        label: piece.label,
        areaKm2: 0,
      });
    }
  }
  progress(`Split current communes into ${pieces.length} pieces of old communes`);
  for (const orphan of pieces.filter((p) => p.oldProvinceCode === null)) {
    orphan.modelProvinceCode = nearestProvince(orphan.label, pieces);
  }

  // Shapes can be shared (a commune that is a single piece): process each ring once.
  const distinct = [
    ...new Set<Shape>([...[...layout.cells.values()].map((c) => c.shape), ...pieces.map((p) => p.shape)]),
  ];
  insertJunctions(distinct, layout.voronoiEdges);
  for (const piece of pieces) piece.areaKm2 = areaKm2(piece.shape);

  const communes = new Map<string, CommuneGeometry>();
  for (const commune of book.newCommunes) {
    const cell = layout.cells.get(commune.code);
    if (!cell) continue;
    communes.set(commune.code, {
      code: commune.code,
      provinceCode: commune.provinceCode,
      shape: cell.shape,
      label: cell.label,
      areaKm2: areaKm2(cell.shape),
      offshore: cell.offshore,
      capped: cell.capped,
    });
  }

  const oldCommuneUnions = new Map<string, AreaGeometry>();
  for (const [code, list] of groupBy(
    pieces.filter((p) => p.oldCode !== null),
    (p) => p.oldCode ?? '',
  )) {
    if (list.length > 1) oldCommuneUnions.set(code, union(list.map((p) => p.shape)));
  }
  const districts = new Map<string, AreaGeometry>();
  for (const [key, list] of groupBy(
    pieces.filter((p) => p.districtKey !== null),
    (p) => p.districtKey ?? '',
  )) {
    districts.set(key, union(list.map((p) => p.shape)));
  }
  progress(`Dissolved ${districts.size} old districts`);
  // Provinces from district outlines: they share exactly the vertices of the pieces along them.
  const districtProvince = new Map(book.oldDistricts.map((d) => [d.key, d.provinceCode]));
  const oldProvinces = new Map<string, AreaGeometry>();
  for (const [key, list] of groupBy(
    [...districts],
    ([districtKey]) => districtProvince.get(districtKey) ?? '',
  )) {
    oldProvinces.set(key, union(list.map(([, d]) => d.shape)));
  }
  const newProvinces = new Map<string, AreaGeometry>();
  for (const [key, list] of groupBy([...communes.values()], (c) => c.provinceCode)) {
    newProvinces.set(key, union(list.map((c) => c.shape)));
  }
  progress(`Dissolved ${oldProvinces.size} old and ${newProvinces.size} current provinces`);
  return { communes, pieces, oldCommuneUnions, districts, oldProvinces, newProvinces };
}

function nearestProvince(point: Point, pieces: readonly PieceGeometry[]): string {
  let best = '';
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const piece of pieces) {
    if (piece.oldProvinceCode === null) continue;
    const d = (piece.label[0] - point[0]) ** 2 + (piece.label[1] - point[1]) ** 2;
    if (d < bestDistance) {
      bestDistance = d;
      best = piece.oldProvinceCode;
    }
  }
  return best;
}
