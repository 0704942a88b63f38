import { expect } from 'vitest';

interface Requester {
  request(input: string): Response | Promise<Response>;
}

/** GET a path and parse its JSON body, checking the status first so a failure shows the server's message. */
export async function getJson<T = Record<string, unknown>>(
  app: Requester,
  path: string,
  status = 200,
): Promise<T> {
  const res = await app.request(path);
  const text = await res.text();
  expect(res.status, `${path} → ${text.slice(0, 300)}`).toBe(status);
  return JSON.parse(text) as T;
}

export interface ErrorJson {
  error: { code: string; message: string; field: string | null };
}
