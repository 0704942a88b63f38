/**
 * The CSRF token of the current session, echoed in a header on every write (the server refuses writes
 * without it). Kept outside React so the API client can read it for any request.
 */
let token: string | null = null;

export const setCsrfToken = (t: string | null) => {
  token = t;
};

export const csrfHeaders = (): Record<string, string> => (token ? { 'x-csrf-token': token } : {});
