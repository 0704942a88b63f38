import { createRoute } from '@hono/zod-openapi';
import { HealthResponse } from '@pcmt/domain/contracts/health';
import type { RouteDeps } from '../../lib/context';
import { createRouter } from '../../lib/openapi';
import { postgisVersion } from './health.repo';

const route = createRoute({
  method: 'get',
  path: '/api/health',
  summary: 'Is the API up, on which engine and PostGIS version',
  responses: { 200: { description: 'Healthy', content: { 'application/json': { schema: HealthResponse } } } },
});

export const healthRoutes = ({ db, dataset }: RouteDeps) =>
  createRouter().openapi(route, async (c) => {
    // Asking the database proves the connection works, not just that the process is alive.
    const postgis = await postgisVersion(db);
    return c.json(
      {
        status: 'ok' as const,
        engine: db.kind,
        postgis: postgis ?? 'unknown',
        synthetic: dataset.synthetic,
      },
      200,
    );
  });
