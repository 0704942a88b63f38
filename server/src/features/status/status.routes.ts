import { createRoute } from '@hono/zod-openapi';
import { StatusQuery, StatusResponse } from '@pcmt/domain/contracts/status';
import type { z } from 'zod';
import type { RouteDeps } from '../../lib/context';
import { createRouter, errorResponse, jsonText } from '../../lib/openapi';
import { unitLookupFor } from '../units/unit-lookup-cache';
import { resolvePeriod, resolveUnitVersion } from '../values/resolve-values-query';
import { communeStatusesJson } from './status.repo';

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

export const statusRoutes = ({ db, dataset, reference }: RouteDeps) => {
  // The parent named on every map request, kept until a units change (no round trip per request).
  const units = unitLookupFor(db);
  return createRouter().openapi(route, async (c) => {
    const q = c.req.valid('query');
    const ref = await reference.get();
    const period = resolvePeriod(ref, q.period);
    const at = q.at ?? period.endDate;
    resolveUnitVersion(ref, period, at, 'commune');
    const parentUnit = q.parent ? await units.resolve(q.parent, at) : null;
    const parent = parentUnit?.code ?? null;
    const parentLevel =
      parentUnit?.level === 'province' || parentUnit?.level === 'district' ? parentUnit.level : null;
    const { json, count } = await communeStatusesJson(db, { asOf: period.endDate, at, parent, parentLevel });
    const meta = {
      synthetic: dataset.synthetic,
      source: dataset.source,
      period: period.id,
      at,
      parent,
      count,
    };
    // The rows are JSON text built by the database: splice them in rather than parse and re-serialise.
    return jsonText<z.infer<typeof StatusResponse>>(c, `{"meta":${JSON.stringify(meta)},"rows":${json}}`);
  });
};
