import type { Context } from 'hono';

/**
 * Who is making this request, as written in the audit log and in history rows: the signed-in user's
 * username. Writes are refused to anonymous callers by access control, so 'anonymous' only appears for a
 * public route that writes (sign-in records its own actor).
 */
export function actorOf(c: Context): string {
  return c.get('identity')?.user?.username ?? 'anonymous';
}
