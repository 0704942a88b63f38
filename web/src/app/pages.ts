import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { MessageKey } from '../lib/i18n';

/**
 * The app's pages: each a path pattern and a lazily loaded chunk, so a page downloads only its own code.
 * The first page whose pattern matches the path is shown; the map dashboard is the fallback.
 * Add a page here (and its nav label in i18n) — nothing else routes.
 */
export interface Page {
  id: string;
  /** Matches the URL path. */
  path: RegExp;
  /** Where the header's link goes; null = not in the header. */
  navHref: string | null;
  navLabel: MessageKey;
  component: LazyExoticComponent<ComponentType>;
}

export const MAP_PAGE: Page = {
  id: 'map',
  path: /^\/(ban-do(\/.*)?)?$/,
  navHref: '/ban-do',
  navLabel: 'mapView',
  component: lazy(() => import('./dashboard/dashboard')),
};

export const PAGES: readonly Page[] = [MAP_PAGE];

export const pageFor = (pathname: string): Page => PAGES.find((p) => p.path.test(pathname)) ?? MAP_PAGE;
