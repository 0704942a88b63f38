import type { AppType } from '@pcmt/server/app';
import { hc } from 'hono/client';

/** Typed client of the API on the app's own origin: response types come from the server's routes. */
export const api = hc<AppType>('/');
