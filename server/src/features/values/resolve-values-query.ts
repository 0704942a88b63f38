import type { UnitLevel } from '../../contracts/common';
import { badRequest, notFound } from '../../lib/errors';
import { versionAt } from '../../lib/version-at';
import type { IndicatorRow } from '../indicators/indicators.repo';
import type { PeriodRow } from '../periods/periods.repo';
import type { ReferenceData } from '../reference/reference-cache';
import { storedInputs, type ValuesQuery } from './values.repo';

/** An indicator and the stored indicators it is computed from, or a 404 naming it. */
export function resolveIndicator(
  ref: ReferenceData,
  code: string,
): { indicator: IndicatorRow } & Pick<ValuesQuery, 'stored' | 'formula'> {
  const indicator = ref.indicators.get(code);
  if (!indicator) throw notFound('indicator', `indicator: no indicator with code ${code}`);
  const inputs = storedInputs(indicator, ref.indicators);
  if (!inputs) throw new Error(`indicator catalogue: ${code} refers to indicators that are not stored`);
  return { indicator, ...inputs };
}

export function resolvePeriod(ref: ReferenceData, id: string, field = 'period'): PeriodRow {
  const period = ref.periods.get(id);
  if (!period)
    throw notFound(field, `${field}: no period ${id} (periods run from 2019 to the current quarter)`);
  return period;
}

/**
 * Which unit version values are shown on, and whether they must go through the crosswalk.
 * Values reported on a newer version cannot be split back onto older units.
 */
export function resolveUnitVersion(
  ref: ReferenceData,
  period: PeriodRow,
  at: string,
  level: UnitLevel,
): { unitVersion: string; method: 'direct' | 'crosswalk' } {
  const target = versionAt(ref.communeVersions, at);
  const reportedFrom = versionAt(ref.communeVersions, period.startDate);
  const reportedTo = versionAt(ref.communeVersions, period.endDate);
  if (!target) throw badRequest('at', `at: no administrative units are valid on ${at}`);
  if (reportedTo && reportedTo > target) {
    throw badRequest(
      'at',
      `at: values of ${period.id} are reported on units valid from ${reportedTo}; they cannot be shown on units of ${at}`,
    );
  }
  if (level === 'district' && !ref.districtVersions.includes(target)) {
    throw badRequest('level', `level: there are no districts on ${at} (abolished on 1/7/2025)`);
  }
  return { unitVersion: target, method: reportedFrom && reportedFrom < target ? 'crosswalk' : 'direct' };
}
