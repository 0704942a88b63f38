import { z } from 'zod';
import { DataMeta, IsoDate, UnitCode } from './common';

export const HotspotCountsQuery = z.object({
  parent: UnitCode.optional().describe('only communes of this province (code in force)'),
  at: IsoDate.optional().describe('state of each hotspot on this date; default today'),
});

export const HotspotCountsResponse = z.object({
  meta: DataMeta.extend({ at: z.string(), parent: z.string().nullable(), count: z.number() }),
  /** Per commune in force: hotspots active on `at`, and those eliminated (triệt xóa) by then and not back. */
  rows: z.array(z.object({ code: z.string(), active: z.number(), eliminated: z.number() })),
});
