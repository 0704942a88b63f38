import { createRoute } from '@hono/zod-openapi';
import { SeriesQuery, SeriesResponse } from '@pcmt/domain/contracts/series';
import { dayBefore, NO_END } from '@pcmt/domain/periods';
import type { RouteDeps } from '../../lib/context';
import { badRequest } from '../../lib/errors';
import { msg } from '../../lib/messages';
import { createRouter, errorResponse } from '../../lib/openapi';
import { today } from '../../lib/sql';
import { versionAt } from '../../lib/version-at';
import { jurisdictionParams, requireReadable } from '../auth/jurisdiction';
import { unitLookupFor } from '../units/unit-lookup-cache';
import { communeSources } from '../values/provenance.repo';
import { resolveIndicator, resolvePeriod } from '../values/resolve-values-query';
import { reportedAtProvince, valueRows } from '../values/values.repo';

const route = createRoute({
  method: 'get',
  path: '/api/series',
  summary: 'One indicator of one unit over time, across the 2025 reorganisation through the crosswalk',
  request: { query: SeriesQuery },
  responses: {
    200: { description: 'Series', content: { 'application/json': { schema: SeriesResponse } } },
    400: errorResponse('Bad parameter'),
    404: errorResponse('Unknown unit, indicator or period'),
  },
});

export const seriesRoutes = ({ db, dataset, reference }: RouteDeps) => {
  // The unit named on every request, kept until a units change (no round trip per request).
  const units = unitLookupFor(db);
  return createRouter().openapi(route, async (c) => {
    const q = c.req.valid('query');
    const at = q.at ?? today();
    const unit = await units.resolve(q.unit, at, 'unit');
    const { jurisdiction } = c.get('identity');
    requireReadable(jurisdiction, unit, 'unit');
    const ref = await reference.get();
    const { indicator, stored, formula } = resolveIndicator(ref, q.indicator);
    const from = q.from ? resolvePeriod(ref, q.from, 'from') : resolvePeriod(ref, '2019-Q1', 'from');
    const to = q.to ? resolvePeriod(ref, q.to, 'to') : null;
    if (to && to.kind !== from.kind)
      throw badRequest('to', msg('period.kind_mismatch', { field: 'to', to: to.id, from: from.id }));
    if (to && to.startDate < from.startDate)
      throw badRequest('to', msg('period.before_from', { field: 'to', to: to.id, from: from.id }));
    const unitVersion = versionAt(ref.communeVersions, at) ?? at;
    // Periods reported on units newer than this unit cannot be shown on it: stop where it ceased to exist.
    const lastDay = [to?.endDate ?? NO_END, unit.validTo ? dayBefore(unit.validTo) : NO_END].sort()[0] ?? at;
    const periods = [...ref.periods.values()]
      .filter((p) => p.kind === from.kind && p.startDate >= from.startDate && p.endDate <= lastDay)
      .sort((a, b) => a.startDate.localeCompare(b.startDate));
    // A commune's figures can be read back to their source (an import and its file, or the demo generator);
    // so can a province's figures of an indicator reported at province level (stored on the province unit).
    const atProvince = reportedAtProvince({ stored });
    const ownSources = atProvince ? unit.level === 'province' : unit.level === 'commune';
    // The values and their sources are independent statements: on a PostgreSQL pool they run side by side.
    const [rows, sources] = await Promise.all([
      valueRows(db, {
        stored,
        formula,
        direct: false,
        periodIds: periods.map((p) => p.id),
        at,
        level: unit.level,
        parent: unit.provinceCode,
        parentLevel: 'province',
        unitCode: unit.code,
        jurisdiction: jurisdictionParams(jurisdiction),
      }),
      ownSources
        ? communeSources(db, {
            unitId: unit.id,
            codes: stored.filter((s) => (s.reportingLevel === 'province') === atProvince).map((s) => s.code),
            periodIds: periods.map((p) => p.id),
          })
        : null,
    ]);
    const byPeriod = new Map(rows.map((r) => [r.periodId, r]));
    return c.json(
      {
        meta: {
          synthetic: dataset.synthetic,
          source: dataset.source,
          unit: unit.code,
          unitName: unit.fullName,
          level: unit.level,
          indicator: indicator.code,
          at,
          unitVersion,
          // PROVINCE-LEVEL INDICATORS (values.repo.ts): a commune or district has no data at its level.
          reportingLevel: atProvince ? ('province' as const) : ('commune' as const),
          ...(atProvince && unit.level !== 'province' ? { noDataAtLevel: true as const } : {}),
        },
        rows: periods.map((p) => ({
          period: p.id,
          value: byPeriod.get(p.id)?.value ?? null,
          // Carried to this unit by a partial crosswalk row (a share of an old unit's count): an estimate.
          estimated: byPeriod.get(p.id)?.estimated ?? false,
          partial: byPeriod.get(p.id)?.partial ?? false,
          // AREA COVERAGE (values.repo.ts): an area's point says how many of its communes reported.
          ...coverage(byPeriod.get(p.id)),
          ...(sources ? { sources: sources.get(p.id) ?? [] } : {}),
          method: p.startDate < unitVersion ? ('crosswalk' as const) : ('direct' as const),
        })),
      },
      200,
    );
  });
};

function coverage(row: { reported: number | null; expected: number | null } | undefined) {
  return row && row.reported !== null && row.expected !== null
    ? { reported: row.reported, expected: row.expected }
    : {};
}
