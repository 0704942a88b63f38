import { z } from 'zod';
import { DataMeta, IndicatorCode, IsoDate, PeriodId, UnitCode } from './common';

/**
 * Which communes an area's total is missing (issue 15, "missing is not zero … and says which units are
 * missing"): the communes counted in `expected` but not in `reported` of the area's row of GET /api/values
 * (same indicator, period, `at` and jurisdiction), so `count` = expected − reported. Asked when the user opens
 * the coverage note, never on the map's hot path.
 */
export const MissingUnitsQuery = z.object({
  indicator: IndicatorCode.describe('indicator code from /api/indicators'),
  period: PeriodId.describe('2024, 2024-H1, 2024-Q3 …'),
  parent: UnitCode.optional().describe(
    'the district or province whose total it is; absent: the whole country',
  ),
  at: IsoDate.optional().describe(
    'the units valid on this date, as in /api/values; default the end of the period',
  ),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .default(50)
    .describe('at most this many communes are listed (in code order); `count` says how many there are'),
});

export const MissingUnit = z.object({
  code: z.string(),
  name: z.string().describe('the commune’s full Vietnamese name, e.g. "Xã Tân Lập"'),
  districtName: z.string().nullable().describe('its district’s name on units that have districts'),
  provinceName: z.string().nullable(),
});

export const MissingUnitsResponse = z.object({
  meta: DataMeta.extend({
    indicator: z.string(),
    period: z.string(),
    parent: z.string().nullable(),
    at: z.string(),
    reportingLevel: z
      .enum(['commune', 'province'])
      .describe(
        'province: the indicator is reported by whole provinces, no commune is expected (empty list)',
      ),
  }),
  /** Communes of the area (within the caller's jurisdiction) valid at `at`. */
  expected: z.number().int(),
  /** Communes with no value of some commune-level input in any quarter of the period. */
  count: z.number().int(),
  /** The first `limit` of them in code order. */
  units: z.array(MissingUnit),
});
export type MissingUnitsResponse = z.infer<typeof MissingUnitsResponse>;
