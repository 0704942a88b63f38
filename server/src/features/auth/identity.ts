import { EVERYWHERE, type Jurisdiction, NOWHERE } from './jurisdiction';
import type { Role } from './roles';

/** Who is calling: a signed-in user with role and jurisdiction, or the anonymous public. */
export interface Identity {
  user: { id: number; username: string; displayName: string; role: Role } | null;
  jurisdiction: Jurisdiction;
  /** The session's CSRF token; writes must echo it in the X-CSRF-Token header. */
  csrfToken: string | null;
  /** SHA-256 of the session token, to end the session. */
  sessionKey: string | null;
}

export const ANONYMOUS: Identity = { user: null, jurisdiction: NOWHERE, csrfToken: null, sessionKey: null };

/** Scripts and seeds act as the system, with the whole country in reach. */
export const SYSTEM_JURISDICTION = EVERYWHERE;

declare module 'hono' {
  interface ContextVariableMap {
    identity: Identity;
  }
}
