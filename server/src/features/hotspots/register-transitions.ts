import { ApiError, badRequest } from '../../lib/errors';
import { type Message, msg } from '../../lib/messages';
import type { HotspotRecord } from './hotspot-register.repo';

/**
 * The register's rules for each change, as pure functions from the current record to the new one.
 * Dates on the ground can be backdated but never lie in the future, and never run backwards:
 * detected ≤ eliminated, and a re-opening comes on or after the elimination it ends.
 */

const conflict = (message: Message) => new ApiError(409, 'conflict', message, null);

function notFuture(field: string, date: string, today: string) {
  if (date > today) throw badRequest(field, msg('hotspot.in_future', { field, date, today }));
}

export function eliminate(h: HotspotRecord, on: string, today: string): HotspotRecord {
  if (h.status !== 'active')
    throw conflict(msg('hotspot.already_eliminated', { code: h.code, since: h.eliminatedOn ?? '' }));
  notFuture('on', on, today);
  const since = h.reemergedOn ?? h.detectedOn;
  if (on < since) {
    throw badRequest(
      'on',
      msg(h.reemergedOn ? 'hotspot.before_reopened' : 'hotspot.before_detected', {
        field: 'on',
        date: on,
        since,
      }),
    );
  }
  return { ...h, eliminatedOn: on, reemergedOn: null, status: 'eliminated' };
}

export function reopen(h: HotspotRecord, on: string, today: string): HotspotRecord {
  if (h.status !== 'eliminated' || !h.eliminatedOn)
    throw conflict(msg('hotspot.still_active', { code: h.code }));
  notFuture('on', on, today);
  if (on < h.eliminatedOn)
    throw badRequest(
      'on',
      msg('hotspot.before_elimination', { field: 'on', date: on, eliminated: h.eliminatedOn }),
    );
  return { ...h, reemergedOn: on, status: 'active' };
}

export function edit(
  h: HotspotRecord,
  changes: {
    kind?: 'diem' | 'tu_diem' | undefined;
    lon?: number | undefined;
    lat?: number | undefined;
    detectedOn?: string | undefined;
    notes?: string | undefined;
  },
  today: string,
): HotspotRecord {
  const next = { ...h };
  if (changes.kind !== undefined) next.kind = changes.kind;
  if (changes.notes !== undefined) next.notes = changes.notes;
  if (changes.lon !== undefined && changes.lat !== undefined) {
    next.lon = changes.lon;
    next.lat = changes.lat;
  }
  if (changes.detectedOn !== undefined) {
    notFuture('detectedOn', changes.detectedOn, today);
    if (h.eliminatedOn && changes.detectedOn > h.eliminatedOn) {
      throw badRequest(
        'detectedOn',
        msg('hotspot.detected_after_elimination', {
          field: 'detectedOn',
          date: changes.detectedOn,
          eliminated: h.eliminatedOn,
        }),
      );
    }
    next.detectedOn = changes.detectedOn;
  }
  return next;
}
