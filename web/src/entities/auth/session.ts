import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { apiError } from '../../lib/api-error';
import { setCsrfToken } from '../../lib/csrf';
import { queryClient } from '../../lib/query-client';
import { queryKeys } from '../../lib/query-keys';

/** Who is signed in (user null = the public). Refetched after sign-in and sign-out. */
export const sessionQuery = queryOptions({
  queryKey: queryKeys.session.all,
  queryFn: async () => {
    const res = await api.api.auth.session.$get();
    if (!res.ok) throw await apiError(res, '/api/auth/session');
    const body = await res.json();
    setCsrfToken(body.csrfToken);
    return body;
  },
  staleTime: 60_000,
});

export type SessionUser = NonNullable<Awaited<ReturnType<NonNullable<typeof sessionQuery.queryFn>>>['user']>;

/** Signs in; on success every cached answer is dropped (what one may see depends on who one is). */
export async function signIn(username: string, password: string): Promise<void> {
  const res = await api.api.auth.login.$post({ json: { username, password } });
  if (!res.ok) throw await apiError(res, 'Đăng nhập');
  const body = await res.json();
  setCsrfToken(body.csrfToken);
  queryClient.clear();
  queryClient.setQueryData(sessionQuery.queryKey, body);
}

export async function signOut(): Promise<void> {
  await api.api.auth.logout.$post();
  setCsrfToken(null);
  queryClient.clear();
  queryClient.setQueryData(sessionQuery.queryKey, { user: null, csrfToken: null });
}
