/**
 * Every page address of the app, in one table: `routePath` builds a path from a typed route, `parseRoute`
 * reads one back. Pages, links and redirects use these two; no other module spells a page's path or
 * matches one with a regular expression. A new page: add its entry here, then its page in app/pages.ts.
 */

interface Param<N extends string = string> {
  readonly name: N;
  readonly pattern: RegExp;
}
type Segment = string | Param;
interface Spec {
  /** The fixed path, with parameters. */
  readonly path: readonly Segment[];
  /** A tail that may be left out (its parameters are then null). */
  readonly optional?: readonly Segment[];
}

const param = <N extends string>(name: N, pattern: RegExp): Param<N> => ({ name, pattern });

const PROVINCE = /^\d{2}$/;
const PLAN_CODE = /^[a-z0-9-]+$/;
const BRIEFING_ID = /^[A-Za-z0-9_-]+$/;

/** Order matters where two entries could read the same path: the first wins (`/ke-hoach/moi` is the new plan). */
const ROUTES = {
  map: { path: ['ban-do'], optional: ['tinh', param('province', PROVINCE)] },
  login: { path: ['dang-nhap'] },
  account: { path: ['tai-khoan'] },
  admin: { path: ['quan-tri'] },
  'indicator-catalogue': { path: ['quan-tri', 'chi-tieu'] },
  imports: { path: ['nhap-du-lieu'] },
  public: { path: ['cong-khai'], optional: [param('province', PROVINCE)] },
  analysis: { path: ['phan-tich'] },
  patrol: { path: ['tuan-tra'] },
  'plan-new': { path: ['ke-hoach', 'moi'] },
  'plan-edit': { path: ['ke-hoach', param('plan', PLAN_CODE), 'sua'] },
  plan: { path: ['ke-hoach', param('plan', PLAN_CODE)] },
  plans: { path: ['ke-hoach'] },
  scorecard: { path: ['bang-diem', param('plan', PLAN_CODE)] },
  briefings: { path: ['trinh-chieu'] },
  presenter: { path: ['trinh-chieu', param('briefing', BRIEFING_ID)] },
  compare: { path: ['so-sanh'] },
  'status-rules': { path: ['tieu-chi'] },
  reporting: { path: ['bao-cao'] },
  'reporting-review': { path: ['bao-cao', 'duyet'] },
  'reporting-completeness': { path: ['bao-cao', 'tien-do'] },
  'reporting-forms': { path: ['bao-cao', 'bieu-mau'] },
} as const satisfies Record<string, Spec>;

type Routes = typeof ROUTES;
export type PageId = keyof Routes;
type NamesOf<S extends readonly Segment[]> = Extract<S[number], Param>['name'];
type ParamsOf<S extends Spec> = { [K in NamesOf<S['path']>]: string } & (S extends {
  optional: infer O extends readonly Segment[];
}
  ? { [K in NamesOf<O>]: string | null }
  : Record<never, never>);

/** A page and its parameters, e.g. `{ page: 'plan', plan: 'kh-2026' }` or `{ page: 'map', province: null }`. */
export type Route = { [P in PageId]: { page: P } & ParamsOf<Routes[P]> }[PageId];
/** The route of one page. */
export type RouteOf<P extends PageId> = Extract<Route, { page: P }>;

export const PAGE_IDS = Object.keys(ROUTES) as PageId[];

/** The path of a route (no query): `routePath({ page: 'scorecard', plan: 'kh-2026' })` → `/bang-diem/kh-2026`. */
export function routePath(route: Route): string {
  const spec: Spec = ROUTES[route.page];
  const values = route as unknown as Record<string, string | null | undefined>;
  const write = (segments: readonly Segment[]) =>
    segments.map((s) => (typeof s === 'string' ? s : encodeURIComponent(values[s.name] ?? '')));
  const parts = write(spec.path);
  const optional = spec.optional ?? [];
  const tailGiven = optional.some((s) => typeof s !== 'string' && values[s.name]);
  if (tailGiven) parts.push(...write(optional));
  return `/${parts.join('/')}`;
}

/** Reads `segments` against `spec`; the parameters read, or null when they do not match. */
function matchSegments(spec: readonly Segment[], segments: readonly string[]): Record<string, string> | null {
  if (spec.length !== segments.length) return null;
  const out: Record<string, string> = {};
  for (const [i, s] of spec.entries()) {
    const seg = segments[i] ?? '';
    if (typeof s === 'string') {
      if (s !== seg) return null;
    } else {
      let value: string;
      try {
        value = decodeURIComponent(seg);
      } catch {
        return null;
      }
      if (!s.pattern.test(value)) return null;
      out[s.name] = value;
    }
  }
  return out;
}

/** The route a path names (a trailing slash is allowed), or null for an address no page has. `/` is the map. */
export function parseRoute(pathname: string): Route | null {
  const segments = pathname
    .split('/')
    .filter((s, i, all) => !(s === '' && (i === 0 || i === all.length - 1)));
  if (segments.length === 0) return { page: 'map', province: null };
  for (const page of PAGE_IDS) {
    const spec: Spec = ROUTES[page];
    const fixed = matchSegments(spec.path, segments.slice(0, spec.path.length));
    if (!fixed) continue;
    const rest = segments.slice(spec.path.length);
    const nulls = Object.fromEntries(
      (spec.optional ?? []).flatMap((s) => (typeof s === 'string' ? [] : [[s.name, null]])),
    );
    if (rest.length === 0) return { page, ...fixed, ...nulls } as Route;
    const tail = spec.optional ? matchSegments(spec.optional, rest) : null;
    if (tail) return { page, ...fixed, ...tail } as Route;
  }
  return null;
}

/**
 * The page shown at a path: the route's page, or the map for an address no page has (the map is the app's
 * fallback, so `/ban-do/anything` still opens it).
 */
export const pageIdOf = (pathname: string): PageId => parseRoute(pathname)?.page ?? 'map';

/** The route of a path when it is the page `page`, else null: `routeAs('plan', pathname)?.plan`. */
export function routeAs<P extends PageId>(page: P, pathname: string): RouteOf<P> | null {
  const route = parseRoute(pathname);
  return route?.page === page ? (route as RouteOf<P>) : null;
}
