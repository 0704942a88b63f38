import { type Audience, mayReach } from '@pcmt/domain/roles';
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { SessionUser } from '../entities/auth/session';
import type { MessageKey } from '../lib/i18n';
import { type PageId, pageIdOf, routePath } from '../lib/routes';

/**
 * The app's pages: each a route of the route table (lib/routes.ts) and a lazily loaded chunk, so a page
 * downloads only its own code. The page of the path's route is shown; the map dashboard is the fallback.
 * Add a page here, its address in lib/routes.ts (and its nav label in i18n) — nothing else routes.
 */
export interface Page {
  /** The page's route in lib/routes.ts. */
  id: PageId;
  /** Where the header's link goes; null = not in the header. */
  navHref: string | null;
  navLabel: MessageKey;
  component: LazyExoticComponent<ComponentType>;
  /**
   * Who may open the page: anyone, any signed-in user (the default), or the roles of an audience of the API
   * (@pcmt/domain/roles: the table the server authorizes with). The server enforces access on every API call;
   * this only spares people a page of refusals.
   */
  access?: 'signed-in' | Audience;
  /**
   * Starts downloading the page's code; the shell calls it as it starts, so the code arrives with the
   * session instead of after it (the map: its first picture waits for nothing else).
   */
  preload?: () => Promise<unknown>;
}

const loadDashboard = () => import('./dashboard/dashboard');

export const MAP_PAGE: Page = {
  id: 'map',
  navHref: routePath({ page: 'map', province: null }),
  navLabel: 'mapView',
  component: lazy(loadDashboard),
  preload: loadDashboard,
};

export const PAGES: readonly Page[] = [
  MAP_PAGE,
  {
    id: 'login',
    navHref: null,
    navLabel: 'signIn',
    component: lazy(() => import('../features/auth/login-page')),
    access: 'public',
  },
  {
    id: 'account',
    navHref: null,
    navLabel: 'account',
    component: lazy(() => import('../features/auth/account-page')),
  },
  {
    id: 'admin',
    navHref: routePath({ page: 'admin' }),
    navLabel: 'accountsNav',
    component: lazy(() => import('../features/auth/admin-page')),
    access: 'admin',
  },
  {
    // The indicator catalogue (Quản trị › Danh mục chỉ số): administrators, national or of a province.
    id: 'indicator-catalogue',
    navHref: routePath({ page: 'indicator-catalogue' }),
    navLabel: 'catalogueNav',
    component: lazy(() => import('../features/indicators/catalogue-page')),
    access: 'admin',
  },
  {
    id: 'imports',
    navHref: routePath({ page: 'imports' }),
    navLabel: 'imports',
    component: lazy(() => import('../features/imports/components/import-page')),
    access: 'data_entry',
  },
  {
    // Public summaries: anyone, signed in or not; the chunk holds MapLibre and recharts, no dashboard code.
    id: 'public',
    navHref: routePath({ page: 'public', province: null }),
    navLabel: 'publicNav',
    component: lazy(() => import('../features/public/public-page')),
    access: 'public',
  },
  {
    // Spatial statistics on commune indicators (Gi*, local Moran, emerging hot spots): staff.
    id: 'analysis',
    navHref: routePath({ page: 'analysis' }),
    navLabel: 'analysisNav',
    component: lazy(() => import('../features/analysis/analysis-page')),
  },
  {
    // Patrol planner on hotspot coordinates: police of the jurisdiction (the server scopes every call).
    id: 'patrol',
    navHref: routePath({ page: 'patrol' }),
    navLabel: 'patrolNav',
    component: lazy(() => import('../features/patrol/patrol-page')),
    access: 'police_write',
  },
  // Plans and targets: staff read them; creating and editing is the committee's (the server decides).
  {
    id: 'plan-new',
    navHref: null,
    navLabel: 'plansNav',
    component: lazy(() => import('../features/plans/plan-form-page')),
    access: 'planning',
  },
  {
    id: 'plan-edit',
    navHref: null,
    navLabel: 'plansNav',
    component: lazy(() => import('../features/plans/plan-form-page')),
    access: 'planning',
  },
  {
    id: 'plan',
    navHref: null,
    navLabel: 'plansNav',
    component: lazy(() => import('../features/plans/plan-page')),
  },
  {
    id: 'plans',
    navHref: routePath({ page: 'plans' }),
    navLabel: 'plansNav',
    component: lazy(() => import('../features/plans/plan-list-page')),
  },
  {
    id: 'scorecard',
    navHref: null,
    navLabel: 'plansNav',
    component: lazy(() => import('../features/plans/scorecard-page')),
  },
  {
    // Meeting briefings: prepared from the map by staff, presented full screen with frozen figures.
    id: 'briefings',
    navHref: routePath({ page: 'briefings' }),
    navLabel: 'briefingsNav',
    component: lazy(() => import('../features/briefings/briefings-page')),
  },
  {
    id: 'presenter',
    navHref: null,
    navLabel: 'briefingsNav',
    component: lazy(() => import('../features/briefings/presenter-page')),
  },
  {
    // Two maps side by side: two periods, two indicators, or before/after the 2025 reorganisation.
    id: 'compare',
    navHref: routePath({ page: 'compare' }),
    navLabel: 'compareNav',
    component: lazy(() => import('../features/compare/compare-page')),
  },
  {
    // Official status criteria: suggested vs decided statuses on a map, explained criterion by criterion.
    id: 'status-rules',
    navHref: routePath({ page: 'status-rules' }),
    navLabel: 'rulesNav',
    component: lazy(() => import('../features/status-rules/rules-page')),
  },
  {
    // The reporting cycle (issue 17): a commune's report of the period, the province's review, completeness.
    id: 'reporting',
    navHref: routePath({ page: 'reporting' }),
    navLabel: 'reportingNav',
    component: lazy(() => import('../features/reporting/report-entry-page')),
    access: 'data_entry',
  },
  {
    id: 'reporting-review',
    navHref: null,
    navLabel: 'reportingNav',
    component: lazy(() => import('../features/reporting/review-page')),
    access: 'data_entry',
  },
  {
    id: 'reporting-completeness',
    navHref: routePath({ page: 'reporting-completeness' }),
    navLabel: 'completenessNav',
    component: lazy(() => import('../features/reporting/completeness-page')),
  },
  {
    // Administrators define report forms (indicators, period type, due days).
    id: 'reporting-forms',
    navHref: routePath({ page: 'reporting-forms' }),
    navLabel: 'reportFormsNav',
    component: lazy(() => import('../features/reporting/forms-page')),
    access: 'admin',
  },
];

