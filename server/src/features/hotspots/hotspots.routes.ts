import { createRoute } from '@hono/zod-openapi';
import { HotspotsQuery, HotspotsResponse } from '@pcmt/domain/contracts/hotspots';
import type { z } from 'zod';
import type { RouteDeps } from '../../lib/context';
import { createRouter, errorResponse, jsonText } from '../../lib/openapi';
import { today } from '../../lib/sql';
import { jurisdictionParams } from '../auth/jurisdiction';
import { hotspotFeaturesJson } from './hotspots.repo';

const route = createRoute({
  method: 'get',
  path: '/api/hotspots',
  summary: 'Hotspots (điểm, tụ điểm) and their state on a date, as GeoJSON',
  request: { query: HotspotsQuery },
  responses: {
    200: {
      description: 'GeoJSON FeatureCollection',
      content: { 'application/json': { schema: HotspotsResponse } },
    },
    400: errorResponse('Bad parameter'),
  },
});

export const hotspotsRoutes = ({ db, dataset }: RouteDeps) =>
  createRouter().openapi(route, async (c) => {
    const q = c.req.valid('query');
    const at = q.at ?? today();
    // Police see the hotspots of their jurisdiction only.
    const jurisdiction = jurisdictionParams(c.get('identity').jurisdiction);
    const { json, count } = await hotspotFeaturesJson(db, {
      bbox: q.bbox ?? null,
      status: q.status,
      at,
      jurisdiction,
    });
    const meta = { synthetic: dataset.synthetic, at, status: q.status, count };
    const body = `{"type":"FeatureCollection","meta":${JSON.stringify(meta)},"features":${json}}`;
    return jsonText<z.infer<typeof HotspotsResponse>>(c, body, 'application/geo+json; charset=utf-8');
  });
