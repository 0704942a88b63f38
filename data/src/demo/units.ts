import type { AddressBook } from './address-package';
import { toMultiPolygon } from './geo/measure';
import { type Point, pointInShape } from './geo/shape';
import type { AreaGeometry, GeometryLayers } from './geometry';
import type { ProvincePoint } from './inputs';
import { OLD_PROVINCES, oldProvinceFullName } from './old-provinces';
import { type DemoUnit, OLD_UNITS_VALID_FROM, REFORM_DATE } from './types';

/**
 * Assembles DemoUnit records for both versions: 34 provinces and 3,321 communes from 1 July
 * 2025; 63 provinces, their districts (synthetic codes) and communes before. Populations are
 * sums of piece populations, rounded at commune level and summed upwards so levels agree.
 */

/** The units and the synthetic district codes given to them. */
export interface UnitAssembly {
  units: DemoUnit[];
  /** Synthetic 3-digit code of each old district by its key. */
  districtCodes: Map<string, string>;
}

function groupIndices<T>(items: readonly T[], key: (item: T) => string | null): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  items.forEach((item, index) => {
    const k = key(item);
    if (k === null) return;
    const list = groups.get(k);
    if (list) list.push(index);
    else groups.set(k, [index]);
  });
  return groups;
}

function largest<T>(items: readonly T[], score: (item: T) => number): T | undefined {
  let best: T | undefined;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const item of items) {
    const s = score(item);
    if (s > bestScore) {
      best = item;
      bestScore = s;
    }
  }
  return best;
}

