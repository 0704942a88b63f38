import { createRoute } from '@hono/zod-openapi';
import { UnitsQuery, UnitsResponse, UnitVersionsResponse } from '@pcmt/domain/contracts/units';
import type { RouteDeps } from '../../lib/context';
import { createRouter, errorResponse } from '../../lib/openapi';
import { today } from '../../lib/sql';
import { resolveParent } from './resolve-unit';
import { listUnitVersions } from './unit-versions.repo';
import { listUnits } from './units.repo';

const route = createRoute({
  method: 'get',
  path: '/api/units',
  summary: 'Administrative units valid on a date',
  request: { query: UnitsQuery },
  responses: {
    200: { description: 'Units', content: { 'application/json': { schema: UnitsResponse } } },
    400: errorResponse('Bad parameter'),
    404: errorResponse('Unknown parent'),
  },
});

const versionsRoute = createRoute({
  method: 'get',
  path: '/api/unit-versions',
  summary: 'Every version of the administrative units, with the decision that made it',
  responses: {
    200: {
      description: 'Versions, oldest first',
      content: { 'application/json': { schema: UnitVersionsResponse } },
    },
  },
});

export const unitsRoutes = ({ db }: RouteDeps) =>
  createRouter()
    .openapi(route, async (c) => {
      const q = c.req.valid('query');
      const at = q.at ?? today();
      const parent = q.parent ? (await resolveParent(db, q.parent, at)).code : null;
      const rows = await listUnits(db, { level: q.level, parent, at });
      return c.json({ meta: { at, level: q.level, parent, count: rows.length }, rows }, 200);
    })
    .openapi(versionsRoute, async (c) => c.json({ rows: await listUnitVersions(db) }, 200));
