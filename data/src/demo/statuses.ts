import type { DrugModel } from './drug-model';
import { suggestStatus } from './evaluate-status';
import { buildIndicators, STORED_INDICATOR_CODES } from './indicators';
import { FIRST_YEAR, type Quarter, quarters } from './periods';
import { gaussian, keyedRng, normalFrom, uniformAt } from './random';
import type { ReportingUnit, ReportingUnits } from './reporting-units';
import { QD_28_2025 } from './status-rules';
import type { DemoStatusDecision } from './types';
import { figuresOf, isOldQuarter, type QuietQuarter } from './values';

/**
 * Recognised commune statuses, one decision per commune and round, derived from the demo's own indicators.
 *
 * 1. The latent situation: a commune's score grows with its expected managed addicts (absolute and per
 *    resident); each round the score distribution is cut at quantiles matching a national mix that slowly
 *    improves. A commune keeps last round's band unless its score has clearly left it, so situations are
 *    persistent. Quantiles are national, so restricting the output to some provinces changes nothing.
 * 2. A commune whose latent band is "không ma túy" reports no drug presence (no managed addict or user, no
 *    arrest, no place, no crop) in the year the round assesses, and afterwards until the next assessed year.
 * 3. The decision is what the QĐ 28/2025/QĐ-TTg rule set (status-rules.ts, the one place its thresholds
 *    live; the server loads them from there) suggests from the commune's generated figures of that year:
 *    stocks at its last quarter, flows summed. So the decided status and the rule engine's suggestion agree,
 *    and no commune recognised drug-free has managed users, arrests or places in the year assessed. Older
 *    rounds use the same rules too: the QĐ 3122/2010 rule set as stored only knows loại I and "có ma túy"
 *    (its lower levels were not retrieved), so the engine's suggestions for periods before 24/8/2025 are
 *    coarser than the decisions by design.
 *
 * A decision in January of year Y assesses year Y − 1 (the 2019 round, before the first year of data, is
 * read on 2019); on the current communes both the first decision (9/2025) and January 2026 read 2025 on the
 * new communes (2025-Q3 and Q4: the first half of 2025 was reported on the old communes).
 */

/** Target shares of [không ma túy, có ma túy, loại III, loại II, loại I]. */
type Mix = readonly [number, number, number, number, number];

interface Round {
  year: number;
  /** Year whose figures the decision reads. */
  assessedYear: number;
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
  assessedYear: Math.max(FIRST_YEAR, year - 1),
  effectiveDate: `${year}-01-15`,
  assessedAt: year - 0.25,
  mix: mix(0.21 + 0.014 * (year - 2019), 0.2 - 0.004 * (year - 2019), 0.03, 0.008),
}));

/** Current communes: a first decision after the reorganisation, then January 2026. Merged
 * communes are larger, so fewer are entirely drug-free than before. */
