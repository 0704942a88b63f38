import type { UnitLevel } from '@pcmt/domain/contracts/common';
import { badRequest, notFound } from '../../lib/errors';
import { msg } from '../../lib/messages';
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
  if (!indicator) throw notFound('indicator', msg('indicator.unknown', { field: 'indicator', code }));
  const inputs = storedInputs(indicator, ref.indicators);
  if (!inputs) throw new Error(`indicator catalogue: ${code} refers to indicators that are not stored`);
  return { indicator, ...inputs };
}

export function resolvePeriod(ref: ReferenceData, id: string, field = 'period'): PeriodRow {
  const period = ref.periods.get(id);
  if (!period) throw notFound(field, msg('period.unknown', { field, period: id }));
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
  if (!target) throw badRequest('at', msg('unit.none_on', { field: 'at', date: at }));
  if (reportedTo && reportedTo > target) {
    throw badRequest(
      'at',
      msg('unit.values_on_newer_units', { field: 'at', period: period.id, from: reportedTo, date: at }),
    );
  }
  if (level === 'district' && !ref.districtVersions.includes(target)) {
    throw badRequest('level', msg('unit.no_districts', { field: 'level', date: at }));
  }
  return { unitVersion: target, method: reportedFrom && reportedFrom < target ? 'crosswalk' : 'direct' };
}
