import type { Context, MiddlewareHandler } from 'hono';
import type { Queryable } from '../db/engine';
import { matchedRoute } from './access';
import { type DataKind, isInside, isUnitKind } from './data-scope';
import { errorBody } from './errors';
import { msg } from './messages';

/**
 * Jurisdiction in one place: every input of a staff route that names data (a unit, a plan, a hotspot, an
 * import, a briefing, a patrol plan, a rule set to change) is listed here, and the guard checks each value
 * against the caller's jurisdiction before the route's handler (and its validator) runs. So a handler never
 * answers about data outside the caller's area, and the order of checks cannot reveal anything:
 * - named things (plans, hotspots, imports, briefings, patrol plans) outside the jurisdiction answer the
 *   same 404 as things that do not exist, with the same message;
 * - unit codes (public reference data) outside it answer 403, known or not.
 * Public routes are not listed: they serve public data to anyone.
 *
 * A field path names a query or path parameter (`unit`), or a JSON body field with `.` and `[]` for arrays
 * (`views[].province`, `targets[].definition.units.codes[]`).
 */
export interface NamedInput {
  in: 'param' | 'query' | 'body';
  field: string;
  kind: DataKind;
}

const p = (field: string, kind: DataKind): NamedInput => ({ in: 'param', field, kind });
const q = (field: string, kind: DataKind): NamedInput => ({ in: 'query', field, kind });
const b = (field: string, kind: DataKind): NamedInput => ({ in: 'body', field, kind });

