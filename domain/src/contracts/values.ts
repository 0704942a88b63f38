import { z } from 'zod';
import { DataMeta, IndicatorCode, IsoDate, PeriodId, UnitCode, UnitLevel } from './common';

export const ValuesQuery = z.object({
  indicator: IndicatorCode.describe('indicator code from /api/indicators'),
  period: PeriodId.describe('2024, 2024-H1, 2024-Q3 …'),
  level: UnitLevel.default('commune'),
  parent: UnitCode.optional().describe('only units inside this unit'),
  at: IsoDate.optional().describe(
    'express values on the units valid on this date; default the end of the period (units as they were). ' +
      'A date after 1/7/2025 with a period before it re-expresses old values on today’s units through the crosswalk.',
  ),
});

/**
 * A total over an area (district, province) says how many of its communes it covers. The value is the total of
 * what was reported (never completed with zeros or estimates); `reported < expected` means some communes sent
 * nothing for this indicator and period, and the total is incomplete. An area where no commune reported has no
 * row at all (no data). Unrelated to `partial`, which is about quarters of the period, not communes.
 */
export const AreaCoverage = z.object({
  reported: z
    .number()
    .int()
    .optional()
    .describe(
      'district and province rows: communes that reported this indicator (every input of a computed one) in ' +
        'the period; absent on commune rows and for indicators reported at province level',
    ),
  expected: z
    .number()
    .int()
    .optional()
    .describe('district and province rows: communes of the unit valid at `at` (the caller may read)'),
});

export const ValueRow = z.object({
  code: z.string(),
  value: z.number(),
  estimated: z
    .literal(true)
    .optional()
    .describe(
      'present when a partial crosswalk row carried the value to this unit (a share of a count): an estimate',
    ),
  partial: z
    .literal(true)
    .optional()
    .describe('present when some quarters of the period have no value: the figure covers only part of it'),
  ...AreaCoverage.shape,
});

export const ValuesMeta = DataMeta.extend({
  indicator: z.string(),
  period: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  level: UnitLevel,
  parent: z.string().nullable(),
  at: z.string(),
  unitVersion: z.string().describe('valid_from of the unit version the codes belong to'),
  method: z.enum(['direct', 'crosswalk']).describe('crosswalk: values reported on older units, re-expressed'),
  count: z.number(),
  reportingLevel: z
    .enum(['commune', 'province'])
    .optional()
    .describe(
      'the level the indicator is reported at: a province-level one has values for whole provinces only',
    ),
  noDataAtLevel: z
    .literal(true)
    .optional()
    .describe(
      'present when the indicator is reported at province level and a finer level was asked: no data at this ' +
        'level (no rows, not zeros); ask level=province',
    ),
});

export const ValuesResponse = z.object({ meta: ValuesMeta, rows: z.array(ValueRow) });
