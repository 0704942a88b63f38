/** Turns a non-2xx API answer into an Error carrying the server's message (`{ error: { message } }`). */
export async function apiError(res: Response, route: string): Promise<Error> {
  let message = `${route} answered ${res.status}`;
  try {
    const body: unknown = await res.json();
    if (typeof body === 'object' && body !== null && 'error' in body) {
      const e = (body as { error: { message?: unknown } }).error;
      if (typeof e.message === 'string') message = `${route}: ${e.message}`;
    }
  } catch {
    // Not JSON: keep the status line.
  }
  return new Error(message);
}
