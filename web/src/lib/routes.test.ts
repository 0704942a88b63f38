import { describe, expect, it } from 'vitest';
import { PAGE_IDS, type PageId, pageIdOf, parseRoute, type RouteOf, routeAs, routePath } from './routes';

/** Routes of every page (typed: a page added to the table without samples here fails the typecheck). */
const SAMPLES: { [P in PageId]: RouteOf<P>[] } = {
  map: [
    { page: 'map', province: null },
    { page: 'map', province: '01' },
  ],
  login: [{ page: 'login' }],
  account: [{ page: 'account' }],
  admin: [{ page: 'admin' }],
  'indicator-catalogue': [{ page: 'indicator-catalogue' }],
  imports: [{ page: 'imports' }],
  public: [
    { page: 'public', province: null },
    { page: 'public', province: '79' },
  ],
  analysis: [{ page: 'analysis' }],
  patrol: [{ page: 'patrol' }],
  'plan-new': [{ page: 'plan-new' }],
  'plan-edit': [{ page: 'plan-edit', plan: 'kh-2026-ha-noi' }],
  plan: [{ page: 'plan', plan: 'kh-2026-ha-noi' }],
  plans: [{ page: 'plans' }],
  scorecard: [{ page: 'scorecard', plan: 'kh-2026' }],
  briefings: [{ page: 'briefings' }],
  presenter: [{ page: 'presenter', briefing: 'Ab3_x-9' }],
  compare: [{ page: 'compare' }],
  'status-rules': [{ page: 'status-rules' }],
  reporting: [{ page: 'reporting' }],
  'reporting-review': [{ page: 'reporting-review' }],
  'reporting-completeness': [{ page: 'reporting-completeness' }],
  'reporting-forms': [{ page: 'reporting-forms' }],
};

describe('route table', () => {
  it.each(PAGE_IDS)('%s: every route built is read back as the same route', (page) => {
    for (const route of SAMPLES[page]) {
      const path = routePath(route);
      expect(parseRoute(path)).toEqual(route);
      expect(parseRoute(`${path}/`)).toEqual(route);
      expect(pageIdOf(path)).toBe(page);
    }
  });

  it('writes the addresses users know', () => {
    expect(routePath({ page: 'map', province: null })).toBe('/ban-do');
    expect(routePath({ page: 'map', province: '01' })).toBe('/ban-do/tinh/01');
    expect(routePath({ page: 'plan-edit', plan: 'kh-1' })).toBe('/ke-hoach/kh-1/sua');
    expect(routePath({ page: 'scorecard', plan: 'kh-1' })).toBe('/bang-diem/kh-1');
    expect(routePath({ page: 'public', province: '79' })).toBe('/cong-khai/79');
    expect(routePath({ page: 'reporting-completeness' })).toBe('/bao-cao/tien-do');
    expect(routePath({ page: 'reporting-forms' })).toBe('/bao-cao/bieu-mau');
  });

  it('reads the root as the map, "moi" as a new plan, and nothing else as a page', () => {
    expect(parseRoute('/')).toEqual({ page: 'map', province: null });
    expect(parseRoute('/ke-hoach/moi')).toEqual({ page: 'plan-new' });
    expect(parseRoute('/ban-do/tinh/1')).toBeNull();
    expect(parseRoute('/cong-khai/ha-noi')).toBeNull();
    expect(parseRoute('/ke-hoach/KH')).toBeNull();
    expect(parseRoute('/khong-co')).toBeNull();
    // The map is the fallback page of any unknown address.
    expect(pageIdOf('/khong-co')).toBe('map');
    expect(routeAs('plan', '/ke-hoach/kh-1')?.plan).toBe('kh-1');
    expect(routeAs('plan', '/bang-diem/kh-1')).toBeNull();
  });
});
