import { HTTPException } from 'hono/http-exception';
import { boundariesRoutes } from './features/boundaries/boundaries.routes';
import { configRoutes } from './features/config/config.routes';
import { healthRoutes } from './features/health/health.routes';
import { hotspotsRoutes } from './features/hotspots/hotspots.routes';
import { indicatorsRoutes } from './features/indicators/indicators.routes';
import { createReferenceCache } from './features/reference/reference-cache';
import { seriesRoutes } from './features/series/series.routes';
import { statusRoutes } from './features/status/status.routes';
import { tilesRoutes } from './features/tiles/tiles.routes';
import { unitsRoutes } from './features/units/units.routes';
import { valuesRoutes } from './features/values/values.routes';
import { accessControl } from './lib/access';
import type { AppDeps, RouteDeps } from './lib/context';
import { ApiError, errorBody } from './lib/errors';
import { createRouter } from './lib/openapi';

/** The API: middleware, error shape, every feature's routes chained so their types reach the web client. */
export function createApp(appDeps: AppDeps) {
  const deps: RouteDeps = { ...appDeps, reference: createReferenceCache(appDeps.db) };
  const app = createRouter();
  app.use('/api/*', accessControl());

  const routes = app
    .route('/', healthRoutes(deps))
    .route('/', configRoutes(deps))
    .route('/', unitsRoutes(deps))
    .route('/', boundariesRoutes(deps))
    .route('/', tilesRoutes(deps))
    .route('/', indicatorsRoutes(deps))
    .route('/', valuesRoutes(deps))
    .route('/', statusRoutes(deps))
    .route('/', hotspotsRoutes(deps))
    .route('/', seriesRoutes(deps));

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'PCMT Atlas API',
      version: '1',
      description:
        'Drug-free communes, hotspots and drug-prevention indicators of Vietnam. Demo deployments serve synthetic data (meta.synthetic).',
    },
  });

  app.onError((err, c) => {
    if (err instanceof ApiError) return c.json(errorBody(err.code, err.message, err.field), err.status);
    if (err instanceof HTTPException) return c.json(errorBody('http_error', err.message, null), err.status);
    // Never leak internals: log for operators, answer with a generic message.
    console.error(`${c.req.method} ${c.req.path}:`, err);
    return c.json(errorBody('internal_error', 'Internal server error', null), 500);
  });
  app.notFound((c) => c.json(errorBody('not_found', `no route ${c.req.method} ${c.req.path}`, null), 404));

  return routes;
}

export type AppType = ReturnType<typeof createApp>;
