import { createRoute } from '@hono/zod-openapi';
import { MissingUnitsQuery, MissingUnitsResponse } from '@pcmt/domain/contracts/missing-units';
import type { RouteDeps } from '../../lib/context';
import { badRequest } from '../../lib/errors';
import { msg } from '../../lib/messages';
import { createRouter, errorResponse } from '../../lib/openapi';
import { jurisdictionParams, requireReadable } from '../auth/jurisdiction';
import { unitLookupFor } from '../units/unit-lookup-cache';
import { missingUnits } from './missing-units.repo';
import { resolveIndicator, resolvePeriod, resolveUnitVersion } from './resolve-values-query';

const route = createRoute({
  method: 'get',
  path: '/api/values/missing',
  summary: 'The communes an area total of /api/values lacks (no value in the period): code and name',
  request: { query: MissingUnitsQuery },
  responses: {
    200: {
      description: 'Missing communes',
      content: { 'application/json': { schema: MissingUnitsResponse } },
    },
    400: errorResponse('Bad parameter'),
    403: errorResponse('Area outside the jurisdiction'),
    404: errorResponse('Unknown indicator, period or unit'),
  },
});

/** MISSING UNITS (missing-units.repo.ts): which communes an area's total is missing. */
export const missingUnitsRoutes = ({ db, dataset, reference }: RouteDeps) => {
  const units = unitLookupFor(db);
  return createRouter().openapi(route, async (c) => {
    const q = c.req.valid('query');
    const ref = await reference.get();
    const { indicator, stored } = resolveIndicator(ref, q.indicator);
    const period = resolvePeriod(ref, q.period);
    const at = q.at ?? period.endDate;
    // The same checks of the period against the units as /api/values (values on newer units: 400 on `at`).
    resolveUnitVersion(ref, period, at, 'commune');
    const parent = q.parent ? await units.resolve(q.parent, at) : null;
    if (parent?.level === 'commune') {
      throw badRequest('parent', msg('unit.commune_as_parent', { field: 'parent', code: parent.code }));
    }
    const { jurisdiction } = c.get('identity');
    // An area total is read only from whole provinces (mayReadUnit): so is the list of what it lacks.
    if (parent) requireReadable(jurisdiction, parent, 'parent');
    const communeCodes = stored.filter((s) => s.reportingLevel !== 'province').map((s) => s.code);
    const atProvince = communeCodes.length < stored.length;
    const found = atProvince
      ? { expected: 0, count: 0, units: [] }
      : await missingUnits(db, {
          communeCodes,
          periodId: period.id,
          at,
          parent: parent?.code ?? null,
          parentLevel: parent?.level ?? null,
          provinceCodes: jurisdictionParams(jurisdiction)?.provinceCodes ?? null,
          limit: q.limit,
        });
    return c.json(
      {
        meta: {
          synthetic: dataset.synthetic,
          source: dataset.source,
          indicator: indicator.code,
          period: period.id,
          parent: parent?.code ?? null,
          at,
          reportingLevel: atProvince ? ('province' as const) : ('commune' as const),
        },
        ...found,
      },
      200,
    );
  });
};
