import { createRoute } from '@hono/zod-openapi';
import { HotspotCountsQuery, HotspotCountsResponse } from '@pcmt/domain/contracts/hotspot-counts';
import type { RouteDeps } from '../../lib/context';
import { ApiError } from '../../lib/errors';
import { msg } from '../../lib/messages';
import { createRouter, errorResponse } from '../../lib/openapi';
import { today } from '../../lib/sql';
import { jurisdictionParams, touchesProvince } from '../auth/jurisdiction';
import { resolveParent } from '../units/resolve-unit';
import { countHotspotsByCommune } from './hotspots.repo';

const route = createRoute({
  method: 'get',
  path: '/api/hotspot-counts',
  summary: 'Hotspots per commune (counts only, no positions): what steering committees see',
  request: { query: HotspotCountsQuery },
  responses: {
    200: { description: 'Counts', content: { 'application/json': { schema: HotspotCountsResponse } } },
    400: errorResponse('Bad parameter'),
    403: errorResponse('Outside your jurisdiction'),
  },
});

/**
 * Counts of the hotspot register per commune in force, within the caller's jurisdiction. Committees may
 * know how many places a commune has, never where they are: this route returns no coordinate.
 */
export const hotspotCountsRoutes = ({ db, dataset }: RouteDeps) =>
  createRouter().openapi(route, async (c) => {
    const q = c.req.valid('query');
    const at = q.at ?? today();
    const { jurisdiction } = c.get('identity');
    const parent = q.parent ? await resolveParent(db, q.parent, at) : null;
    if (parent && !touchesProvince(jurisdiction, parent.provinceCode)) {
      throw new ApiError(
        403,
        'outside_jurisdiction',
        msg('access.outside_jurisdiction', { field: 'parent', value: parent.code }),
        'parent',
      );
    }
    const scope = jurisdictionParams(jurisdiction);
    const rows = await countHotspotsByCommune(db, at, parent?.provinceCode ?? null, scope);
    return c.json(
      {
        meta: {
          synthetic: dataset.synthetic,
          source: dataset.source,
          at,
          parent: parent?.code ?? null,
          count: rows.length,
        },
        rows,
      },
      200,
    );
  });
