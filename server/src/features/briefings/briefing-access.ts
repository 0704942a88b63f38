import { coversProvince, type Jurisdiction } from '../auth/jurisdiction';
import type { BriefingSummary } from './briefings.repo';

/** Whether a caller may read every area a briefing shows (a national one needs a national grant). */
export function mayReadBriefing(j: Jurisdiction, b: Pick<BriefingSummary, 'provinces'>): boolean {
  if (j.national) return true;
  return b.provinces.length > 0 && b.provinces.every((p) => coversProvince(j, p));
}