export const ROUTE_DATA: Readonly<Record<string, readonly NamedInput[]>> = {
  'POST /api/indicators': [b('province', 'province')],
  'PATCH /api/indicators/:code': [p('code', 'indicatorWrite')],
  'POST /api/indicators/:code/retire': [p('code', 'indicatorWrite')],
  'GET /api/values': [q('parent', 'area')],
  // The area whose total it is: read whole (as the total itself), so `unit`, not `area`.
  'GET /api/values/missing': [q('parent', 'unit')],
  'GET /api/series': [q('unit', 'unit')],
  'GET /api/hotspots': [q('province', 'province')],
  'GET /api/hotspots/:code': [p('code', 'hotspot')],
  'PATCH /api/hotspots/:code': [p('code', 'hotspot')],
  'POST /api/hotspots/:code/eliminate': [p('code', 'hotspot')],
  'POST /api/hotspots/:code/reopen': [p('code', 'hotspot')],
  'GET /api/hotspot-eliminations': [q('province', 'province')],
  'GET /api/hotspot-counts': [q('parent', 'area')],
  'GET /api/analysis/gi-star': [q('province', 'province')],
  'GET /api/analysis/local-moran': [q('province', 'province')],
  'GET /api/analysis/emerging-hotspots': [q('province', 'province')],
  'GET /api/analysis/hotspot-density': [q('province', 'province')],
  'GET /api/analysis/hotspot-clusters': [q('province', 'province')],
  'POST /api/patrol/plan': [b('hotspotCodes[]', 'hotspot')],
  'POST /api/patrol/plans': [b('hotspotCodes[]', 'hotspot')],
  'GET /api/patrol/plans/:id': [p('id', 'patrolPlan')],
  'GET /api/patrol/plans/:id/export': [p('id', 'patrolPlan')],
  'GET /api/patrol/plans/:id/sheet': [p('id', 'patrolPlan')],
  'GET /api/imports/templates/values': [q('scope', 'area')],
  'POST /api/imports/values/:id/rollback': [p('id', 'valuesImport')],
  'POST /api/imports/boundaries/:id/rollback': [p('id', 'unitsImport')],
  'POST /api/imports/crosswalk/:id/rollback': [p('id', 'unitsImport')],
  'POST /api/users': [b('jurisdiction[]', 'grant')],
  'PATCH /api/users/:id': [b('jurisdiction[]', 'grant')],
  'GET /api/plans/:code': [p('code', 'plan')],
  'POST /api/plans': [
    b('scope.code', 'unit'),
    b('targets[].definition.units.codes[]', 'commune'),
    b('targets[].definition.allocation.shares[].code', 'unit'),
  ],
  'PUT /api/plans/:code': [
    p('code', 'plan'),
    b('scope.code', 'unit'),
    b('targets[].definition.units.codes[]', 'commune'),
    b('targets[].definition.allocation.shares[].code', 'unit'),
  ],
  'DELETE /api/plans/:code': [p('code', 'plan')],
  'POST /api/plans/:code/targets': [
    p('code', 'plan'),
    b('definition.units.codes[]', 'commune'),
    b('definition.allocation.shares[].code', 'unit'),
  ],
  'PUT /api/plans/:code/targets/:target': [
    p('code', 'plan'),
    b('definition.units.codes[]', 'commune'),
    b('definition.allocation.shares[].code', 'unit'),
  ],
  'DELETE /api/plans/:code/targets/:target': [p('code', 'plan')],
  'GET /api/plans/:code/scorecard': [p('code', 'plan'), q('unit', 'unit')],
  'GET /api/plans/:code/targets/:target/detail': [p('code', 'plan'), q('unit', 'unit')],
  'GET /api/plans/:code/targets/:target/ranking': [p('code', 'plan')],
  'POST /api/status-rules/:code/versions': [p('code', 'ruleSetWrite')],
  'GET /api/status-rules/explain': [q('commune', 'commune')],
  'GET /api/status-rules/differences': [q('parent', 'area')],
  'GET /api/status-rule-proposals/:id': [p('id', 'ruleProposal')],
  'POST /api/status-rule-proposals': [b('province', 'province')],
  // Deciding changes the national rule set: a national grant only, whatever the proposal.
  'POST /api/status-rule-proposals/:id/accept': [p('id', 'ruleSetWrite')],
  'POST /api/status-rule-proposals/:id/reject': [p('id', 'ruleSetWrite')],
  'GET /api/jobs/:id': [p('id', 'job')],
  'DELETE /api/jobs/:id': [p('id', 'job')],
  'GET /api/jobs/:id/file': [p('id', 'job')],
  'POST /api/jobs/briefing': [b('views[].province', 'province')],
  'POST /api/jobs/briefing-pdf': [b('briefingId', 'briefing')],
  'POST /api/briefings': [b('views[].province', 'province')],
  'GET /api/briefings/:id': [p('id', 'briefing')],
  'DELETE /api/briefings/:id': [p('id', 'briefing')],
  'GET /api/briefings/:id/xlsx': [p('id', 'briefing')],
  'GET /api/briefings/:id/pdf': [p('id', 'briefing')],
  'POST /api/reporting/forms': [b('province', 'province')],
  'PUT /api/reporting/forms/:code': [b('province', 'province')],
  'GET /api/reporting/entry': [q('commune', 'commune')],
  'POST /api/reporting/submissions': [b('commune', 'commune')],
  'GET /api/reporting/submissions': [q('parent', 'area')],
  'POST /api/reporting/submissions/:id/approve': [p('id', 'submission')],
  'POST /api/reporting/submissions/:id/return': [p('id', 'submission')],
  'POST /api/reporting/submissions/:id/reopen': [p('id', 'submission')],
  'GET /api/reporting/completeness': [q('parent', 'area')],
};

/**
 * Names of parameters and body fields that name data: a route with such an input must list it above (the
 * authorization matrix test checks every route's parameters against this list).
 */
export const DATA_NAMING_FIELDS = [
  'parent',
  'unit',
  'province',
  'commune',
  'scope',
  'code',
  'id',
  'hotspotCodes',
  'views',
  'jurisdiction',
  'targets',
  'definition',
] as const;

const NOUNS: Partial<Record<DataKind, string>> = {
  plan: 'kế hoạch',
  hotspot: 'tụ điểm, điểm',
  briefing: 'bản trình chiếu',
  patrolPlan: 'kế hoạch tuần tra',
  valuesImport: 'lần nhập',
  unitsImport: 'lần nhập',
  submission: 'báo cáo',
  ruleProposal: 'đề xuất',
};

