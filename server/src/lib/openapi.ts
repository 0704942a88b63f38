import { OpenAPIHono } from '@hono/zod-openapi';
import { ErrorResponse } from '@pcmt/domain/contracts/common';
import type { Context, TypedResponse } from 'hono';
import { type ZodError, z } from 'zod';
import { errorBody } from './errors';
import { type Message, messageText, msg } from './messages';
import { isMissing, zodIssueText } from './zod-messages';

/**
 * zod's own issue texts ("expected number, received string") in Vietnamese from the message catalogue, types
 * named in Vietnamese too ("cần số, nhận được chuỗi ký tự"), as the pages show them.
 */
z.config({ localeError: zodIssueText });

/**
 * Every router is made here so that a request failing its zod contract always answers
 * 400 `{ error: { code, message, field } }` naming the parameter.
 */
export function createRouter() {
  return new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) {
        const { field, message } = zodErrorMessage(result.error);
        return c.json(errorBody('invalid_parameter', message, field), 400);
      }
      return undefined;
    },
  });
}

/** The first issue of a failed contract as the field it names and its text (in Vietnamese). */
export function describeZodError(error: ZodError): { field: string | null; message: string } {
  const { field, message } = zodErrorMessage(error);
  return { field, message: messageText(message) };
}

/** The first issue of a failed contract as the field it names and its message of the catalogue. */
export function zodErrorMessage(error: ZodError): { field: string | null; message: Message } {
  const issue = error.issues[0];
  if (!issue) return { field: null, message: msg('request.invalid', {}) };
  const field = issue.path.length > 0 ? issue.path.join('.') : null;
  const message = isMissing(issue)
    ? msg('request.required', { field: field ?? 'value' })
    : msg('request.invalid_field', { field: field ?? 'value', problem: issue.message });
  return { field, message };
}

/** An error response of the OpenAPI document: `{ error: { code, message, field } }`. */
export const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorResponse } },
});

/**
 * A 200 whose body is JSON text the database built: sent as is rather than parsed and re-serialised.
 * The text has the contract's shape, so the typed web client may rely on `T`.
 */
export function jsonText<T>(c: Context, body: string, contentType = 'application/json; charset=utf-8') {
  return c.body(body, 200, { 'content-type': contentType }) as unknown as TypedResponse<T, 200, 'json'>;
}
