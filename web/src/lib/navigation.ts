import { useMemo, useSyncExternalStore } from 'react';
import type { Lang } from './i18n';
import { type PageId, pageIdOf } from './routes';

/**
 * The app's location is the browser URL: every page and every view is a link. This module is the one
 * place that changes it, so every subscriber (the page switch, the map's view state) hears each change.
 */
const listeners = new Set<() => void>();

export function subscribeLocation(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export const locationSnapshot = () => window.location.pathname + window.location.search;

/**
 * Goes to an in-app address (path + query); `replace` keeps Back from replaying it. `onlyFrom` names the
 * page a write belongs to: a page's late write (the map's last `moveend` after a link was followed, a
 * time-lapse tick) arrives when the browser is already on another page, and must not pull the user back.
 */
export function navigate(href: string, opts: { replace?: boolean; onlyFrom?: PageId } = {}) {
  if (href === locationSnapshot()) return;
  if (opts.onlyFrom && pageIdOf(window.location.pathname) !== opts.onlyFrom) return;
  if (opts.replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  for (const l of listeners) l();
}

/** The current path and query, re-rendering on every navigation. */
export function useLocation(): { pathname: string; search: URLSearchParams; href: string } {
  const href = useSyncExternalStore(subscribeLocation, locationSnapshot);
  return useMemo(() => {
    const url = new URL(href, window.location.origin);
    return { pathname: url.pathname, search: url.searchParams, href };
  }, [href]);
}

/** The language chosen in the URL (`lang=en`); Vietnamese by default. */
export const langOf = (search: URLSearchParams): Lang => (search.get('lang') === 'en' ? 'en' : 'vi');

/** An in-app link that keeps the current language. */
export function hrefWithLang(path: string, lang: Lang): string {
  if (lang === 'vi') return path;
  const url = new URL(path, 'http://x');
  url.searchParams.set('lang', lang);
  return url.pathname + url.search;
}

/** Click handler for <a href> inside the app: navigates without reloading, leaves modified clicks alone. */
export function onInAppLinkClick(e: React.MouseEvent<HTMLAnchorElement>) {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const href = e.currentTarget.getAttribute('href');
  if (!href?.startsWith('/')) return;
  e.preventDefault();
  navigate(href);
}
