import { OpenAPIHono } from '@hono/zod-openapi';
import type { ZodError } from 'zod';
import { errorBody } from './errors';

/**
 * Every router is made here so that a request failing its zod contract always answers
 * 400 `{ error: { code, message, field } }` naming the parameter.
 */
export function createRouter() {
  return new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) {
        const { field, message } = describeZodError(result.error);
        return c.json(errorBody('invalid_parameter', message, field), 400);
      }
      return undefined;
    },
  });
}

export function describeZodError(error: ZodError): { field: string | null; message: string } {
  const issue = error.issues[0];
  if (!issue) return { field: null, message: 'Invalid request' };
  const field = issue.path.length > 0 ? issue.path.join('.') : null;
  const message =
    issue.code === 'invalid_type' && issue.input === undefined
      ? `${field ?? 'value'} is required`
      : `${field ?? 'value'}: ${issue.message}`;
  return { field, message };
}
