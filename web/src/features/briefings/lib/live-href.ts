import type { BriefingViewSpec } from '@pcmt/domain/contracts/briefings';
import { DEFAULT_VIEW, serializeViewState } from '../../../lib/url-state';

/** The dashboard link of a briefing view: the same choices on today's figures (not the frozen ones). */
export function liveHref(spec: BriefingViewSpec): string {
  return serializeViewState({
    ...DEFAULT_VIEW,
    province: spec.province,
    period: spec.period,
    indicator: spec.indicator,
    method: spec.method,
    classes: spec.classes,
    todayUnits: spec.todayUnits,
    map: spec.map,
  });
}