/**
 * The header's navigation: a few groups in the order of a steering committee's work (situation, plans,
 * reports and data, patrols, administration, public), each opening its pages. A group shows only the pages
 * the user may open; a group left with one page is that page's link, a group left with none is not shown.
 * `also`: pages reached from inside the group (a plan, a scorecard) that mark the group as the current one.
 */
export interface NavGroup {
  id: string;
  label: MessageKey;
  pages: readonly PageId[];
  also?: readonly PageId[];
}

export const NAV_GROUPS: readonly NavGroup[] = [
  { id: 'maps', label: 'mapView', pages: ['map', 'compare', 'analysis'] },
  {
    id: 'plans',
    label: 'plansNav',
    pages: ['plans', 'status-rules', 'briefings'],
    also: ['plan', 'plan-new', 'plan-edit', 'scorecard', 'presenter'],
  },
  {
    id: 'reports',
    label: 'reportsGroup',
    pages: ['reporting', 'reporting-completeness', 'imports'],
    also: ['reporting-review'],
  },
  { id: 'patrol', label: 'patrolNav', pages: ['patrol'] },
  { id: 'admin', label: 'admin', pages: ['admin', 'indicator-catalogue', 'reporting-forms'] },
  { id: 'public', label: 'publicPages', pages: ['public'] },
];

/** The header's groups for a user (null = anonymous): each with the pages the user may open, in order. */
export function navGroupsFor(
  user: SessionUser | null,
): { group: NavGroup; pages: readonly Page[]; current: (page: Page) => boolean }[] {
  return NAV_GROUPS.map((group) => ({
    group,
    pages: group.pages
      .map((id) => PAGES.find((p) => p.id === id))
      .filter((p): p is Page => p !== undefined && p.navHref !== null && mayOpen(p, user)),
    current: (page: Page) => group.pages.includes(page.id) || (group.also ?? []).includes(page.id),
  })).filter((g) => g.pages.length > 0);
}

export const pageFor = (pathname: string): Page => {
  const id = pageIdOf(pathname);
  return PAGES.find((p) => p.id === id) ?? MAP_PAGE;
};

/** Whether a user (null = anonymous) may open a page. */
export function mayOpen(page: Page, user: SessionUser | null): boolean {
  const access = page.access ?? 'signed-in';
  if (access === 'public') return true;
  if (!user) return false;
  return access === 'signed-in' || mayReach(user.role, access);
}
