import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { signIn } from '../../entities/auth/session';
import { api } from '../../lib/api-client';
import { hrefWithLang, langOf, navigate, useLocation } from '../../lib/navigation';
import { queryKeys } from '../../lib/query-keys';
import { routePath } from '../../lib/routes';
import { authText, roleLabel } from './messages';

const demoQuery = {
  queryKey: queryKeys.authDemo.all,
  queryFn: async () => {
    const res = await api.api.auth.demo.$get();
    return res.ok ? res.json() : { accounts: [], password: null };
  },
};

/** Only in-app paths may be a destination after sign-in (no open redirect). */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : routePath({ page: 'map', province: null });
}

/** Sign-in form; on synthetic demo data it lists the demo accounts, one click fills one in. */
export default function LoginPage() {
  const location = useLocation();
  const lang = langOf(location.search);
  const t = (k: Parameters<typeof authText>[1]) => authText(lang, k);
  const demo = useQuery(demoQuery);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username, password);
      navigate(hrefWithLang(safeNext(location.search.get('next')), lang), { replace: true });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      setError(/too many/i.test(message) ? t('locked') : t('wrong'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="page">
      <h2>{t('title')}</h2>
      <form className="form" onSubmit={submit} aria-label={t('title')}>
        <label>
          {t('username')}
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
          />
        </label>
        <label>
          {t('password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {error && (
          <p role="alert" className="field-error">
            {error}
          </p>
        )}
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('submitting') : t('submit')}
        </button>
      </form>
      {demo.data && demo.data.accounts.length > 0 && (
        <section className="demo-accounts" aria-label={t('demoTitle')}>
          <h3>{t('demoTitle')}</h3>
          <p>
            {demo.data.password ? (
              <>
                {t('demoPassword')}: <code>{demo.data.password}</code>
              </>
            ) : (
              t('demoPasswordHidden')
            )}
          </p>
          <ul>
            {demo.data.accounts.map((a) => (
              <li key={a.username}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    setUsername(a.username);
                    if (demo.data?.password) setPassword(demo.data.password);
                  }}
                >
                  <code>{a.username}</code>
                </button>{' '}
                — {roleLabel(lang, a.role)}: {a.displayName}
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
