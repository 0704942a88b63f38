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
]);

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
    if (k === IX.drug_crops_destroyed_m2) {
      // Expected number of finds → a Poisson count of finds with lognormal sizes.
      const finds = Math.min(200, poissonFrom(value, u(k, 0), u(k, 1)));
      let m2 = 0;
      for (let j = 0; j < finds; j++) {
        m2 += CROP_MEDIAN_M2 * Math.exp(CROP_SIGMA * normalFrom(u(k, 2 + 2 * j), u(k, 3 + 2 * j)));
      }
      return Math.round(m2);
    }
    return Math.max(0, Math.round(value));
  });
  const managed = out[IX.managed_addicts] ?? 0;
  out[IX.addicts_reached] = Math.min(managed, out[IX.addicts_reached] ?? 0);
  return out;
}

/** All value batches in time order, restricted to units passing `include`. */
export function* valueBatches(
  model: DrugModel,
  units: ReportingUnits,
  seed: number,
  include: (unit: ReportingUnit) => boolean,
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
      vector.fill(0);
      for (const i of unit.pieces) model.addExpected(i, q.mid, q.quarter, vector);
      const figures = integerise(vector, unit, q, seed);
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
