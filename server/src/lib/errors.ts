import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** A failure the client caused or can act on: becomes `{ error: { code, message, field } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
  }
}

export const badRequest = (field: string, message: string) =>
  new ApiError(400, 'invalid_parameter', message, field);

export const notFound = (field: string, message: string) => new ApiError(404, 'not_found', message, field);

export interface ErrorBody {
  error: { code: string; message: string; field: string | null };
}

export const errorBody = (code: string, message: string, field: string | null): ErrorBody => ({
  error: { code, message, field },
});
