import { mayReach } from '@pcmt/domain/roles';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { type SessionUser, signOut } from '../entities/auth/session';
import { translate } from '../lib/i18n';
import { hrefWithLang, langOf, navigate, onInAppLinkClick, useLocation } from '../lib/navigation';
import { routePath } from '../lib/routes';
import { healthQuery } from './health-query';
import { NavMenu } from './nav-menu';
import { navGroupsFor, type Page } from './pages';

/** At most this wide (px) the header is always compact: phones. */
const PHONE_WIDTH = 600;

/**
 * The header over every page: title, navigation, data notice, server status, account and language, on ONE
 * line at any width. When the whole navigation does not fit (a phone, or a long menu at 1366 px) it is
 * compact: a menu button and the title, the navigation, account and language in a menu under it.
 */
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
  const groups = navGroupsFor(user);
  const { ref, compact } = useCompact(
    `${lang}|${groups.map((g) => g.pages.map((p) => p.id).join()).join('/')}|${user?.displayName ?? ''}|${health.status}`,
  );
  const [open, setOpen] = useState(false);
  // A page opened from the menu closes it; so does Escape.
  useEffect(() => setOpen(false), [location.pathname, compact]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  return (
    <header
      ref={ref}
      className={`app-header${compact ? ' app-header--compact' : ''}`}
      data-compact={compact ? 'true' : 'false'}
    >
      {compact && (
        <button
          type="button"
          className="menu-button"
          data-testid="menu-button"
          aria-expanded={open}
          aria-controls="app-menu"
          aria-label={t('menu')}
          title={t('menu')}
          onClick={() => setOpen((o) => !o)}
        >
          ☰
        </button>
      )}
      <h1>{t('appTitle')}</h1>
      <span className="subtitle">{t('appSubtitle')}</span>
      {health.data?.synthetic !== false && (
        <p role="note" className="notice" title={t('syntheticNotice')}>
          {t('syntheticNotice')}
        </p>
      )}
      <div id="app-menu" className="app-menu" data-open={open ? 'true' : 'false'}>
        <NavMenu
          groups={groups}
          page={page}
          lang={lang}
          compact={compact}
          extras={{
            // The engine and the API description are for administrators, not for citizens or officers.
            admin: mayReach(user?.role ?? null, 'admin') && (
              <span className="nav-server">
                {health.data && (
                  <span className="header-muted" data-testid="api-status">
                    {t('serverInfo')}: {health.data.engine} · PostGIS {health.data.postgis}
                  </span>
                )}
                <a className="api-docs" href="/api/openapi.json">
                  {t('apiDocs')}
                </a>
              </span>
            ),
          }}
        />
        <span className="spacer" />
        {health.isPending && <span className="header-muted">{t('connecting')}</span>}
        {health.isError && (
          <span role="alert" className="error">
            {t('serverDown')}: {health.error.message}
          </span>
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
      </div>
    </header>
  );
}

/**
 * Whether the header is compact: always on a phone, and whenever its one line would overflow. The width the
 * full line needs is remembered when it overflows, so the header widens back only when that fits (no
 * flicker between the two). `key` changes with what the line holds (language, pages, user).
 */
function useCompact(key: string) {
  const ref = useRef<HTMLElement>(null);
  const [compact, setCompact] = useState(
    () => typeof window !== 'undefined' && window.innerWidth <= PHONE_WIDTH,
  );
  const needed = useRef(0);
  const compactNow = useRef(compact);
  compactNow.current = compact;
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    needed.current = 0;
    const check = () => {
      const phone = window.innerWidth <= PHONE_WIDTH;
      if (phone) {
        if (!compactNow.current) setCompact(true);
        return;
      }
      if (!compactNow.current) {
        if (el.scrollWidth > el.clientWidth + 1) {
          needed.current = el.scrollWidth;
          setCompact(true);
        }
      } else if (needed.current === 0 || el.clientWidth >= needed.current) setCompact(false);
    };
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    window.addEventListener('resize', check);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', check);
    };
  }, [key]);
  // After a switch back to the full line, check again that it fits.
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && !compact && window.innerWidth > PHONE_WIDTH && el.scrollWidth > el.clientWidth + 1) {
      needed.current = el.scrollWidth;
      setCompact(true);
    }
  }, [compact]);
  return { ref, compact };
}
