import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { sessionQuery } from '../../entities/auth/session';
import { api } from '../../lib/api-client';
import { apiError } from '../../lib/api-error';
import { setCsrfToken } from '../../lib/csrf';
import { langOf, useLocation } from '../../lib/navigation';
import { queryClient } from '../../lib/query-client';
import { authText, roleLabel } from './messages';

/** The signed-in user's own account: who they are, where they may look, and a password change. */
export default function AccountPage() {
  const lang = langOf(useLocation().search);
  const t = (k: Parameters<typeof authText>[1]) => authText(lang, k);
  const session = useQuery(sessionQuery);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const user = session.data?.user;
  if (!user) return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const res = await api.api.auth.password.$post({ json: { currentPassword: current, newPassword: next } });
    if (!res.ok) {
      setMessage({ ok: false, text: (await apiError(res, t('changePassword'))).message });
      return;
    }
    const body = await res.json();
    setCsrfToken(body.csrfToken);
    queryClient.setQueryData(sessionQuery.queryKey, body);
    setCurrent('');
    setNext('');
    setMessage({ ok: true, text: t('passwordChanged') });
  };

  return (
    <main className="page">
      <h2>{t('accountTitle')}</h2>
      <dl className="facts">
        <dt>{t('username')}</dt>
        <dd>{user.username}</dd>
        <dt>{t('role')}</dt>
        <dd>{roleLabel(lang, user.role)}</dd>
        <dt>{t('jurisdiction')}</dt>
        <dd>{user.jurisdiction.join(', ')}</dd>
      </dl>
      <h3>{t('changePassword')}</h3>
      <form className="form" onSubmit={submit}>
        <label>
          {t('currentPassword')}
          <input
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            required
          />
        </label>
        <label>
          {t('newPassword')}
          <input
            type="password"
            autoComplete="new-password"
            minLength={10}
            value={next}
            onChange={(e) => setNext(e.target.value)}
            required
          />
        </label>
        {message && (
          <p role={message.ok ? 'status' : 'alert'} className={message.ok ? undefined : 'field-error'}>
            {message.text}
          </p>
        )}
        <button type="submit" className="button">
          {t('changePassword')}
        </button>
      </form>
    </main>
  );
}
