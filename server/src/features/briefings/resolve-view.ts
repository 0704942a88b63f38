import type { BriefingViewSpec } from '@pcmt/domain/contracts/briefings';
import type { Queryable } from '../../db/engine';
import { ApiError, notFound } from '../../lib/errors';
import { msg } from '../../lib/messages';
import { versionAt } from '../../lib/version-at';
import { coversProvince, type Jurisdiction } from '../auth/jurisdiction';
import type { IndicatorRow } from '../indicators/indicators.repo';
import type { PeriodRow } from '../periods/periods.repo';
import type { ReferenceData } from '../reference/reference-cache';
import { type FoundUnit, findUnit } from '../units/units.repo';
import { resolveIndicator, resolvePeriod, resolveUnitVersion } from '../values/resolve-values-query';
import type { ValuesQuery } from '../values/values.repo';

/**
 * A view's choices checked against the reference data and the creator's jurisdiction, before any figure is
 * read: every problem names the view's field (`views[1].period`) so the form can show it beside the input.
 */
export interface ResolvedView {
  spec: BriefingViewSpec;
  /** `views[i]`: prefix of every field this view's problems name. */
  field: string;
  period: PeriodRow;
  /** Units shown are those valid on this date. */
  at: string;
  /** Crosswalk or direct, as /api/values decides it. */
  method: 'direct' | 'crosswalk';
  indicator: ({ row: IndicatorRow } & Pick<ValuesQuery, 'stored' | 'formula'>) | null;
  province: FoundUnit | null;
}

/**
 * The date whose units a view shows: the period's own end, or — "today's units" asked for a period reported
 * on older units (before any reorganisation the published versions name, not one date) — today.
 */
export function viewUnitsDate(
  communeVersions: readonly string[],
  periodEnd: string,
  todayUnits: boolean,
  today: string,
): string {
  const onOlderUnits = versionAt(communeVersions, periodEnd) !== versionAt(communeVersions, today);
  return todayUnits && onOlderUnits ? today : periodEnd;
}

export async function resolveView(
  db: Queryable,
  ref: ReferenceData,
  spec: BriefingViewSpec,
  index: number,
  jurisdiction: Jurisdiction,
  today: string,
): Promise<ResolvedView> {
  const field = `views[${index}]`;
  const period = resolvePeriod(ref, spec.period, `${field}.period`);
  const at = viewUnitsDate(ref.communeVersions, period.endDate, spec.todayUnits, today);
  let method: ResolvedView['method'];
  try {
    method = resolveUnitVersion(ref, period, at, 'commune').method;
  } catch (err) {
    // The view has no `at`: the period is what the user chose.
    if (err instanceof ApiError)
      throw new ApiError(
        err.status,
        err.code,
        err.messageCode
          ? { code: err.messageCode, params: { ...err.messageParams, field: `${field}.period` } }
          : err.message,
        `${field}.period`,
      );
    throw err;
  }
  let indicator: ResolvedView['indicator'] = null;
  if (spec.indicator !== 'status') {
    const row = ref.indicators.get(spec.indicator);
    if (!row)
      throw notFound(
        `${field}.indicator`,
        msg('indicator.unknown', { field: `${field}.indicator`, code: spec.indicator }),
      );
    const { stored, formula } = resolveIndicator(ref, spec.indicator);
    indicator = { row, stored, formula };
  }
  let province: FoundUnit | null = null;
  if (spec.province !== null) {
    const unit = await findUnit(db, spec.province, at);
    if (unit?.level !== 'province') {
      throw notFound(
        `${field}.province`,
        msg('unit.no_province_on', { field: `${field}.province`, code: spec.province, date: at }),
      );
    }
    province = unit;
  }
  // A view shows every commune of its area: the creator must see the whole province (or the whole country).
  const readable = province ? coversProvince(jurisdiction, province.provinceCode) : jurisdiction.national;
  if (!readable) {
    throw new ApiError(
      403,
      'outside_jurisdiction',
      province
        ? msg('access.outside_jurisdiction', { field: `${field}.province`, value: province.code })
        : msg('access.whole_country_outside', { field: `${field}.province` }),
      `${field}.province`,
    );
  }
  return { spec, field, period, at, method, indicator, province };
}
