import type { Context, Env } from 'hono';
import type { z } from 'zod';
import { errorBody } from './errors';
import { msg } from './messages';
import { isMissing } from './zod-messages';

/** A zod issue path as a field name: `targets[2].definition.threshold`. */
export function fieldName(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

/**
 * Route hook: a body failing its contract answers 400 naming the field the way the form does. Generic in
 * the route's path so passing it to `.openapi()` keeps the path's literal type for the typed web client.
 */
export function bodyHook<E extends Env, P extends string>(
  result: { success: true } | { success: false; error: z.ZodError },
  c: Context<E, P>,
) {
  if (result.success) return undefined;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? fieldName(issue.path) : null;
  const message = !issue
    ? msg('request.invalid', {})
    : isMissing(issue)
      ? msg('request.required', { field: field ?? 'value' })
      : msg('request.invalid_field', { field: field ?? 'value', problem: issue.message });
  return c.json(errorBody('invalid_parameter', message, field), 400);
}
