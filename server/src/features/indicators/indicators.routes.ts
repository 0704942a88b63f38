import { createRoute } from '@hono/zod-openapi';
import { IndicatorsResponse } from '../../contracts/indicators';
import type { RouteDeps } from '../../lib/context';
import { createRouter } from '../../lib/openapi';
import { listIndicators } from './indicators.repo';

const route = createRoute({
  method: 'get',
  path: '/api/indicators',
  summary: 'The indicator catalogue: names, units, aggregation rules and sensitivity',
  responses: {
    200: { description: 'Catalogue', content: { 'application/json': { schema: IndicatorsResponse } } },
  },
});

export const indicatorsRoutes = ({ db }: RouteDeps) =>
  createRouter().openapi(route, async (c) => c.json({ rows: await listIndicators(db) }, 200));
