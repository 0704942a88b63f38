import { createRoute } from '@hono/zod-openapi';
import type { TypedResponse } from 'hono';
import type { z } from 'zod';
import { BoundariesQuery, BoundariesResponse } from '../../contracts/boundaries';
import { ErrorResponse } from '../../contracts/common';
import type { RouteDeps } from '../../lib/context';
import { createRouter } from '../../lib/openapi';
import { today } from '../../lib/sql';
import { resolveParent } from '../units/resolve-unit';
import { boundaryFeaturesJson } from './boundaries.repo';

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
    400: { description: 'Bad parameter', content: { 'application/json': { schema: ErrorResponse } } },
    404: { description: 'Unknown parent', content: { 'application/json': { schema: ErrorResponse } } },
  },
});

export const boundariesRoutes = ({ db, dataset }: RouteDeps) =>
  createRouter().openapi(route, async (c) => {
    const q = c.req.valid('query');
    const at = q.at ?? today();
    const parent = q.parent ? (await resolveParent(db, q.parent, at)).code : null;
    const detail = q.detail ?? (parent ? 'mid' : 'low');
    const { json, count } = await boundaryFeaturesJson(db, { level: q.level, parent, at, detail });
    const meta = { synthetic: dataset.synthetic, at, level: q.level, detail, count };
    const body = `{"type":"FeatureCollection","meta":${JSON.stringify(meta)},"features":${json}}`;
    const response = c.body(body, 200, { 'content-type': 'application/geo+json; charset=utf-8' });
    // Same shape as the contract; features are JSON built by the database.
    return response as unknown as TypedResponse<z.infer<typeof BoundariesResponse>, 200, 'json'>;
  });
