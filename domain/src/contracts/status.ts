import { z } from 'zod';
import { CommuneStatus, DataMeta, IsoDate, PeriodId, UnitCode } from './common';

export const StatusQuery = z.object({
  period: PeriodId,
  level: z.literal('commune').default('commune').describe('statuses are decided per commune'),
  parent: UnitCode.optional(),
  at: IsoDate.optional().describe('show on units valid on this date; default the end of the period'),
});

export const StatusRow = z.object({
  code: z.string(),
  status: CommuneStatus,
  effectiveDate: z.string(),
  document: z.string(),
  decidingBody: z.string(),
  /** true when the unit had no decision of its own and the status comes from its predecessors (most serious). */
  derived: z.boolean(),
});

export const StatusResponse = z.object({
  meta: DataMeta.extend({
    period: z.string(),
    at: z.string(),
    parent: z.string().nullable(),
    count: z.number(),
  }),
  rows: z.array(StatusRow),
});
