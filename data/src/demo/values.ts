import { CROP_MEDIAN_M2, CROP_SIGMA, type DrugModel } from './drug-model';
import { IX, STORED_INDICATOR_CODES } from './indicators';
import { type Quarter, quarters } from './periods';
import { normalFrom, poissonFrom, uniformAt } from './random';
import type { ReportingUnit, ReportingUnits } from './reporting-units';
import { type DemoValueBatch, OLD_UNITS_VALID_FROM, REFORM_DATE } from './types';

/**
 * Quarterly values, produced lazily: one batch per (quarter, unit version), so the millions of
 * numbers never sit in memory together. Old communes report up to 2025-Q2, current communes
 * from 2025-Q3. Stocks are rounded expectations (smooth quarter to quarter); flows are Poisson
 * draws around their expectation, addressed by (seed, unit, quarter, indicator) so any subset
 * of units gets the same numbers as a full run.
 */

const FLOWS: ReadonlySet<number> = new Set([
  IX.rehab_compulsory,
  IX.rehab_voluntary_facility,
  IX.rehab_community,
  IX.vocational_support,
  IX.drug_arrests,
  IX.drug_use_places,
  IX.reintegrated,
  IX.rehab_completed,
  IX.loans_households,
]);

/** Share of treatment episodes that are a first, second, third or later rehab (Sơn La survey, 2020). */
const EPISODE_ORDER = [0.36, 0.5496, 0.0904] as const;
const EPISODE_PARTS = [
  IX.treatment_episodes__order_first,
  IX.treatment_episodes__order_second,
  IX.treatment_episodes__order_third_plus,
] as const;
/** Share of commune-quarters with drug-crop finds where the finds are in a new area (not found there before). */
const NEW_AREA_SHARE = 0.12;
/** Share of detected drug-crop finds that are destroyed (most; a few are left for evidence or missed). */
const CROPS_DESTROYED = 0.96;
/** Median loan to a household after rehab, VND (Sơn La: 870 million to 32 households). */
const LOAN_MEDIAN_VND = 25e6;

/** Officers trained per class (Đồng Tháp: 1,294 commune officers in 11 classes, 2022–2/2023). */
const OFFICERS_PER_CLASS = 118;
/** A quarter's share of people in a facility whose compulsory term is reduced (Quảng Bình 2023: 12 of 87). */
const TERM_REDUCED = 12 / 87 / 4;
/** Health checks a quarter per person in a facility (Quảng Bình 2023: 44 checks for 87 people). */
const HEALTH_CHECKS = 44 / 87 / 4;
/** Repayments as a share of disbursements (Sơn La to 31/12/2019: 725 of 870 million đồng recovered). */
const LOANS_RECOVERED = 725 / 870;
/** Outstanding loans in quarters of disbursement (Sơn La: 145 of 870 million after 16 quarters). */
const LOANS_OUTSTANDING_QUARTERS = (16 * 145) / 870;
/** Share of people managed after rehab who ask for vocational counselling in a quarter, and who get it. */
const COUNSELLING_NEEDED = 0.12;
const COUNSELLED = 0.97;
/** Managed addicts by drug (heroin, ATS, opium) and route (inhale, inject, smoke/other): Sơn La survey, 2019. */
const BY_DRUG = [0.602, 0.378, 0.02] as const;
const BY_ROUTE = [0.8096, 0.1823, 0.0081] as const;
const DRUG_PARTS = [
  IX.managed_addicts__drug_heroin,
  IX.managed_addicts__drug_ats,
  IX.managed_addicts__drug_opium,
] as const;
const ROUTE_PARTS = [
  IX.managed_addicts__route_inhale,
  IX.managed_addicts__route_inject,
  IX.managed_addicts__route_smoke_other,
] as const;

/**
 * Splits a whole total into parts by shares (each jittered ±20 % by `draw`, the same for a commune in every
 * quarter), by largest remainder, so the parts are whole and sum to the total.
 */
export function splitWhole(total: number, shares: readonly number[], draw: (j: number) => number): number[] {
  const weights = shares.map((share, j) => share * (0.8 + 0.4 * draw(j)));
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum > 0 ? (total * w) / sum : 0));
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, j) => [x - Math.floor(x), j] as const).sort((a, b) => b[0] - a[0]);
  for (const [, j] of order) {
    if (left <= 0) break;
    parts[j] = (parts[j] ?? 0) + 1;
    left -= 1;
  }
  return parts;
}

/** Is this quarter reported on the pre-2025 communes? */
export function isOldQuarter(q: Quarter): boolean {
  return q.year < 2025 || (q.year === 2025 && q.quarter <= 2);
}

