import type { DrugModel } from './drug-model';
import { gaussian, keyedRng, normalFrom, uniformAt } from './random';
import type { ReportingUnit, ReportingUnits } from './reporting-units';
import type { CommuneStatus, DemoStatusDecision } from './types';

/**
 * Recognised commune statuses, one decision per commune and year. A commune's score grows with
 * its expected managed addicts (absolute and per resident); each year the score distribution is
 * cut at quantiles matching a national mix that slowly improves (more drug-free communes). A
 * commune keeps last year's status unless its score has clearly left that band, so statuses are
 * persistent with occasional changes. Thresholds are national, so restricting the output to some
 * provinces does not change any status.
 */

const LEVELS: readonly CommuneStatus[] = [
  'khong_ma_tuy',
  'co_ma_tuy',
  'trong_diem_III',
  'trong_diem_II',
  'trong_diem_I',
];

/** Target shares of [không ma túy, có ma túy, loại III, loại II, loại I]. */
type Mix = readonly [number, number, number, number, number];

interface Round {
  year: number;
  effectiveDate: string;
  /** Time at which the drug situation is assessed. */
  assessedAt: number;
  mix: Mix;
}

function mix(drugFree: number, typeIII: number, typeII: number, typeI: number): Mix {
  return [drugFree, 1 - drugFree - typeIII - typeII - typeI, typeIII, typeII, typeI];
}

/** Old communes: a decision each January, 2019–2024, on the previous year's situation. */
const OLD_ROUNDS: readonly Round[] = [2019, 2020, 2021, 2022, 2023, 2024].map((year) => ({
  year,
  effectiveDate: `${year}-01-15`,
  assessedAt: year - 0.25,
  mix: mix(0.21 + 0.014 * (year - 2019), 0.2 - 0.004 * (year - 2019), 0.03, 0.008),
}));

/** Current communes: a first decision after the reorganisation, then January 2026. Merged
 * communes are larger, so fewer are entirely drug-free than before. */
const CURRENT_ROUNDS: readonly Round[] = [
  { year: 2025, effectiveDate: '2025-09-15', assessedAt: 2025.6, mix: mix(0.17, 0.25, 0.04, 0.012) },
  { year: 2026, effectiveDate: '2026-01-15', assessedAt: 2025.95, mix: mix(0.19, 0.245, 0.038, 0.011) },
];

/**
 * Provinces on cross-border trafficking routes (old and current codes): lying on a route is one
 * of the criteria of a trọng điểm commune (QĐ 28/2025/QĐ-TTg), so their communes score higher.
 */
const ROUTE_PROVINCES: ReadonlySet<string> = new Set([
  '02',
  '04',
  '10',
  '11',
  '12',
  '14',
  '15',
  '20',
  '38',
  '40',
  '44',
  '45',
  '72',
  '89',
  '08',
  '80',
  '82',
  '91',
]);
const ROUTE_BONUS = 0.3;

/** How far (in score units) a commune must move past a band edge before its status changes. */
const HYSTERESIS = 0.05;

function quantile(sorted: Float64Array, p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.floor(p * sorted.length)));
  return sorted[index] ?? 0;
}

/**
 * Where a seed plan gives the number of recognised drug-free communes, the demo lands on it: Đồng Tháp
 * (old code 87) kept 27 communes recognised drug-free at the end of 2022 (its 2023 plan), decided in the
 * round of January 2023. The province's scores are shifted by one constant (every year, and on the current
 * communes made of its pieces), so its communes keep their order and the national cut is unchanged.
 */
const DRUG_FREE_CALIBRATION: ReadonlyArray<{ province: string; year: number; drugFree: number }> = [
  { province: '87', year: 2023, drugFree: 27 },
];

/** A unit's score in a round, before any province calibration. */
type Scorer = (unit: ReportingUnit, u: number, round: Round) => number;

function scorer(units: readonly ReportingUnit[], model: DrugModel, seed: number): Scorer {
  const offsets = units.map(
    (unit) => 0.25 * gaussian(keyedRng(seed, `status:${unit.validFrom}:${unit.code}`)),
  );
  return (unit, u, round) => {
    let managed = 0;
    let residents = 0;
    for (const i of unit.pieces) {
      managed += model.managed(i, round.assessedAt);
      residents += model.population(i, round.assessedAt);
    }
    const perThousand = residents > 0 ? (1000 * managed) / residents : 0;
    const noise =
      0.06 *
      normalFrom(uniformAt(seed, unit.number, round.year, 1), uniformAt(seed, unit.number, round.year, 2));
    const route = ROUTE_PROVINCES.has(unit.decidingProvinceCode) ? ROUTE_BONUS : 0;
    return 0.35 * Math.log1p(managed) + 0.65 * Math.log1p(perThousand) + route + (offsets[u] ?? 0) + noise;
  };
}