const CURRENT_ROUNDS: readonly Round[] = [
  {
    year: 2025,
    assessedYear: 2025,
    effectiveDate: '2025-09-15',
    assessedAt: 2025.6,
    mix: mix(0.17, 0.25, 0.04, 0.012),
  },
  {
    year: 2026,
    assessedYear: 2025,
    effectiveDate: '2026-01-15',
    assessedAt: 2025.95,
    mix: mix(0.19, 0.245, 0.038, 0.011),
  },
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

/** Latent bands of every unit of a version in every round (0 = drug-free … 4 = loại I). */
function latentBands(
  units: readonly ReportingUnit[],
  rounds: readonly Round[],
  model: DrugModel,
  seed: number,
  shiftOf: (unit: ReportingUnit) => number,
): Int8Array[] {
  const out: Int8Array[] = [];
  const previous = new Int8Array(units.length).fill(-1);
  const score = scorer(units, model, seed);
  const shifts = units.map(shiftOf);
  for (const round of rounds) {
    const scores = Float64Array.from(units, (unit, u) => score(unit, u, round));
    const edges = edgesOf(scores, round);
    const bandOf = (score: number) => edges.filter((edge) => score >= edge).length;
    const bands = new Int8Array(units.length);
    for (let u = 0; u < units.length; u++) {
      const score = (scores[u] ?? 0) + (shifts[u] ?? 0);
      let band = bandOf(score);
      const before = previous[u] ?? -1;
      if (before >= 0 && band !== before) {
        const low = before === 0 ? Number.NEGATIVE_INFINITY : (edges[before - 1] ?? 0) - HYSTERESIS;
        const high = before === 4 ? Number.POSITIVE_INFINITY : (edges[before] ?? 0) + HYSTERESIS;
        if (score >= low && score < high) band = before;
      }
      previous[u] = band;
      bands[u] = band;
    }
    out.push(bands);
  }
  return out;
}

/** The round whose latent situation a year's figures follow: the one assessing it, else the last before. */
function roundFor(rounds: readonly Round[], year: number): number {
  let found = -1;
  rounds.forEach((round, r) => {
    if (round.assessedYear <= year) found = r;
  });
  const exact = rounds.map((round, r) => (round.assessedYear === year ? r : -1)).filter((r) => r >= 0);
  return exact.length > 0 ? (exact[exact.length - 1] ?? 0) : Math.max(0, found);
}

/** The latent drug situation: which unit is drug-free in which quarter. */
export interface Situation {
  quiet: QuietQuarter;
}

export function buildSituation(units: ReportingUnits, model: DrugModel, seed: number): Situation {
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
  const oldBands = latentBands(
    units.old,
    OLD_ROUNDS,
    model,
    seed,
    (unit) => shifts.get(unit.decidingProvinceCode) ?? 0,
  );
  const currentBands = latentBands(units.current, CURRENT_ROUNDS, model, seed, currentShift);
  const index = new Map<ReportingUnit, number>();
  for (const list of [units.old, units.current])
    list.forEach((unit, u) => {
      index.set(unit, u);
    });
  return {
    quiet(unit, q) {
      const old = isOldQuarter(q);
      const bands = old ? oldBands : currentBands;
      const round = roundFor(old ? OLD_ROUNDS : CURRENT_ROUNDS, q.year);
      return bands[round]?.[index.get(unit) ?? -1] === 0;
    },
  };
}

/** Indicators summed over a year (flows); the others are read at the year's last quarter. */
const FLOWS: ReadonlySet<string> = new Set(
  buildIndicators().flatMap((i) => (i.timeAggregation === 'sum' ? [i.code] : [])),
);
const QUARTERS = quarters();

/** A unit's figures over an assessed year, by indicator code: stocks at its last quarter, flows summed. */
export function assessedFigures(
  model: DrugModel,
  unit: ReportingUnit,
  year: number,
  seed: number,
  situation: Situation,
  old: boolean,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const q of assessedQuarters(year, old)) {
    const figures = figuresOf(model, unit, q, seed, situation.quiet);
    STORED_INDICATOR_CODES.forEach((code, k) => {
      const v = figures[k] ?? 0;
      out.set(code, FLOWS.has(code) ? (out.get(code) ?? 0) + v : v);
    });
  }
  return out;
}

/** The quarters a decision reads. */
export function assessedQuarters(year: number, old: boolean): Quarter[] {
  return QUARTERS.filter((q) => q.year === year && isOldQuarter(q) === old);
}

function decide(
  units: readonly ReportingUnit[],
  rounds: readonly Round[],
  old: boolean,
  model: DrugModel,
  seed: number,
  situation: Situation,
  include: (unit: ReportingUnit) => boolean,
): DemoStatusDecision[] {
  const decisions: DemoStatusDecision[] = [];
  const figures = new Map<string, Map<string, number>>();
  for (const round of rounds) {
    const documentNo = new Map<string, string>();
    for (const unit of units) {
      if (!include(unit)) continue;
      const key = `${unit.code}:${round.assessedYear}`;
      let values = figures.get(key);
      if (!values) {
        values = assessedFigures(model, unit, round.assessedYear, seed, situation, old);
        figures.set(key, values);
      }
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
        status: suggestStatus(QD_28_2025.rules, values),
        effectiveDate: round.effectiveDate,
        decidingBody: `UBND ${unit.decidingProvinceName}`,
        documentNo: number,
      });
    }
  }
  return decisions;
}

/** Status decisions of old communes (2019–2024) and current communes (2025, 2026). */
export function buildStatusDecisions(
  units: ReportingUnits,
  situation: Situation,
  model: DrugModel,
  seed: number,
  include: (unit: ReportingUnit) => boolean,
): DemoStatusDecision[] {
  return [
    ...decide(units.old, OLD_ROUNDS, true, model, seed, situation, include),
    ...decide(units.current, CURRENT_ROUNDS, false, model, seed, situation, include),
  ];
}

/** Each round's decision date and the year it assesses (for tests and plans). */
export const STATUS_ROUNDS: ReadonlyArray<{ effectiveDate: string; assessedYear: number; old: boolean }> = [
  ...OLD_ROUNDS.map((r) => ({ effectiveDate: r.effectiveDate, assessedYear: r.assessedYear, old: true })),
  ...CURRENT_ROUNDS.map((r) => ({
    effectiveDate: r.effectiveDate,
    assessedYear: r.assessedYear,
    old: false,
  })),
];
