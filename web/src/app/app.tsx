import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { translate } from '../lib/i18n';
import { useViewState } from '../lib/use-view-state';
import { healthQuery } from './health-query';

/** The map and everything around it: a separate chunk, so the shell paints before MapLibre and deck.gl load. */
const Dashboard = lazy(() => import('./dashboard/dashboard'));

/** The shell every view lives in: title, data notice, language switch, and the lazily loaded dashboard. */
export function App() {
  const health = useQuery(healthQuery);
  const [view, setView] = useViewState();
  const { lang } = view;
  const t = (k: Parameters<typeof translate>[1]) => translate(lang, k);
  return (
    <div className="app" lang={lang}>
      <header className="app-header">
        <h1>{t('appTitle')}</h1>
        <span className="subtitle">{t('appSubtitle')}</span>
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
        {health.data && (
          <span className="header-muted" data-testid="api-status">
            {health.data.engine} · PostGIS {health.data.postgis}
          </span>
        )}
        <a href="/api/openapi.json">{t('apiDocs')}</a>
        <button
          type="button"
          className="lang"
          data-testid="lang-switch"
          onClick={() => setView({ lang: lang === 'vi' ? 'en' : 'vi' })}
        >
          {t('language')}
        </button>
      </header>
      <Suspense fallback={<p className="loading">{t('loadingMap')}</p>}>
        <Dashboard />
      </Suspense>
    </div>
  );
}
