import type { AddressBook } from './address-package';
import type { PieceGeometry } from './geometry';
import { OLD_PROVINCES, oldProvinceFullName } from './old-provinces';
import { OLD_UNITS_VALID_FROM, REFORM_DATE } from './types';

/**
 * The communes that report figures, per unit version, with the pieces they are made of: old
 * communes up to 2025-Q2, current communes from 2025-Q3.
 */
export interface ReportingUnit {
  code: string;
  validFrom: string;
  /** Numeric form of the code, to address hash-based randomness without strings. */
  number: number;
  /** Current provinces the unit lies in (filtering by DemoOptions.provinces). */
  currentProvinces: string[];
  /** Province whose people's committee decides the unit's status. */
  decidingProvinceCode: string;
  decidingProvinceName: string;
  pieces: number[];
}

/** Reporting communes of both versions. */
export interface ReportingUnits {
  old: ReportingUnit[];
  current: ReportingUnit[];
}

function provincePhrase(fullName: string): string {
  return fullName.replace(/^Tỉnh /, 'tỉnh ').replace(/^Thành phố /, 'thành phố ');
}

/** Reporting units of both versions, in code order. */
export function reportingUnits(book: AddressBook, pieces: readonly PieceGeometry[]): ReportingUnits {
  const byOld = new Map<string, number[]>();
  const byNew = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  pieces.forEach((piece, i) => {
    if (piece.oldCode) add(byOld, piece.oldCode, i);
    add(byNew, piece.newCode, i);
  });
  const oldProvinceName = new Map(OLD_PROVINCES.map((p) => [p.code, provincePhrase(oldProvinceFullName(p))]));
  const newProvinceName = new Map(book.newProvinces.map((p) => [p.code, provincePhrase(p.fullName)]));

  const old = book.oldCommunes.map((commune): ReportingUnit => {
    const indices = byOld.get(commune.code) ?? [];
    return {
      code: commune.code,
      validFrom: OLD_UNITS_VALID_FROM,
      number: Number(commune.code),
      currentProvinces: [...new Set(indices.map((i) => pieces[i]?.newProvinceCode ?? ''))].sort(),
      decidingProvinceCode: commune.provinceCode,
      decidingProvinceName: oldProvinceName.get(commune.provinceCode) ?? commune.provinceCode,
      pieces: indices,
    };
  });
  const current = book.newCommunes.map(
    (commune): ReportingUnit => ({
      code: commune.code,
      validFrom: REFORM_DATE,
      number: Number(commune.code),
      currentProvinces: [commune.provinceCode],
      decidingProvinceCode: commune.provinceCode,
      decidingProvinceName: newProvinceName.get(commune.provinceCode) ?? commune.provinceCode,
      pieces: byNew.get(commune.code) ?? [],
    }),
  );
  return { old, current };
}
