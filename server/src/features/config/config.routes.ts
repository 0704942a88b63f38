import { createRoute } from '@hono/zod-openapi';
import { ConfigResponse } from '@pcmt/domain/contracts/config';
import type { RouteDeps } from '../../lib/context';
import { createRouter } from '../../lib/openapi';

const route = createRoute({
  method: 'get',
  path: '/api/config',
  summary: 'Settings the web app reads at run time (optional basemap)',
  responses: {
    200: { description: 'Configuration', content: { 'application/json': { schema: ConfigResponse } } },
  },
});

export const configRoutes = ({ client }: RouteDeps) =>
  createRouter().openapi(route, (c) => c.json({ basemapStyleUrl: client?.basemapStyleUrl ?? null }, 200));
