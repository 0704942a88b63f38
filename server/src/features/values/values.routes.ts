import { createRoute } from '@hono/zod-openapi';
import { ValuesQuery, ValuesResponse } from '@pcmt/domain/contracts/values';
import type { z } from 'zod';
import type { RouteDeps } from '../../lib/context';
import { ApiError, badRequest } from '../../lib/errors';
import { msg } from '../../lib/messages';
import { createRouter, errorResponse, jsonText } from '../../lib/openapi';
import { jurisdictionParams, touchesProvince } from '../auth/jurisdiction';
import { unitLookupFor } from '../units/unit-lookup-cache';
import { communeListsFor, communeValuesJson, isHotPath } from './commune-values';
import { resolveIndicator, resolvePeriod, resolveUnitVersion } from './resolve-values-query';
import { reportedAtProvince, type ValuesQuery as ValuesRequest, valuesJson } from './values.repo';

const route = createRoute({
  method: 'get',
  path: '/api/values',
  summary: 'Values of one indicator for one period on every unit of a level',
  request: { query: ValuesQuery },
  responses: {
    200: { description: 'Values', content: { 'application/json': { schema: ValuesResponse } } },
    400: errorResponse('Bad parameter'),
    404: errorResponse('Unknown indicator, period or unit'),
  },
});

export const valuesRoutes = ({ db, dataset, reference }: RouteDeps) => {
  const units = unitLookupFor(db);
  const communeLists = communeListsFor(db);
  return createRouter().openapi(route, async (c) => {
    const q = c.req.valid('query');
    const ref = await reference.get();
    const { indicator, stored, formula } = resolveIndicator(ref, q.indicator);
    const period = resolvePeriod(ref, q.period);
    const at = q.at ?? period.endDate;
    const { unitVersion, method } = resolveUnitVersion(ref, period, at, q.level);
    const parentUnit = q.parent ? await units.resolve(q.parent, at) : null;
    if (parentUnit?.level === 'commune') {
      throw badRequest('parent', msg('unit.commune_as_parent', { field: 'parent', code: parentUnit.code }));
    }
    const { jurisdiction } = c.get('identity');
    if (parentUnit && !touchesProvince(jurisdiction, parentUnit.provinceCode)) {
      throw new ApiError(
        403,
        'outside_jurisdiction',
        msg('access.outside_jurisdiction', { field: 'parent', value: parentUnit.code }),
        'parent',
      );
    }
    const parent = parentUnit?.code ?? null;
    const query: ValuesRequest = {
      stored,
      formula,
      direct: method === 'direct' && period.kind === 'quarter',
      periodIds: [period.id],
      at,
      level: q.level,
      parent,
      parentLevel: parentUnit?.level ?? null,
      unitCode: null,
      jurisdiction: jurisdictionParams(jurisdiction),
    };
    // One stored indicator, one quarter, communes: the map's hot path (commune-values.ts), same bytes.
    const { json, count } = isHotPath(query)
      ? await communeValuesJson(db, communeLists, query)
      : await valuesJson(db, query);
    const atProvince = reportedAtProvince({ stored });
    const meta = {
      synthetic: dataset.synthetic,
      source: dataset.source,
      indicator: indicator.code,
      period: period.id,
      periodStart: period.startDate,
      periodEnd: period.endDate,
      level: q.level,
      parent,
      at,
      unitVersion,
      method,
      count,
      // PROVINCE-LEVEL INDICATORS (values.repo.ts): reported for whole provinces only; asked at commune or
      // district level there is no data at this level (no rows, not 0), and the map colours provinces instead.
      reportingLevel: atProvince ? ('province' as const) : ('commune' as const),
      ...(atProvince && q.level !== 'province' ? { noDataAtLevel: true as const } : {}),
    };
    // The rows are JSON text built by the database: splice them in rather than parse and re-serialise.
    const body = `{"meta":${JSON.stringify(meta)},"rows":${json}}`;
    return jsonText<z.infer<typeof ValuesResponse>>(c, body);
  });
};
