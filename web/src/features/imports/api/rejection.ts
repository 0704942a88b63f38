import type { InferResponseType } from 'hono/client';
import type { api } from '../../../lib/api-client';

type RejectedBody = InferResponseType<typeof api.api.imports.values.$post, 422>;

/** A file the server refused (422): its problems by sheet, row and column, and names needing a choice. */
export interface Rejection {
  message: string;
  problems: RejectedBody['problems'];
  ambiguous: RejectedBody['ambiguous'];
}

/** The 422 body of an import route, or null when the answer is another error. */
export function asRejection(body: unknown): Rejection | null {
  if (typeof body !== 'object' || body === null || !('problems' in body) || !('error' in body)) return null;
  const b = body as {
    error: { message: string };
    problems: Rejection['problems'];
    ambiguous?: Rejection['ambiguous'];
  };
  if (!Array.isArray(b.problems)) return null;
  return { message: b.error.message, problems: b.problems, ambiguous: b.ambiguous ?? [] };
}

/** Outcome of an upload: the server's answer, or the file's problems. */
export type UploadOutcome<T> = { ok: true; data: T } | { ok: false; rejection: Rejection };

/** Reads an import route's response: 200 → data, 422 → problems, anything else → an Error with the message. */
export async function readUpload<T>(res: Response, route: string): Promise<UploadOutcome<T>> {
  const text = await res.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: handled below.
  }
  if (res.ok) return { ok: true, data: body as T };
  const rejection = asRejection(body);
  if (res.status === 422 && rejection) return { ok: false, rejection };
  const message =
    typeof body === 'object' && body !== null && 'error' in body
      ? String((body as { error: { message?: unknown } }).error.message)
      : `${route} answered ${res.status}`;
  throw new Error(message);
}
