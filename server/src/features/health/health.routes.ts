import { createRoute } from '@hono/zod-openapi';
import { HealthResponse } from '../../contracts/health';
import type { RouteDeps } from '../../lib/context';
import { createRouter } from '../../lib/openapi';

const route = createRoute({
  method: 'get',
  path: '/api/health',
  summary: 'Is the API up, on which engine and PostGIS version',
  responses: { 200: { description: 'Healthy', content: { 'application/json': { schema: HealthResponse } } } },
});

export const healthRoutes = ({ db, dataset }: RouteDeps) =>
  createRouter().openapi(route, async (c) => {
    // Asking the database proves the connection works, not just that the process is alive.
    const rows = await db.query<{ v: string }>(`select postgis_lib_version() as v`);
    return c.json(
      {
        status: 'ok' as const,
        engine: db.kind,
        postgis: rows[0]?.v ?? 'unknown',
        synthetic: dataset.synthetic,
      },
      200,
    );
  });