/** Integer figures of one unit in one quarter, from its expected vector. */
export function integerise(expected: Float64Array, unit: ReportingUnit, q: Quarter, seed: number): number[] {
  const version = isOldQuarter(q) ? 0 : 1;
  const u = (indicator: number, salt: number) =>
    uniformAt(seed, unit.number, version, q.index, indicator, salt);
  const out = STORED_INDICATOR_CODES.map((_, k) => {
    const value = expected[k] ?? 0;
    if (FLOWS.has(k)) return poissonFrom(value, u(k, 0), u(k, 1));
    if (k === IX.methadone_patients) return Math.floor(value);
    if (k === IX.drug_crops_destroyed_m2 || k === IX.drug_crops_detected_m2) return 0; // below
    return Math.max(0, Math.round(value));
  });
  // Drug crops: expected number of finds → a Poisson count of finds with lognormal sizes; each find is
  // detected, and most are destroyed, so destroyed ≤ detected.
  const crop = IX.drug_crops_destroyed_m2;
  const finds = Math.min(200, poissonFrom(expected[crop] ?? 0, u(crop, 0), u(crop, 1)));
  let detected = 0;
  let destroyed = 0;
  for (let j = 0; j < finds; j++) {
    const m2 = CROP_MEDIAN_M2 * Math.exp(CROP_SIGMA * normalFrom(u(crop, 2 + 2 * j), u(crop, 3 + 2 * j)));
    detected += m2;
    if (u(IX.drug_crops_detected_m2, j) < CROPS_DESTROYED) destroyed += m2;
  }
  out[IX.drug_crops_detected_m2] = Math.round(detected);
  out[crop] = Math.round(destroyed);
  // Cultivation in a new area: rare, and only where crops are found at all (mostly 0, now and then 1).
  const fresh = IX.new_area_cultivation;
  out[fresh] = finds > 0 && u(fresh, 0) < NEW_AREA_SHARE ? 1 : 0;
  // Officers: at least two per commune; a quarter trains at most a quarter of them (a year ≤ all).
  const officers = Math.max(2, out[IX.officers_total] ?? 0);
  out[IX.officers_total] = officers;
  const trained = IX.officers_trained;
  out[trained] = Math.min(
    Math.floor(officers / 4),
    poissonFrom(expected[trained] ?? 0, u(trained, 0), u(trained, 1)),
  );
  // Yes/no per commune: the community model once adopted stays (one draw per commune and version);
  // a model commune is built in a quarter with a small probability.
  const residents = expected[IX.population] ?? 0;
  const share = (k: number) => (residents > 0 ? (expected[k] ?? 0) / residents : 0);
  const adoption = uniformAt(seed, unit.number, version, IX.community_model);
  out[IX.community_model] = adoption < share(IX.community_model) ? 1 : 0;
  out[IX.model_communes_built] = u(IX.model_communes_built, 0) < share(IX.model_communes_built) ? 1 : 0;
  out[IX.high_risk_reached] = Math.min(out[IX.high_risk_people] ?? 0, out[IX.high_risk_reached] ?? 0);
  // Post-rehab management takes most of those who completed rehab.
  const completed = out[IX.rehab_completed] ?? 0;
  let admitted = 0;
  for (let j = 0; j < completed; j++) if (u(IX.post_rehab_admitted, j) < 0.93) admitted += 1;
  out[IX.post_rehab_admitted] = admitted;
  // Loans: a count of households, each with its own amount (rounded to a million đồng).
  let vnd = 0;
  for (let j = 0; j < (out[IX.loans_households] ?? 0); j++) {
    const amount =
      LOAN_MEDIAN_VND * Math.exp(0.4 * normalFrom(u(IX.loans_vnd, 2 * j), u(IX.loans_vnd, 2 * j + 1)));
    vnd += Math.round(amount / 1e6) * 1e6;
  }
  out[IX.loans_vnd] = vnd;
  // Treatment episodes by order: independent Poisson parts, whose sum is the total.
  const episodes = expected[IX.treatment_episodes] ?? 0;
  let total = 0;
  EPISODE_PARTS.forEach((k, j) => {
    const part = poissonFrom(episodes * (EPISODE_ORDER[j] ?? 0), u(k, 0), u(k, 1));
    out[k] = part;
    total += part;
  });
  out[IX.treatment_episodes] = total;
  const managed = out[IX.managed_addicts] ?? 0;
  out[IX.addicts_reached] = Math.min(managed, out[IX.addicts_reached] ?? 0);
  // Seed-plan figures derived from the ones above (see the constants for their sources).
  const draw = (k: number, salt: number) => u(k, salt);
  out[IX.training_classes] = poissonFrom(
    (expected[IX.officers_trained] ?? 0) / OFFICERS_PER_CLASS,
    draw(IX.training_classes, 0),
    draw(IX.training_classes, 1),
  );
  const inFacility = expected[IX.in_facility] ?? 0;
  out[IX.rehab_term_reduced] = poissonFrom(
    inFacility * TERM_REDUCED,
    draw(IX.rehab_term_reduced, 0),
    draw(IX.rehab_term_reduced, 1),
  );
  out[IX.facility_health_checks] = poissonFrom(
    inFacility * HEALTH_CHECKS,
    draw(IX.facility_health_checks, 0),
    draw(IX.facility_health_checks, 1),
  );
  const disbursed = (expected[IX.loans_households] ?? 0) * LOAN_MEDIAN_VND;
  const repaying = poissonFrom(
    expected[IX.loans_households] ?? 0,
    draw(IX.loans_recovered_vnd, 0),
    draw(IX.loans_recovered_vnd, 1),
  );
  let recovered = 0;
  for (let j = 0; j < repaying; j++) {
    const amount =
      LOANS_RECOVERED *
      LOAN_MEDIAN_VND *
      Math.exp(
        0.4 * normalFrom(draw(IX.loans_recovered_vnd, 2 + 2 * j), draw(IX.loans_recovered_vnd, 3 + 2 * j)),
      );
    recovered += Math.round(amount / 1e6) * 1e6;
  }
  out[IX.loans_recovered_vnd] = recovered;
  out[IX.loans_outstanding_vnd] = Math.round((disbursed * LOANS_OUTSTANDING_QUARTERS) / 1e6) * 1e6;
  const needing = poissonFrom(
    (expected[IX.post_rehab_managed] ?? 0) * COUNSELLING_NEEDED,
    draw(IX.vocational_counselling_needed, 0),
    draw(IX.vocational_counselling_needed, 1),
  );
  let counselled = 0;
  for (let j = 0; j < needing; j++) if (draw(IX.vocational_counselled, j) < COUNSELLED) counselled += 1;
  out[IX.vocational_counselling_needed] = needing;
  out[IX.vocational_counselled] = counselled;
  // Managed addicts by drug and by route: whole parts summing to the total, each commune with its own mix.
  const mix = (k: number) => (j: number) => uniformAt(seed, unit.number, version, k, j);
  splitWhole(managed, BY_DRUG, mix(IX.managed_addicts__drug_heroin)).forEach((part, j) => {
    out[DRUG_PARTS[j] ?? 0] = part;
  });
  splitWhole(managed, BY_ROUTE, mix(IX.managed_addicts__route_inhale)).forEach((part, j) => {
    out[ROUTE_PARTS[j] ?? 0] = part;
  });
  return out;
}

