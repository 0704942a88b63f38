import type { Context } from 'hono';
import { ApiError } from '../../lib/errors';
import { msg } from '../../lib/messages';
import { coversProvince } from '../auth/jurisdiction';

/**
 * Hotspot coordinates, statistics and patrol plans only for the caller's own area: a whole province of the
 * jurisdiction, or anything for a national grant. A caller without a national grant must name a province.
 */
export function requireProvinceScope(c: Context, province: string | null, field = 'province'): void {
  const j = c.get('identity')?.jurisdiction;
  // No identity: the request did not pass the session middleware (scripts, the app before sign-in existed).
  if (!j || j.national) return;
  if (province === null) {
    throw new ApiError(403, 'outside_jurisdiction', msg('access.give_own_province', { field }), field);
  }
  if (!coversProvince(j, province)) {
    throw new ApiError(
      403,
      'outside_jurisdiction',
      msg('access.outside_jurisdiction', { field, value: province }),
      field,
    );
  }
}
