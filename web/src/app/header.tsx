import { useQuery } from '@tanstack/react-query';
import { type SessionUser, signOut } from '../entities/auth/session';
import { translate } from '../lib/i18n';
import { hrefWithLang, langOf, navigate, onInAppLinkClick, useLocation } from '../lib/navigation';
import { routePath } from '../lib/routes';
import { healthQuery } from './health-query';
import { mayOpen, NAV_PAGES, type Page } from './pages';

/** The header over every page: title, navigation, data notice, server status, account and language. */
export function Header({
  page,
  user,
  sessionReady,
}: {
  page: Page;
  user: SessionUser | null;
  /** The session is known: without a user, offer to sign in. */
  sessionReady: boolean;
}) {
  const health = useQuery(healthQuery);
  const location = useLocation();
  const lang = langOf(location.search);
  const t = (k: Parameters<typeof translate>[1]) => translate(lang, k);
  const switchLang = () => {
    const q = new URLSearchParams(location.search);
    if (lang === 'vi') q.set('lang', 'en');
    else q.delete('lang');
    const query = q.toString();
    navigate(query ? `${location.pathname}?${query}` : location.pathname);
  };
  return (
    <header className="app-header">
      <h1>{t('appTitle')}</h1>
      <span className="subtitle">{t('appSubtitle')}</span>
      <nav className="app-nav" aria-label={t('mainNav')}>
        {NAV_PAGES.filter((p) => mayOpen(p, user)).map((p) => (
          <a
            key={p.id}
            href={hrefWithLang(p.navHref ?? '/', lang)}
            aria-current={p === page ? 'page' : undefined}
            onClick={onInAppLinkClick}
          >
            {t(p.navLabel)}
          </a>
        ))}
      </nav>
      {health.data?.synthetic !== false && (
        <p role="note" className="notice">
          {t('syntheticNotice')}
        </p>
      )}
      <span className="spacer" />
      {health.isPending && <span className="header-muted">{t('connecting')}</span>}
      {health.isError && (
        <span role="alert" className="error">
          {t('serverDown')}: {health.error.message}
        </span>
      )}
      {/* The engine and the API description are for administrators, not for citizens or officers. */}
      {health.data && user?.role === 'admin' && (
        <span className="header-muted" data-testid="api-status">
          {health.data.engine} · PostGIS {health.data.postgis}
        </span>
      )}
      {user?.role === 'admin' && (
        <a className="api-docs" href="/api/openapi.json">
          {t('apiDocs')}
        </a>
      )}
      {user ? (
        <span className="user-menu">
          <a
            href={hrefWithLang(routePath({ page: 'account' }), lang)}
            onClick={onInAppLinkClick}
            data-testid="user-name"
          >
            {user.displayName}
          </a>
          <button
            type="button"
            className="lang"
            onClick={() => signOut().then(() => navigate(hrefWithLang(routePath({ page: 'login' }), lang)))}
          >
            {t('signOut')}
          </button>
        </span>
      ) : (
        sessionReady && (
          <a
            href={hrefWithLang(routePath({ page: 'login' }), lang)}
            onClick={onInAppLinkClick}
            data-testid="sign-in-link"
          >
            {t('signIn')}
          </a>
        )
      )}
      <button type="button" className="lang" data-testid="lang-switch" onClick={switchLang}>
        {t('language')}
      </button>
    </header>
  );
}