/** Band edges of a round: national quantiles of the uncalibrated scores. */
function edgesOf(scores: Float64Array, round: Round): number[] {
  const sorted = Float64Array.from(scores).sort();
  let cumulative = 0;
  return round.mix.slice(0, 4).map((share) => {
    cumulative += share;
    return quantile(sorted, cumulative);
  });
}

/** Score shift per (old) province that puts its calibrated number of communes below the drug-free edge. */
function calibrationShifts(
  units: readonly ReportingUnit[],
  model: DrugModel,
  seed: number,
): Map<string, number> {
  const score = scorer(units, model, seed);
  const shifts = new Map<string, number>();
  for (const c of DRUG_FREE_CALIBRATION) {
    const round = OLD_ROUNDS.find((r) => r.year === c.year);
    if (!round) continue;
    const scores = Float64Array.from(units, (unit, u) => score(unit, u, round));
    const edge = edgesOf(scores, round)[0] ?? 0;
    const own = Float64Array.from(
      units.flatMap((unit, u) => (unit.decidingProvinceCode === c.province ? [scores[u] ?? 0] : [])),
    ).sort();
    if (own.length <= c.drugFree || c.drugFree < 1) continue;
    shifts.set(c.province, edge - ((own[c.drugFree - 1] ?? 0) + (own[c.drugFree] ?? 0)) / 2);
  }
  return shifts;
}

function decide(
  units: readonly ReportingUnit[],
  rounds: readonly Round[],
  model: DrugModel,
  seed: number,
  include: (unit: ReportingUnit) => boolean,
  shiftOf: (unit: ReportingUnit) => number,
): DemoStatusDecision[] {
  const decisions: DemoStatusDecision[] = [];
  const previous = new Int8Array(units.length).fill(-1);
  const score = scorer(units, model, seed);
  const shifts = units.map(shiftOf);
  for (const round of rounds) {
    const scores = Float64Array.from(units, (unit, u) => score(unit, u, round));
    const edges = edgesOf(scores, round);
    const bandOf = (score: number) => edges.filter((edge) => score >= edge).length;
    const documentNo = new Map<string, string>();
    units.forEach((unit, u) => {
      const score = (scores[u] ?? 0) + (shifts[u] ?? 0);
      let band = bandOf(score);
      const before = previous[u] ?? -1;
      if (before >= 0 && band !== before) {
        const low = before === 0 ? Number.NEGATIVE_INFINITY : (edges[before - 1] ?? 0) - HYSTERESIS;
        const high = before === 4 ? Number.POSITIVE_INFINITY : (edges[before] ?? 0) + HYSTERESIS;
        if (score >= low && score < high) band = before;
      }
      previous[u] = band;
      if (!include(unit)) return;
      // One decision per province and year lists all its communes: one document number.
      const docKey = `${unit.decidingProvinceCode}:${round.year}`;
      let number = documentNo.get(docKey);
      if (!number) {
        const n = 100 + Math.floor(uniformAt(seed, Number(unit.decidingProvinceCode), round.year, 7) * 3900);
        number = `${n}/QĐ-UBND`;
        documentNo.set(docKey, number);
      }
      decisions.push({
        unitCode: unit.code,
        unitValidFrom: unit.validFrom,
        status: LEVELS[band] ?? 'co_ma_tuy',
        effectiveDate: round.effectiveDate,
        decidingBody: `UBND ${unit.decidingProvinceName}`,
        documentNo: number,
      });
    });
  }
  return decisions;
}

/** Status decisions of old communes (2019–2024) and current communes (2025, 2026). */
export function buildStatusDecisions(
  units: ReportingUnits,
  model: DrugModel,
  seed: number,
  include: (unit: ReportingUnit) => boolean,
): DemoStatusDecision[] {
  const shifts = calibrationShifts(units.old, model, seed);
  // A current commune takes the shifts of the old provinces its residents come from.
  const currentShift = (unit: ReportingUnit) => {
    let weighted = 0;
    let residents = 0;
    for (const i of unit.pieces) {
      const r = model.population(i, 2025.5);
      weighted += r * (shifts.get(model.provinceOf(i)) ?? 0);
      residents += r;
    }
    return residents > 0 ? weighted / residents : 0;
  };
  return [
    ...decide(
      units.old,
      OLD_ROUNDS,
      model,
      seed,
      include,
      (unit) => shifts.get(unit.decidingProvinceCode) ?? 0,
    ),
    ...decide(units.current, CURRENT_ROUNDS, model, seed, include, currentShift),
  ];
}
