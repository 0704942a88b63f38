import type { AppType } from '@pcmt/server/app';
import { hc } from 'hono/client';
import { csrfHeaders } from './csrf';

/**
 * Typed client of the API on the app's own origin: response types come from the server's routes.
 * The session cookie travels by itself; the CSRF token is added to every request for writes.
 */
export const api = hc<AppType>('/', { headers: csrfHeaders });
