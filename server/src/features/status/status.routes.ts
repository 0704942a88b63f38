import { createRoute } from '@hono/zod-openapi';
import { StatusQuery, StatusResponse } from '@pcmt/domain/contracts/status';
import type { RouteDeps } from '../../lib/context';
import { createRouter, errorResponse } from '../../lib/openapi';
import { resolveParent } from '../units/resolve-unit';
import { resolvePeriod, resolveUnitVersion } from '../values/resolve-values-query';
import { communeStatuses } from './status.repo';

const route = createRoute({
  method: 'get',
  path: '/api/status',
  summary: 'Recognised status of every commune at the end of a period',
  request: { query: StatusQuery },
  responses: {
    200: { description: 'Statuses', content: { 'application/json': { schema: StatusResponse } } },
    400: errorResponse('Bad parameter'),
    404: errorResponse('Unknown period or unit'),
  },
});

export const statusRoutes = ({ db, dataset, reference }: RouteDeps) =>
  createRouter().openapi(route, async (c) => {
    const q = c.req.valid('query');
    const ref = await reference.get();
    const period = resolvePeriod(ref, q.period);
    const at = q.at ?? period.endDate;
    resolveUnitVersion(ref, period, at, 'commune');
    const parent = q.parent ? (await resolveParent(db, q.parent, at)).code : null;
    const rows = await communeStatuses(db, { asOf: period.endDate, at, parent });
    return c.json(
      {
        meta: {
          synthetic: dataset.synthetic,
          source: dataset.source,
          period: period.id,
          at,
          parent,
          count: rows.length,
        },
        rows,
      },
      200,
    );
  });
