import type { Queryable } from '../../db/engine';
import { notFound } from '../../lib/errors';
import { msg } from '../../lib/messages';
import { type FoundUnit, findUnit } from './units.repo';

/** The unit a `parent` parameter names, or a 404 that says on which date it was looked for. */
export async function resolveParent(
  db: Queryable,
  code: string,
  at: string,
  field = 'parent',
): Promise<FoundUnit> {
  const unit = await findUnit(db, code, at);
  if (!unit) throw notFound(field, msg('unit.not_valid_on', { field, code, date: at }));
  return unit;
}
