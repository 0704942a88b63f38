import type { Queryable } from '../../db/engine';
import { ApiError } from '../../lib/errors';
import { msg } from '../../lib/messages';
import { grantedCommunes, grantedProvinceCodes } from './jurisdiction.repo';

/** The code that grants the whole country. */
export const NATIONAL = 'VN';

/**
 * The area a user may see beyond public data, resolved once per session from the granted unit codes of
 * the units in force. Pre-2025 units are inside when they crosswalk into a granted unit, so a province
 * officer sees the history of the old provinces and districts that became theirs.
 */
export interface Jurisdiction {
  /** Granted codes as stored: VN, province codes, commune codes. */
  grants: readonly string[];
  national: boolean;
  /** `province_code` values (of any unit version) wholly inside: granted provinces and their predecessors. */
  provinceCodes: ReadonlySet<string>;
  /** Commune ids (any version) inside commune grants: the granted communes and the old communes merged into them. */
  communeIds: ReadonlySet<number>;
  /** Provinces (any version) that hold a granted commune: the user may look inside them, at those communes only. */
  partialProvinceCodes: ReadonlySet<string>;
}

export const EVERYWHERE: Jurisdiction = {
  grants: [NATIONAL],
  national: true,
  provinceCodes: new Set(),
  communeIds: new Set(),
  partialProvinceCodes: new Set(),
};

export const NOWHERE: Jurisdiction = {
  grants: [],
  national: false,
  provinceCodes: new Set(),
  communeIds: new Set(),
  partialProvinceCodes: new Set(),
};

export async function resolveJurisdiction(db: Queryable, grants: readonly string[]): Promise<Jurisdiction> {
  if (grants.includes(NATIONAL)) return { ...EVERYWHERE, grants };
  if (grants.length === 0) return NOWHERE;
  const [provinces, communes] = await Promise.all([
    grantedProvinceCodes(db, grants),
    grantedCommunes(db, grants),
  ]);
  return {
    grants,
    national: false,
    provinceCodes: new Set(provinces),
    communeIds: new Set(communes.map((r) => r.id)),
    partialProvinceCodes: new Set(communes.map((r) => r.provinceCode)),
  };
}

/** Whether a whole province (by the `province_code` of any version) lies inside. */
export const coversProvince = (j: Jurisdiction, provinceCode: string) =>
  j.national || j.provinceCodes.has(provinceCode);

/** Whether a unit lies inside: its province is granted, or it is (or merged into) a granted commune. */
export const coversUnit = (j: Jurisdiction, unit: { id: number; provinceCode: string }) =>
  coversProvince(j, unit.provinceCode) || j.communeIds.has(unit.id);

/** Whether any part of a province (by the `province_code` of any version) lies inside. */
export const touchesProvince = (j: Jurisdiction, provinceCode: string) =>
  coversProvince(j, provinceCode) || j.partialProvinceCodes.has(provinceCode);

/**
 * The jurisdiction as SQL parameters for `unitInJurisdictionSql`: null when everything is inside.
 */
export function jurisdictionParams(
  j: Jurisdiction,
): { provinceCodes: string[]; communeIds: number[] } | null {
  if (j.national) return null;
  return { provinceCodes: [...j.provinceCodes], communeIds: [...j.communeIds] };
}

/** SQL condition on a unit alias `u` with the two parameters of `jurisdictionParams` at $p and $p+1. */
export const unitInJurisdictionSql = (alias: string, p: number) =>
  `(${alias}.province_code = any($${p}::text[]) or ${alias}.id = any($${p + 1}::int[]))`;

/**
 * Whether aggregated data of a unit may be shown: a commune when it is inside; a district or province only
 * when its whole province is granted (a commune officer must not read a province total built from other
 * communes' data).
 */
export function mayReadUnit(
  j: Jurisdiction,
  unit: { id: number; provinceCode: string; level: string },
): boolean {
  return unit.level === 'commune' ? coversUnit(j, unit) : coversProvince(j, unit.provinceCode);
}

/** Refuses a request for a unit outside the caller's jurisdiction, naming the parameter. */
export function requireReadable(
  j: Jurisdiction,
  unit: { id: number; code: string; provinceCode: string; level: string },
  field: string,
): void {
  if (!mayReadUnit(j, unit)) {
    throw new ApiError(
      403,
      'outside_jurisdiction',
      msg('access.outside_jurisdiction', { field, value: unit.code }),
      field,
    );
  }
}