/**
 * Indicators that say a commune has drugs: a commune recognised drug-free (QĐ 28/2025/QĐ-TTg: no addict or
 * illegal user residing, no offender, no place organising drug use) reports none of them in the year it is
 * assessed on. People in treatment, rehab or post-rehab management may still live there.
 */
const DRUG_PRESENCE = [
  IX.managed_addicts,
  ...DRUG_PARTS,
  ...ROUTE_PARTS,
  IX.illegal_users,
  IX.addicts_reached,
  IX.drug_arrests,
  IX.drug_use_places,
  IX.drug_crops_destroyed_m2,
  IX.drug_crops_detected_m2,
] as const;

/** Whether a unit is drug-free in a quarter (its drug-presence figures are zero). */
export type QuietQuarter = (unit: ReportingUnit, q: Quarter) => boolean;

/** Integer figures of one unit in one quarter (the values the demo stores), in STORED_INDICATOR_CODES order. */
export function figuresOf(
  model: DrugModel,
  unit: ReportingUnit,
  q: Quarter,
  seed: number,
  quiet: QuietQuarter,
  vector: Float64Array = new Float64Array(STORED_INDICATOR_CODES.length),
): number[] {
  vector.fill(0);
  for (const i of unit.pieces) model.addExpected(i, q.mid, q.quarter, vector);
  const figures = integerise(vector, unit, q, seed);
  if (quiet(unit, q)) for (const k of DRUG_PRESENCE) figures[k] = 0;
  return figures;
}

/** All value batches in time order, restricted to units passing `include`. */
export function* valueBatches(
  model: DrugModel,
  units: ReportingUnits,
  seed: number,
  include: (unit: ReportingUnit) => boolean,
  quiet: QuietQuarter,
): Generator<DemoValueBatch> {
  const selectedOld = units.old.filter(include);
  const selectedCurrent = units.current.filter(include);
  const vector = new Float64Array(STORED_INDICATOR_CODES.length);
  for (const q of quarters()) {
    const list = isOldQuarter(q) ? selectedOld : selectedCurrent;
    const size = list.length * STORED_INDICATOR_CODES.length;
    const unitCodes = new Array<string>(size);
    const indicatorCodes = new Array<string>(size);
    const values = new Array<number>(size);
    let row = 0;
    for (const unit of list) {
      const figures = figuresOf(model, unit, q, seed, quiet, vector);
      STORED_INDICATOR_CODES.forEach((code, k) => {
        unitCodes[row] = unit.code;
        indicatorCodes[row] = code;
        values[row] = figures[k] ?? 0;
        row += 1;
      });
    }
    yield {
      periodId: q.id,
      unitValidFrom: isOldQuarter(q) ? OLD_UNITS_VALID_FROM : REFORM_DATE,
      unitCodes,
      indicatorCodes,
      values,
    };
  }
}