/** Builds every unit of both versions. */
export function assembleUnits(
  book: AddressBook,
  layers: GeometryLayers,
  piecePopulation: readonly number[],
  provincePoints: readonly ProvincePoint[],
): UnitAssembly {
  const pieces = layers.pieces;
  const units: DemoUnit[] = [];
  const sumPopulation = (indices: readonly number[]) =>
    Math.round(indices.reduce((sum, i) => sum + (piecePopulation[i] ?? 0), 0));

  const unit = (
    fields: Omit<DemoUnit, 'geometry' | 'areaKm2' | 'validTo' | 'labelPoint'>,
    area: AreaGeometry,
    label: Point,
  ): DemoUnit => {
    if (!pointInShape(label, area.shape))
      throw new Error(`Label of ${fields.level} ${fields.code} is outside it`);
    return {
      ...fields,
      validTo: fields.validFrom === OLD_UNITS_VALID_FROM ? REFORM_DATE : null,
      areaKm2: Math.round(area.areaKm2 * 1000) / 1000,
      labelPoint: [label[0], label[1]],
      geometry: toMultiPolygon(area.shape),
    };
  };

  // Current communes and provinces.
  const piecesByNew = groupIndices(pieces, (p) => p.newCode);
  const newCommunePopulation = new Map<string, number>();
  for (const commune of book.newCommunes) {
    const geometry = layers.communes.get(commune.code);
    if (!geometry) throw new Error(`No geometry for commune ${commune.code}`);
    const population = sumPopulation(piecesByNew.get(commune.code) ?? []);
    newCommunePopulation.set(commune.code, population);
    units.push(
      unit(
        {
          code: commune.code,
          name: commune.name,
          fullName: commune.fullName,
          kind: commune.kind,
          level: 'commune',
          parentCode: commune.provinceCode,
          provinceCode: commune.provinceCode,
          validFrom: REFORM_DATE,
          population,
        },
        geometry,
        geometry.label,
      ),
    );
  }
  const provincePointByCode = new Map(provincePoints.map((p) => [p.code, p.point]));
  for (const province of book.newProvinces) {
    const area = layers.newProvinces.get(province.code);
    if (!area) throw new Error(`No geometry for province ${province.code}`);
    const communes = book.newCommunes.filter((c) => c.provinceCode === province.code);
    const reference = provincePointByCode.get(province.code);
    const biggest = largest(communes, (c) => newCommunePopulation.get(c.code) ?? 0);
    const fallback = biggest ? layers.communes.get(biggest.code)?.label : undefined;
    const label = reference && pointInShape(reference, area.shape) ? reference : fallback;
    if (!label) throw new Error(`No label point for province ${province.code}`);
    units.push(
      unit(
        {
          code: province.code,
          name: province.name,
          fullName: province.fullName,
          kind: province.kind,
          level: 'province',
          parentCode: null,
          provinceCode: province.code,
          validFrom: REFORM_DATE,
          population: communes.reduce((sum, c) => sum + (newCommunePopulation.get(c.code) ?? 0), 0),
        },
        area,
        label,
      ),
    );
  }

  // Old districts get synthetic codes in the order of their smallest commune code.
  const districtCodes = new Map<string, string>();
  book.oldDistricts.forEach((d, i) => {
    districtCodes.set(d.key, String(i + 1).padStart(3, '0'));
  });

  const piecesByOld = groupIndices(pieces, (p) => p.oldCode);
  const oldCommunePopulation = new Map<string, number>();
  const oldCommuneLabel = new Map<string, Point>();
  for (const commune of book.oldCommunes) {
    const indices = piecesByOld.get(commune.code) ?? [];
    const own = indices.map((i) => pieces[i]).filter((p) => p !== undefined);
    const main = largest(own, (p) => p.areaKm2);
    if (!main) throw new Error(`Old commune ${commune.code} has no piece`);
    const area = layers.oldCommuneUnions.get(commune.code) ?? { shape: main.shape, areaKm2: main.areaKm2 };
    const population = sumPopulation(indices);
    oldCommunePopulation.set(commune.code, population);
    oldCommuneLabel.set(commune.code, main.label);
    units.push(
      unit(
        {
          code: commune.code,
          name: commune.name,
          fullName: commune.fullName,
          kind: commune.kind,
          level: 'commune',
          parentCode: districtCodes.get(commune.districtKey) ?? null,
          provinceCode: commune.provinceCode,
          validFrom: OLD_UNITS_VALID_FROM,
          population,
        },
        area,
        main.label,
      ),
    );
  }

  const communesByDistrict = new Map<string, string[]>();
  for (const c of book.oldCommunes) {
    const list = communesByDistrict.get(c.districtKey) ?? [];
    list.push(c.code);
    communesByDistrict.set(c.districtKey, list);
  }
  const districtPopulation = new Map<string, number>();
  const districtLabel = new Map<string, Point>();
  for (const district of book.oldDistricts) {
    const area = layers.districts.get(district.key);
    if (!area) throw new Error(`No geometry for district ${district.fullName}`);
    const communes = communesByDistrict.get(district.key) ?? [];
    let population = communes.reduce((sum, code) => sum + (oldCommunePopulation.get(code) ?? 0), 0);
    let label: Point | undefined;
    if (district.islandCommuneCode) {
      const islandPieces = (piecesByNew.get(district.islandCommuneCode) ?? []).filter(
        (i) => pieces[i]?.districtKey === district.key,
      );
      population += sumPopulation(islandPieces);
      label = pieces[islandPieces[0] ?? -1]?.label;
    } else {
      const biggest = largest(communes, (code) => oldCommunePopulation.get(code) ?? 0);
      label = biggest ? oldCommuneLabel.get(biggest) : undefined;
    }
    if (!label) throw new Error(`No label for district ${district.fullName}`);
    districtPopulation.set(district.key, population);
    districtLabel.set(district.key, label);
    units.push(
      unit(
        {
          code: districtCodes.get(district.key) ?? '',
          name: district.name,
          fullName: district.fullName,
          kind: district.kind,
          level: 'district',
          parentCode: district.provinceCode,
          provinceCode: district.provinceCode,
          validFrom: OLD_UNITS_VALID_FROM,
          population,
        },
        area,
        label,
      ),
    );
  }

  for (const province of OLD_PROVINCES) {
    const area = layers.oldProvinces.get(province.code);
    if (!area) throw new Error(`No geometry for old province ${province.code}`);
    const districts = book.oldDistricts.filter((d) => d.provinceCode === province.code);
    const biggest = largest(districts, (d) => districtPopulation.get(d.key) ?? 0);
    const label = biggest ? districtLabel.get(biggest.key) : undefined;
    if (!label) throw new Error(`No label for old province ${province.code}`);
    units.push(
      unit(
        {
          code: province.code,
          name: province.name,
          fullName: oldProvinceFullName(province),
          kind: province.kind,
          level: 'province',
          parentCode: null,
          provinceCode: province.code,
          validFrom: OLD_UNITS_VALID_FROM,
          population: districts.reduce((sum, d) => sum + (districtPopulation.get(d.key) ?? 0), 0),
        },
        area,
        label,
      ),
    );
  }
  return { units, districtCodes };
}
