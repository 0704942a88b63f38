import { createRoute } from '@hono/zod-openapi';
import { BoundariesQuery, BoundariesResponse } from '@pcmt/domain/contracts/boundaries';
import type { z } from 'zod';
import type { RouteDeps } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { msg } from '../../lib/messages';
import { createRouter, errorResponse, jsonText } from '../../lib/openapi';
import { today } from '../../lib/sql';
import { boundariesCacheFor } from './boundaries-cache';

const route = createRoute({
  method: 'get',
  path: '/api/boundaries',
  summary: 'Boundaries of the units of a level valid on a date, as GeoJSON',
  request: { query: BoundariesQuery },
  responses: {
    200: {
      description: 'GeoJSON FeatureCollection',
      content: { 'application/json': { schema: BoundariesResponse } },
    },
    400: errorResponse('Bad parameter'),
    404: errorResponse('Unknown parent'),
  },
});

export const boundariesRoutes = ({ db, dataset }: RouteDeps) => {
  const boundaries = boundariesCacheFor(db);
  return createRouter().openapi(route, async (c) => {
    const q = c.req.valid('query');
    const at = q.at ?? today();
    const parent = q.parent ?? null;
    const detail = q.detail ?? (parent ? 'mid' : 'low');
    const { json, count, parentFound } = await boundaries.get({ level: q.level, parent, at, detail });
    if (!parentFound)
      throw notFound('parent', msg('unit.not_valid_on', { field: 'parent', code: parent ?? '', date: at }));
    const meta = { synthetic: dataset.synthetic, at, level: q.level, detail, count };
    const body = `{"type":"FeatureCollection","meta":${JSON.stringify(meta)},"features":${json}}`;
    return jsonText<z.infer<typeof BoundariesResponse>>(c, body, 'application/geo+json; charset=utf-8');
  });
};
