import { z } from 'zod';
import { DataMeta, IndicatorCode, IsoDate, PeriodId, UnitCode, UnitLevel } from './common';
import { AreaCoverage } from './values';

export const SeriesQuery = z.object({
  unit: UnitCode.describe('unit valid on `at`'),
  indicator: IndicatorCode,
  from: PeriodId.optional().describe(
    'first period; its kind (year, half, quarter) sets the step; default 2019-Q1',
  ),
  to: PeriodId.optional().describe('last period, same kind as from; default the latest'),
  at: IsoDate.optional().describe(
    'units valid on this date; default today, so history crosses 1/7/2025 through the crosswalk',
  ),
});

/**
 * Where stored values behind a figure came from: an import (file, its rows, who, when), a report form entered
 * in the app (its submission), the demo generator, or another writer.
 */
export const ValueSource = z.object({
  kind: z.enum(['import', 'form', 'demo', 'other']),
  tag: z.string(),
  importId: z.number().nullable(),
  fileName: z.string().nullable(),
  actor: z.string().nullable(),
  importedAt: z.string().nullable(),
  rows: z
    .array(z.number().int())
    .describe('rows of the imported file the values were read from (ascending, at most 20); empty otherwise'),
  submissionId: z.number().nullable().describe('the report submission whose approval wrote them (kind form)'),
  crosswalk: z.boolean().describe('read from older units through the crosswalk'),
  estimated: z.boolean().describe('some by a partial crosswalk row (a share by area): an estimate'),
  values: z.number().int(),
});

export const SeriesResponse = z.object({
  meta: DataMeta.extend({
    unit: z.string(),
    unitName: z.string(),
    level: UnitLevel,
    indicator: z.string(),
    at: z.string(),
    unitVersion: z.string(),
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
  }),
  rows: z.array(
    z.object({
      period: z.string(),
      value: z.number().nullable(),
      method: z.enum(['direct', 'crosswalk']),
      /** Carried by a partial crosswalk row (a share of an old unit's count, by area): an estimate. */
      estimated: z.boolean(),
      /** Some quarters of the period have no value: the figure covers only part of it (e.g. a year so far). */
      partial: z.boolean(),
      /** A province's or district's point: communes that reported of those expected (AREA COVERAGE, values.ts). */
      ...AreaCoverage.shape,
      /** A commune's figure read back to its stored values' sources (absent for provinces and districts). */
      sources: z.array(ValueSource).optional(),
    }),
  ),
});
