import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import { PageErrorBoundary } from '../components/page-error-boundary';
import { sessionQuery } from '../entities/auth/session';
import { translate } from '../lib/i18n';
import { hrefWithLang, langOf, onInAppLinkClick, useLocation } from '../lib/navigation';
import { routePath } from '../lib/routes';
import { Header } from './header';
import { mayOpen, pageFor } from './pages';

/**
 * The shell every page lives in: title, navigation, data notice, language switch, and the current page,
 * loaded lazily so the shell paints before MapLibre and deck.gl (or any other page's code) load.
 */
export function App() {
  const session = useQuery(sessionQuery);
  const queryClient = useQueryClient();
  const user = session.data?.user ?? null;
  const location = useLocation();
  const lang = langOf(location.search);
  const page = pageFor(location.pathname);
  const Page = page.component;
  const t = (k: Parameters<typeof translate>[1]) => translate(lang, k);
  return (
    <div className="app" lang={lang}>
      <Header page={page} user={user} sessionReady={session.isSuccess} />
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
