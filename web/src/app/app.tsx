import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import { PageErrorBoundary } from '../components/page-error-boundary';
import { sessionQuery, signOut } from '../entities/auth/session';
import { translate } from '../lib/i18n';
import { hrefWithLang, langOf, navigate, onInAppLinkClick, useLocation } from '../lib/navigation';
import { routePath } from '../lib/routes';
import { healthQuery } from './health-query';
import { mayOpen, NAV_PAGES, pageFor } from './pages';

/**
 * The shell every page lives in: title, navigation, data notice, language switch, and the current page,
 * loaded lazily so the shell paints before MapLibre and deck.gl (or any other page's code) load.
 */
export function App() {
  const health = useQuery(healthQuery);
  const session = useQuery(sessionQuery);
  const queryClient = useQueryClient();
  const user = session.data?.user ?? null;
  const location = useLocation();
  const lang = langOf(location.search);
  const page = pageFor(location.pathname);
  const Page = page.component;
  const t = (k: Parameters<typeof translate>[1]) => translate(lang, k);
  const switchLang = () => {
    const q = new URLSearchParams(location.search);
    if (lang === 'vi') q.set('lang', 'en');
    else q.delete('lang');
    const query = q.toString();
    navigate(query ? `${location.pathname}?${query}` : location.pathname);
  };
  return (
    <div className="app" lang={lang}>
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
          session.isSuccess && (
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
      {session.isPending ? (
        <p className="loading">{t('loadingPage')}</p>
      ) : mayOpen(page, user) ? (
        <PageErrorBoundary
          lang={lang}
          resetKey={location.pathname}
          // The failed page's queries are unmounted: drop their answers so trying again fetches anew.
          onRetry={() => queryClient.removeQueries({ type: 'inactive' })}
        >
          <Suspense fallback={<p className="loading">{t('loadingPage')}</p>}>
            <Page />
          </Suspense>
        </PageErrorBoundary>
      ) : (
        <div className="gate" role="alert" data-testid="sign-in-required">
          <p>{user ? t('notAllowed') : t('signInRequired')}</p>
          {!user && (
            <a
              className="button"
              href={hrefWithLang(
                `${routePath({ page: 'login' })}?next=${encodeURIComponent(location.href)}`,
                lang,
              )}
              onClick={onInAppLinkClick}
            >
              {t('signIn')}
            </a>
          )}
          <a
            href={hrefWithLang(routePath({ page: 'public', province: null }), lang)}
            onClick={onInAppLinkClick}
          >
            {t('publicPages')}
          </a>
        </div>
      )}
    </div>
  );
}
