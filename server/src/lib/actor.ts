import type { Context } from 'hono';

/**
 * Who is making this request, as written in the audit log and in history rows. Until accounts exist
 * (access-control issue) every caller is the anonymous local operator; that issue replaces this body with
 * the session's user, and every write already passes through here.
 */
export function actorOf(_c: Context): string {
  return 'local-operator';
}