/** The uniform refusal: the same for data that does not exist and data outside the jurisdiction. */
export function refusal(kind: DataKind, field: string, value: string) {
  if (kind === 'indicatorWrite') {
    return {
      status: 403 as const,
      body: errorBody('forbidden', msg('access.indicator_write', { field, value }), field),
    };
  }
  if (kind === 'ruleSetWrite') {
    return {
      status: 403 as const,
      body: errorBody('forbidden', msg('access.rule_set_write', { field }), field),
    };
  }
  if (isUnitKind(kind)) {
    return {
      status: 403 as const,
      body: errorBody('outside_jurisdiction', msg('access.outside_jurisdiction', { field, value }), field),
    };
  }
  return {
    status: 404 as const,
    body: errorBody(
      'not_found',
      msg('access.not_found_in_jurisdiction', { field, noun: NOUNS[kind] ?? '', value }),
      field,
    ),
  };
}

/** Values of a body field path, each with its concrete path (`views[1].province`). */
export function valuesAt(body: unknown, path: string): Array<{ field: string; value: string }> {
  const out: Array<{ field: string; value: string }> = [];
  const steps = path.split('.');
  const walk = (node: unknown, i: number, at: string) => {
    if (i === steps.length) {
      if (typeof node === 'string') out.push({ field: at, value: node });
      return;
    }
    const step = steps[i] as string;
    const many = step.endsWith('[]');
    const key = many ? step.slice(0, -2) : step;
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
    const next = (node as Record<string, unknown>)[key];
    const here = at ? `${at}.${key}` : key;
    if (!many) return walk(next, i + 1, here);
    if (!Array.isArray(next)) return;
    // A list is checked whole; the contract bounds its length, and the guard stops at the first refusal.
    next.slice(0, 1000).forEach((item, k) => {
      walk(item, i + 1, `${here}[${k}]`);
    });
  };
  walk(body, 0, '');
  return out;
}

/** Path parameters of the matched route pattern (middleware sees its own `/api/*`, not the route's). */
function pathParams(pattern: string, path: string): Record<string, string> {
  const names: string[] = [];
  const source = pattern
    .split('/')
    .map((seg) => {
      if (!seg.startsWith(':')) return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(seg.slice(1).replace(/\{.*\}$/, ''));
      return '([^/]+)';
    })
    .join('/');
  const m = new RegExp(`^${source}$`).exec(path);
  const out: Record<string, string> = {};
  names.forEach((n, i) => {
    const raw = m?.[i + 1];
    if (raw === undefined) return;
    try {
      out[n] = decodeURIComponent(raw);
    } catch {
      out[n] = raw;
    }
  });
  return out;
}

async function inputsOf(c: Context, pattern: string, named: readonly NamedInput[]) {
  const found: Array<{ kind: DataKind; field: string; value: string }> = [];
  let params: Record<string, string> | null = null;
  let body: unknown;
  let bodyRead = false;
  for (const input of named) {
    if (input.in === 'param') {
      params ??= pathParams(pattern, c.req.path);
      const v = params[input.field];
      if (v !== undefined) found.push({ kind: input.kind, field: input.field, value: v });
    } else if (input.in === 'query') {
      for (const v of c.req.queries(input.field) ?? [])
        found.push({ kind: input.kind, field: input.field, value: v });
    } else {
      if (!bodyRead) {
        bodyRead = true;
        // A body that is not JSON is the route validator's to refuse: it names no data here.
        body = /json/i.test(c.req.header('content-type') ?? '') ? await c.req.json().catch(() => null) : null;
      }
      for (const { field, value } of valuesAt(body, input.field))
        found.push({ kind: input.kind, field, value });
    }
  }
  return found;
}

export function dataGuard(db: Queryable): MiddlewareHandler {
  return async (c, next) => {
    const route = matchedRoute(c);
    const named = route && ROUTE_DATA[route.key];
    if (!route || !named) return next();
    const identity = c.get('identity');
    for (const { kind, field, value } of await inputsOf(c, route.path, named)) {
      if (!(await isInside(db, identity, kind, value))) {
        const r = refusal(kind, field, value.slice(0, 60));
        return c.json(r.body, r.status);
      }
    }
    return next();
  };
}
