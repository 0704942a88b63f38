import type { AddressBook } from './address-package';
import type { PieceGeometry } from './geometry';
import { ISLAND_DISTRICTS } from './old-provinces';
import { gaussian, keyedRng } from './random';
import type { UnitKind } from './types';

/**
 * Synthetic population. Each old province gets a rounded, plausible total (close to published
 * figures, but not official data) scaled so the country has NATIONAL_POPULATION in mid-2025;
 * inside a province people are spread over pieces by a density model: small urban wards are
 * dense, large rural communes sparse.
 */

/** Residents of Vietnam in mid-2025 in the demo. */
export const NATIONAL_POPULATION = 101_000_000;

/** Time origin of the population model: the reorganisation, 1 July 2025. */
export const POPULATION_EPOCH = 2025.5;

/** Thousands of residents per old province, mid-2025 (approximate, rounded). */
const PROVINCE_THOUSANDS: Readonly<Record<string, number>> = {
  '01': 8600,
  '02': 900,
  '04': 550,
  '06': 330,
  '08': 800,
  '10': 780,
  '11': 650,
  '12': 490,
  '14': 1310,
  '15': 850,
  '17': 880,
  '19': 1350,
  '20': 800,
  '22': 1380,
  '24': 1920,
  '25': 1500,
  '26': 1210,
  '27': 1520,
  '30': 1960,
  '31': 2110,
  '33': 1300,
  '34': 1880,
  '35': 880,
  '36': 1890,
  '37': 1020,
  '38': 3760,
  '40': 3470,
  '42': 1330,
  '44': 920,
  '45': 660,
  '46': 1170,
  '48': 1250,
  '49': 1520,
  '51': 1250,
  '52': 1500,
  '54': 880,
  '56': 1260,
  '58': 600,
  '60': 1270,
  '62': 590,
  '64': 1600,
  '66': 1930,
  '67': 690,
  '68': 1340,
  '70': 1040,
  '72': 1190,
  '74': 2900,
  '75': 3330,
  '77': 1200,
  '79': 9900,
  '80': 1740,
  '82': 1790,
  '83': 1300,
  '84': 1020,
  '86': 1030,
  '87': 1600,
  '89': 1910,
  '91': 1760,
  '92': 1260,
  '93': 730,
  '94': 1200,
  '95': 920,
  '96': 1210,
};

/** Yearly growth of fast-growing metropolitan provinces; the rest grow more slowly. */
const FAST_GROWTH: Readonly<Record<string, number>> = {
  '01': 0.016,
  '79': 0.018,
  '74': 0.022,
  '75': 0.015,
  '27': 0.017,
  '48': 0.015,
};

/** Residents per km² for a unit kind and area: dense small wards, sparse large communes. */
function density(kind: UnitKind | null, areaKm2: number): number {
  const a = Math.max(areaKm2, 0.2);
  if (kind === 'phuong') return 25000 / (1 + a / 1.5) ** 0.8;
  if (kind === 'thi_tran') return 4000 / (1 + a / 10) ** 0.8;
  return 1500 / (1 + a / 8);
}

/** Residents and growth rate per piece (same order as the pieces). */
export interface PiecePopulation {
  /** Residents at POPULATION_EPOCH (fractional; units round their sums). */
  population: number[];
  /** Yearly exponential growth rate per piece. */
  growth: number[];
}

/** Spreads each old province's residents over its pieces. */
export function populatePieces(
  pieces: readonly PieceGeometry[],
  book: AddressBook,
  seed: number,
): PiecePopulation {
  const oldByCode = new Map(book.oldCommunes.map((c) => [c.code, c]));
  const islandPopulation = new Map(
    ISLAND_DISTRICTS.map((d) => [`${d.oldProvinceCode}|${d.districtFullName}`, d.population]),
  );
  const districtByKey = new Map(book.oldDistricts.map((d) => [d.key, d]));
  const oldArea = new Map<string, number>();
  for (const piece of pieces) {
    if (piece.oldCode) oldArea.set(piece.oldCode, (oldArea.get(piece.oldCode) ?? 0) + piece.areaKm2);
  }
  const total = Object.values(PROVINCE_THOUSANDS).reduce((sum, v) => sum + v, 0) * 1000;
  const scale = NATIONAL_POPULATION / total;

  const weight = pieces.map((piece) => {
    const old = piece.oldCode ? oldByCode.get(piece.oldCode) : undefined;
    // The same jitter for all pieces of one old commune: it describes the commune, not the piece.
    const jitter = Math.exp(0.3 * gaussian(keyedRng(seed, `density:${piece.oldCode ?? piece.newCode}`)));
    return (
      piece.areaKm2 * density(old?.kind ?? null, oldArea.get(piece.oldCode ?? '') ?? piece.areaKm2) * jitter
    );
  });

  const fixed = pieces.map((piece) => {
    if (piece.oldCode || !piece.districtKey) return null;
    const district = districtByKey.get(piece.districtKey);
    return district ? (islandPopulation.get(`${district.provinceCode}|${district.fullName}`) ?? 0) : 0;
  });

  const weightSum = new Map<string, number>();
  const fixedSum = new Map<string, number>();
  pieces.forEach((piece, i) => {
    const code = piece.oldProvinceCode;
    if (!code) return;
    const f = fixed[i];
    if (f !== null && f !== undefined) fixedSum.set(code, (fixedSum.get(code) ?? 0) + f);
    else weightSum.set(code, (weightSum.get(code) ?? 0) + (weight[i] ?? 0));
  });

  /** Residents per unit of weight in each old province; orphans borrow their model province's. */
  const perWeight = new Map<string, number>();
  for (const [code, sum] of weightSum) {
    const target = (PROVINCE_THOUSANDS[code] ?? 0) * 1000 * scale - (fixedSum.get(code) ?? 0);
    perWeight.set(code, sum > 0 ? target / sum : 0);
  }

  const population = pieces.map((piece, i) => {
    const f = fixed[i];
    if (f !== null && f !== undefined) return f;
    return (weight[i] ?? 0) * (perWeight.get(piece.modelProvinceCode) ?? 0);
  });
  const growth = pieces.map((piece) => {
    const old = piece.oldCode ? oldByCode.get(piece.oldCode) : undefined;
    const base = FAST_GROWTH[piece.modelProvinceCode] ?? 0.008;
    return base + (old?.kind === 'phuong' ? 0.004 : 0);
  });
  return { population, growth };
}

/** Residents of a piece at time t (decimal years). */
export function populationAt(population: number, growth: number, t: number): number {
  return population * Math.exp(growth * (t - POPULATION_EPOCH));
}
