import type { UnitLevel } from '../../contracts/common';
import type { Queryable } from '../../db/engine';
import { badRequest, notFound } from '../../lib/errors';
import { findIndicator, type IndicatorRow, listIndicators } from '../indicators/indicators.repo';
import { findPeriod, type PeriodRow } from '../periods/periods.repo';
import { resolveParent } from '../units/resolve-unit';
import { versionAt } from '../units/units.repo';
import { storedInputs, type ValuesQuery } from './values.repo';

/** Looks up an indicator and the stored indicators it is computed from, or answers 404. */
export async function resolveIndicator(
  db: Queryable,
  code: string,
): Promise<{ indicator: IndicatorRow } & Pick<ValuesQuery, 'stored' | 'rate'>> {
  const indicator = await findIndicator(db, code);
  if (!indicator) throw notFound('indicator', `indicator: no indicator with code ${code}`);
  const catalogue = new Map((await listIndicators(db)).map((i) => [i.code, i]));
  const inputs = storedInputs(indicator, catalogue);
  if (!inputs) throw new Error(`indicator catalogue: ${code} refers to indicators that are not stored`);
  return { indicator, ...inputs };
}

export async function resolvePeriod(db: Queryable, id: string, field = 'period'): Promise<PeriodRow> {
  const period = await findPeriod(db, id);
  if (!period)
    throw notFound(field, `${field}: no period ${id} (periods run from 2019 to the current quarter)`);
  return period;
}

/**
 * Which unit version values are shown on, and whether they must go through the crosswalk.
 * Values reported on a newer version cannot be split back onto older units.
 */
export async function resolveUnitVersion(
  db: Queryable,
  period: PeriodRow,
  at: string,
  level: UnitLevel,
): Promise<{ unitVersion: string; method: 'direct' | 'crosswalk' }> {
  const [target, reportedFrom, reportedTo] = await Promise.all([
    versionAt(db, at),
    versionAt(db, period.startDate),
    versionAt(db, period.endDate),
  ]);
  if (!target) throw badRequest('at', `at: no administrative units are valid on ${at}`);
  if (reportedTo && reportedTo > target) {
    throw badRequest(
      'at',
      `at: values of ${period.id} are reported on units valid from ${reportedTo}; they cannot be shown on units of ${at}`,
    );
  }
  if (level === 'district') {
    const rows = await db.query(
      `select 1 from admin_units where level = 'district' and valid_from = $1::date limit 1`,
      [target],
    );
    if (rows.length === 0) {
      throw badRequest('level', `level: there are no districts on ${at} (abolished on 1/7/2025)`);
    }
  }
  return { unitVersion: target, method: reportedFrom && reportedFrom < target ? 'crosswalk' : 'direct' };
}

export { resolveParent };
